// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventlist.h"
#include "scenarioclock.h"

#include <limits>
#include <memory>
#include <vector>

class TimelineModel;
namespace Gatherscope {
struct TaskEvent;
}

//! How many tasks ran, slept and were done over a run: what the overview track draws. Counts
//! the demo tasks, not the gathers that wait on them. Paints nothing.
/*!
 * On the virtual clock a task runs for no time at all, so "running" in a stretch of time
 * counts the tasks that ran at some moment of it: at each instant a task ran, it shows.
 */
class TaskCounts {
public:
    TaskCounts();
    ~TaskCounts();
    TaskCounts(TaskCounts &&) noexcept;
    TaskCounts &operator=(TaskCounts &&) noexcept;

    struct Counts {
        int running = 0;
        int sleeping = 0;
        int done = 0;
        int working = 0; //!< computes waiting on their worker thread

        bool operator==(const Counts &) const = default;
    };

    //! Reads what \a model shows of its run; bars still open go on past \a now. From the
    //! events taken since the last read of the same run (they come in time order, so nothing
    //! is sorted but the bars still open), else from the start; at most \a budget of them.
    void read(const TimelineModel &model, Gatherscope::ScenarioTime now,
              int budget = std::numeric_limits<int>::max());
    //! Whether the last read took every event the model showed. Until then the counts hold
    //! before readUntil(): the events come in time order, so what is read is whole up to
    //! there, and the bars still open are taken to go on past it.
    bool caughtUp() const { return m_caughtUp; }
    Gatherscope::ScenarioTime readUntil() const { return m_readUntil; }
    //! What the last read took: the events it read and the open bars it sorted.
    int lastReadSize() const { return m_lastReadSize; }
    //! The tasks counted (every demo task of the scenario).
    int total() const { return m_total; }
    //! Whether any of them hands work to a worker thread (a `compute`).
    bool hasWorkers() const { return m_hasWorkers; }
    //! The tasks that ran, slept or waited on a worker at some moment of [\a from, \a to), and
    //! those done before \a to: what one pixel of the track stands for.
    Counts in(Gatherscope::ScenarioTime from, Gatherscope::ScenarioTime to) const;
    //! The tasks running, asleep or on a worker just after the moment \a time, and those done
    //! by then: a task that ran and ended at that instant is done, not running.
    Counts at(Gatherscope::ScenarioTime time) const;

private:
    struct Spans {
        std::vector<Gatherscope::ScenarioTime> starts;   // sorted: every span, open or not
        std::vector<Gatherscope::ScenarioTime> ends;     // sorted: the spans that ended
        std::vector<Gatherscope::ScenarioTime> openEnds; // sorted: where open ones stop
        //! How many spans meet [from, to): begun before its end, less those ended before its
        //! start (a span of no length at \a from meets it).
        int meeting(Gatherscope::ScenarioTime from, Gatherscope::ScenarioTime to) const;
        //! How many spans go on just after \a time: begun by then and not ended by then.
        int across(Gatherscope::ScenarioTime time) const;
    };
    //! What a task does in a span of it.
    enum class Doing { Running, Sleeping, Working };
    Spans &spans(Doing doing);
    //! Starts over for the run of \a model.
    void reset(const TimelineModel &model);
    //! Takes event \a event of the run (all the counts need of it is its head).
    void take(const Gatherscope::EventList::Head &event);

    Spans m_running;
    Spans m_sleeping;
    Spans m_working;
    std::vector<Gatherscope::ScenarioTime> m_doneAt; // sorted
    int m_total = 0;
    bool m_hasWorkers = false;
    bool m_caughtUp = true;
    int m_lastReadSize = 0;
    Gatherscope::ScenarioTime m_readUntil{0};
    //! What has been read: the record, how many of its events, and each task's open span.
    struct Progress;
    std::unique_ptr<Progress> m_progress;
};
