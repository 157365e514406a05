// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "stepcaption.h"

#include "pythonrepr.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

using namespace Gatherscope;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("StepCaption", text);
}

//! The tasks of gather \a parent that have not ended by event \a index.
QStringList stillRunning(const EventRecord &record, int parent, int index)
{
    std::vector<bool> ended(record.nodes().size());
    for (int i = 0; i <= index; ++i) {
        const TaskEvent &event = record.events()[std::size_t(i)];
        if (endsTask(event.kind))
            ended[std::size_t(event.node)] = true;
    }
    QStringList names;
    for (const TaskNode &node : record.nodes()) {
        if (node.parent == parent && !ended[std::size_t(node.id)])
            names << node.label;
    }
    return names;
}

//! True if gather \a node has already returned or raised before event \a index.
bool settledBefore(const EventRecord &record, int node, int index)
{
    for (int i = 0; i < index; ++i) {
        const TaskEvent &event = record.events()[std::size_t(i)];
        if (event.node == node && (event.kind == TaskEvent::Kind::GatherReturned ||
                                   event.kind == TaskEvent::Kind::GatherRaised))
            return true;
    }
    return false;
}

//! Why a raise matters to its gather: it hands the exception on, or keeps it in the list.
QString raiseConsequence(const EventRecord &record, const TaskNode &node, int index)
{
    const int gather = node.parent;
    if (gather < 0)
        return {};
    if (record.nodes()[std::size_t(gather)].returnExceptions)
        return tr("; return_exceptions is True, so it takes its place in the results");
    if (settledBefore(record, gather, index))
        return tr("; the gather has already raised, so nobody receives it");
    QString text = tr("; return_exceptions is False, so gather raises it to its caller now");
    const QStringList others = stillRunning(record, gather, index);
    if (others.size() == 1)
        text += tr("; %1 keeps running").arg(others.first());
    else if (!others.isEmpty())
        text += tr("; %1 keep running").arg(others.join(QStringLiteral(", ")));
    return text;
}

} // namespace

QString stepCaption(const EventRecord &record, int index)
{
    if (index < 0 || std::size_t(index) >= record.events().size())
        return {};
    const TaskEvent &event = record.events()[std::size_t(index)];
    const TaskNode &node = record.nodes()[std::size_t(event.node)];
    const QString who = event.node == 0 ? tr("the gather") : node.label;
    switch (event.kind) {
    case TaskEvent::Kind::Started:
        return tr("%1 started").arg(who);
    case TaskEvent::Kind::Printed:
        return tr("%1 printed %2").arg(who, event.text);
    case TaskEvent::Kind::Slept:
        return tr("%1 went to sleep until %2 s; meanwhile the others run")
            .arg(who)
            .arg(scenarioTimeToSeconds(event.until));
    case TaskEvent::Kind::Computing:
        return tr("%1 handed its work to a worker thread (asyncio.to_thread); meanwhile the "
                  "others run")
            .arg(who);
    case TaskEvent::Kind::Woke:
        if (node.kind == TaskSpec::Kind::Compute)
            return tr("%1 got its result back from the worker thread").arg(who);
        return tr("%1 woke up").arg(who);
    case TaskEvent::Kind::Returned:
        return tr("%1 returned %2").arg(who, pythonReprCut(event.value, 120));
    case TaskEvent::Kind::Raised:
        return tr("%1 raised %2").arg(who, pythonExceptionLine(event.error)) +
               raiseConsequence(record, node, index);
    case TaskEvent::Kind::Cancelled:
        return tr("%1 was cancelled (CancelledError)").arg(who);
    case TaskEvent::Kind::GatherStarted: {
        const auto tasks = std::count_if(record.nodes().begin(), record.nodes().end(),
                                         [&](const TaskNode &n) { return n.parent == event.node; });
        return QCoreApplication::translate("StepCaption", "%1 started its %n task(s)", nullptr,
                                           int(tasks))
            .arg(who);
    }
    case TaskEvent::Kind::GatherReturned:
        return tr("%1 returned %2 to its caller").arg(who, pythonReprCut(event.value, 120));
    case TaskEvent::Kind::GatherRaised:
        return tr("%1 raised %2 to its caller").arg(who, pythonExceptionLine(event.error));
    }
    return {};
}
