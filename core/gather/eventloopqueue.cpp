// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "eventloopqueue.h"

#include <QMetaObject>
#include <QObject>

#include <algorithm>
#include <deque>
#include <memory>
#include <vector>

namespace Gatherscope {

namespace {

struct ThreadQueue {
    std::deque<std::coroutine_handle<>> pending;
    std::vector<EventLoopTimers *> timers;
    bool posted = false;
    // Posted events need a receiver living in this thread.
    std::unique_ptr<QObject> receiver = std::make_unique<QObject>();
};

ThreadQueue &threadQueue()
{
    thread_local ThreadQueue queue;
    return queue;
}

void post(ThreadQueue &queue);

void drain()
{
    auto &queue = threadQueue();
    queue.posted = false;
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
            post(queue);
        handle.resume();
    }
    for (std::size_t i = 0; i < queue.timers.size(); ++i)
        queue.timers[i]->runDueTimers();
}

void post(ThreadQueue &queue)
{
    if (queue.posted)
        return;
    queue.posted = true;
    QMetaObject::invokeMethod(queue.receiver.get(), &drain, Qt::QueuedConnection);
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
