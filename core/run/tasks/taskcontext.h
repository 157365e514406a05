// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"
#include "scenarioclock.h"

#include <qcoro/qcorotask.h>

#include <cstdint>
#include <functional>
#include <stop_token>

namespace Gatherscope {

//! What a demo task is given: where to print and sleep, who it is, and its cancellation.
/*!
 * Printing and sleeping go through here so that every line and every sleep is recorded with
 * its scenario time.
 */
class TaskContext {
public:
    TaskContext(EventRecord *record, ScenarioClock *clock, int node, std::stop_token token)
        : m_record(record)
        , m_clock(clock)
        , m_node(node)
        , m_token(std::move(token))
    {}

    //! Python's `print(text)`.
    void print(const QString &text) const;
    //! `await asyncio.sleep(duration)`; raises CancelledError once the token stops.
    QCoro::Task<> sleep(LoopTime duration) const;
    //! `time.sleep(duration)`: holds the event loop (ScenarioClock::block()); never cancelled.
    void blockLoop(LoopTime duration) const;
    //! Runs \a work on Qt's thread pool while the loop runs the other tasks, and gives its
    //! result: `await asyncio.gather(asyncio.to_thread(work), asyncio.sleep(cost))`. So it takes
    //! its declared \a cost on either clock, or longer on the real clock if the work does; on
    //! the virtual clock the run waits for a worker not back at the end of its cost, so that
    //! runs stay deterministic. Raises CancelledError once the token stops; the worker then
    //! finishes unheard, as a thread does.
    QCoro::Task<std::int64_t> runOnWorker(std::function<std::int64_t()> work, LoopTime cost) const;

private:
    void record(TaskEvent::Kind kind, ScenarioTime until = {}, QString text = {}) const;

    EventRecord *m_record;
    ScenarioClock *m_clock;
    int m_node;
    std::stop_token m_token;
};

} // namespace Gatherscope
