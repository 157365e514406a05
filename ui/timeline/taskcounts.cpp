// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskcounts.h"

#include "timelinemodel.h"

#include <algorithm>

using Gatherscope::ScenarioTime;

void TaskCounts::Spans::sort()
{
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
}

int TaskCounts::Spans::meeting(ScenarioTime from, ScenarioTime to) const
{
    const auto begun = std::lower_bound(starts.begin(), starts.end(), to) - starts.begin();
    const auto ended = std::lower_bound(ends.begin(), ends.end(), from) - ends.begin();
    return int(begun - ended);
}

int TaskCounts::Spans::across(ScenarioTime time) const
{
    const auto begun = std::upper_bound(starts.begin(), starts.end(), time) - starts.begin();
    const auto ended = std::upper_bound(ends.begin(), ends.end(), time) - ends.begin();
    return int(begun - ended);
}

void TaskCounts::read(const TimelineModel &model, ScenarioTime now)
{
    *this = {};
    for (int row = 0; row < model.laneCount(); ++row) {
        const TimelineLane &lane = model.lane(row);
        if (lane.isGather)
            continue;
        ++m_total;
        for (const TimelineSegment &segment : lane.segments) {
            Spans &spans = segment.kind == TimelineSegment::Kind::Running ? m_running : m_sleeping;
            spans.starts.push_back(segment.start);
            // An open bar goes on past now: to the wake-up a sleep waits for, else a moment on.
            spans.ends.push_back(segment.end.value_or(
                segment.plannedEnd.value_or(std::max(now, segment.start) + ScenarioTime(1))));
        }
        if (lane.hasEnded() && !lane.markers.empty())
            m_doneAt.push_back(lane.markers.back().time);
    }
    m_running.sort();
    m_sleeping.sort();
    std::sort(m_doneAt.begin(), m_doneAt.end());
}

TaskCounts::Counts TaskCounts::in(ScenarioTime from, ScenarioTime to) const
{
    const auto done = std::lower_bound(m_doneAt.begin(), m_doneAt.end(), to) - m_doneAt.begin();
    return {m_running.meeting(from, to), m_sleeping.meeting(from, to), int(done)};
}

TaskCounts::Counts TaskCounts::at(ScenarioTime time) const
{
    const auto done = std::upper_bound(m_doneAt.begin(), m_doneAt.end(), time) - m_doneAt.begin();
    return {m_running.across(time), m_sleeping.across(time), int(done)};
}
