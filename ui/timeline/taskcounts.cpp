// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskcounts.h"

#include "timelinemodel.h"

#include <algorithm>
#include <optional>

using namespace Gatherscope;

struct TaskCounts::Progress {
    //! A task's span still open since \a start: asleep or on a worker until \a plannedEnd.
    struct OpenSpan {
        Doing doing = Doing::Running;
        ScenarioTime start{0};
        ScenarioTime plannedEnd{0};
    };

    const EventRecord *record = nullptr;
    int generation = -1;                       //!< the model's, when this run was read
    int taken = 0;                             //!< events of the record read
    std::vector<bool> isGather;                //!< by node: gathers are not counted
    std::vector<std::optional<OpenSpan>> open; //!< by node
};

TaskCounts::TaskCounts() = default;
TaskCounts::~TaskCounts() = default;
TaskCounts::TaskCounts(TaskCounts &&) noexcept = default;
TaskCounts &TaskCounts::operator=(TaskCounts &&) noexcept = default;

int TaskCounts::Spans::meeting(ScenarioTime from, ScenarioTime to) const
{
    const auto before = [](const std::vector<ScenarioTime> &times, ScenarioTime time) {
        return std::lower_bound(times.begin(), times.end(), time) - times.begin();
    };
    return int(before(starts, to) - before(ends, from) - before(openEnds, from));
}

int TaskCounts::Spans::across(ScenarioTime time) const
{
    const auto byThen = [](const std::vector<ScenarioTime> &times, ScenarioTime time) {
        return std::upper_bound(times.begin(), times.end(), time) - times.begin();
    };
    return int(byThen(starts, time) - byThen(ends, time) - byThen(openEnds, time));
}

void TaskCounts::reset(const TimelineModel &model)
{
    *this = {};
    m_progress = std::make_unique<Progress>();
    const EventRecord *record = model.record();
    m_progress->record = record;
    m_progress->generation = model.generation();
    if (!record)
        return;
    for (const TaskNode &node : record->nodes()) {
        const bool gather = node.kind == TaskSpec::Kind::Gather;
        m_progress->isGather.push_back(gather);
        m_total += gather ? 0 : 1;
        m_hasWorkers = m_hasWorkers || node.kind == TaskSpec::Kind::Compute;
    }
    m_progress->open.resize(record->nodes().size());
    // Room for a task that runs, sleeps once and runs again: a finished run of 100,000 is
    // read in one go, and growing these lists as it goes was a third of that time.
    const auto tasks = std::size_t(m_total);
    for (auto *times : {&m_running.starts, &m_running.ends})
        times->reserve(2 * tasks);
    for (auto *times : {&m_sleeping.starts, &m_sleeping.ends, &m_doneAt})
        times->reserve(tasks);
}

void TaskCounts::take(const EventList::Head &event)
{
    const auto node = std::size_t(event.node);
    if (node >= m_progress->open.size() || m_progress->isGather[node])
        return;
    std::optional<Progress::OpenSpan> &open = m_progress->open[node];
    // Events come in time order: each time is appended to its list already sorted.
    const auto close = [&] {
        if (open)
            spans(open->doing).ends.push_back(event.time);
        open.reset();
    };
    const auto start = [&](Doing doing) {
        spans(doing).starts.push_back(event.time);
        open = Progress::OpenSpan{doing, event.time, event.until};
    };
    using Kind = TaskEvent::Kind;
    switch (event.kind) {
    case Kind::Started:
        start(Doing::Running);
        break;
    case Kind::Slept:
        close();
        start(Doing::Sleeping);
        break;
    case Kind::Computing:
        close();
        start(Doing::Working);
        break;
    case Kind::Woke:
        close();
        start(Doing::Running);
        break;
    case Kind::Returned:
    case Kind::Raised:
    case Kind::Cancelled:
        close();
        m_doneAt.push_back(event.time);
        break;
    case Kind::Printed:
    case Kind::GatherStarted:
    case Kind::GatherReturned:
    case Kind::GatherRaised:
        break;
    }
}

void TaskCounts::read(const TimelineModel &model, ScenarioTime now, int budget)
{
    const int shown = model.eventCount();
    if (!m_progress || m_progress->generation != model.generation() || shown < m_progress->taken)
        reset(model); // another run, or replayed from the start
    m_lastReadSize = 0;
    if (const EventRecord *record = m_progress->record) {
        const int last = shown - m_progress->taken > budget ? m_progress->taken + budget : shown;
        m_lastReadSize = last - m_progress->taken;
        for (; m_progress->taken < last; ++m_progress->taken)
            take(record->events().head(std::size_t(m_progress->taken)));
        if (m_progress->taken > 0)
            m_readUntil = record->events().head(std::size_t(m_progress->taken - 1)).time;
    }
    m_caughtUp = m_progress->taken >= shown;
    // Only the bars still open are sorted: they go on past now, to the wake-up a sleep waits
    // for, else a moment on. Read part way, they all go on past readUntil(), where what the
    // counts tell stops, and sorting the 100,000 sleepers of a run read half way took as long
    // as the reading.
    for (Spans *kind : {&m_running, &m_sleeping, &m_working})
        kind->openEnds.clear();
    if (!m_caughtUp)
        return;
    for (const auto &open : m_progress->open) {
        if (!open)
            continue;
        if (open->doing == Doing::Running)
            m_running.openEnds.push_back(std::max(now, open->start) + ScenarioTime(1));
        else // the sleep's wake-up, or the end of the cost a compute declared
            spans(open->doing).openEnds.push_back(open->plannedEnd);
    }
    for (Spans *kind : {&m_running, &m_sleeping, &m_working}) {
        std::sort(kind->openEnds.begin(), kind->openEnds.end());
        m_lastReadSize += int(kind->openEnds.size());
    }
}

TaskCounts::Spans &TaskCounts::spans(Doing doing)
{
    switch (doing) {
    case Doing::Sleeping:
        return m_sleeping;
    case Doing::Working:
        return m_working;
    case Doing::Running:
        break;
    }
    return m_running;
}

TaskCounts::Counts TaskCounts::in(ScenarioTime from, ScenarioTime to) const
{
    const auto done = std::lower_bound(m_doneAt.begin(), m_doneAt.end(), to) - m_doneAt.begin();
    return {m_running.meeting(from, to), m_sleeping.meeting(from, to), int(done),
            m_working.meeting(from, to)};
}

TaskCounts::Counts TaskCounts::at(ScenarioTime time) const
{
    const auto done = std::upper_bound(m_doneAt.begin(), m_doneAt.end(), time) - m_doneAt.begin();
    return {m_running.across(time), m_sleeping.across(time), int(done), m_working.across(time)};
}
