// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The real MainWindow on 10,000 say_hello with random sleeps of 1 to 5 s (seed 7), driven by
// its keys on the offscreen platform:
// - F5 (real clock, speed 1) to the first frame of the timeline that shows the run;
// - the frames of that live run over its first 2.5 s (each paint of the timeline and the gaps
//   between them, wall clock);
// - Ctrl+F5 (virtual clock) until the run has finished, its models hold all of it and the
//   timeline has painted it, against the same file run headless as `gatherscope --headless
//   --instant` runs it (app/headlessrun.cpp: the runner, and its console lines written to a
//   null sink); `ratio` is the window's time over the headless one;
// - 100,000 tasks opened and run by Ctrl+F5, three times: the peak resident memory of the
//   process (VmHWM, reset when the benchmark starts) once opened, after the first run and after
//   the third (run it alone, `--benchmark_filter=WindowMemory`, so that no other benchmark's
//   freed memory is still resident);
// - input latency during a live run (F5) of 10,000 with random and with whole sleeps: a key
//   posted to the timeline about every 100 ms over the run's first 2.5 s (and just after 1 s
//   and 2 s), from another thread as a window system's events come, whatever the event loop
//   is doing; the time until the timeline receives it, and until the end of its next paint
//   (the first one after it arrived);
// - 100,000 tasks opened in a window whose Python tab is in front (a layout the window
//   restores): the time until the window holds the file and the first lines of its Python
//   twin, until the panel has written the whole program, and the longest turn of the event
//   loop meanwhile (what a key pressed then would wait at most);
// - edits of 100,000 tasks in the editor, alternately the title and a task's name: the time
//   of each until the loop is idle, and what each adds to the resident memory (the undo
//   history keeps every step).

#include "consolelines.h"
#include "consolemodel.h"
#include "lanefiltermodel.h"
#include "mainwindow.h"
#include "pythonpanel.h"
#include "resultmodel.h"
#include "runcontroller.h"
#include "runner.h"
#include "scenarioeditor.h"
#include "scenariohistory.h"
#include "scenarioloader.h"
#include "scenariomodel.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>
#include <vector>

using namespace Gatherscope;

namespace {

constexpr qint64 nsPerMs = 1'000'000;

//! How the hellos sleep: a random time of 1 to 5 s, or 1 + i % 5 s for the i-th (as
//! scripts/bench-headless writes them: a fifth of the tasks wake together at each second).
enum class Sleeps { Random, Whole };

//! A file of \a tasks say_hello with \a sleeps and seed 7, written once.
QString hellosFile(int tasks, Sleeps sleeps = Sleeps::Random)
{
    static QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("hellos-%1%2.json")
                                    .arg(tasks)
                                    .arg(sleeps == Sleeps::Whole ? u"-whole" : u""));
    if (!QFile::exists(path)) {
        QByteArray json = "{\"title\": \"Hellos\", \"seed\": 7, \"tasks\": [";
        for (int i = 0; i < tasks; ++i) {
            const QByteArray sleep = sleeps == Sleeps::Whole ? QByteArray::number(1 + i % 5)
                                                             : "{\"min\": 1, \"max\": 5}";
            json += (i ? "," : "") + QByteArray("{\"task\": \"say_hello\", \"name\": \"P") +
                    QByteArray::number(i) + "\", \"sleep\": " + sleep + '}';
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json + "]}") < 0)
            qFatal("cannot write %s", qPrintable(path));
    }
    return path;
}

Scenario hellos(int tasks)
{
    return std::get<Scenario>(ScenarioLoader::load(hellosFile(tasks)));
}

//! Turns the event loop until \a done, for at most a minute. It sleeps while nothing happens
//! (the machine is shared), waking at least every 5 ms to look at \a done again.
template<typename Done>
void processUntil(Done done)
{
    QElapsedTimer waited;
    waited.start();
    QTimer wake;
    wake.start(5);
    while (!done() && waited.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    if (!done())
        qFatal("bench_window: still waiting after a minute");
}

//! Where the window's Python panel is at first: behind the Scenario tab, as the window starts
//! without saved settings, or in front.
enum class PythonTab { Behind, InFront };

//! The window shown and active (so that its keys work), on `basic`.
std::unique_ptr<MainWindow> shownWindow(PythonTab pythonTab = PythonTab::Behind)
{
    auto window = std::make_unique<MainWindow>(MainWindow::Settings::Ignore);
    window->resize(1400, 860);
    if (pythonTab == PythonTab::InFront)
        window->findChild<QDockWidget *>(QStringLiteral("PythonDock"))->raise();
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qFatal("bench_window: the window did not open");
    return window;
}

//! The window as a person has it: shown, active, \a tasks hellos open.
std::unique_ptr<MainWindow> openWindow(int tasks, Sleeps sleeps = Sleeps::Random,
                                       PythonTab pythonTab = PythonTab::Behind)
{
    auto window = shownWindow(pythonTab);
    if (!window->openScenario(hellosFile(tasks, sleeps), true))
        qFatal("bench_window: the window did not open");
    window->instantAction()->setChecked(false); // F5 runs on the real clock
    processUntil([] { return true; });
    return window;
}

//! Turns the event loop for 300 ms, so that what a run left to do later is done.
void settle()
{
    QElapsedTimer waited;
    waited.start();
    processUntil([&] { return waited.elapsed() >= 300; });
}

//! Presses Escape (cancel) and waits until the run has ended.
void cancelRun(MainWindow &window)
{
    QTest::keyClick(&window, Qt::Key_Escape);
    processUntil([&] { return !window.runController()->isActive(); });
}

//! Whether the run of \a tasks has finished and \a window holds all of it: every result handed
//! over, the lanes settled.
bool runShownWhole(MainWindow &window, int tasks)
{
    const ResultModel *results = window.resultModel();
    return window.runController()->state() == RunController::State::Finished &&
           window.timelineModel()->settleTime().has_value() &&
           !results
                ->data(results->index(tasks - 1, ResultModel::ResultColumn),
                       ResultModel::IsPendingRole)
                .toBool();
}

//! When the widget it watches painted, and for how long: wall clock from construction or
//! restart(). \a counts decides which paints count (the others are not recorded).
class PaintClock : public QObject {
public:
    struct Paint {
        qint64 start;
        qint64 end;
    };
    explicit PaintClock(QWidget *watched)
    {
        watched->installEventFilter(this);
        m_clock.start();
    }
    std::function<bool()> counts = [] { return true; };
    std::vector<Paint> paints;
    void restart()
    {
        paints.clear();
        m_clock.restart();
    }
    qint64 now() const { return m_clock.nsecsElapsed(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside || !counts())
            return false;
        // The paint is handed on from here (the widget's own filters, then its paintEvent),
        // inside the widget's repaint, so its end is known; then it is done.
        m_inside = true;
        const qint64 start = now();
        QCoreApplication::sendEvent(watched, event);
        paints.push_back({start, now()});
        m_inside = false;
        return true;
    }

private:
    QElapsedTimer m_clock;
    bool m_inside = false;
};

//! Runs \a scenario as `gatherscope --headless --instant` does, its lines written to
//! \a sink: how many lines it printed.
int runHeadless(const Scenario &scenario, std::FILE *sink)
{
    Runner runner(scenario, RunOptions{});
    int lines = 0;
    QObject::connect(&runner.record(), &EventRecord::eventRecorded, &runner,
                     [&](const TaskEvent &event) {
                         for (const QString &line : consoleLines(event, scenario.report)) {
                             const QByteArray bytes = line.toUtf8() + '\n';
                             std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), sink);
                             ++lines;
                         }
                         std::fflush(sink);
                     });
    QSignalSpy finished(&runner, &Runner::finished);
    runner.start();
    processUntil([&] { return !finished.isEmpty(); });
    return lines;
}

//! /dev/null, as stdout of `gatherscope --headless > /dev/null`.
std::FILE *nullSink()
{
    static std::FILE *sink = std::fopen("/dev/null", "w");
    if (!sink)
        qFatal("bench_window: cannot open /dev/null");
    return sink;
}

void BM_HeadlessInstantRun(benchmark::State &state)
{
    const Scenario scenario = hellos(int(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(runHeadless(scenario, nullSink()));
}

void BM_WindowInstantRun(benchmark::State &state)
{
    const int tasks = int(state.range(0));
    const Scenario scenario = hellos(tasks);
    // The headless runs first, in a process without a window as the command line's is: with
    // a window open, a headless run here took 70 ms instead of 55.
    constexpr int headlessRuns = 5;
    int lines = 0;
    QElapsedTimer headless;
    headless.start();
    for (int i = 0; i < headlessRuns; ++i)
        lines = runHeadless(scenario, nullSink());
    const double headlessMs = double(headless.nsecsElapsed()) / nsPerMs / headlessRuns;

    auto window = openWindow(tasks);
    const RunController *run = window->runController();
    PaintClock clock(window->timeline()->view()->viewport());
    clock.counts = [&] { return run->state() == RunController::State::Finished; };
    const auto complete = [&] {
        // Every printed line in the console too.
        return runShownWhole(*window, tasks) && window->consoleModel()->rowCount() == lines;
    };
    double windowMs = 0;
    double modelsMs = 0;
    for (auto _ : state) {
        clock.restart();
        QTest::keyClick(window.get(), Qt::Key_F5, Qt::ControlModifier);
        processUntil(complete);
        const qint64 models = clock.now();
        processUntil([&] { return !clock.paints.empty(); });
        const qint64 shown = clock.paints.front().end;
        state.SetIterationTime(double(shown) / 1e9);
        windowMs += double(shown) / nsPerMs;
        modelsMs += double(models) / nsPerMs;
        // What the run left to do later (the overview's recount, the other views' repaints)
        // is not charged to the next one.
        settle();
    }
    const auto n = double(state.iterations());
    state.counters["models_ms"] = modelsMs / n;
    state.counters["headless_ms"] = headlessMs;
    state.counters["ratio"] = windowMs / n / headlessMs;
}

void BM_OpenWithPythonInFront(benchmark::State &state)
{
    auto window = shownWindow(PythonTab::InFront);
    const auto *pythonDock = window->findChild<QDockWidget *>(QStringLiteral("PythonDock"));
    processUntil([&] { return !pythonDock->visibleRegion().isEmpty(); });
    const auto *writing = window->pythonPanel()->findChild<QLabel *>(QStringLiteral("writingNote"));
    const QString path = hellosFile(int(state.range(0)), Sleeps::Whole);
    double writtenMs = 0;
    double longestTurnMs = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        if (!window->openScenario(path, true))
            qFatal("bench_window: %s did not open", qPrintable(path));
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        qint64 lastLook = clock.nsecsElapsed();
        processUntil([&] {
            const qint64 now = clock.nsecsElapsed();
            longestTurnMs = std::max(longestTurnMs, double(now - lastLook) / nsPerMs);
            lastLook = now;
            return writing->isHidden();
        });
        writtenMs += double(clock.nsecsElapsed()) / nsPerMs;
        // Another program in between (not timed: the time is the manual one above), or the
        // same file again would leave the panel as it is.
        window->openScenario(QStringLiteral("basic"), true);
        processUntil([&] { return writing->isHidden(); });
    }
    state.counters["written_ms"] = writtenMs / double(state.iterations());
    state.counters["longest_turn_ms"] = longestTurnMs;
}

void BM_FirstFrameAfterF5(benchmark::State &state)
{
    auto window = openWindow(int(state.range(0)));
    const RunController *run = window->runController();
    const TimelineModel *lanes = window->timelineModel();
    PaintClock clock(window->timeline()->view()->viewport());
    // A frame shows the run once the run is going and its first events are on the lanes.
    clock.counts = [&] { return run->isActive() && lanes->hasStarted(); };
    for (auto _ : state) {
        clock.restart();
        QTest::keyClick(window.get(), Qt::Key_F5);
        processUntil([&] { return !clock.paints.empty(); });
        state.SetIterationTime(double(clock.paints.front().end) / 1e9);
        cancelRun(*window);
    }
}

//! The mean of \a values, 0 for none.
double mean(const std::vector<double> &values)
{
    return values.empty()
               ? 0.0
               : std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
}

//! The largest of \a values, 0 for none.
double worst(const std::vector<double> &values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

void BM_LiveRunFrames(benchmark::State &state)
{
    auto window = openWindow(int(state.range(0)));
    const RunController *run = window->runController();
    PaintClock clock(window->timeline()->view()->viewport());
    clock.counts = [&] { return run->isActive(); };
    // The first 2.5 s: the 30,000 events at 0 s, and every task that sleeps 1 or 2 s waking.
    constexpr qint64 watched = 2500 * nsPerMs;
    std::vector<double> paintMs;
    std::vector<double> gapMs;
    for (auto _ : state) {
        clock.restart();
        QTest::keyClick(window.get(), Qt::Key_F5);
        processUntil([&] { return clock.now() > watched; });
        const auto &paints = clock.paints;
        for (std::size_t i = 0; i < paints.size(); ++i) {
            paintMs.push_back(double(paints[i].end - paints[i].start) / nsPerMs);
            if (i > 0)
                gapMs.push_back(double(paints[i].start - paints[i - 1].start) / nsPerMs);
        }
        cancelRun(*window);
    }
    state.counters["frames_per_s"] =
        double(paintMs.size()) / (double(state.iterations()) * double(watched) / 1e9);
    state.counters["paint_mean_ms"] = mean(paintMs);
    state.counters["paint_worst_ms"] = worst(paintMs);
    state.counters["gap_mean_ms"] = mean(gapMs);
    state.counters["gap_worst_ms"] = worst(gapMs);
}

//! A field of /proc/self/status ("VmHWM", "VmRSS") in megabytes; -1 if missing.
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).simplified().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

//! Starts the count of the peak resident memory (VmHWM) again from what is resident now.
void resetPeakMemory()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        qFatal("bench_window: cannot reset the peak memory");
}

void BM_WindowMemory(benchmark::State &state)
{
    const int tasks = int(state.range(0));
    hellosFile(tasks); // written before the count starts
    resetPeakMemory();
    auto window = openWindow(tasks);
    const double openedMb = statusMb("VmHWM");
    double firstRunMb = -1;
    const RunController *run = window->runController();
    PaintClock clock(window->timeline()->view()->viewport());
    clock.counts = [&] { return run->state() == RunController::State::Finished; };
    for (auto _ : state) {
        clock.restart();
        QTest::keyClick(window.get(), Qt::Key_F5, Qt::ControlModifier);
        processUntil([&] { return runShownWhole(*window, tasks); });
        processUntil([&] { return !clock.paints.empty(); });
        state.SetIterationTime(double(clock.paints.front().end) / 1e9);
        settle();
        if (firstRunMb < 0)
            firstRunMb = statusMb("VmHWM");
    }
    state.counters["opened_peak_mb"] = openedMb;
    state.counters["first_run_peak_mb"] = firstRunMb;
    state.counters["peak_mb"] = statusMb("VmHWM");
    state.counters["resident_mb"] = statusMb("VmRSS");
}

//! Posts \a key to \a target every \a interval from its own thread until stopped; when each
//! was posted, and when \a target received it and next painted (wall clock).
class KeyPoster : public QObject {
public:
    using Clock = std::chrono::steady_clock;
    struct Key {
        std::chrono::milliseconds at; //!< when it was to be posted, from start()
        Clock::time_point posted;
        std::optional<Clock::time_point> received;
        std::optional<Clock::time_point> painted;
    };

    KeyPoster(QWidget *target, QWidget *painted)
        : m_target(target)
    {
        target->installEventFilter(this);
        painted->installEventFilter(this);
    }
    ~KeyPoster() override { stop(); }

    //! Posts a key at each of \a times from now.
    void start(std::vector<std::chrono::milliseconds> times)
    {
        m_thread = std::thread([this, times = std::move(times), started = Clock::now()] {
            for (std::size_t i = 0; i < times.size() && !m_stopping; ++i) {
                std::this_thread::sleep_until(started + times[i]);
                {
                    const std::lock_guard lock(m_mutex);
                    m_keys.push_back({times[i], Clock::now(), {}, {}});
                }
                // Down then up, one line: the timeline scrolls and comes back, nothing else.
                QCoreApplication::postEvent(
                    m_target, new QKeyEvent(QEvent::KeyPress, i % 2 ? Qt::Key_Up : Qt::Key_Down,
                                            Qt::NoModifier));
            }
        });
    }
    void stop()
    {
        m_stopping = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    std::vector<Key> keys()
    {
        const std::lock_guard lock(m_mutex);
        return m_keys;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_target && event->type() == QEvent::KeyPress) {
            const std::lock_guard lock(m_mutex);
            // The keys arrive in the order they were posted.
            const auto next = std::find_if(m_keys.begin(), m_keys.end(),
                                           [](const Key &key) { return !key.received; });
            if (next != m_keys.end())
                next->received = Clock::now();
            return false;
        }
        if (event->type() != QEvent::Paint || watched == m_target || m_inside)
            return false;
        // The paint is handed on from here, as PaintClock does, so that its end is known; a
        // paint that started after a key arrived is the one that shows it.
        m_inside = true;
        const auto start = Clock::now();
        QCoreApplication::sendEvent(watched, event);
        const auto end = Clock::now();
        m_inside = false;
        const std::lock_guard lock(m_mutex);
        for (Key &key : m_keys) {
            if (key.received && !key.painted && *key.received <= start)
                key.painted = end;
        }
        return true;
    }

private:
    QWidget *m_target;
    std::thread m_thread;
    std::atomic_bool m_stopping = false;
    std::mutex m_mutex;
    std::vector<Key> m_keys;
    bool m_inside = false;
};

enum class Edit { TitleTyped, TaskRenamed, TitleTypedPythonInFront, TaskMovedDown, TaskDuplicated };

//! Edits of the window's N tasks, as a person makes them: a title typed a keystroke at a time
//! (each one an edit), a task's name changed in its cell (one edit as Enter commits it), a task
//! moved down a row at a time (Alt+Down held) or duplicated (Ctrl+D, the copy chosen). Each
//! is timed from the call to its return: whatever follows an edit at once runs inside it. Counted
//! besides: the resident memory an edit adds; once the edits stop, how long until the preview
//! shows the last (the title in the top lane, a task's name in its own); then how long an undo
//! of the last edit takes.
void BM_EditsOfALargeScenario(benchmark::State &state)
{
    const auto edit = Edit(state.range(1));
    const bool pythonInFront = edit == Edit::TitleTypedPythonInFront;
    auto window = openWindow(int(state.range(0)), Sleeps::Random,
                             pythonInFront ? PythonTab::InFront : PythonTab::Behind);
    if (pythonInFront) {
        const auto *writing =
            window->pythonPanel()->findChild<QLabel *>(QStringLiteral("writingNote"));
        processUntil([&] { return writing->isHidden(); });
    }
    ScenarioEditor *editor = window->editor();
    ScenarioModel *model = editor->model();
    editor->view()->setCurrentIndex(model->index(1, 0)); // say_hello('P1'), moved or copied
    const double residentMb = statusMb("VmRSS");
    int edits = 0;
    QString typed;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        ++edits;
        switch (edit) {
        case Edit::TitleTyped:
        case Edit::TitleTypedPythonInFront:
            typed += QChar(u'a' + edits % 26);
            model->setTitle(typed);
            break;
        case Edit::TaskRenamed:
            model->setData(model->index(edits, ScenarioModel::ParametersColumn),
                           QStringLiteral("Name %1").arg(edits), Qt::EditRole);
            break;
        case Edit::TaskMovedDown:
            editor->moveDownAction()->trigger();
            break;
        case Edit::TaskDuplicated:
            editor->duplicateAction()->trigger();
            break;
        }
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
    }
    state.counters["mb_per_edit"] = (statusMb("VmRSS") - residentMb) / edits;
    // Once the edits stop: until the preview shows the last of them (lane 0 is the awaiter's).
    QElapsedTimer paused;
    paused.start();
    const auto laneLabel = [&](int lane) { return window->timelineModel()->lane(lane).label; };
    switch (edit) {
    case Edit::TitleTyped:
    case Edit::TitleTypedPythonInFront:
        processUntil([&] { return laneLabel(0) == typed; });
        break;
    case Edit::TaskRenamed:
        processUntil([&] {
            return laneLabel(edits + 1) == QStringLiteral("say_hello('Name %1')").arg(edits);
        });
        break;
    case Edit::TaskMovedDown:
        processUntil([&] { return laneLabel(edits + 2) == QStringLiteral("say_hello('P1')"); });
        break;
    case Edit::TaskDuplicated:
        processUntil([&] {
            return laneLabel(edits + 2) == QStringLiteral("say_hello('P1')") &&
                   window->timelineModel()->rowCount() == edits + int(state.range(0)) + 1;
        });
        break;
    }
    state.counters["in_preview_ms"] = double(paused.nsecsElapsed()) / 1e6;
    QElapsedTimer undoing;
    undoing.start();
    window->editor()->history()->stack()->undo();
    state.counters["undo_ms"] = double(undoing.nsecsElapsed()) / 1e6;
}

//! A lane filter typed into the window's N lanes a key at a time (Ctrl+L, then "P1", "P12"…),
//! each key timed from its press until the window is back in its event loop and has painted.
void BM_LaneFilterTyped(benchmark::State &state)
{
    auto window = openWindow(int(state.range(0)));
    QLineEdit *filter = window->timeline()->filterBox();
    filter->setFocus();
    const QString keys = QStringLiteral("P12345");
    int typed = 0;
    double worstMs = 0;
    for (auto _ : state) {
        QElapsedTimer clock;
        clock.start();
        if (typed == keys.size()) { // then the filter is emptied, and typed again
            filter->clear();
            typed = 0;
        } else {
            QTest::keyClick(filter, keys[typed++].toLatin1());
        }
        processUntil([] { return true; });
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        worstMs = std::max(worstMs, double(clock.nsecsElapsed()) / 1e6);
    }
    state.counters["worst_ms"] = worstMs;
    state.counters["lanes_shown"] = window->timeline()->view()->lanes()->rowCount();
}

void BM_InputLatencyLiveRun(benchmark::State &state)
{
    auto window = openWindow(int(state.range(0)), Sleeps(state.range(1)));
    TimelineView *view = window->timeline()->view();
    using Ms = std::chrono::duration<double, std::milli>;
    std::vector<double> receivedMs;
    std::vector<double> paintedMs;
    std::vector<double> laterPaintedMs; // all but the key posted during the run's start
    double worstAt = 0;
    int lost = 0;
    for (auto _ : state) {
        view->verticalScrollBar()->setValue(0);
        QElapsedTimer watched;
        QTest::keyClick(window.get(), Qt::Key_F5);
        watched.start();
        KeyPoster poster(view, view->viewport());
        // One during the start (30,000 events at 0 s), then every 97 ms over the run's first
        // 2.5 s, and four more in the first 20 ms of each whole second, when a fifth of the
        // tasks wake together if their sleeps are whole.
        std::vector<std::chrono::milliseconds> times;
        for (int at = 10; at < 2500; at += 97)
            times.emplace_back(at);
        for (const int second : {1000, 2000}) {
            for (const int after : {0, 5, 10, 20})
                times.emplace_back(second + after);
        }
        std::sort(times.begin(), times.end());
        poster.start(times);
        processUntil([&] { return watched.elapsed() > 2600; });
        poster.stop();
        processUntil([&] { return watched.elapsed() > 2700; }); // the last key's paint
        const auto keys = poster.keys();
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto &key = keys[i];
            if (!key.received || !key.painted) {
                ++lost;
                continue;
            }
            receivedMs.push_back(Ms(*key.received - key.posted).count());
            paintedMs.push_back(Ms(*key.painted - key.posted).count());
            if (i > 0)
                laterPaintedMs.push_back(paintedMs.back());
            if (paintedMs.back() >= worst(paintedMs))
                worstAt = double(key.at.count());
        }
        cancelRun(*window);
    }
    state.counters["keys"] = double(receivedMs.size());
    state.counters["keys_lost"] = lost;
    state.counters["received_mean_ms"] = mean(receivedMs);
    state.counters["received_worst_ms"] = worst(receivedMs);
    state.counters["painted_mean_ms"] = mean(paintedMs);
    state.counters["painted_worst_ms"] = worst(paintedMs);
    state.counters["later_painted_worst_ms"] = worst(laterPaintedMs);
    state.counters["worst_at_ms"] = worstAt; // when the slowest key was posted, after F5
}

} // namespace

BENCHMARK(BM_HeadlessInstantRun)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_WindowInstantRun)
    ->Arg(10000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(BM_OpenWithPythonInFront)
    ->Arg(100000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_FirstFrameAfterF5)
    ->Arg(10000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(BM_LiveRunFrames)->Arg(10000)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_WindowMemory)
    ->Arg(100000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_EditsOfALargeScenario)
    ->Args({100000, int(Edit::TitleTyped)})
    ->Args({100000, int(Edit::TaskRenamed)})
    ->Args({100000, int(Edit::TitleTypedPythonInFront)})
    ->Args({100000, int(Edit::TaskMovedDown)})
    ->Args({100000, int(Edit::TaskDuplicated)})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(40);
BENCHMARK(BM_LaneFilterTyped)
    ->Arg(100000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(14);
BENCHMARK(BM_InputLatencyLiveRun)
    ->Args({10000, int(Sleeps::Random)})
    ->Args({10000, int(Sleeps::Whole)})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
