// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "exceptioninfo.h"
#include "pyvalue.h"
#include "scenario.h"
#include "scenariotime.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>

namespace Gatherscope {

//! One node of a run's task tree: the top-level gather (id 0) or a task of the scenario.
struct TaskNode {
    int id = 0;
    int parent = -1;  //!< -1 for the top-level gather
    int depth = 0;    //!< 0 for the top-level gather, 1 for its tasks, …
    int position = 0; //!< its index in its gather's tasks (EventRecord::placeOf() names it)
    QString label;    //!< what a view calls it
    TaskSpec::Kind kind = TaskSpec::Kind::Gather;
    //! The seconds this run drew for it: its sleep, or a compute's declared cost.
    LoopTime plannedSleep{0};
    std::optional<double> cancelAfter; //!< seconds from the start, when it has `cancel_after`
    bool returnExceptions = false;     //!< a gather's `return_exceptions`

    bool operator==(const TaskNode &) const = default;
};

//! An event's exception (none: an empty ExceptionInfo), shared. Most events raise nothing, and
//! held in place its two strings made every event of a run 56 bytes larger.
class EventError {
public:
    EventError() = default;
    EventError(ExceptionInfo info) // NOLINT(google-explicit-constructor): as the value it holds
        : m_info(info == ExceptionInfo() ? nullptr
                                         : std::make_shared<const ExceptionInfo>(std::move(info)))
    {}

    explicit EventError(std::shared_ptr<const ExceptionInfo> info)
        : m_info(std::move(info))
    {}

    const ExceptionInfo &get() const { return m_info ? *m_info : none(); }
    //! The exception as it is shared; null for none.
    const std::shared_ptr<const ExceptionInfo> &shared() const { return m_info; }
    operator const ExceptionInfo &() const { return get(); } // NOLINT(google-explicit-constructor)
    const ExceptionInfo *operator->() const { return &get(); }
    bool operator==(const EventError &other) const { return get() == other.get(); }

private:
    static const ExceptionInfo &none()
    {
        static const ExceptionInfo empty;
        return empty;
    }
    std::shared_ptr<const ExceptionInfo> m_info;
};

//! One thing that happened in a run, stamped with its scenario time. A plain value.
struct TaskEvent {
    enum class Kind {
        Started,        //!< the task began running
        Printed,        //!< it printed `text`
        Slept,          //!< it went to sleep until `until`
        Woke,           //!< it woke from its sleep, or its work came back from the worker
        Computing,      //!< it handed work to a worker thread, declared to end at `until`
        Returned,       //!< it finished with `value`
        Raised,         //!< it raised `error`
        Cancelled,      //!< it ended with CancelledError
        GatherStarted,  //!< a gather (the node) started its tasks
        GatherReturned, //!< the gather returned `value` (a list) to its awaiter
        GatherRaised,   //!< the gather raised `error` to its awaiter
    };

    ScenarioTime time{0};
    int node = 0;
    Kind kind = Kind::Started;
    QString text;
    ScenarioTime until{0};
    PyValue value;
    EventError error;

    bool operator==(const TaskEvent &) const = default;
};

//! True for the kinds that end a task: it returned, raised or was cancelled.
constexpr bool endsTask(TaskEvent::Kind kind)
{
    return kind == TaskEvent::Kind::Returned || kind == TaskEvent::Kind::Raised ||
           kind == TaskEvent::Kind::Cancelled;
}

//! A short name of an event kind (`started`, `printed`, …), for traces and test output.
QString eventKindName(TaskEvent::Kind kind);

} // namespace Gatherscope

Q_DECLARE_METATYPE(Gatherscope::TaskEvent)
