#pragma once

#include <coroutine>
#include <cstddef>

namespace Gatherscope {

//! Resumes coroutines from the Qt event loop of the current thread, batched.
/*!
 * Every handle queued during one turn of the event loop is resumed by a single posted
 * event, in the order it was queued. This is asyncio's `call_soon` ready queue: nobody is
 * resumed from inside the stack of whoever woke it, so chains of completions never recurse,
 * and one posted event per turn (not per coroutine) keeps a wake-up at ~100 ns.
 */
class EventLoopQueue {
public:
    //! Queues \a handle to be resumed on a later turn of this thread's event loop.
    static void resumeSoon(std::coroutine_handle<> handle);
    //! Number of handles queued and not yet resumed on this thread.
    static std::size_t pendingCount();
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
