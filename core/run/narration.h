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

//! The difference between two runs of one scenario, \a withFalse with `return_exceptions`
//! False and \a withTrue with it True, in one sentence: "With False, gather raised
//! ZeroDivisionError at 1 s and divide(30, 5) finished unseen at 3 s; with True, gather
//! returned 3 results at 3 s."
QString compareReturnExceptions(const EventRecord &withFalse, const EventRecord &withTrue);

//! The difference between any two runs, \a first called \a firstName and \a second called
//! \a secondName, in one sentence: "In basic.json, gather returned 2 results at 2 s; in
//! fail-fast.json, gather raised ZeroDivisionError at 1 s and divide(30, 5) finished unseen at
//! 3 s."
QString compareRuns(const EventRecord &first, const QString &firstName, const EventRecord &second,
                    const QString &secondName);

} // namespace Gatherscope
