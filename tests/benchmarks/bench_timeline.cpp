// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The time one frame of the timeline takes with many lanes: what the viewport shows, fitted to
// the whole run and zoomed in, scrolled half way down. Rendered offscreen into a QImage.

#include "runner.h"
#include "runsession.h"
#include "scenarioloader.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>

#include <benchmark/benchmark.h>

#include <memory>

using namespace Gatherscope;

namespace {

struct Run {
    std::unique_ptr<Runner> runner;
    std::unique_ptr<TimelineModel> model;
    std::unique_ptr<RunSession> session;
};

//! A finished run of \a lanes say_hello tasks with sleeps of 1 to 5 s.
Run finishedRun(int lanes)
{
    QByteArray json = R"({"title": "many", "tasks": [)";
    for (int i = 0; i < lanes; ++i)
        json += (i ? "," : "") + QByteArray(R"({"task": "say_hello", "name": "T)") +
                QByteArray::number(i) + R"(", "sleep": )" + QByteArray::number(1 + i % 5) + "}";
    json += "]}";
    Run run;
    run.runner =
        std::make_unique<Runner>(std::get<Scenario>(ScenarioLoader::parse(json, {})), RunOptions{});
    run.model = std::make_unique<TimelineModel>();
    run.session =
        std::make_unique<RunSession>(std::initializer_list<RecordFollower *>{run.model.get()});
    run.session->follow(&run.runner->record(), ReportStyle::Each);
    QSignalSpy finished(run.runner.get(), &Runner::finished);
    run.runner->start();
    finished.wait(600000);
    return run;
}

void BM_TimelineFrame(benchmark::State &state)
{
    const Run run = finishedRun(int(state.range(0)));
    TimelineView view;
    view.resize(1280, 800);
    view.setModel(run.model.get());
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    if (state.range(1) > 1)
        view.zoom().zoomAt(double(state.range(1)), 640);
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    // The lanes' shapes stay cached between frames, as when a scroll or a hover repaints.
    for (auto _ : state) {
        view.viewport()->render(&frame);
        benchmark::DoNotOptimize(frame.constBits());
    }
}

} // namespace

// lanes, zoom factor
BENCHMARK(BM_TimelineFrame)
    ->Args({10000, 1})
    ->Args({10000, 50})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);
