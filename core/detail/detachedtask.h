#pragma once

#include <coroutine>
#include <exception>

namespace Gatherscope::detail {

//! A fire-and-forget coroutine: starts at once, frees its own frame when it ends.
/*!
 * The gather drives each child task from one of these. The driver catches everything
 * itself, so nothing can escape into unhandled_exception().
 */
struct DetachedTask {
    struct promise_type {
        DetachedTask get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() const noexcept { return {}; }
        std::suspend_never final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
        void unhandled_exception() const noexcept { std::terminate(); }
    };
};

} // namespace Gatherscope::detail
