// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The time one frame of the timeline takes with many lanes: what the viewport shows, fitted to
// the whole run and zoomed in, scrolled half way down; and one frame of the overview track,
// with its counts as they were or read again. Rendered offscreen into a QImage.

#include "overviewtrack.h"
#include "runner.h"
#include "runsession.h"
#include "scenariofixtures.h"
#include "taskcounts.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QElapsedTimer>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>

#include <benchmark/benchmark.h>

#include <algorithm>
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
    Run run;
    run.runner = std::make_unique<Runner>(
        GatherscopeTest::scenarioFromJson(GatherscopeTest::sayHelloFile(lanes)), RunOptions{});
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

//! One frame of the overview track over the whole run; \a recount: the run moved on since the
//! last frame (its counts are read again, as at every change of a live run, at most every
//! 100 ms), else they are the last frame's.
void overviewFrames(benchmark::State &state, bool recount)
{
    const Run run = finishedRun(int(state.range(0)));
    TimelineView view;
    view.resize(1280, 800);
    view.setModel(run.model.get());
    OverviewTrack track(&view);
    track.resize(1280, track.height());
    QImage frame(track.size(), QImage::Format_ARGB32_Premultiplied);
    track.render(&frame);
    ScenarioTime now(0);
    for (auto _ : state) {
        if (recount)
            view.setCurrentTime(now += ScenarioTime(1000));
        track.render(&frame);
        benchmark::DoNotOptimize(frame.constBits());
    }
}

void BM_OverviewFrame(benchmark::State &state)
{
    overviewFrames(state, false);
}

void BM_OverviewRecount(benchmark::State &state)
{
    overviewFrames(state, true);
}

//! Reading a whole finished run's counts at once: what the track does first (after a run, when
//! it is opened from a file, or replayed from the start).
void BM_OverviewFirstRead(benchmark::State &state)
{
    const Run run = finishedRun(int(state.range(0)));
    for (auto _ : state) {
        TaskCounts counts;
        counts.read(*run.model, run.model->endTime());
        benchmark::DoNotOptimize(counts.total());
    }
}

//! The frames of an overview track that first meets a finished run, until its counts are
//! whole: the time given is the slowest of them (each reads at most
//! OverviewTrack::eventsPerFrame events), `frames` how many it took.
void BM_OverviewFirstFrames(benchmark::State &state)
{
    const Run run = finishedRun(int(state.range(0)));
    TimelineView view;
    view.resize(1280, 800);
    view.setModel(run.model.get());
    int frames = 0;
    for (auto _ : state) {
        OverviewTrack track(&view);
        track.resize(1280, track.height());
        QImage frame(track.size(), QImage::Format_ARGB32_Premultiplied);
        double slowest = 0;
        frames = 0;
        do {
            QElapsedTimer clock;
            clock.start();
            track.render(&frame);
            slowest = std::max(slowest, double(clock.nsecsElapsed()) / 1e9);
            ++frames;
        } while (!track.counts().caughtUp());
        state.SetIterationTime(slowest);
    }
    state.counters["frames"] = frames;
}

} // namespace

BENCHMARK(BM_OverviewFirstFrames)
    ->Arg(10000)
    ->Arg(100000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverviewFirstRead)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverviewFrame)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverviewRecount)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// lanes, zoom factor
BENCHMARK(BM_TimelineFrame)
    ->Args({10000, 1})
    ->Args({10000, 50})
    ->Args({100000, 1})
    ->Unit(benchmark::kMillisecond);
