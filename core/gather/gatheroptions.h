// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <stop_token>
#include <vector>

namespace Gatherscope {

//! What a gather does when one of its tasks raises.
enum class GatherPolicy {
    //! asyncio's default (`return_exceptions=False`): the first exception reaches the awaiter at
    //! once; the other tasks keep running and are not cancelled.
    FailFast,
    //! asyncio's `return_exceptions=True`: every exception takes its task's place in the results.
    ReturnExceptions,
    //! Like FailFast, and stop is requested on every task that has not finished.
    FailFastCancel,
    //! asyncio.TaskGroup's way: stop the rest, wait until all have finished, then raise the first
    //! exception.
    CancelAndJoin,
};

//! One thing that happened to one task of a gather, as told to a GatherObserver.
struct GatherTaskEvent {
    enum class Kind {
        Started,   //!< the task's factory is about to be called
        Finished,  //!< the task returned a value
        Raised,    //!< the task raised `error`
        Cancelled, //!< the task raised CancelledError, or was cancelled before it started
    };
    std::size_t index = 0; //!< the task's place in the input
    Kind kind = Kind::Started;
    std::exception_ptr error;  //!< set for Raised and Cancelled
    bool afterSettled = false; //!< the gather had already returned or raised to its awaiter
};

//! Called synchronously, in the order things happen, for every task of a gather.
using GatherObserver = std::function<void(const GatherTaskEvent &)>;

//! Everything about a gather except its tasks. The defaults are asyncio's.
struct GatherOptions {
    //! At most this many tasks run at once; 0 means no limit. Tasks still start in input order.
    std::size_t maxConcurrency = 0;
    //! Cancels the whole gather (asyncio: `gather_future.cancel()`).
    std::stop_token stopToken;
    //! What the awaiter sees when stopToken stops it: null means CancelledError; a Deadline
    //! gives TimeoutError (asyncio: `asyncio.timeout()` around the gather).
    std::exception_ptr stopReason;
    //! `taskStopTokens[i]` cancels task i alone (asyncio: `tasks[i].cancel()`); may be shorter
    //! than the input.
    std::vector<std::stop_token> taskStopTokens;
    //! Told of every start, value, exception and cancellation, per task index. It must not
    //! throw: it is told from inside the tasks' ends, where an exception ends the program.
    GatherObserver observer;
};

} // namespace Gatherscope
