// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "traceexport.h"

#include "pythonrepr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

namespace Gatherscope {

namespace {

QJsonObject traceEvent(const QString &phase, const QString &name, int node, ScenarioTime time)
{
    return QJsonObject{{QStringLiteral("ph"), phase},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("pid"), 1},
                       {QStringLiteral("tid"), node},
                       {QStringLiteral("ts"), qint64(time.count())}};
}

//! Characters of a returned value a slice shows: a nested gather's list appears at every
//! level, so each is cut rather than the trace grow as depth × tasks.
constexpr qsizetype maxValueLength = 1000;
constexpr int maxIndentLevels = 8;

QString outcomeText(const TaskEvent &event)
{
    if (event.kind == TaskEvent::Kind::Returned || event.kind == TaskEvent::Kind::GatherReturned)
        return pythonReprCut(event.value, maxValueLength);
    return pythonExceptionLine(event.error);
}

} // namespace

QByteArray chromeTraceJson(const EventRecord &record)
{
    QJsonArray events;
    const auto &nodes = record.nodes();
    for (const auto &node : nodes) {
        auto name = traceEvent(QStringLiteral("M"), QStringLiteral("thread_name"), node.id, {});
        // Indented by depth, as far as a few levels show: deeper, the names would grow as
        // depth × tasks.
        const qsizetype indent = qsizetype(std::min(node.depth, maxIndentLevels)) * 2;
        name[QStringLiteral("args")] =
            QJsonObject{{QStringLiteral("name"), QString(QString(indent, u' ') + node.label)}};
        events.append(name);
        auto order =
            traceEvent(QStringLiteral("M"), QStringLiteral("thread_sort_index"), node.id, {});
        order[QStringLiteral("args")] = QJsonObject{{QStringLiteral("sort_index"), node.id}};
        events.append(order);
    }

    std::map<int, ScenarioTime> startedAt;
    // When each task began to wait, and on what: "sleep", or "worker thread" for a compute.
    std::map<int, std::pair<ScenarioTime, QString>> waiting;
    const auto complete = [&](const QString &name, int node, ScenarioTime from, ScenarioTime to,
                              const QJsonObject &args) {
        auto slice = traceEvent(QStringLiteral("X"), name, node, from);
        slice[QStringLiteral("dur")] = qint64((to - from).count());
        slice[QStringLiteral("args")] = args;
        events.append(slice);
    };
    for (const auto &event : record.events()) {
        const auto &node = nodes[std::size_t(event.node)];
        switch (event.kind) {
        case TaskEvent::Kind::Started:
        case TaskEvent::Kind::GatherStarted:
            if (!startedAt.count(event.node))
                startedAt[event.node] = event.time;
            if (node.parent >= 0 && event.kind == TaskEvent::Kind::Started) {
                // Flow from the gather to the task it started (binds to the enclosing slices).
                auto out = traceEvent(QStringLiteral("s"), QStringLiteral("starts"), node.parent,
                                      event.time);
                auto in =
                    traceEvent(QStringLiteral("f"), QStringLiteral("starts"), node.id, event.time);
                out[QStringLiteral("id")] = in[QStringLiteral("id")] = node.id;
                out[QStringLiteral("cat")] = in[QStringLiteral("cat")] = QStringLiteral("gather");
                in[QStringLiteral("bp")] = QStringLiteral("e");
                events.append(out);
                events.append(in);
            }
            break;
        case TaskEvent::Kind::Slept:
            waiting[event.node] = {event.time, QStringLiteral("sleep")};
            break;
        case TaskEvent::Kind::Computing:
            waiting[event.node] = {event.time, QStringLiteral("worker thread")};
            break;
        case TaskEvent::Kind::Woke:
            if (const auto found = waiting.find(event.node); found != waiting.end()) {
                complete(found->second.second, event.node, found->second.first, event.time, {});
                waiting.erase(found);
            }
            break;
        case TaskEvent::Kind::Printed: {
            auto instant = traceEvent(QStringLiteral("i"), event.text, event.node, event.time);
            instant[QStringLiteral("s")] = QStringLiteral("t");
            events.append(instant);
            break;
        }
        case TaskEvent::Kind::Returned:
        case TaskEvent::Kind::Raised:
        case TaskEvent::Kind::Cancelled:
        case TaskEvent::Kind::GatherReturned:
        case TaskEvent::Kind::GatherRaised: {
            // A wait cut short by cancellation.
            if (const auto found = waiting.find(event.node); found != waiting.end()) {
                complete(found->second.second, event.node, found->second.first, event.time, {});
                waiting.erase(found);
            }
            const bool isGatherEnd = event.kind == TaskEvent::Kind::GatherReturned ||
                                     event.kind == TaskEvent::Kind::GatherRaised;
            if (event.node == 0 || !isGatherEnd) {
                complete(node.label, event.node, startedAt[event.node], event.time,
                         {{eventKindName(event.kind), outcomeText(event)}});
            }
            if (event.kind != TaskEvent::Kind::Returned &&
                event.kind != TaskEvent::Kind::GatherReturned) {
                auto instant = traceEvent(QStringLiteral("i"),
                                          eventKindName(event.kind) + QStringLiteral(": ") +
                                              outcomeText(event),
                                          event.node, event.time);
                instant[QStringLiteral("s")] = QStringLiteral("t");
                events.append(instant);
            }
            break;
        }
        }
    }
    QJsonObject trace{{QStringLiteral("traceEvents"), events},
                      {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}};
    return QJsonDocument(trace).toJson(QJsonDocument::Compact);
}

} // namespace Gatherscope
