// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The window on 10,000 say_hello with random sleeps of 1 to 5 s (a seed): the instant run in
// the real MainWindow until its views hold every event, against the same run headless (the
// runner and the console lines, printed nowhere); the time from Run (F5) to the timeline's
// first painted frame; and the frames of a live run at speed 1.

#include "consolelines.h"
#include "consolemodel.h"
#include "mainwindow.h"
#include "runcontroller.h"
#include "runner.h"
#include "scenarioloader.h"
#include "timelineview.h"
#include "timelinewidget.h"

#include <QAction>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <algorithm>

using namespace Gatherscope;

namespace {

//! A file of \a tasks say_hello with random sleeps of 1 to 5 s and seed 7, written once.
QString hellosFile(int tasks)
{
    static QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("hellos-%1.json").arg(tasks));
    if (!QFile::exists(path)) {
        QByteArray json = "{\"title\": \"Hellos\", \"seed\": 7, \"tasks\": [";
        for (int i = 0; i < tasks; ++i) {
            json += (i ? "," : "") + QByteArray("{\"task\": \"say_hello\", \"name\": \"P") +
                    QByteArray::number(i) + "\", \"sleep\": {\"min\": 1, \"max\": 5}}";
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json + "]}") < 0)
            qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

//! Turns the event loop until \a done, for at most a minute.
template<typename Done>
void processUntil(Done done)
{
    QElapsedTimer waited;
    waited.start();
    while (!done() && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

//! Records when the widget it watches paints.
class PaintClock : public QObject {
public:
    explicit PaintClock(QWidget *watched)
    {
        watched->installEventFilter(this);
        m_clock.start();
    }
    std::vector<qint64> paints; //!< ns since construction or restart()
    void restart()
    {
        paints.clear();
        m_clock.restart();
    }
    qint64 now() const { return m_clock.nsecsElapsed(); }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            paints.push_back(m_clock.nsecsElapsed());
        return false;
    }

private:
    QElapsedTimer m_clock;
};

//! Runs \a scenario headless, as `--headless --instant` does, its lines printed nowhere: how
//! many lines it printed.
int runHeadless(const Scenario &scenario)
{
    Runner runner(scenario, RunOptions{});
    qsizetype printed = 0;
    int lines = 0;
    QObject::connect(&runner.record(), &EventRecord::eventRecorded, &runner,
                     [&](const TaskEvent &event) {
                         for (const QString &line : consoleLines(event, scenario.report)) {
                             printed += line.toUtf8().size() + 1;
                             ++lines;
                         }
                     });
    QSignalSpy finished(&runner, &Runner::finished);
    runner.start();
    processUntil([&] { return !finished.isEmpty(); });
    benchmark::DoNotOptimize(printed);
    return lines;
}

void BM_HeadlessInstantRun(benchmark::State &state)
{
    const Scenario scenario =
        std::get<Scenario>(ScenarioLoader::load(hellosFile(int(state.range(0)))));
    for (auto _ : state)
        runHeadless(scenario);
}

void BM_WindowInstantRun(benchmark::State &state)
{
    MainWindow window(MainWindow::Settings::Ignore);
    window.resize(1400, 860);
    window.show();
    window.openScenario(hellosFile(int(state.range(0))), true);
    window.instantAction()->setChecked(true);
    processUntil([] { return true; });
    const int lines =
        runHeadless(std::get<Scenario>(ScenarioLoader::load(hellosFile(int(state.range(0))))));
    for (auto _ : state) {
        QSignalSpy finished(window.runController(), &RunController::runFinished);
        window.runScenario();
        // Until the views hold the whole run, as a person would see it.
        processUntil(
            [&] { return !finished.isEmpty() && window.consoleModel()->rowCount() == lines; });
    }
}

void BM_FirstFrameAfterRun(benchmark::State &state)
{
    MainWindow window(MainWindow::Settings::Ignore);
    window.resize(1400, 860);
    window.show();
    window.openScenario(hellosFile(int(state.range(0))), true);
    window.instantAction()->setChecked(false);
    QWidget *lanes = window.timeline()->view()->viewport();
    PaintClock clock(lanes);
    processUntil([] { return true; });
    for (auto _ : state) {
        clock.restart();
        window.runScenario(); // what F5 does
        processUntil([&] { return !clock.paints.empty(); });
        state.SetIterationTime(double(clock.paints.front()) / 1e9);
        window.runController()->cancel();
        processUntil(
            [&] { return window.runController()->state() != RunController::State::Running; });
    }
}

void BM_LiveRunFrames(benchmark::State &state)
{
    MainWindow window(MainWindow::Settings::Ignore);
    window.resize(1400, 860);
    window.show();
    window.openScenario(hellosFile(int(state.range(0))), true);
    window.instantAction()->setChecked(false);
    PaintClock clock(window.timeline()->view()->viewport());
    processUntil([] { return true; });
    double meanGap = 0;
    double worstGap = 0;
    for (auto _ : state) {
        // The first 2.5 s of the run: every task wakes at 1, 2 or 3 s, so it holds two bursts.
        window.runScenario();
        clock.restart();
        processUntil([&] { return clock.now() > 2'500'000'000; });
        window.runController()->cancel();
        processUntil(
            [&] { return window.runController()->state() != RunController::State::Running; });
        const auto &paints = clock.paints;
        std::vector<double> gaps;
        for (std::size_t i = 1; i < paints.size(); ++i)
            gaps.push_back(double(paints[i] - paints[i - 1]) / 1e6);
        if (!gaps.empty()) {
            meanGap = 2500.0 / double(paints.size());
            worstGap = *std::max_element(gaps.begin(), gaps.end());
        }
    }
    state.counters["frames_per_s"] = 1000.0 / std::max(meanGap, 1e-9);
    state.counters["worst_gap_ms"] = worstGap;
}

} // namespace

BENCHMARK(BM_HeadlessInstantRun)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_WindowInstantRun)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_FirstFrameAfterRun)
    ->Arg(10000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(BM_LiveRunFrames)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(1);
