// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Cost per task of one gather over N tasks, beside Qt's own QtFuture::whenAll on the same work.
// (a) "ready": every task returns at once; (b) "suspend": every task suspends once through the
// event loop. Counters: ns per task and peak heap bytes per task (from counting operator new).

#include "eventloopqueue.h"
#include "gather.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFuture>
#include <QPromise>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <new>

namespace {

// Heap accounting, switched on only for one extra run after the timed ones. The blocks are
// plain malloc() blocks (sized on release by malloc_usable_size()), so the timed runs see
// exactly the allocator a program would: a size prefix would move every block up a size class.
std::atomic<bool> g_counting{false};
// Signed: a block allocated before counting began and freed during it only subtracts.
std::atomic<std::ptrdiff_t> g_liveBytes{0};
std::atomic<std::ptrdiff_t> g_peakBytes{0};

void *countedAlloc(std::size_t size)
{
    void *pointer = std::malloc(size ? size : 1);
    if (!pointer)
        throw std::bad_alloc();
    if (!g_counting.load(std::memory_order_relaxed))
        return pointer;
    const auto bytes = std::ptrdiff_t(malloc_usable_size(pointer));
    const auto live = g_liveBytes.fetch_add(bytes) + bytes;
    auto peak = g_peakBytes.load();
    while (live > peak && !g_peakBytes.compare_exchange_weak(peak, live)) {
    }
    return pointer;
}

void countedFree(void *pointer) noexcept
{
    if (pointer && g_counting.load(std::memory_order_relaxed))
        g_liveBytes.fetch_sub(std::ptrdiff_t(malloc_usable_size(pointer)));
    std::free(pointer);
}

} // namespace

void *operator new(std::size_t size)
{
    return countedAlloc(size);
}
void *operator new[](std::size_t size)
{
    return countedAlloc(size);
}
void operator delete(void *pointer) noexcept
{
    countedFree(pointer);
}
void operator delete[](void *pointer) noexcept
{
    countedFree(pointer);
}
void operator delete(void *pointer, std::size_t) noexcept
{
    countedFree(pointer);
}
void operator delete[](void *pointer, std::size_t) noexcept
{
    countedFree(pointer);
}

namespace {

using Factory = QCoro::Task<int> (*)();

QCoro::Task<int> returnAtOnce()
{
    co_return 1;
}

QCoro::Task<int> suspendOnce()
{
    co_await Gatherscope::nextEventLoopTurn();
    co_return 1;
}

QCoro::Task<> gatherAndSum(std::vector<Factory> factories, std::int64_t &sum, bool &done)
{
    const auto results = co_await Gatherscope::gather(std::move(factories));
    for (int value : results)
        sum += value;
    done = true;
}

void runUntil(const bool &done)
{
    while (!done)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

//! Runs \a work once with heap accounting on; the most bytes it had allocated at once.
template<typename Work>
std::size_t peakBytesOf(Work &&work)
{
    g_liveBytes = 0;
    g_peakBytes = 0;
    g_counting = true;
    work();
    g_counting = false;
    return std::size_t(g_peakBytes.load());
}

void report(benchmark::State &state, std::size_t peakBytes)
{
    const auto tasks = double(state.range(0));
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["ns_per_task"] = benchmark::Counter(
        double(state.iterations()) * tasks,
        benchmark::Counter::kIsRate | benchmark::Counter::kInvert, benchmark::Counter::kIs1000);
    state.counters["peak_bytes_per_task"] = double(peakBytes) / tasks;
}

//! Heap bytes per task of \a count tasks made by \a factory and held alive, with no gather:
//! the tasks' own frames (the vector that holds the tasks is not counted).
std::size_t bareTaskBytes(std::size_t count, Factory factory)
{
    std::vector<QCoro::Task<int>> tasks;
    tasks.reserve(count);
    const std::size_t peak = peakBytesOf([&] {
        for (std::size_t i = 0; i < count; ++i)
            tasks.push_back(factory());
        while (!std::all_of(tasks.begin(), tasks.end(), [](auto &t) { return t.isReady(); }))
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    });
    return peak / count;
}

void gatherBenchmark(benchmark::State &state, Factory factory, bool suspends)
{
    const auto count = std::size_t(state.range(0));
    const auto once = [&] {
        std::int64_t sum = 0;
        bool done = false;
        auto task = gatherAndSum(std::vector<Factory>(count, factory), sum, done);
        runUntil(done);
        benchmark::DoNotOptimize(sum);
    };
    for (auto _ : state)
        once();
    const std::size_t peak = peakBytesOf(once);
    report(state, peak);
    // What the gather adds to each task beyond the task's own frame. Only for tasks that
    // suspend: all of them are alive at once, so the peak holds every frame; a gather of ready
    // tasks frees each before the next one starts.
    if (suspends) {
        const auto frame = double(bareTaskBytes(count, factory));
        state.counters["frame_bytes_per_task"] = frame;
        state.counters["bookkeeping_bytes_per_task"] = double(peak) / double(count) - frame;
    }
}

void BM_Gather_Ready(benchmark::State &state)
{
    gatherBenchmark(state, &returnAtOnce, false);
}
void BM_Gather_Suspend(benchmark::State &state)
{
    gatherBenchmark(state, &suspendOnce, true);
}

// Issue #11's scale target: 2,000,000 suspending tasks in one gather in under 1 s.
void BM_Gather_TwoMillionSuspending(benchmark::State &state)
{
    for (auto _ : state) {
        std::int64_t sum = 0;
        bool done = false;
        auto task = gatherAndSum(std::vector<Factory>(2'000'000, &suspendOnce), sum, done);
        runUntil(done);
        benchmark::DoNotOptimize(sum);
    }
}

// The memory a gather of N suspending tasks goes through, without a gather or a coroutine: for
// each task, blocks of the sizes it takes (its frame, 120 bytes; the coroutine QCoro resumes
// when it ends, 56; QCoro's vector of awaiters, 8, which points at that coroutine), written as
// the task starts; then, in the same order, as the event loop's turn resumes them: the frame
// read, the vector read and what it points at, a result stored, the three freed. What this costs
// more a task at 1e6 than at 1e3 is the memory's own, whatever the gather: it bounds how flat
// BM_Gather_Suspend can be.
void BM_Memory_SameAsSuspendingTasks(benchmark::State &state)
{
    const auto count = std::size_t(state.range(0));
    struct Blocks {
        std::byte *frame;
        std::byte *endCall;
        std::byte **awaiters;
    };
    constexpr std::size_t frameBytes = 120;
    constexpr std::size_t endCallBytes = 56;
    for (auto _ : state) {
        std::vector<Blocks> tasks(count);
        std::vector<std::int64_t> results(count);
        for (Blocks &task : tasks) {
            task.frame = static_cast<std::byte *>(::operator new(frameBytes));
            task.endCall = static_cast<std::byte *>(::operator new(endCallBytes));
            task.awaiters = static_cast<std::byte **>(::operator new(sizeof(std::byte *)));
            std::memset(task.frame, 1, frameBytes);
            std::memset(task.endCall, 2, endCallBytes);
            *task.awaiters = task.endCall;
        }
        for (std::size_t i = 0; i < count; ++i) {
            Blocks &task = tasks[i];
            results[i] =
                std::int64_t(task.frame[frameBytes / 2]) + std::int64_t((*task.awaiters)[8]);
            ::operator delete(task.awaiters);
            ::operator delete(task.endCall);
            ::operator delete(task.frame);
        }
        benchmark::DoNotOptimize(results.data());
    }
    report(state, 0);
}

// Qt's way to wait for many things: QFutures combined with QtFuture::whenAll.
void whenAllBenchmark(benchmark::State &state, bool suspend)
{
    const auto count = std::size_t(state.range(0));
    QObject context;
    const auto once = [&] {
        std::vector<QFuture<int>> futures;
        futures.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (!suspend) {
                futures.push_back(QtFuture::makeReadyFuture(1));
                continue;
            }
            // One posted event per task finishes it: Qt's natural "resume on the event loop".
            auto promise = std::make_shared<QPromise<int>>();
            promise->start();
            futures.push_back(promise->future());
            QMetaObject::invokeMethod(
                &context,
                [promise] {
                    promise->addResult(1);
                    promise->finish();
                },
                Qt::QueuedConnection);
        }
        auto all = QtFuture::whenAll(futures.begin(), futures.end());
        while (!all.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents);
        std::int64_t sum = 0;
        for (const auto &future : all.result())
            sum += future.result();
        benchmark::DoNotOptimize(sum);
    };
    for (auto _ : state)
        once();
    report(state, peakBytesOf(once));
}

void BM_WhenAll_Ready(benchmark::State &state)
{
    whenAllBenchmark(state, false);
}
void BM_WhenAll_Suspend(benchmark::State &state)
{
    whenAllBenchmark(state, true);
}

void sizes(benchmark::internal::Benchmark *benchmark)
{
    benchmark->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
}

} // namespace

BENCHMARK(BM_Gather_Ready)->Apply(sizes);
BENCHMARK(BM_Gather_Suspend)->Apply(sizes);
BENCHMARK(BM_Memory_SameAsSuspendingTasks)->Apply(sizes);
BENCHMARK(BM_Gather_TwoMillionSuspending)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_WhenAll_Ready)->Apply(sizes);
BENCHMARK(BM_WhenAll_Suspend)->Apply(sizes);
