// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinemodel.h"

#include "pythonrepr.h"

#include <algorithm>
#include <utility>

using namespace Gatherscope;

namespace {

//! Characters of a value a marker's tooltip shows: a nested gather's list is shown at every
//! level, and a tooltip of a 100,000-item list reads no better than its start.
constexpr qsizetype maxValueLength = 200;

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void TimelineModel::beginFollowing(const EventRecord *record, ReportStyle report)
{
    Q_UNUSED(report);
    beginResetModel();
    m_record = record;
    ++m_generation;
    m_settleTime.reset();
    m_raised = false;
    m_raisedType.clear();
    m_endTime = ScenarioTime(0);
    m_plannedEnd = ScenarioTime(0);
    m_eventCount = 0;
    m_plannedWakes.clear();
    if (!record) {
        m_lanes.clear();
        return;
    }
    // The lanes of the run before are cleared, not freed: a run again of the same scenario
    // (the preview, then each run) fills the room its lanes already have.
    m_lanes.resize(record->nodes().size());
    for (std::size_t row = 0; row < m_lanes.size(); ++row) {
        const TaskNode &node = record->nodes()[row];
        TimelineLane &lane = m_lanes[row];
        lane.node = node.id;
        lane.depth = node.depth;
        lane.isGather = node.kind == TaskSpec::Kind::Gather;
        lane.kind = node.kind;
        lane.label = node.label;
        lane.segments.clear();
        lane.markers.clear();
        lane.plannedSleep = secondsToScenarioTime(node.plannedSleep.count());
        lane.plannedCancel.reset();
        if (node.cancelAfter)
            lane.plannedCancel = secondsToScenarioTime(*node.cancelAfter);
        if (!lane.isGather) {
            // What a task that sleeps once draws (run, sleep, run; started, printed, woke,
            // returned), in one allocation each rather than three.
            lane.segments.reserve(3);
            lane.markers.reserve(4);
        }
        m_plannedEnd = std::max(m_plannedEnd, lane.plannedSleep);
    }
}

void TimelineModel::takeEvent(const TaskEvent &event, int index, bool live)
{
    ++m_eventCount;
    apply(event, index);
    if (!live)
        return;
    const QModelIndex changed = this->index(event.node);
    Q_EMIT dataChanged(changed, changed);
    Q_EMIT timelineChanged();
}

void TimelineModel::takeEvents(const EventRecord &record, int first, int last)
{
    // A frame's worth: the lanes it touched change together, and the view repaints once.
    int top = laneCount();
    int bottom = -1;
    for (int i = first; i <= last; ++i) {
        const TaskEvent &event = record.events()[std::size_t(i)];
        ++m_eventCount;
        apply(event, i);
        top = std::min(top, event.node);
        bottom = std::max(bottom, event.node);
    }
    if (bottom < 0)
        return;
    Q_EMIT dataChanged(index(top), index(bottom));
    Q_EMIT timelineChanged();
}

void TimelineModel::caughtUp()
{
    endResetModel();
    Q_EMIT timelineChanged();
}

void TimelineModel::closeOpen(TimelineLane &lane, ScenarioTime time)
{
    if (lane.segments.empty() || lane.segments.back().end)
        return;
    TimelineSegment &open = lane.segments.back();
    open.end = time;
    if (open.plannedEnd) { // woken, or cancelled early: the wake-up no longer stands ahead
        open.plannedEnd.reset();
        dropPastWakes();
    }
}

void TimelineModel::dropPastWakes()
{
    const auto stillOpen = [this](const PlannedWake &wake) {
        const auto &segments = m_lanes[std::size_t(wake.lane)].segments;
        return !segments.empty() && segments.back().plannedEnd == wake.until;
    };
    while (!m_plannedWakes.empty() && !stillOpen(m_plannedWakes.front())) {
        std::pop_heap(m_plannedWakes.begin(), m_plannedWakes.end());
        m_plannedWakes.pop_back();
    }
}

ScenarioTime TimelineModel::horizon() const
{
    if (m_eventCount == 0)
        return m_plannedEnd; // before the run: as far as the planned sleeps reach
    return m_plannedWakes.empty() ? m_endTime : std::max(m_endTime, m_plannedWakes.front().until);
}

void TimelineModel::apply(const TaskEvent &event, int eventIndex)
{
    if (std::size_t(event.node) >= m_lanes.size())
        return;
    TimelineLane &lane = m_lanes[std::size_t(event.node)];
    m_endTime = std::max(m_endTime, event.time);
    const auto mark = [&](TimelineMarker::Kind kind) {
        lane.markers.push_back({kind, event.time, eventIndex});
    };
    const auto open = [&](TimelineSegment::Kind kind,
                          std::optional<ScenarioTime> plannedEnd = std::nullopt) {
        lane.segments.push_back({kind, event.time, std::nullopt, plannedEnd});
    };
    using Kind = TaskEvent::Kind;
    switch (event.kind) {
    case Kind::Started:
        open(TimelineSegment::Kind::Running);
        mark(TimelineMarker::Kind::Start);
        break;
    case Kind::GatherStarted:
        if (event.node == 0) // the awaiter waits on the gather from here
            open(TimelineSegment::Kind::Running);
        break;
    case Kind::Printed:
        mark(TimelineMarker::Kind::Print);
        break;
    case Kind::Slept:
    case Kind::Computing:
        closeOpen(lane, event.time);
        open(event.kind == Kind::Slept ? TimelineSegment::Kind::Sleeping
                                       : TimelineSegment::Kind::Computing,
             event.until);
        m_plannedWakes.push_back({event.until, event.node});
        std::push_heap(m_plannedWakes.begin(), m_plannedWakes.end());
        break;
    case Kind::Woke:
        closeOpen(lane, event.time);
        open(TimelineSegment::Kind::Running);
        mark(TimelineMarker::Kind::Wake);
        break;
    case Kind::Returned:
        closeOpen(lane, event.time);
        mark(TimelineMarker::Kind::Finish);
        break;
    case Kind::Raised:
        closeOpen(lane, event.time);
        mark(TimelineMarker::Kind::Exception);
        break;
    case Kind::Cancelled:
        closeOpen(lane, event.time);
        mark(TimelineMarker::Kind::Cancel);
        break;
    case Kind::GatherReturned:
        if (event.node == 0) {
            closeOpen(lane, event.time);
            m_settleTime = event.time;
        }
        mark(TimelineMarker::Kind::GatherReturn);
        break;
    case Kind::GatherRaised:
        if (event.node == 0) {
            closeOpen(lane, event.time);
            m_settleTime = event.time;
            m_raised = true;
            m_raisedType = QString::fromStdString(event.error->typeName);
        }
        mark(TimelineMarker::Kind::GatherRaise);
        break;
    }
}

QString TimelineModel::markerText(const TimelineMarker &marker) const
{
    if (!m_record || marker.eventIndex < 0 ||
        std::size_t(marker.eventIndex) >= m_record->events().size())
        return {};
    // Written when asked (a tooltip, the status bar), not for each of a big run's markers.
    const TaskEvent &event = m_record->events()[std::size_t(marker.eventIndex)];
    using Kind = TimelineMarker::Kind;
    switch (marker.kind) {
    case Kind::Start:
        return tr("started");
    case Kind::Wake:
        return tr("woke");
    case Kind::Print:
        return event.text;
    case Kind::Finish:
        return tr("returned %1").arg(pythonReprCut(event.value, maxValueLength));
    case Kind::Exception:
        return tr("raised %1").arg(pythonExceptionLine(event.error));
    case Kind::Cancel:
        return tr("cancelled");
    case Kind::GatherReturn:
        return tr("gather returned %1").arg(pythonReprCut(event.value, maxValueLength));
    case Kind::GatherRaise:
        return tr("gather raised %1").arg(pythonExceptionLine(event.error));
    }
    return {};
}

std::vector<ScenarioTime> TimelineModel::eventTimes() const
{
    std::vector<ScenarioTime> times;
    for (const auto &lane : m_lanes) {
        for (const auto &marker : lane.markers)
            times.push_back(marker.time);
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : laneCount();
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TimelineLane &lane = m_lanes[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return lane.label;
    case Qt::ToolTipRole:
        return index.row() == 0 ? tr("The awaiter of the top-level gather: it waits from the "
                                     "gather's start until it returns or raises.")
                                : lane.label;
    case DepthRole:
        return lane.depth;
    case NodeRole:
        return lane.node;
    case LaneRole:
        return index.row();
    }
    return {};
}

bool TimelineLane::hasEnded() const
{
    using Kind = TimelineMarker::Kind;
    return std::any_of(markers.begin(), markers.end(), [this](const TimelineMarker &marker) {
        if (isGather)
            return marker.kind == Kind::GatherReturn || marker.kind == Kind::GatherRaise;
        return marker.kind == Kind::Finish || marker.kind == Kind::Exception ||
               marker.kind == Kind::Cancel;
    });
}

std::vector<TimelineGhost> TimelineLane::ghosts(ScenarioTime now) const
{
    std::vector<TimelineGhost> planned;
    if (!isGather && segments.empty() && markers.empty() && plannedSleep > ScenarioTime(0)) {
        planned.push_back({TimelineGhost::Kind::Sleep, ScenarioTime(0), plannedSleep});
    } else if (!segments.empty()) {
        const TimelineSegment &last = segments.back();
        if (!last.end && last.kind != TimelineSegment::Kind::Running && last.plannedEnd &&
            *last.plannedEnd > now)
            planned.push_back(
                {TimelineGhost::Kind::Sleep, std::max(now, last.start), *last.plannedEnd});
    }
    if (plannedCancel && *plannedCancel >= now && !hasEnded())
        planned.push_back({TimelineGhost::Kind::Cancel, *plannedCancel, *plannedCancel});
    return planned;
}
