// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "framepool.h"

#include <coroutine>
#include <cstddef>
#include <exception>

namespace Gatherscope::detail {

//! A fire-and-forget coroutine: starts at once, frees its own frame when it ends.
/*!
 * The gather drives each child task from one of these. The driver catches everything
 * itself, so nothing can escape into unhandled_exception(). Its first parameter is an object
 * with a `framePool()`, where its frame is allocated.
 */
struct DetachedTask {
    struct promise_type {
        DetachedTask get_return_object() noexcept { return {}; }
        std::suspend_never initial_suspend() const noexcept { return {}; }
        std::suspend_never final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
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
};

} // namespace Gatherscope::detail
