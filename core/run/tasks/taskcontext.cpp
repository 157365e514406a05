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
    m_record->append(std::move(event));
}

void TaskContext::print(const QString &text) const
{
    record(TaskEvent::Kind::Printed, {}, text);
}

TaskContext::SleepAwaiter TaskContext::sleep(LoopTime duration) const
{
    return SleepAwaiter(*this, duration);
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

//! Finishes when \a work does or when \a token stops, whichever is first: asyncio cancels a task
//! awaiting `to_thread` at once and leaves the thread to finish.
QCoro::Task<> workDoneOrStopped(QFuture<std::int64_t> work, std::stop_token token)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    // QPromise finishes once; whoever comes second (the worker or the stop) does nothing.
    const auto finish = [promise] { promise->finish(); };
    const auto whenDone = [finish](const QFuture<std::int64_t> &) { finish(); };
    work.then(QtFuture::Launch::Sync, whenDone);
    const std::stop_callback onStop(token, finish);
    const QFuture<void> doneOrStopped = promise->future();
    co_await doneOrStopped; // QCoro's QFuture support: resumed from this thread's event loop
}

} // namespace

QCoro::Task<std::int64_t> TaskContext::runOnWorker(std::function<std::int64_t()> work,
                                                   LoopTime cost) const
{
    // The twin's `await asyncio.gather(asyncio.to_thread(work, n), asyncio.sleep(cost))`,
    // turn for turn: its two tasks take their first step an iteration from now, the gather
    // hears the last of them end an iteration after it ends, and wakes this task in the next.
    record(TaskEvent::Kind::Computing, secondsToScenarioTime((m_clock->loopTime() + cost).count()));
    QFuture<std::int64_t> result = QtConcurrent::run(std::move(work));
    co_await nextEventLoopTurn();
    bool cancelled = false;
    try {
        co_await m_clock->sleep(cost, m_token);
    } catch (const CancelledError &) {
        cancelled = true; // the gather cancels both its tasks, and raises when they end
    }
    if (!cancelled && !result.isFinished()) {
        if (m_clock->mode() == ScenarioClock::Mode::Virtual) {
            // Virtual time counts the declared cost: letting the loop go on while the worker
            // is still busy would let this machine's speed decide the order of events.
            result.waitForFinished();
        } else {
            co_await workDoneOrStopped(result, m_token);
            cancelled = !result.isFinished();
            m_clock->catchUp(); // the work took longer than its cost: stamp when it came back
        }
    }
    co_await nextEventLoopTurn(); // the gather hears its last task end
    co_await nextEventLoopTurn(); // and wakes this one
    if (cancelled || m_token.stop_requested())
        throw CancelledError();
    record(TaskEvent::Kind::Woke);
    co_return result.result();
}

} // namespace Gatherscope
