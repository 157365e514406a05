// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The timeline's lanes, segments and markers, from real runs.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "eventloopqueue.h"
#include "runner.h"
#include "scenarioloader.h"
#include "timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace TimelineModelTestSupport {

//! "running 0-1", "sleeping 0-1" … for one lane; "open" for a segment still going.
QStringList segments(const TimelineLane &lane)
{
    QStringList out;
    for (const auto &segment : lane.segments) {
        out << QStringLiteral("%1 %2-%3")
                   .arg(segment.kind == TimelineSegment::Kind::Running    ? u"running"_s
                        : segment.kind == TimelineSegment::Kind::Sleeping ? u"sleeping"_s
                                                                          : u"worker"_s)
                   .arg(scenarioTimeToSeconds(segment.start))
                   .arg(segment.end ? QString::number(scenarioTimeToSeconds(*segment.end))
                                    : u"open"_s);
    }
    return out;
}

QStringList markers(const TimelineModel &model, int row)
{
    static const char *const names[] = {"start",     "wake",   "print",         "finish",
                                        "exception", "cancel", "gather-return", "gather-raise"};
    QStringList out;
    for (const auto &marker : model.lane(row).markers)
        out << QStringLiteral("%1@%2 %3")
                   .arg(QLatin1String(names[int(marker.kind)]))
                   .arg(scenarioTimeToSeconds(marker.time))
                   .arg(model.markerText(marker));
    return out;
}

} // namespace TimelineModelTestSupport
using namespace TimelineModelTestSupport;

class TimelineModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void advancedLanesSegmentsAndMarkers()
    {
        TimelineModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        Runner runner(bundledScenario(u"advanced"_s), RunOptions{});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(2).data().toString(), u"divide(20, 0)"_s);
        QCOMPARE(model.index(0).data(TimelineModel::DepthRole).toInt(), 0);
        QCOMPARE(model.index(3).data(TimelineModel::DepthRole).toInt(), 1);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        // Updated live, a frame's worth of events at a time (on the virtual clock the whole
        // run fits in one): the views hear of it once a batch, never once an event.
        QVERIFY(!changed.isEmpty());
        QVERIFY(changed.size() < int(runner.record().events().size()));
        QCOMPARE(changed.last().at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.last().at(1).value<QModelIndex>().row(), 3);

        QCOMPARE(segments(model.lane(0)), strings({"running 0-1"}));
        QCOMPARE(markers(model, 0),
                 strings({"gather-return@1 gather returned [5.0, ZeroDivisionError('Cannot divide "
                          "by zero'), 6.0]"}));
        QCOMPARE(segments(model.lane(2)), strings({"running 0-0", "sleeping 0-1", "running 1-1"}));
        QCOMPARE(markers(model, 2),
                 strings({"start@0 started", "print@0 Dividing 20 by 0", "wake@1 woke",
                          "exception@1 raised ZeroDivisionError: Cannot divide by zero"}));
        QCOMPARE(markers(model, 1).last(), u"finish@1 returned 5.0"_s);
        QCOMPARE(model.settleTime().value(), secondsToScenarioTime(1));
        QVERIFY(!model.gatherRaised());
        QCOMPARE(model.endTime(), secondsToScenarioTime(1));
        QCOMPARE(model.eventTimes(),
                 (std::vector<ScenarioTime>{ScenarioTime(0), secondsToScenarioTime(1)}));
    }

    void aBlockingSleepRunsForItsDurationAndTheOthersWaitForIt()
    {
        // time.sleep(0.5) at 0 s holds the loop: its lane runs from 0 to 0.5 s, and A, due
        // to wake at 0.2 s, sleeps on until the block ends (frozen past its planned end).
        TimelineModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        auto scenario = scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "say_hello", "name": "A", "sleep": 0.2},
            {"task": "blocking_sleep", "sleep": 0.5}]})");
        Runner runner(scenario, RunOptions{});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.index(2).data().toString(), u"blocking_sleep(0.5)"_s);
        QCOMPARE(segments(model.lane(2)), strings({"running 0-0.5"}));
        QCOMPARE(markers(model, 2), strings({"start@0 started", "finish@0.5 returned 0.5"}));
        QCOMPARE(segments(model.lane(1)),
                 strings({"running 0-0", "sleeping 0-0.5", "running 0.5-0.5"}));
        QCOMPARE(markers(model, 1).at(2), u"wake@0.5 woke"_s);
    }

    void aComputeWaitsOnItsWorkerForItsCost()
    {
        // Handed to a worker at 0 s with a cost of 1.5 s: a worker bar, planned to 1.5 s (a
        // ghost ahead while it is open), then running again to print and return.
        TimelineModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        auto scenario = scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "count_primes", "n": 100, "cost": 1.5}]})");
        Runner runner(scenario, RunOptions{});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(segments(model.lane(1)),
                 strings({"running 0-0", "worker 0-1.5", "running 1.5-1.5"}));
        QCOMPARE(markers(model, 1),
                 strings({"start@0 started",
                          "print@0 Computing count_primes(100) on a worker thread", "wake@1.5 woke",
                          "print@1.5 count_primes(100) = 25", "finish@1.5 returned 25"}));
        TimelineLane open = model.lane(1); // as it was at 1 s, waiting on its worker
        open.segments.resize(2);
        open.segments[1].end.reset();
        open.segments[1].plannedEnd = secondsToScenarioTime(1.5);
        QCOMPARE(open.ghosts(secondsToScenarioTime(1)).size(), std::size_t(1));
        QCOMPARE(open.ghosts(secondsToScenarioTime(1)).front().to, secondsToScenarioTime(1.5));
    }

    void failFastMarksTheRaiseAndTheTasksThatKeptRunning()
    {
        TimelineModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        auto scenario = scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "divide", "x": 20, "y": 0, "sleep": 1},
            {"task": "say_hello", "name": "Ada", "sleep": 3}]})");
        Runner runner(scenario, RunOptions{});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QVERIFY(model.gatherRaised());
        QCOMPARE(model.raisedType(), u"ZeroDivisionError"_s);
        QCOMPARE(model.settleTime().value(), secondsToScenarioTime(1));
        QCOMPARE(
            markers(model, 0),
            strings({"gather-raise@1 gather raised ZeroDivisionError: Cannot divide by zero"}));
        // Ada's lane goes on after the raise and ends with her value at 3 s.
        QCOMPARE(markers(model, 2).last(), u"finish@3 returned 'Ada is done'"_s);
        QCOMPARE(model.endTime(), secondsToScenarioTime(3));
    }

    void nestedGathersAreIndentedAndCancellationsMarked()
    {
        TimelineModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        Runner runner(bundledScenario(u"classroom"_s), RunOptions{});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.lane(11).label, u"teachers"_s);
        QVERIFY(model.lane(11).isGather);
        QCOMPARE(model.lane(12).depth, 2);
        QCOMPARE(
            markers(model, 11).mid(1, 1),
            strings(
                {"gather-return@4 gather returned ['Ms. Ivanova is done', 'Mr. Jones is done']"}));
        QCOMPARE(markers(model, 14).last(), u"cancel@4 cancelled"_s);
        QCOMPARE(segments(model.lane(14)).last(), u"sleeping 0-4"_s);
        // Kofi's 6-second sleep was cut short: the finished run reaches only its last event.
        QCOMPARE(model.endTime(), secondsToScenarioTime(5));
        QCOMPARE(model.horizon(), model.endTime());
    }

    // What is planned is drawn ahead: before the run every sleep and cancel_after; during it
    // the rest of each sleep, and a cancel_after until its task has ended.
    void ghostsShowWhatIsPlannedAndNotYetHappened()
    {
        const auto describe = [](const std::vector<TimelineGhost> &ghosts) {
            QStringList out;
            for (const auto &ghost : ghosts)
                out << QStringLiteral("%1 %2-%3")
                           .arg(ghost.kind == TimelineGhost::Kind::Sleep ? u"sleep"_s : u"cancel"_s)
                           .arg(scenarioTimeToSeconds(ghost.from))
                           .arg(scenarioTimeToSeconds(ghost.to));
            return out;
        };
        TimelineModel model;
        RunSession modelSession({&model});
        RunOptions stepped; // real time, paused and stepped: the virtual clock runs it at once
        stepped.clockMode = ScenarioClock::Mode::Real;
        Runner runner(bundledScenario(u"cancel"_s), stepped);
        modelSession.follow(&runner.record(), ReportStyle::Each);
        const ScenarioTime zero(0);
        QVERIFY(!model.hasStarted());
        QCOMPARE(describe(model.lane(0).ghosts(zero)), QStringList()); // the awaiter: nothing
        QCOMPARE(describe(model.lane(1).ghosts(zero)), strings({"sleep 0-1"}));
        QCOMPARE(describe(model.lane(2).ghosts(zero)), strings({"sleep 0-3", "cancel 2-2"}));
        QCOMPARE(describe(model.lane(3).ghosts(zero)), strings({"sleep 0-2"}));
        QCOMPARE(model.horizon(), secondsToScenarioTime(3));

        // Stepped to 1 s, when Ada has finished: Grace sleeps on towards 3 s with her
        // cancellation still to come at 2 s; the division sleeps towards 2 s.
        runner.start();
        runner.clock().setPaused(true);
        const auto stepUntil = [&](const std::function<bool()> &done) {
            // Each instant's events come over several turns of the event loop: let them all
            // happen before the clock moves on.
            const auto settle = [&] {
                for (int turn = 0; turn < 10; ++turn)
                    QCoreApplication::processEvents();
                modelSession.flush(); // without waiting for the next frame
            };
            settle();
            for (int step = 0; step < 50 && !done(); ++step) {
                runner.clock().stepToNextEvent();
                settle();
            }
            return done();
        };
        QVERIFY(stepUntil([&] { return model.lane(1).hasEnded(); }));
        const ScenarioTime one = secondsToScenarioTime(1);
        QCOMPARE(runner.clock().now(), one);
        QVERIFY(model.hasStarted());
        QCOMPARE(describe(model.lane(1).ghosts(one)), QStringList());
        QCOMPARE(describe(model.lane(2).ghosts(one)), strings({"sleep 1-3", "cancel 2-2"}));
        QCOMPARE(describe(model.lane(3).ghosts(one)), strings({"sleep 1-2"}));

        // At the end Grace was cancelled at 2 s: nothing is left to come.
        QVERIFY(stepUntil([&] { return runner.state() == Runner::State::Finished; }));
        for (int lane = 0; lane < model.laneCount(); ++lane)
            QCOMPARE(describe(model.lane(lane).ghosts(runner.clock().now())), QStringList());
    }

    void aLiveRunHasOpenSegments()
    {
        TimelineModel model;
        RunSession modelSession({&model});
        RunOptions realTime;
        realTime.clockMode = ScenarioClock::Mode::Real;
        auto runner = std::make_unique<Runner>(bundledScenario(u"basic"_s), realTime);
        modelSession.follow(&runner->record(), ReportStyle::Each);
        runner->start();
        QVERIFY(processEventsUntil([&] { return model.lane(2).segments.size() == 2; }));
        QCOMPARE(segments(model.lane(2)), strings({"running 0-0", "sleeping 0-open"}));
        // Nothing has happened after 0 s yet, but Mr. Wolf's sleep is known to end at 2 s.
        QCOMPARE(model.endTime(), ScenarioTime(0));
        QCOMPARE(model.horizon(), secondsToScenarioTime(2));
        modelSession.follow(nullptr, ReportStyle::Each);
        QCOMPARE(model.rowCount(), 0);
        runner.reset(); // mid-run: its tasks unwind on the next turns of the event loop
        QVERIFY(processEventsUntil([] { return EventLoopQueue::pendingCount() == 0; }));
    }
};

QTEST_MAIN(TimelineModelTest)
#include "tst_timelinemodel.moc"
