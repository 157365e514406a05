// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// N sleepers woken over 50 ms of wall time: one ScenarioClock (one QTimer over an ordered map
// of deadlines) beside one QTimer per sleeper, which Qt 6.4 keeps in a sorted list. And N
// sleepers of random durations on the virtual clock, which jumps from deadline to deadline.

#include "scenarioclock.h"

#include <QCoreApplication>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <qcoro/qcorotask.h>

#include <random>

namespace {

constexpr int spreadMs = 50;

QCoro::Task<> sleepThenCount(Gatherscope::ScenarioClock &clock, int ms, int &woken)
{
    co_await clock.sleep(Gatherscope::ScenarioTime(std::chrono::milliseconds(ms)));
    ++woken;
}

void runUntil(const int &woken, int count)
{
    while (woken < count)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

void BM_ScenarioClock_Real(benchmark::State &state)
{
    const int count = int(state.range(0));
    for (auto _ : state) {
        Gatherscope::ScenarioClock clock(Gatherscope::ScenarioClock::Mode::Real);
        int woken = 0;
        std::vector<QCoro::Task<>> sleepers;
        sleepers.reserve(std::size_t(count));
        for (int i = 0; i < count; ++i)
            sleepers.push_back(sleepThenCount(clock, i % spreadMs, woken));
        runUntil(woken, count);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

QCoro::Task<> sleepSecondsThenCount(Gatherscope::ScenarioClock &clock, double seconds, int &woken)
{
    co_await clock.sleep(Gatherscope::LoopTime(seconds));
    ++woken;
}

void BM_ScenarioClock_Virtual(benchmark::State &state)
{
    const int count = int(state.range(0));
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> seconds(0.0, 1000.0);
    std::vector<double> durations(static_cast<std::size_t>(count), 0.0);
    for (double &duration : durations)
        duration = seconds(random);
    for (auto _ : state) {
        Gatherscope::ScenarioClock clock(Gatherscope::ScenarioClock::Mode::Virtual);
        int woken = 0;
        std::vector<QCoro::Task<>> sleepers;
        sleepers.reserve(std::size_t(count));
        for (const double duration : durations)
            sleepers.push_back(sleepSecondsThenCount(clock, duration, woken));
        runUntil(woken, count);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_QTimerPerSleeper(benchmark::State &state)
{
    const int count = int(state.range(0));
    for (auto _ : state) {
        int woken = 0;
        QObject context;
        for (int i = 0; i < count; ++i)
            QTimer::singleShot(i % spreadMs, Qt::PreciseTimer, &context, [&woken] { ++woken; });
        runUntil(woken, count);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(BM_ScenarioClock_Real)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScenarioClock_Virtual)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QTimerPerSleeper)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
