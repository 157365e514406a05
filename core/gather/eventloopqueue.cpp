// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "eventloopqueue.h"

#include <QMetaObject>
#include <QObject>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <vector>

namespace Gatherscope {

namespace {

struct ThreadQueue {
    std::deque<std::coroutine_handle<>> pending;
    std::vector<EventLoopTimers *> timers;
    bool wanted = false; // something asked for another iteration
    bool queued = false; // a drain is posted to the Qt event loop
    // Posted events need a receiver living in this thread.
    std::unique_ptr<QObject> receiver = std::make_unique<QObject>();
};

ThreadQueue &threadQueue()
{
    thread_local ThreadQueue queue;
    return queue;
}

void queueDrain(ThreadQueue &queue);

//! One iteration of the loop, asyncio's `_run_once`.
void iterate(ThreadQueue &queue)
{
    const std::size_t ready = queue.pending.size();
    // By index, here and below: a source may go away (its clock destroyed) during the turn.
    for (std::size_t i = 0; i < queue.timers.size(); ++i)
        queue.timers[i]->takeDueTimers(ready == 0);
    // Resume what was queued before this turn; what the resumed coroutines queue waits for the
    // next turn. Handles are taken one at a time and a drain stays posted while some remain,
    // so a coroutine that spins a nested event loop lets the rest of its batch run.
    for (std::size_t batch = ready; batch > 0 && !queue.pending.empty(); --batch) {
        const auto handle = queue.pending.front();
        queue.pending.pop_front();
        if (batch > 1)
            queueDrain(queue);
        handle.resume();
    }
    for (std::size_t i = 0; i < queue.timers.size(); ++i)
        queue.timers[i]->runDueTimers();
}

//! How long one posted drain may go on from iteration to iteration before it lets the Qt event
//! loop turn: a run on the virtual clock is one iteration per deadline, and a posted event for
//! each cost more than the iteration itself; a window still repaints and takes keys between.
constexpr std::chrono::microseconds drainBudget{2000};

void drain()
{
    auto &queue = threadQueue();
    queue.queued = false;
    const auto until = std::chrono::steady_clock::now() + drainBudget;
    do {
        queue.wanted = false;
        iterate(queue);
    } while (queue.wanted && std::chrono::steady_clock::now() < until);
}

void queueDrain(ThreadQueue &queue)
{
    if (queue.queued)
        return;
    queue.queued = true;
    QMetaObject::invokeMethod(queue.receiver.get(), &drain, Qt::QueuedConnection);
}

//! Asks for another iteration. A drain running goes on with it if it has time left; one drain
//! is posted all the same (one at a time, not one an iteration), for when it has not, or when
//! the coroutine that asked spins a nested event loop and waits for the queue in it.
void post(ThreadQueue &queue)
{
    queue.wanted = true;
    queueDrain(queue);
}

} // namespace

void EventLoopQueue::resumeSoon(std::coroutine_handle<> handle)
{
    auto &queue = threadQueue();
    queue.pending.push_back(handle);
    post(queue);
}

std::size_t EventLoopQueue::pendingCount()
{
    return threadQueue().pending.size();
}

void EventLoopQueue::addTimers(EventLoopTimers *timers)
{
    threadQueue().timers.push_back(timers);
}

void EventLoopQueue::removeTimers(EventLoopTimers *timers)
{
    auto &list = threadQueue().timers;
    list.erase(std::remove(list.begin(), list.end(), timers), list.end());
}

void EventLoopQueue::requestIteration()
{
    post(threadQueue());
}

} // namespace Gatherscope
