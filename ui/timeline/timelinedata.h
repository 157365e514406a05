// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"
#include "scenarioclock.h"

#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

//! A stretch of one lane: the task running, asleep, or waiting on its work on a worker thread
//! (a compute). Open (no end) while it goes on.
struct TimelineSegment {
    enum class Kind { Running, Sleeping, Computing };
    Kind kind = Kind::Running;
    Gatherscope::ScenarioTime start{0};
    std::optional<Gatherscope::ScenarioTime> end;
    //! A sleep knows when it will end (the wake-up it waits for), a compute when its declared
    //! cost is spent, while it is open.
    std::optional<Gatherscope::ScenarioTime> plannedEnd;

    bool operator==(const TimelineSegment &) const = default;
};

//! One moment on a lane, drawn with a shape of its own. What it says ("returned 5.0") is
//! TimelineModel::markerText(), written from its event when asked.
struct TimelineMarker {
    enum class Kind { Start, Wake, Print, Finish, Exception, Cancel, GatherReturn, GatherRaise };
    Kind kind = Kind::Start;
    Gatherscope::ScenarioTime time{0};
    int eventIndex = -1; //!< index into the record's events()

    bool operator==(const TimelineMarker &) const = default;
};

//! Something planned that has not happened yet, drawn ahead of it as an outline: the rest of a
//! sleep (or, before the run, the whole sleep it drew), or a `cancel_after` to come.
struct TimelineGhost {
    enum class Kind { Sleep, Cancel };
    Kind kind = Kind::Sleep;
    Gatherscope::ScenarioTime from{0};
    Gatherscope::ScenarioTime to{0}; //!< a cancel's is its time, as from

    bool operator==(const TimelineGhost &) const = default;
};

//! Everything one lane shows: the top-level gather's awaiter (node 0) or one task.
struct TimelineLane {
    int node = 0;
    int depth = 0;
    bool isGather = false; //!< a gather's lane shows it waiting on its tasks
    Gatherscope::TaskSpec::Kind kind = Gatherscope::TaskSpec::Kind::Gather;
    QString label;
    std::vector<TimelineSegment> segments;
    std::vector<TimelineMarker> markers;
    //! What is planned and may not have happened yet, drawn ahead as ghosts: the sleep the run
    //! drew for the task, and when its `cancel_after` fires.
    Gatherscope::ScenarioTime plannedSleep{0};
    std::optional<Gatherscope::ScenarioTime> plannedCancel;

    //! True once the task (or the gather's awaiter, for a gather's lane) has ended.
    bool hasEnded() const;
    //! What is planned on this lane after \a now and has not happened yet.
    std::vector<TimelineGhost> ghosts(Gatherscope::ScenarioTime now) const;

    bool operator==(const TimelineLane &) const = default;
};

Q_DECLARE_METATYPE(TimelineSegment)
Q_DECLARE_METATYPE(TimelineMarker)
Q_DECLARE_METATYPE(TimelineLane)
