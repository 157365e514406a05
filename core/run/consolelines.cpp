// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "consolelines.h"

#include "pythonrepr.h"

namespace Gatherscope {

QStringList consoleLines(const TaskEvent &event, ReportStyle report)
{
    if (event.kind == TaskEvent::Kind::Printed)
        return {event.text};
    if (event.node != 0)
        return {};
    if (event.kind == TaskEvent::Kind::GatherRaised)
        return {QStringLiteral("gather raised ") + pythonExceptionLine(event.error)};
    if (event.kind != TaskEvent::Kind::GatherReturned)
        return {};
    if (report == ReportStyle::List)
        return {pythonRepr(event.value)};
    QStringList lines;
    for (const auto &item : event.value.toList()) {
        // The article's `if isinstance(r, Exception)`: a CancelledError prints as a Result.
        const bool isError = item.isException() && isInstanceOfException(item.toException());
        lines << (isError ? QStringLiteral("Error: ") : QStringLiteral("Result: ")) +
                     pythonStr(item);
    }
    return lines;
}

} // namespace Gatherscope
