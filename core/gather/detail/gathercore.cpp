// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "gathercore.h"

#include "../eventloopqueue.h"
#include "../exceptioninfo.h"
#include "../gathererrors.h"

#include <algorithm>
#include <utility>

namespace Gatherscope::detail {

//! Held by each call that comes into the core from outside: start(), a task's end, a stop.
/*!
 * Such a call can hold another (a task's report starts a task that ends at once, an observer
 * ends one), and the core's hold on itself is let go once its last task has ended, which frees
 * it when the awaiter has gone. So only the outermost call lets go, as it returns: no call
 * reads a freed core after one it held.
 */
class GatherCore::Entry {
public:
    explicit Entry(GatherCore &core)
        : m_core(core)
    {
        ++core.m_entries;
    }
    Entry(const Entry &) = delete;
    Entry &operator=(const Entry &) = delete;
    ~Entry()
    {
        if (--m_core.m_entries == 0 && m_core.m_finished == m_core.count())
            m_core.m_keepAlive.reset(); // may destroy the core: nothing may follow
    }

private:
    GatherCore &m_core;
};

GatherCore::GatherCore(std::size_t count, GatherPolicy policy, GatherOptions options)
    : m_policy(policy)
    , m_options(std::move(options))
    , m_states(count, TaskState::Waiting)
    , m_cancelledEarly(count, false)
    // A task's TaskEndCall frees its frame after its report, which may start the next task.
    , m_framePool(FramePool::create(
          m_options.maxConcurrency ? std::min(count, m_options.maxConcurrency + 1) : count))
{}

GatherCore::~GatherCore()
{
    m_framePool->release();
}

void GatherCore::start()
{
    if (count() == 0) {
        settle(nullptr); // asyncio: gather() of nothing is done at once
        return;
    }
    m_keepAlive = shared_from_this();
    const Entry entry(*this);
    linkStopTokens(); // a token that has already stopped cancels right here
    m_started = true;
    pump();
}

void GatherCore::linkStopTokens()
{
    const auto &taskTokens = m_options.taskStopTokens;
    for (std::size_t i = 0; i < std::min(taskTokens.size(), count()); ++i) {
        if (!taskTokens[i].stop_possible())
            continue;
        m_stopLinks.push_back(
            std::make_unique<StopLink>(taskTokens[i], [this, i] { cancelTask(i); }));
    }
    if (m_options.stopToken.stop_possible()) {
        m_stopLinks.push_back(std::make_unique<StopLink>(m_options.stopToken, [this] {
            cancelGather(m_options.stopReason ? m_options.stopReason
                                              : std::make_exception_ptr(CancelledError()));
        }));
    }
}

std::stop_token GatherCore::tokenFor(std::size_t index)
{
    if (m_taskStops.empty()) // the first factory that takes a token
        m_taskStops.resize(count(), std::stop_source(std::nostopstate));
    auto &source = m_taskStops[index];
    if (!source.stop_possible())
        source = std::stop_source();
    return source.get_token();
}

void GatherCore::pump()
{
    // One loop starts everything: a task that finishes synchronously calls back into
    // taskFinished(), which calls pump() again; that inner call returns at once instead of
    // recursing once per task.
    // Called only inside an Entry: a task that ends inside this loop cannot free the core.
    if (m_pumping || !m_started || m_nextToStart == count())
        return;
    m_pumping = true;
    const std::size_t window = m_options.maxConcurrency ? m_options.maxConcurrency : count();
    while (m_nextToStart < count()) {
        const std::size_t index = m_nextToStart;
        if (m_stopRest || m_cancelledEarly[index]) {
            ++m_nextToStart;
            taskFinished(index, std::make_exception_ptr(CancelledError()));
            continue;
        }
        if (m_running >= window)
            break;
        ++m_nextToStart;
        m_states[index] = TaskState::Running;
        ++m_running;
        tell({index, GatherTaskEvent::Kind::Started, nullptr, m_settled});
        launch(index);
    }
    m_pumping = false;
}

void GatherCore::taskFinished(std::size_t index, std::exception_ptr error)
{
    const Entry entry(*this);
    if (error)
        storeError(index, error);
    const bool wasSettled = m_settled;
    if (m_states[index] == TaskState::Running)
        --m_running;
    m_states[index] = TaskState::Done;
    ++m_finished;

    if (error && !m_settled) {
        // asyncio: a cancelled gather raises CancelledError when a task reports its
        // cancellation, but a task that turned its cancellation into another exception raises
        // that one to the awaiter.
        const auto raised = m_cancelReason && isCancellation(error) ? m_cancelReason : error;
        switch (m_policy) {
        case GatherPolicy::FailFast:
            settle(raised);
            break;
        case GatherPolicy::FailFastCancel:
            settle(raised);
            requestStopOfRest();
            break;
        case GatherPolicy::CancelAndJoin:
            if (!m_firstFailure)
                m_firstFailure = error;
            requestStopOfRest();
            break;
        case GatherPolicy::ReturnExceptions:
            break;
        }
    }
    if (m_finished == count() && !m_settled)
        settle(m_cancelReason ? m_cancelReason : m_firstFailure);

    const auto kind = !error                  ? GatherTaskEvent::Kind::Finished
                      : isCancellation(error) ? GatherTaskEvent::Kind::Cancelled
                                              : GatherTaskEvent::Kind::Raised;
    tell({index, kind, std::move(error), wasSettled});
    pump();
}

void GatherCore::tell(const GatherTaskEvent &event) const
{
    if (m_options.observer)
        m_options.observer(event);
}

void GatherCore::cancelGather(std::exception_ptr reason)
{
    const Entry entry(*this);
    // asyncio: cancelling a gather that is already done does nothing.
    if (m_settled || m_cancelReason)
        return;
    m_cancelReason = std::move(reason);
    requestStopOfRest();
    if (m_finished == count())
        settle(m_cancelReason);
}

void GatherCore::cancelTask(std::size_t index)
{
    const Entry entry(*this);
    switch (m_states[index]) {
    case TaskState::Waiting:
        m_cancelledEarly[index] = true;
        pump();
        break;
    case TaskState::Running:
        requestStop(index);
        break;
    case TaskState::Done:
        break;
    }
}

void GatherCore::requestStopOfRest()
{
    m_stopRest = true;
    for (std::size_t i = 0; i < count(); ++i) {
        if (m_states[i] == TaskState::Running)
            requestStop(i);
    }
    pump();
}

void GatherCore::requestStop(std::size_t index)
{
    if (index < m_taskStops.size() && m_taskStops[index].stop_possible())
        m_taskStops[index].request_stop();
}

void GatherCore::settle(std::exception_ptr failure)
{
    m_settled = true;
    m_failure = std::move(failure);
    if (m_awaiter)
        EventLoopQueue::resumeSoon(std::exchange(m_awaiter, {}));
}

void GatherCore::resumeWhenSettled(std::coroutine_handle<> awaiter)
{
    if (m_settled)
        EventLoopQueue::resumeSoon(awaiter);
    else
        m_awaiter = awaiter;
}

} // namespace Gatherscope::detail
