// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "framepool.h"

#include <coroutine>
#include <cstddef>
#include <exception>

namespace Gatherscope::detail {

//! The smallest coroutine QCoro can resume when a task ends: it calls back, then frees itself.
/*!
 * QCoro 0.8 tells that a task has ended in one way only: it resumes the coroutine handles that
 * await the task. So a gather needs one coroutine a task to be told which task ended. This one
 * holds nothing but whom to tell: the task and its outcome stay in the gather's state, and the
 * work is done by plain functions there (a driver coroutine that awaited the task itself kept
 * a frame of 112 to 192 bytes a task; this one, 56). It starts suspended, waiting for the
 * task's end. Its first parameter is an object with a `framePool()`, where its frame is
 * allocated.
 */
struct TaskEndCall {
    struct promise_type {
        TaskEndCall get_return_object() noexcept
        {
            return {std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_always initial_suspend() const noexcept { return {}; }
        std::suspend_never final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
        // Nothing may escape a task's end, which QCoro tells from a noexcept function.
        void unhandled_exception() const noexcept { std::terminate(); }

        template<typename Owner, typename... Rest>
        static void *operator new(std::size_t size, Owner *owner, const Rest &...)
        {
            return FramePool::allocate(owner->framePool(), size);
        }
        // The sized form is the one chosen; the unsized one makes that choice the standard's
        // own (it names the sized form only when both are declared).
        static void operator delete(void *frame, std::size_t) noexcept
        {
            FramePool::deallocate(frame);
        }
        static void operator delete(void *frame) noexcept { FramePool::deallocate(frame); }
    };
    std::coroutine_handle<> handle;
};

// GCC 12 takes the frame's `operator new(size, owner, ...)` for a placement new and warns that
// the frame is freed with the usual `operator delete(void *, size)`, which is the pairing that
// the standard prescribes for coroutine frames ([dcl.fct.def.coroutine]).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
//! A TaskEndCall that calls `owner->taskEnded(index)` once resumed. \a owner may be gone by the
//! time the coroutine ends: it touches nothing after the call.
template<typename Owner>
TaskEndCall callTaskEnded(Owner *owner, std::size_t index)
{
    owner->taskEnded(index);
    co_return;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

} // namespace Gatherscope::detail
