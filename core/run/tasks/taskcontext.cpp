// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskcontext.h"

#include "pythonerror.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <qcoro/qcorofuture.h>

#include <memory>

namespace Gatherscope {

void TaskContext::record(TaskEvent::Kind kind, ScenarioTime until, QString text) const
{
    TaskEvent event;
    event.time = m_clock->now();
    event.node = m_node;
    event.kind = kind;
    event.until = until;
    event.text = std::move(text);
    m_record->append(event);
}

void TaskContext::print(const QString &text) const
{
    record(TaskEvent::Kind::Printed, {}, text);
}

TaskContext::Sleep TaskContext::sleep(LoopTime duration) const
{
    return {*this, duration};
}

TaskContext::SleepAwaiter TaskContext::Sleep::operator co_await() const
{
    return {*m_context, m_duration};
}

TaskContext::SleepAwaiter::SleepAwaiter(const TaskContext &context, LoopTime duration)
    : m_context(context)
    , m_sleep(context.m_clock->sleep(duration, context.m_token))
{
    m_context.record(TaskEvent::Kind::Slept,
                     secondsToScenarioTime((m_context.m_clock->loopTime() + duration).count()));
}

void TaskContext::SleepAwaiter::await_resume()
{
    m_sleep.await_resume(); // raises CancelledError when cancelled
    m_context.record(TaskEvent::Kind::Woke);
}

void TaskContext::blockLoop(LoopTime duration) const
{
    m_clock->block(duration);
}

namespace {

//! Finishes when \a work does or when either token stops, whichever is first: asyncio cancels a
//! task awaiting `to_thread` at once and leaves the thread to finish.
QCoro::Task<> workDoneOrStopped(QFuture<std::int64_t> work, std::stop_token token,
                                std::stop_token abandoned)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    // QPromise finishes once; whoever comes second (the worker or a stop) does nothing.
    const auto finish = [promise] { promise->finish(); };
    const auto whenDone = [finish](const QFuture<std::int64_t> &) { finish(); };
    work.then(QtFuture::Launch::Sync, whenDone);
    const std::stop_callback onStop(token, finish);
    const std::stop_callback onAbandon(abandoned, finish);
    const QFuture<void> doneOrStopped = promise->future();
    co_await doneOrStopped; // QCoro's QFuture support: resumed from this thread's event loop
}

} // namespace

bool TaskContext::stopped() const
{
    return m_token.stop_requested() || m_abandoned.stop_requested();
}

QCoro::Task<std::int64_t> TaskContext::runOnWorker(std::function<std::int64_t()> work,
                                                   LoopTime cost) const
{
    // The twin's `await asyncio.gather(asyncio.to_thread(work, n), asyncio.sleep(cost))`: its
    // two tasks take their first step an iteration from now, and to_thread hands the work to
    // a thread there, unless they were cancelled first.
    record(TaskEvent::Kind::Computing, secondsToScenarioTime((m_clock->loopTime() + cost).count()));
    co_await nextEventLoopTurn();
    QFuture<std::int64_t> result;
    if (!stopped())
        result = QtConcurrent::run(std::move(work));
    bool cancelled = false;
    try {
        co_await m_clock->sleep(cost, m_token);
    } catch (const CancelledError &) {
        cancelled = true; // the gather cancels both its tasks, and raises when they end
    }
    if (!cancelled && cost == LoopTime::zero()) {
        // A `sleep(0)` ends an iteration after its first step; to_thread two at the soonest,
        // as the worker's result comes back through `call_soon_threadsafe(_set_state)`, whose
        // iteration wakes to_thread's task in the next.
        co_await nextEventLoopTurn();
    }
    if (!cancelled && !result.isFinished()) {
        if (m_clock->mode() == ScenarioClock::Mode::Virtual) {
            // Virtual time counts the declared cost: letting the loop go on while the worker
            // is still busy would let this machine's speed decide the order of events.
            result.waitForFinished();
        } else {
            co_await workDoneOrStopped(result, m_token, m_abandoned);
            cancelled = !result.isFinished();
            if (!cancelled) {
                m_clock->catchUp(); // the work took longer than its cost: stamp when it came back
                co_await nextEventLoopTurn(); // `_set_state`, called soon from the worker
                co_await nextEventLoopTurn(); // to_thread's task wakes and ends
            }
        }
    }
    if (cancelled || stopped())
        result.cancel();          // work not yet begun never begins, as asyncio cancels its future
    co_await nextEventLoopTurn(); // the gather hears its last task end
    co_await nextEventLoopTurn(); // and wakes this one
    if (cancelled || stopped())
        throw CancelledError();
    record(TaskEvent::Kind::Woke);
    co_return result.result();
}

} // namespace Gatherscope
