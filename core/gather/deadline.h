// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QTimer>

#include <chrono>
#include <exception>
#include <stop_token>

namespace Gatherscope {

//! asyncio's `timeout()` for a gather: a stop source that stops itself when a wall-clock
//! QTimer runs out.
/*!
 * asyncio.gather has no timeout of its own; `asyncio.timeout()` and `wait_for` cancel what
 * they wrap. So does this:
 * \code{.cpp}
 * Deadline deadline(std::chrono::seconds(2));
 * GatherOptions options;
 * options.stopToken = deadline.token();
 * options.stopReason = Deadline::reason(); // the awaiter sees TimeoutError
 * co_await gather(work, options);
 * \endcode
 * Keep the Deadline alive while the gather runs; destroying it first means no timeout. A
 * program with a clock of its own (Gatherscope's scenario clock) stops the token from there.
 */
class Deadline {
public:
    //! Starts counting now, on the current thread's event loop.
    explicit Deadline(std::chrono::milliseconds after);
    Deadline(const Deadline &) = delete;
    Deadline &operator=(const Deadline &) = delete;

    //! Stops when the time has run out.
    std::stop_token token() const { return m_source.get_token(); }
    //! True once the time has run out.
    bool expired() const { return m_source.stop_requested(); }
    //! What a gather stopped by a deadline raises to its awaiter: a TimeoutError.
    static std::exception_ptr reason();

private:
    std::stop_source m_source;
    QTimer m_timer;
};

} // namespace Gatherscope
