// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "narration.h"

#include "pythonrepr.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

namespace Gatherscope {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Narration", text);
}

constexpr qsizetype namesShown = 4;
constexpr qsizetype valueShown = 120;

QString at(ScenarioTime time)
{
    return tr("%1 s").arg(scenarioTimeToSeconds(time));
}

//! "A", "A and B", "A, B and C", "A, B, C, D and 9,996 more" (items that hold commas
//! themselves are parted by \a separator "; ").
QString names(const QStringList &all, const QString &separator = QStringLiteral(", "))
{
    if (all.size() == 1)
        return all.first();
    if (all.size() <= namesShown)
        return tr("%1 and %2").arg(all.mid(0, all.size() - 1).join(separator), all.last());
    return tr("%1 and %2 more")
        .arg(all.mid(0, namesShown).join(separator), QLocale().toString(all.size() - namesShown));
}

QString count(qsizetype n, const char *one, const char *many)
{
    return n == 1 ? tr(one) : tr(many).arg(QLocale().toString(n));
}

//! "the one result", "both results", "all 12 results".
QString resultsCount(qsizetype n)
{
    return n == 2 ? tr("both results") : count(n, "the one result", "all %1 results");
}

//! True if \a node's own `cancel_after` has come by \a time.
bool cancelAfterDue(const TaskNode &node, ScenarioTime time)
{
    return node.cancelAfter && secondsToScenarioTime(*node.cancelAfter) <= time;
}

//! Who cancelled \a node at \a time: its own cancel_after, the cancel_after of a gather around
//! it, or (neither due then) the person who cancelled the run.
QString cancelledBy(const EventRecord &record, int node, ScenarioTime time)
{
    const auto due = [&](const TaskNode &n) { return cancelAfterDue(n, time); };
    if (due(record.nodes()[std::size_t(node)]))
        return tr("by its own cancel_after");
    for (int up = record.nodes()[std::size_t(node)].parent; up >= 0;
         up = record.nodes()[std::size_t(up)].parent) {
        const TaskNode &gather = record.nodes()[std::size_t(up)];
        if (due(gather))
            return up == 0 ? tr("by the cancel_after of the whole gather")
                           : tr("by the cancel_after of %1").arg(gather.label);
    }
    return tr("when the run was cancelled");
}

} // namespace

QStringList narrate(const EventRecord &record)
{
    const auto &nodes = record.nodes();
    const auto &events = record.events();
    if (nodes.empty() || events.empty())
        return {};
    // Sentences in the order of the events they tell of (the record's order is the order
    // things happened, also within one instant); one event's sentences in the order written.
    std::multimap<std::size_t, QString> story;
    const auto tell = [&](std::size_t eventIndex, const QString &sentence) {
        story.emplace(eventIndex, sentence);
    };
    const auto label = [&](int node) { return nodes[std::size_t(node)].label; };

    QStringList topTasks;
    QStringList nested;
    for (const TaskNode &node : nodes) {
        if (node.parent == 0)
            topTasks << node.label;
        if (node.id != 0 && node.kind == TaskSpec::Kind::Gather)
            nested << node.label;
    }
    QString start = tr("At %1 the gather started %2: %3.")
                        .arg(at(events.front().time),
                             count(topTasks.size(), "its task", "its %1 tasks"), names(topTasks));
    if (nested.size() == 1)
        start +=
            tr(" Among them, %1 is a nested gather, with tasks of its own.").arg(nested.first());
    else if (!nested.isEmpty())
        start +=
            tr(" Among them, %1 are nested gathers, with tasks of their own.").arg(names(nested));
    tell(0, start);

    QStringList raises; // many raises are told in one sentence
    std::optional<std::size_t> firstRaise;
    std::optional<std::size_t> raisedToAwaiter;
    // by time and who cancelled: the first such event, and the tasks
    std::map<std::pair<ScenarioTime, QString>, std::pair<std::size_t, QStringList>> cancelled;
    std::map<int, std::size_t> blockStarts; // a blocking_sleep's Started event, by node
    bool toldABlock = false;
    std::map<int, std::size_t> computeStarts; // a compute's Computing event, by node
    // Each compute's time on its worker, by its Computing event: told in that order after.
    std::map<std::size_t, std::pair<ScenarioTime, QString>> computeSpans;
    for (std::size_t index = 0; index < events.size(); ++index) {
        const TaskEvent &event = events[index];
        const TaskNode &node = nodes[std::size_t(event.node)];
        // A time.sleep holds the loop from the task's first step to its end: one step.
        if (node.kind == TaskSpec::Kind::BlockingSleep && event.kind == TaskEvent::Kind::Started)
            blockStarts[event.node] = index;
        if (node.kind == TaskSpec::Kind::BlockingSleep && event.kind == TaskEvent::Kind::Returned &&
            blockStarts.count(event.node) > 0) {
            const std::size_t start = blockStarts[event.node];
            if (events[start].time < event.time)
                tell(start, (std::exchange(toldABlock, true)
                                 ? tr("From %1 to %2 %3 held the event loop too.")
                                 : tr("From %1 to %2 %3 held the event loop (time.sleep in a "
                                      "coroutine): no other task ran, and every wake-up due "
                                      "meanwhile waited until it ended."))
                                .arg(at(events[start].time), at(event.time), node.label));
        }
        // A compute's work is off the loop from handing it over to getting it back.
        if (event.kind == TaskEvent::Kind::Computing)
            computeStarts[event.node] = index;
        if (node.kind == TaskSpec::Kind::Compute && event.kind == TaskEvent::Kind::Woke &&
            computeStarts.count(event.node) > 0)
            computeSpans[computeStarts[event.node]] = {event.time, node.label};
        if (event.kind == TaskEvent::Kind::Raised) {
            const bool kept = node.parent >= 0 && nodes[std::size_t(node.parent)].returnExceptions;
            raises << tr("at %1 %2 raised %3%4")
                          .arg(at(event.time), node.label, pythonExceptionLine(event.error),
                               kept ? tr(" (return_exceptions is True: it takes its place in "
                                         "the results)")
                                    : QString());
            firstRaise = firstRaise.value_or(index);
        } else if (event.kind == TaskEvent::Kind::Cancelled &&
                   node.kind != TaskSpec::Kind::Gather) {
            auto &group = cancelled[{event.time, cancelledBy(record, event.node, event.time)}];
            if (group.second.isEmpty())
                group.first = index;
            group.second << node.label;
        } else if (event.node == 0 && event.kind == TaskEvent::Kind::GatherRaised) {
            raisedToAwaiter = index;
            tell(index,
                 event.error->typeName != "CancelledError"
                     ? tr("return_exceptions is False, so at %1 the gather raised %2 to its "
                          "awaiter at once.")
                           .arg(at(event.time), pythonExceptionLine(event.error))
                 : cancelAfterDue(nodes[0], event.time)
                     ? tr("The gather was cancelled by its cancel_after, so at %1 its awaiter "
                          "got CancelledError instead of a list.")
                           .arg(at(event.time))
                     : tr("At %1 the gather raised CancelledError to its awaiter, which got no "
                          "list.")
                           .arg(at(event.time)));
        } else if (event.node == 0 && event.kind == TaskEvent::Kind::GatherReturned) {
            const QString list = pythonReprCut(event.value, valueShown);
            tell(index, tr("At %1 the awaiter received %2, in input order: %3")
                                .arg(at(event.time),
                                     resultsCount(qsizetype(event.value.toList().size())), list) +
                            (list.endsWith(u'…') ? QString() : QStringLiteral(".")));
        }
    }
    for (const auto &[start, span] : computeSpans) {
        tell(start, (start == computeSpans.begin()->first
                         ? tr("From %1 to %2 %3 worked on a worker thread (asyncio.to_thread): "
                              "the event loop stayed free and ran the other tasks meanwhile.")
                         : tr("From %1 to %2 %3 worked on a worker thread too."))
                        .arg(at(events[start].time), at(span.first), span.second));
    }
    if (!raises.isEmpty()) {
        QString sentence = raises.size() <= namesShown
                               ? raises.join(QStringLiteral("; "))
                               : tr("%1; and %2 more raised")
                                     .arg(raises.mid(0, namesShown).join(QStringLiteral("; ")),
                                          QLocale().toString(raises.size() - namesShown));
        tell(*firstRaise, sentence.front().toUpper() + sentence.mid(1) + u'.');
    }
    for (const auto &[when, group] : cancelled) {
        const QStringList &who = group.second;
        tell(group.first, tr("At %1 %2 %3 cancelled %4.")
                              .arg(at(when.first), names(who),
                                   who.size() == 1 ? tr("was") : tr("were"), when.second));
    }

    // After a raise the others go on: until when, and with what no one receives.
    if (raisedToAwaiter) {
        QStringList keptOn;
        bool after = false;
        for (const TaskEvent &event : events) {
            after = after || (event.node == 0 && event.kind == TaskEvent::Kind::GatherRaised);
            if (!after || !endsTask(event.kind) ||
                nodes[std::size_t(event.node)].kind == TaskSpec::Kind::Gather)
                continue;
            keptOn << (event.kind == TaskEvent::Kind::Returned
                           ? tr("%1 until %2, returning %3")
                                 .arg(label(event.node), at(event.time),
                                      pythonReprCut(event.value, 40))
                       : event.kind == TaskEvent::Kind::Raised
                           ? tr("%1 until %2, raising %3")
                                 .arg(label(event.node), at(event.time),
                                      QString::fromStdString(event.error->typeName))
                           : tr("%1 until %2, cancelled").arg(label(event.node), at(event.time)));
        }
        if (!keptOn.isEmpty())
            tell(*raisedToAwaiter,
                 tr("gather does not cancel the others when it raises: %1 kept running (%2), "
                    "and no one received %3.")
                     .arg(count(keptOn.size(), "one task", "%1 tasks"),
                          names(keptOn, QStringLiteral("; ")),
                          keptOn.size() == 1 ? tr("its outcome") : tr("their outcomes")));
    }
    tell(events.size(), tr("Every task had ended by %1.").arg(at(events.back().time)));

    QStringList sentences;
    for (const auto &[time, sentence] : story)
        sentences << sentence;
    return sentences;
}

namespace {

//! One side of the comparison: what the awaiter got and when, and what ended unseen after.
QString outcomeOf(const EventRecord &record)
{
    const auto &events = record.events();
    const auto settled = std::find_if(events.begin(), events.end(), [](const TaskEvent &event) {
        return event.node == 0 && (event.kind == TaskEvent::Kind::GatherReturned ||
                                   event.kind == TaskEvent::Kind::GatherRaised);
    });
    if (settled == events.end())
        return tr("the gather did not finish");
    if (settled->kind == TaskEvent::Kind::GatherReturned) {
        const qsizetype results = qsizetype(settled->value.toList().size());
        return tr("gather returned %1 at %2")
            .arg(count(results, "1 result", "%1 results"), at(settled->time));
    }
    QString text = tr("gather raised %1 at %2")
                       .arg(QString::fromStdString(settled->error->typeName), at(settled->time));
    QStringList unseen;
    ScenarioTime last{0};
    for (auto event = settled + 1; event != events.end(); ++event) {
        const TaskNode &node = record.nodes()[std::size_t(event->node)];
        if (endsTask(event->kind) && node.kind != TaskSpec::Kind::Gather) {
            unseen << node.label;
            last = event->time;
        }
    }
    if (unseen.size() == 1)
        text += tr(" and %1 finished unseen at %2").arg(unseen.first(), at(last));
    else if (!unseen.isEmpty())
        text += tr(" and %1 finished unseen, the last at %2").arg(names(unseen), at(last));
    return text;
}

} // namespace

QString compareReturnExceptions(const EventRecord &withFalse, const EventRecord &withTrue)
{
    return tr("With False, %1; with True, %2.").arg(outcomeOf(withFalse), outcomeOf(withTrue));
}

QString compareRuns(const EventRecord &first, const QString &firstName, const EventRecord &second,
                    const QString &secondName)
{
    return tr("In %1, %2; in %3, %4.")
        .arg(firstName, outcomeOf(first), secondName, outcomeOf(second));
}

} // namespace Gatherscope
