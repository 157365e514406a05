// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pythontwin.h"

#include <QStringList>

#include <map>

class TimelineModel;

//! The line of the Python twin each task of a run is at, from what its lane shows so far:
//! printing, asleep at the `await`, woken, returned, raised, or cancelled at the `await`.
//! Tasks not started yet are at no line. Keys are twin lines (from 0), values task names in
//! lane order.
std::map<int, QStringList> twinPositions(const TimelineModel &model,
                                         const Gatherscope::TwinLines &lines);
