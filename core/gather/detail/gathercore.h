// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "../gatheroptions.h"
#include "framepool.h"

#include <coroutine>
#include <cstdint>
#include <memory>
#include <stop_token>
#include <vector>

namespace Gatherscope::detail {

//! The bookkeeping of one gather that does not depend on the tasks' types.
/*!
 * Owned (shared_ptr) by the coroutine that awaits the gather, and by itself while any of its
 * tasks has not finished, so it lives exactly as long as anybody can still touch it:
 * destroying the awaiter early leaves the running tasks safe.
 */
class GatherCore : public std::enable_shared_from_this<GatherCore> {
public:
    GatherCore(std::size_t count, GatherPolicy policy, GatherOptions options);
    GatherCore(const GatherCore &) = delete;
    GatherCore &operator=(const GatherCore &) = delete;
    virtual ~GatherCore();

    //! Starts the tasks in input order (as many as the window allows).
    void start();
    //! Task \a index has ended: with a value already in its slot (\a error null), or with
    //! \a error, which is stored here as its outcome.
    void taskFinished(std::size_t index, std::exception_ptr error);

    std::size_t count() const { return m_states.size(); }
    //! What the awaiter raises; null when the gather returns its results.
    std::exception_ptr failure() const { return m_failure; }
    //! Resumes \a awaiter through the event loop once the gather settles.
    void resumeWhenSettled(std::coroutine_handle<> awaiter);
    //! The stop token of task \a index, for a factory that takes one.
    std::stop_token tokenFor(std::size_t index);
    //! Where the TaskEndCalls of this gather's tasks keep their frames.
    FramePool *framePool() const { return m_framePool; }

protected:
    //! Calls factory \a index and awaits the task it makes.
    virtual void launch(std::size_t index) = 0;

    //! Stores \a error as the outcome of task \a index.
    virtual void storeError(std::size_t index, std::exception_ptr error) = 0;

private:
    enum class TaskState : std::uint8_t { Waiting, Running, Done };

    void pump();
    void linkStopTokens();
    void cancelGather(std::exception_ptr reason);
    void cancelTask(std::size_t index);
    void requestStopOfRest();
    void requestStop(std::size_t index); // of a running task whose factory took a token
    void settle(std::exception_ptr failure);
    void tell(const GatherTaskEvent &event) const;

    GatherPolicy m_policy;
    GatherOptions m_options;
    std::vector<TaskState> m_states;
    std::vector<bool> m_cancelledEarly; // cancelled alone before it could start
    std::size_t m_nextToStart = 0;
    std::size_t m_running = 0;
    std::size_t m_finished = 0;
    bool m_started = false;
    bool m_pumping = false;
    class Entry;
    int m_entries = 0;       // Entry: calls into the core on the stack, one inside another
    bool m_stopRest = false; // tasks not started yet will never start

    // A task's stop source is made only when its factory takes a token (the list, only when
    // some factory does). One per task (not one shared) so that stop is requested task by task
    // in input order, as asyncio cancels them.
    std::vector<std::stop_source> m_taskStops;
    using StopLink = std::stop_callback<std::function<void()>>;
    std::vector<std::unique_ptr<StopLink>> m_stopLinks;

    std::exception_ptr m_cancelReason; // GatherOptions::stopReason once cancelled
    std::exception_ptr m_firstFailure; // for CancelAndJoin
    std::exception_ptr m_failure;
    bool m_settled = false;
    std::coroutine_handle<> m_awaiter;
    std::shared_ptr<GatherCore> m_keepAlive; // set while some task has not finished

    FramePool *m_framePool; // released, not deleted: see FramePool
};

} // namespace Gatherscope::detail
