// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"

#include <QStringList>

namespace Gatherscope {

//! What happened in a run, in a few sentences for a class, from its record alone: who started,
//! who raised, what the awaiter received and when, which tasks kept running after a raise and
//! until when, what was cancelled and by whom. Long lists of tasks are cut to their first few
//! names and a count. Shown under the results and printed by `--headless --explain`.
QStringList narrate(const EventRecord &record);

} // namespace Gatherscope
