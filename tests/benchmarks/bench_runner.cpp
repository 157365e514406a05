// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// A scenario of N empty gathers, run on the virtual clock: the time per gather stays flat as N
// grows because each gather's children are indexed once (scanning every node for them made
// 100,000 gathers take 15 s and 500,000 over half an hour). And reading a file of N say_hello
// tasks, which is half of a headless run and of the window's launch; and writing the Python
// twin of N say_hello tasks, which the window's Python panel shows.

#include "pythontwin.h"
#include "runner.h"
#include "scenariofixtures.h"
#include "scenarioloader.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

namespace {

void BM_RunEmptyGathers(benchmark::State &state)
{
    Gatherscope::Scenario scenario;
    scenario.title = QStringLiteral("gathers");
    Gatherscope::TaskSpec gather;
    gather.kind = Gatherscope::TaskSpec::Kind::Gather;
    scenario.tasks.assign(std::size_t(state.range(0)), gather);
    for (auto _ : state) {
        Gatherscope::Runner runner(scenario, Gatherscope::RunOptions{});
        runner.start();
        while (runner.state() != Gatherscope::Runner::State::Finished)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_LoadScenario(benchmark::State &state)
{
    const QByteArray json = GatherscopeTest::sayHelloFile(int(state.range(0)));
    for (auto _ : state) {
        auto loaded = Gatherscope::ScenarioLoader::parse(json, QStringLiteral("hellos.json"));
        // A file refused half-way would load faster: a figure only for a whole scenario.
        if (!std::holds_alternative<Gatherscope::Scenario>(loaded)) {
            state.SkipWithError("the file was refused");
            break;
        }
        benchmark::DoNotOptimize(loaded);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * json.size());
}

void BM_PythonTwin(benchmark::State &state)
{
    const auto loaded = Gatherscope::ScenarioLoader::parse(
        GatherscopeTest::sayHelloFile(int(state.range(0))), QStringLiteral("hellos.json"));
    const auto &scenario = std::get<Gatherscope::Scenario>(loaded);
    for (auto _ : state)
        benchmark::DoNotOptimize(Gatherscope::pythonTwin(scenario));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

} // namespace

BENCHMARK(BM_PythonTwin)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadScenario)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RunEmptyGathers)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
