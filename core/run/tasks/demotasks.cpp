// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "demotasks.h"

#include "pythonerror.h"
#include "pythonrepr.h"
#include "truedivide.h"

namespace Gatherscope {

QCoro::Task<PyValue> sayHello(TaskContext context, QString name, LoopTime sleep)
{
    context.print(QStringLiteral("Hello, %1!").arg(name));
    co_await context.sleep(sleep);
    context.print(QStringLiteral("Goodbye, %1!").arg(name));
    co_return PyValue::string(QStringLiteral("%1 is done").arg(name));
}

QCoro::Task<PyValue> divide(TaskContext context, PyValue x, PyValue y, LoopTime sleep)
{
    context.print(QStringLiteral("Dividing %1 by %2").arg(pythonStr(x), pythonStr(y)));
    co_await context.sleep(sleep);
    if (y.toNumber() == 0)
        throw ZeroDivisionError("Cannot divide by zero");
    co_return PyValue::floating(pythonTrueDivide(x, y));
}

} // namespace Gatherscope
