// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <coroutine>
#include <exception>

namespace Gatherscope::detail {

//! A coroutine handle that calls a plain function when it is resumed.
/*!
 * QCoro 0.8 tells that a task has ended in one way only: it resumes the coroutine handles that
 * await the task. The gather used to drive each task from a coroutine of its own just to be told
 * (a driver frame of 112 to 192 bytes a task, for a handful of lines). A handle is the address of
 * a coroutine frame, and `resume()` calls the function whose address the frame keeps first,
 * passing it that address: GCC, Clang and MSVC lay every frame out that way (the resume
 * function, then the destroy function), as their coroutines interoperate. A Continuation begins
 * the same way, so the handle made from its address calls \a onResume.
 *
 * The handle may be resumed and nothing else: it is no coroutine that could be destroyed or
 * asked whether it is done, and the gather hands it only to the task it awaits (QCoro's
 * `await_suspend`, which keeps it and resumes it once). tst_gather's
 * `aContinuationIsResumedAsACoroutineWouldBe` checks the layout on the compiler in use.
 */
struct Continuation {
    using Function = void (*)(void *address);

    explicit Continuation(Function onResume) noexcept
        : resume(onResume)
    {}

    //! The handle to give the task; the Continuation must stay where it is until resumed.
    std::coroutine_handle<> handle() noexcept
    {
        return std::coroutine_handle<>::from_address(this);
    }

    // Where a coroutine frame keeps its resume and destroy functions, in that order.
    Function resume;
    Function destroy = [](void *) noexcept { std::terminate(); }; // never destroyed, see above
};

} // namespace Gatherscope::detail
