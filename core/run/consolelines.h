// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"
#include "taskevent.h"

#include <QStringList>

namespace Gatherscope {

//! The lines \a event makes the equivalent Python program print (often none).
/*!
 * The tasks' own lines; when the top-level gather returns, its results (`report: each`: one
 * `Result: …` or `Error: …` line each; `report: list`: the list's repr); when it raises,
 * `gather raised Type: message`. The headless mode and the window's console both use this.
 */
QStringList consoleLines(const TaskEvent &event, ReportStyle report);

} // namespace Gatherscope
