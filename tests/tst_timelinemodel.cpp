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
                   .arg(segment.kind == TimelineSegment::Kind::Running ? u"running"_s
                                                                       : u"sleeping"_s)
                   .arg(scenarioTimeToSeconds(segment.start))
                   .arg(segment.end ? QString::number(scenarioTimeToSeconds(*segment.end))
                                    : u"open"_s);
    }
    return out;
}

QStringList markers(const TimelineLane &lane)
{
    static const char *const names[] = {"start",     "wake",   "print",         "finish",
                                        "exception", "cancel", "gather-return", "gather-raise"};
    QStringList out;
    for (const auto &marker : lane.markers)
        out << QStringLiteral("%1@%2 %3")
                   .arg(QLatin1String(names[int(marker.kind)]))
                   .arg(scenarioTimeToSeconds(marker.time))
                   .arg(marker.text);
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
        QVERIFY(changed.size() > 10); // updated live, row by row
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(),
                 changed.first().at(1).value<QModelIndex>().row());

        QCOMPARE(segments(model.lane(0)), strings({"running 0-1"}));
        QCOMPARE(markers(model.lane(0)),
                 strings({"gather-return@1 gather returned [5.0, ZeroDivisionError('Cannot divide "
                          "by zero'), 6.0]"}));
        QCOMPARE(segments(model.lane(2)), strings({"running 0-0", "sleeping 0-1", "running 1-1"}));
        QCOMPARE(markers(model.lane(2)),
                 strings({"start@0 started", "print@0 Dividing 20 by 0", "wake@1 woke",
                          "exception@1 raised ZeroDivisionError: Cannot divide by zero"}));
        QCOMPARE(markers(model.lane(1)).last(), u"finish@1 returned 5.0"_s);
        QCOMPARE(model.settleTime().value(), secondsToScenarioTime(1));
        QVERIFY(!model.gatherRaised());
        QCOMPARE(model.endTime(), secondsToScenarioTime(1));
        QCOMPARE(model.eventTimes(),
                 (std::vector<ScenarioTime>{ScenarioTime(0), secondsToScenarioTime(1)}));
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
            markers(model.lane(0)),
            strings({"gather-raise@1 gather raised ZeroDivisionError: Cannot divide by zero"}));
        // Ada's lane goes on after the raise and ends with her value at 3 s.
        QCOMPARE(markers(model.lane(2)).last(), u"finish@3 returned 'Ada is done'"_s);
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
            markers(model.lane(11)).mid(1, 1),
            strings(
                {"gather-return@4 gather returned ['Ms. Ivanova is done', 'Mr. Jones is done']"}));
        QCOMPARE(markers(model.lane(14)).last(), u"cancel@4 cancelled"_s);
        QCOMPARE(segments(model.lane(14)).last(), u"sleeping 0-4"_s);
        // Kofi's 6-second sleep was cut short: the finished run reaches only its last event.
        QCOMPARE(model.endTime(), secondsToScenarioTime(5));
        QCOMPARE(model.horizon(), model.endTime());
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
