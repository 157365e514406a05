// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"
#include "scenario.h"
#include "taskcontext.h"

#include <qcoro/qcorotask.h>

namespace Gatherscope {

//! The seed's `say_hello(name)`: prints `Hello, {name}!`, sleeps, prints `Goodbye, {name}!`,
//! returns `"{name} is done"`.
QCoro::Task<PyValue> sayHello(TaskContext context, QString name, LoopTime sleep);

//! The seed's `divide(x, y)`: prints `Dividing {x} by {y}`, sleeps, raises
//! `ZeroDivisionError("Cannot divide by zero")` when y == 0 (also -0.0), else returns x / y as
//! a float.
QCoro::Task<PyValue> divide(TaskContext context, PyValue x, PyValue y, LoopTime sleep);

//! A `fail` task: sleeps, then raises \a exception (a Python type name) with \a message, as
//! `raise KeyError(message)` does.
QCoro::Task<PyValue> fail(TaskContext context, QString exception, QString message, LoopTime sleep);

//! A `blocking_sleep` task, the classic mistake: `time.sleep(sleep)` inside a coroutine, which
//! holds the event loop for \a sleep (no other task runs meanwhile), then returns \a sleep
//! (as Python writes it: `2`, `0.5`).
QCoro::Task<PyValue> blockingSleep(TaskContext context, LoopTime sleep);

//! A `compute` task: prints `Computing sum_primes(n) on a worker thread`, runs \a work of \a n
//! there (TaskContext::runOnWorker(), declared to take \a cost), prints `sum_primes(n) = r` and
//! returns r.
QCoro::Task<PyValue> compute(TaskContext context, QString work, std::int64_t n, LoopTime cost);

//! The coroutine of a task of \a spec's kind (not a gather), sleeping \a sleep.
QCoro::Task<PyValue> runDemoTask(const TaskContext &context, const TaskSpec &spec, LoopTime sleep);

} // namespace Gatherscope
