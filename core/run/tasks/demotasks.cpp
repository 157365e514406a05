// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "demotasks.h"

#include "computations.h"

#include "pythonerror.h"
#include "pythonrepr.h"
#include "truedivide.h"

namespace Gatherscope {

// Concatenated, not QString::arg: a run of 100,000 makes these 300,000 times, and arg() parses
// its pattern each time.
QCoro::Task<PyValue> sayHello(const TaskContext &context, const QString &name, LoopTime sleep)
{
    context.print(u"Hello, " + name + u'!');
    co_await context.sleep(sleep);
    context.print(u"Goodbye, " + name + u'!');
    co_return PyValue::string(name + u" is done");
}

QCoro::Task<PyValue> divide(const TaskContext &context, const PyValue &x, const PyValue &y,
                            LoopTime sleep)
{
    context.print(QStringLiteral("Dividing %1 by %2").arg(pythonStr(x), pythonStr(y)));
    co_await context.sleep(sleep);
    if (y.toNumber() == 0)
        throw ZeroDivisionError("Cannot divide by zero");
    co_return PyValue::floating(pythonTrueDivide(x, y));
}

QCoro::Task<PyValue> fail(const TaskContext &context, const QString &exception,
                          const QString &message, LoopTime sleep)
{
    co_await context.sleep(sleep);
    throw RaisedError(exception.toStdString(), message.toStdString());
}

QCoro::Task<PyValue> blockingSleep(const TaskContext &context, LoopTime sleep)
{
    context.blockLoop(sleep);
    co_return pythonSeconds(sleep.count());
}

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
