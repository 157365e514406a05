// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "twinpositions.h"

#include "timelinemodel.h"

#include <algorithm>

using Gatherscope::TaskSpec;
using Gatherscope::TwinLines;

namespace {

//! The twin line of a compute whose lane is \a lane (started), or -1.
int computeLineOf(const TimelineLane &lane, const TwinLines &lines)
{
    using Kind = TimelineMarker::Kind;
    if (!lane.segments.empty() && !lane.segments.back().end &&
        lane.segments.back().kind == TimelineSegment::Kind::Computing)
        return lines.computeAwait;
    switch (lane.markers.back().kind) {
    case Kind::Start:
        return lines.computePrint;
    case Kind::Print:
    case Kind::Wake:
        return lane.markers.size() > 2 ? lines.computeResultPrint : lines.computePrint;
    case Kind::Finish:
        return lines.computeReturn;
    case Kind::Cancel: // CancelledError comes out of the await on the worker
        return lines.computeAwait;
    case Kind::Exception:
    case Kind::GatherReturn:
    case Kind::GatherRaise:
        break;
    }
    return -1;
}

//! The twin line of a task whose lane is \a lane, or -1.
int lineOf(const TimelineLane &lane, const TwinLines &lines)
{
    const bool hello = lane.kind == TaskSpec::Kind::SayHello;
    const bool fails = lane.kind == TaskSpec::Kind::Fail;
    const int sleep = hello ? lines.helloSleep : fails ? lines.failSleep : lines.divideSleep;
    const bool started = std::any_of(lane.markers.begin(), lane.markers.end(), [](const auto &m) {
        return m.kind == TimelineMarker::Kind::Start;
    });
    if (!started)
        return -1; // not yet, or cancelled before its first step
    if (lane.kind == TaskSpec::Kind::Compute)
        return computeLineOf(lane, lines);
    if (!lane.segments.empty() && !lane.segments.back().end &&
        lane.segments.back().kind == TimelineSegment::Kind::Sleeping)
        return sleep;
    using Kind = TimelineMarker::Kind;
    if (lane.kind == TaskSpec::Kind::BlockingSleep) // it ends in the step that blocks
        return lane.markers.back().kind == Kind::Finish ? lines.blockingReturn
                                                        : lines.blockingSleep;
    if (fails) // it sleeps from its first step, and raises on waking
        return lane.markers.back().kind == Kind::Exception ? lines.failRaise : sleep;
    switch (lane.markers.back().kind) {
    case Kind::Start:
        return hello ? lines.helloPrint : lines.dividePrint;
    case Kind::Print: {
        const auto prints = std::count_if(lane.markers.begin(), lane.markers.end(),
                                          [](const auto &m) { return m.kind == Kind::Print; });
        if (!hello)
            return lines.dividePrint;
        return prints > 1 ? lines.goodbyePrint : lines.helloPrint;
    }
    case Kind::Wake:
        return hello ? lines.goodbyePrint : lines.divideCheck;
    case Kind::Finish:
        return hello ? lines.helloReturn : lines.divideReturn;
    case Kind::Exception:
        return lines.divideRaise;
    case Kind::Cancel: // CancelledError comes out of the await it slept in
        return sleep;
    case Kind::GatherReturn:
    case Kind::GatherRaise:
        break;
    }
    return -1;
}

} // namespace

std::map<int, QStringList> twinPositions(const TimelineModel &model, const TwinLines &lines)
{
    std::map<int, QStringList> positions;
    for (int row = 1; row < model.laneCount(); ++row) {
        const TimelineLane &lane = model.lane(row);
        if (lane.isGather || lane.markers.empty())
            continue;
        if (const int line = lineOf(lane, lines); line >= 0)
            positions[line] << lane.label;
    }
    return positions;
}
