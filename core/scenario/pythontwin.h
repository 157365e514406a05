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

//! Where a twin's task functions are at each step, as line numbers from 0 (-1 if missing).
struct TwinLines {
    int helloPrint = -1;         //!< say_hello's `print(f"Hello, …")`
    int helloSleep = -1;         //!< its `await asyncio.sleep(sleep)`
    int goodbyePrint = -1;       //!< its `print(f"Goodbye, …")`
    int helloReturn = -1;        //!< its `return`
    int dividePrint = -1;        //!< divide's `print(f"Dividing …")`
    int divideSleep = -1;        //!< its `await asyncio.sleep(sleep)`
    int divideCheck = -1;        //!< its `if y == 0:`
    int divideRaise = -1;        //!< its `raise ZeroDivisionError(…)`
    int divideReturn = -1;       //!< its `return x / y`
    int failSleep = -1;          //!< fail's `await asyncio.sleep(sleep)`, when the twin has fail
    int failRaise = -1;          //!< its `raise error(message)`
    int blockingSleep = -1;      //!< blocking_sleep's `time.sleep(sleep)`, when the twin has it
    int blockingReturn = -1;     //!< its `return sleep`
    int computePrint = -1;       //!< compute's `print(f"Computing …")`, when the twin has compute
    int computeAwait = -1;       //!< its `… = await asyncio.gather(asyncio.to_thread(…), …)`
    int computeResultPrint = -1; //!< its `print(f"… = {result}")`
    int computeReturn = -1;      //!< its `return result`
};

//! The lines of \a twin (a pythonTwin()) where its say_hello, divide and fail print, sleep, check,
//! return and raise: where the window marks each task during a run.
TwinLines findTwinLines(const QString &twin);

} // namespace Gatherscope
