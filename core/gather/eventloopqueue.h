// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <coroutine>
#include <cstddef>

namespace Gatherscope {

//! Timed callbacks that take part in every iteration of the EventLoopQueue, as asyncio's heap
//! of timers takes part in every `BaseEventLoop._run_once`.
/*!
 * An iteration first asks every registered source to take the timers that are due (after the
 * callbacks already ready, as asyncio appends them to its ready queue), then resumes the
 * coroutines that were ready when it began, then asks the sources to run what they took.
 * Whatever either of them makes ready runs in the next iteration.
 */
class EventLoopTimers {
public:
    //! Start of an iteration: take every timer that is due. \a nothingReady: no coroutine is
    //! ready, so a clock on virtual time may move to its next deadline first.
    virtual void takeDueTimers(bool nothingReady) = 0;
    //! After the iteration's ready coroutines: run, in order, the timers takeDueTimers() took.
    virtual void runDueTimers() = 0;

protected:
    ~EventLoopTimers() = default;
};

//! Resumes coroutines from the Qt event loop of the current thread, batched.
/*!
 * Every handle queued during one turn of the event loop is resumed by a single posted
 * event, in the order it was queued. This is asyncio's `call_soon` ready queue: nobody is
 * resumed from inside the stack of whoever woke it, so chains of completions never recurse,
 * and one posted event per turn (not per coroutine) keeps a wake-up at ~100 ns. One turn is
 * one iteration of asyncio's loop: what it resumes queues for the next one.
 */
class EventLoopQueue {
public:
    //! Queues \a handle to be resumed on a later turn of this thread's event loop.
    static void resumeSoon(std::coroutine_handle<> handle);
    //! Number of handles queued and not yet resumed on this thread.
    static std::size_t pendingCount();

    //! Makes \a timers take part in every iteration on this thread until removeTimers().
    static void addTimers(EventLoopTimers *timers);
    static void removeTimers(EventLoopTimers *timers);
    //! Runs an iteration soon even if no coroutine is ready (a timer is due, or virtual time
    //! may move on).
    static void requestIteration();
};

//! Awaitable: suspends the caller until the next turn of the event loop (asyncio's `sleep(0)`).
struct NextEventLoopTurn {
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> handle) const { EventLoopQueue::resumeSoon(handle); }
    void await_resume() const noexcept {}
};

//! Suspends until the next turn of the event loop: `co_await nextEventLoopTurn();`.
inline NextEventLoopTurn nextEventLoopTurn()
{
    return {};
}

} // namespace Gatherscope
