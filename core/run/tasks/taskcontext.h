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
    //! \a token is the task's cancellation; \a abandoned stops when the run is given up
    //! (its Runner destroyed), even where no gather is left to cancel the task.
    TaskContext(EventRecord *record, ScenarioClock *clock, int node, std::stop_token token,
                std::stop_token abandoned = {})
        : m_record(record)
        , m_clock(clock)
        , m_node(node)
        , m_token(std::move(token))
        , m_abandoned(std::move(abandoned))
    {}

    //! Python's `print(text)`.
    void print(const QString &text) const;
    class Sleep;
    class SleepAwaiter;
    //! `await asyncio.sleep(duration)`; raises CancelledError once the token stops. Awaited
    //! at once (`co_await context.sleep(d)`), as the TaskContext it was made from outlives it.
    Sleep sleep(LoopTime duration) const;
    //! `time.sleep(duration)`: holds the event loop (ScenarioClock::block()); never cancelled.
    void blockLoop(LoopTime duration) const;
    //! Runs \a work on Qt's thread pool while the loop runs the other tasks, and gives its
    //! result: `await asyncio.gather(asyncio.to_thread(work), asyncio.sleep(cost))`. So it takes
    //! its declared \a cost on either clock, or longer on the real clock if the work does; on
    //! the virtual clock the run waits for a worker not back at the end of its cost, so that
    //! runs stay deterministic. Raises CancelledError once the token stops (or the run is
    //! abandoned): work not yet begun never runs, as asyncio cancels the executor's future;
    //! work already on a thread finishes unheard, as a thread does.
    QCoro::Task<std::int64_t> runOnWorker(std::function<std::int64_t()> work, LoopTime cost) const;

private:
    //! The task is cancelled, or the run abandoned.
    bool stopped() const;
    void record(TaskEvent::Kind kind, ScenarioTime until = {}, QString text = {}) const;

    EventRecord *m_record;
    ScenarioClock *m_clock;
    int m_node;
    std::stop_token m_token;
    std::stop_token m_abandoned;
};

//! What `co_await context.sleep(d)` awaits: a sleep not begun yet.
/*!
 * Small on purpose: GCC 12 keeps what a coroutine awaits twice in its frame (the operand, and
 * a copy moved from it), and a run of 100,000 tasks holds as many frames at once. The awaiter
 * that holds the sleep itself is made once, by `operator co_await`.
 */
class TaskContext::Sleep {
public:
    Sleep(const TaskContext &context, LoopTime duration)
        : m_context(&context)
        , m_duration(duration)
    {}
    SleepAwaiter operator co_await() const;

private:
    const TaskContext *m_context;
    LoopTime m_duration;
};

//! The clock's sleep, recorded: `slept` when made, `woke` when it resumes (not when cancelled).
/*!
 * An awaitable rather than a coroutine of its own: every task of a run sleeps, and a frame per
 * sleep was a tenth of the memory of 100,000 sleeping tasks.
 */
class TaskContext::SleepAwaiter {
public:
    SleepAwaiter(const TaskContext &context, LoopTime duration);

    bool await_ready() const noexcept { return m_sleep.await_ready(); }
    void await_suspend(std::coroutine_handle<> handle) { m_sleep.await_suspend(handle); }
    void await_resume();

private:
    const TaskContext &m_context;
    ScenarioClock::SleepAwaiter m_sleep;
};

} // namespace Gatherscope
