// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "demotasks.h"

#include "computations.h"

#include "pythonerror.h"
#include "pythonrepr.h"
#include "truedivide.h"

namespace Gatherscope {

namespace {

// Each task takes its context and its arguments by reference, not by value: its one caller,
// the runner's task (through runDemoTask()), awaits it at once, and outlives it with the
// context, while the arguments live in the scenario that the run holds. A run of 100,000 tasks
// holds as many of these frames at once; by value, each was 48 bytes larger.

//! The seed's `say_hello(name)`: prints `Hello, {name}!`, sleeps, prints `Goodbye, {name}!`,
//! returns `"{name} is done"`.
QCoro::Task<PyValue> sayHello(const TaskContext &context, const QString &name, LoopTime sleep)
{
    // Concatenated, not QString::arg: a run of 100,000 makes these 300,000 times, and arg()
    // parses its pattern each time.
    context.print(u"Hello, " + name + u'!');
    co_await context.sleep(sleep);
    context.print(u"Goodbye, " + name + u'!');
    co_return PyValue::string(name + u" is done");
}

//! The seed's `divide(x, y)`: prints `Dividing {x} by {y}`, sleeps, raises
//! `ZeroDivisionError("Cannot divide by zero")` when y == 0 (also -0.0), else returns x / y as
//! a float.
QCoro::Task<PyValue> divide(const TaskContext &context, const PyValue &x, const PyValue &y,
                            LoopTime sleep)
{
    context.print(QStringLiteral("Dividing %1 by %2").arg(pythonStr(x), pythonStr(y)));
    co_await context.sleep(sleep);
    if (y.toNumber() == 0)
        throw ZeroDivisionError("Cannot divide by zero");
    co_return PyValue::floating(pythonTrueDivide(x, y));
}

//! A `fail` task: sleeps, then raises \a exception (a Python type name) with \a message, as
//! `raise KeyError(message)` does.
QCoro::Task<PyValue> fail(const TaskContext &context, const QString &exception,
                          const QString &message, LoopTime sleep)
{
    co_await context.sleep(sleep);
    throw RaisedError(exception.toStdString(), message.toStdString());
}

//! A `blocking_sleep` task, the classic mistake: `time.sleep(sleep)` inside a coroutine, which
//! holds the event loop for \a sleep (no other task runs meanwhile), then returns \a sleep
//! (as Python writes it: `2`, `0.5`).
QCoro::Task<PyValue> blockingSleep(const TaskContext &context, LoopTime sleep)
{
    context.blockLoop(sleep);
    co_return pythonSeconds(sleep.count());
}

//! A `compute` task: prints `Computing sum_primes(n) on a worker thread`, runs \a work of \a n
//! there (TaskContext::runOnWorker(), declared to take \a cost), prints `sum_primes(n) = r` and
//! returns r.
QCoro::Task<PyValue> compute(const TaskContext &context, const QString &work, std::int64_t n,
                             LoopTime cost)
{
    const QString call = QStringLiteral("%1(%2)").arg(work).arg(n);
    context.print(QStringLiteral("Computing %1 on a worker thread").arg(call));
    std::function<std::int64_t()> job = [work, n] { return computeWork(work, n); };
    QCoro::Task<std::int64_t> computing = context.runOnWorker(std::move(job), cost);
    const std::int64_t result = co_await computing;
    context.print(QStringLiteral("%1 = %2").arg(call).arg(result));
    co_return PyValue::integer(result);
}

} // namespace

QCoro::Task<PyValue> runDemoTask(const TaskContext &context, const TaskSpec &spec, LoopTime sleep)
{
    switch (spec.kind) {
    case TaskSpec::Kind::SayHello:
        return sayHello(context, spec.name, sleep);
    case TaskSpec::Kind::Divide:
        return divide(context, spec.x, spec.y, sleep);
    case TaskSpec::Kind::Fail:
        return fail(context, spec.exception, spec.message, sleep);
    case TaskSpec::Kind::BlockingSleep:
        return blockingSleep(context, sleep);
    case TaskSpec::Kind::Compute:
        return compute(context, spec.work, spec.size, sleep);
    case TaskSpec::Kind::Gather:
        break;
    }
    Q_UNREACHABLE();
}

} // namespace Gatherscope
