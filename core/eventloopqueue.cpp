#include "eventloopqueue.h"

#include <QMetaObject>
#include <QObject>

#include <deque>
#include <memory>

namespace Gatherscope {

namespace {

struct ThreadQueue {
    std::deque<std::coroutine_handle<>> pending;
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
    // Resume what was queued before this turn; what the resumed coroutines queue waits for the
    // next turn. Handles are taken one at a time and a drain stays posted while some remain,
    // so a coroutine that spins a nested event loop lets the rest of its batch run.
    for (std::size_t batch = queue.pending.size(); batch > 0 && !queue.pending.empty(); --batch) {
        const auto handle = queue.pending.front();
        queue.pending.pop_front();
        if (batch > 1)
            post(queue);
        handle.resume();
    }
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

} // namespace Gatherscope
