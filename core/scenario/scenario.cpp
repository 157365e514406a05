// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenario.h"

#include "pythonrepr.h"

namespace Gatherscope {

TaskSpec TaskSpec::sayHello(QString name, SleepSpec sleep)
{
    TaskSpec spec;
    spec.kind = Kind::SayHello;
    spec.name = std::move(name);
    spec.sleep = sleep;
    return spec;
}

TaskSpec TaskSpec::divide(PyValue x, PyValue y, SleepSpec sleep)
{
    TaskSpec spec;
    spec.kind = Kind::Divide;
    spec.x = std::move(x);
    spec.y = std::move(y);
    spec.sleep = sleep;
    return spec;
}

TaskSpec TaskSpec::fail(QString exception, QString message, SleepSpec sleep)
{
    TaskSpec spec;
    spec.kind = Kind::Fail;
    spec.exception = std::move(exception);
    spec.message = std::move(message);
    spec.sleep = sleep;
    return spec;
}

TaskSpec TaskSpec::blockingSleep(SleepSpec sleep)
{
    TaskSpec spec;
    spec.kind = Kind::BlockingSleep;
    spec.sleep = sleep;
    return spec;
}

TaskSpec TaskSpec::compute(QString work, std::int64_t size, SleepSpec cost)
{
    TaskSpec spec;
    spec.kind = Kind::Compute;
    spec.work = std::move(work);
    spec.size = size;
    spec.sleep = cost;
    return spec;
}

TaskSpec TaskSpec::gather(std::vector<TaskSpec> tasks, bool returnExceptions)
{
    TaskSpec spec;
    spec.kind = Kind::Gather;
    spec.tasks = std::move(tasks);
    spec.returnExceptions = returnExceptions;
    return spec;
}

QString TaskSpec::displayName() const
{
    if (!label.isEmpty())
        return label;
    switch (kind) {
    case Kind::SayHello:
        return u"say_hello(" + pythonStringRepr(name) + u')'; // for every task of a run: no arg()
    case Kind::Divide:
        return QStringLiteral("divide(%1, %2)").arg(pythonRepr(x), pythonRepr(y));
    case Kind::Fail:
        return QStringLiteral("fail(%1, %2)").arg(exception, pythonStringRepr(message));
    case Kind::BlockingSleep:
        if (sleep.isRandom())
            return QStringLiteral("blocking_sleep(%1..%2)")
                .arg(*sleep.randomMin)
                .arg(*sleep.randomMax);
        return QStringLiteral("blocking_sleep(%1)").arg(pythonRepr(pythonSeconds(sleep.seconds)));
    case Kind::Compute:
        return QStringLiteral("compute(%1, %2)").arg(work).arg(size);
    case Kind::Gather:
        return QStringLiteral("gather(%1 tasks)").arg(tasks.size());
    }
    return {};
}

} // namespace Gatherscope
