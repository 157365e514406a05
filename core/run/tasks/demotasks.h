// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"
#include "scenario.h"
#include "taskcontext.h"

#include <qcoro/qcorotask.h>

namespace Gatherscope {

// Each task takes its context and its arguments by reference, not by value: its one caller,
// the runner's task (through runDemoTask()), awaits it at once, and outlives it with the
// context, while the arguments live in the scenario that the run holds. A run of 100,000 tasks
// holds as many of these frames at once; by value, each was 64 bytes larger.

//! The seed's `say_hello(name)`: prints `Hello, {name}!`, sleeps, prints `Goodbye, {name}!`,
//! returns `"{name} is done"`.
QCoro::Task<PyValue> sayHello(const TaskContext &context, const QString &name, LoopTime sleep);

//! The seed's `divide(x, y)`: prints `Dividing {x} by {y}`, sleeps, raises
//! `ZeroDivisionError("Cannot divide by zero")` when y == 0 (also -0.0), else returns x / y as
//! a float.
QCoro::Task<PyValue> divide(const TaskContext &context, const PyValue &x, const PyValue &y,
                            LoopTime sleep);

//! A `fail` task: sleeps, then raises \a exception (a Python type name) with \a message, as
//! `raise KeyError(message)` does.
QCoro::Task<PyValue> fail(const TaskContext &context, const QString &exception,
                          const QString &message, LoopTime sleep);

//! A `blocking_sleep` task, the classic mistake: `time.sleep(sleep)` inside a coroutine, which
//! holds the event loop for \a sleep (no other task runs meanwhile), then returns \a sleep
//! (as Python writes it: `2`, `0.5`).
QCoro::Task<PyValue> blockingSleep(const TaskContext &context, LoopTime sleep);

//! A `compute` task: prints `Computing sum_primes(n) on a worker thread`, runs \a work of \a n
//! there (TaskContext::runOnWorker(), declared to take \a cost), prints `sum_primes(n) = r` and
//! returns r.
QCoro::Task<PyValue> compute(const TaskContext &context, const QString &work, std::int64_t n,
                             LoopTime cost);

//! The coroutine of a task of \a spec's kind (not a gather), sleeping \a sleep. Await it at
//! once, while \a context and \a spec live.
QCoro::Task<PyValue> runDemoTask(const TaskContext &context, const TaskSpec &spec, LoopTime sleep);

} // namespace Gatherscope
