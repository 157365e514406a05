// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QString>

namespace Gatherscope {

//! The Python twin of \a scenario: the complete asyncio program it stands for, written as a
//! person would write it for a class (the article's `say_hello` and `divide`, one
//! `asyncio.gather` per gather, `loop.call_later(t, task.cancel)` for each `cancel_after`, the
//! article's report loop).
/*!
 * Run by `python3`, it prints what `gatherscope --headless` prints for the scenario, line for
 * line, and exits with the same status: 0 when the gather returned, 1 when it raised. With a
 * seed it draws the random sleeps as the scenario runner does: `random.seed(N)`, then one
 * `random.randint(a, b)` per random sleep, depth first in file order (the order its tasks are
 * created in).
 */
QString pythonTwin(const Scenario &scenario);

} // namespace Gatherscope
