// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Finding one's way through many lanes: the pinned awaiter, collapsed gathers, the name
// filter, the lane keys, compact lanes, and the overview track's counts and clicks.

#include "lanefiltermodel.h"
#include "overviewtrack.h"
#include "runner.h"
#include "scenarioloader.h"
#include "taskcounts.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

//! Lanes of `nested`: 0 the awaiter, 1 Alice, 2 the inner gather, 3 divide(1, 4),
//! 4 divide(1, 0), 5 Bob.
std::vector<int> rows(std::initializer_list<int> list)
{
    return list;
}

QByteArray manyHellos(int count)
{
    QByteArray json = "{\"title\": \"Many\", \"tasks\": [";
    for (int i = 0; i < count; ++i) {
        json += (i ? "," : "") + QByteArray("{\"task\": \"say_hello\", \"name\": \"T") +
                QByteArray::number(i) + "\", \"sleep\": 1}";
    }
    return json + "]}";
}

//! \a model following \a record from its start, nothing taken yet, as a replay from 0 s.
void followFromStart(TimelineModel &model, const EventRecord &record)
{
    model.beginFollowing(&record, ReportStyle::Each);
    model.caughtUp();
}

} // namespace

class TimelineLanesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { run(std::get<Scenario>(ScenarioLoader::load(u"nested"_s))); }
    void cleanup()
    {
        m_widget.reset();
        m_session.reset();
        m_model.reset();
        m_runner.reset();
    }

    void theFilterModelPassesTheModelTester()
    {
        QAbstractItemModelTester tester(lanes());
        lanes()->setCollapsed(2, true);
        lanes()->setNameFilter(u"divide"_s);
        lanes()->setNameFilter({});
        lanes()->setCollapsed(2, false);
    }

    void everyTaskIsListedUnderThePinnedAwaiter()
    {
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 3, 4, 5}));
        QCOMPARE(view()->rowOfLane(0), 0);
        QCOMPARE(view()->rowOfLane(4), 4);
        QCOMPARE(view()->laneOfRow(5), 5);
        QCOMPARE(lanes()->index(1, 0).data().toString(), u"▾ inner gather"_s);
    }

    void aCollapsedGatherHidesItsTasksAndSaysHowMany()
    {
        lanes()->setCollapsed(2, true);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 5}));
        QCOMPARE(lanes()->index(1, 0).data().toString(), u"▸ inner gather (2 tasks inside)"_s);
        QCOMPARE(view()->rowOfLane(4), -1);
        QCOMPARE(view()->rowOfLane(5), 3);
        lanes()->setAllCollapsed(false);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 3, 4, 5}));
        lanes()->setAllCollapsed(true);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 5}));
    }

    void leftAndRightInTheNamesCollapseAndOpenAGather()
    {
        QListView *names = m_widget->laneNames();
        names->setCurrentIndex(lanes()->index(1, 0));
        QTest::keyClick(names, Qt::Key_Left);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 5}));
        QTest::keyClick(names, Qt::Key_Right);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 3, 4, 5}));
    }

    void aCollapsedGatherStaysCollapsedForTheNextRun()
    {
        lanes()->setCollapsed(2, true);
        run(std::get<Scenario>(ScenarioLoader::load(u"nested"_s)));
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 5}));
    }

    void theFilterShowsMatchingNamesInAnyCase()
    {
        m_widget->filterBox()->setText(u"DIVIDE"_s);
        QCOMPARE(lanes()->sourceRows(), rows({3, 4}));
        lanes()->setCollapsed(2, true); // a search finds lanes in collapsed gathers too
        QCOMPARE(lanes()->sourceRows(), rows({3, 4}));
        m_widget->filterBox()->setText(u"alice"_s);
        QCOMPARE(lanes()->sourceRows(), rows({1}));
        m_widget->filterBox()->clear();
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 5}));
    }

    void selectingAnEventOfAHiddenLaneShowsIt()
    {
        lanes()->setCollapsed(2, true);
        const int raised = m_model->lane(4).markers.back().eventIndex;
        view()->selectEvent(raised);
        QCOMPARE(view()->selectedEvent(), raised);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 3, 4, 5}));

        m_widget->filterBox()->setText(u"Bob"_s);
        view()->selectEvent(m_model->lane(1).markers.front().eventIndex);
        QCOMPARE(lanes()->sourceRows(), rows({1, 2, 3, 4, 5}));
        QCOMPARE(m_widget->filterBox()->text(), QString()); // the box says the filter went
    }

    void theAwaiterStaysInSightWhenTheLanesScroll()
    {
        run(std::get<Scenario>(ScenarioLoader::parse(manyHellos(200), u"many"_s)));
        QScrollBar *bar = view()->verticalScrollBar();
        bar->setValue(bar->maximum());
        QVERIFY(bar->value() > 1000);
        const TimelineGeometry &geometry = view()->zoom().geometry();
        QImage frame(view()->viewport()->size(), QImage::Format_ARGB32);
        view()->viewport()->render(&frame);
        // The awaiter's purple bar under the axis, halfway through the run; the last task's
        // lane is the last row in the viewport.
        const int x = int(geometry.mapTimeToX(secondsToScenarioTime(0.5)));
        QCOMPARE(frame.pixelColor(x, geometry.axisHeight + geometry.laneHeight / 2),
                 QColor(0x8e, 0x6c, 0xc4));
        QCOMPARE(geometry.laneAtY(geometry.axisHeight + 2, bar->value()), 0);
        const int bottomRow = geometry.laneAtY(view()->viewport()->height() - 1, bar->value());
        QCOMPARE(view()->laneOfRow(bottomRow), 200);
    }

    void homeEndAndPageKeysMoveThroughTheLanes()
    {
        run(std::get<Scenario>(ScenarioLoader::parse(manyHellos(200), u"many"_s)));
        QScrollBar *bar = view()->verticalScrollBar();
        QTest::keyClick(view(), Qt::Key_End);
        QCOMPARE(bar->value(), bar->maximum());
        QTest::keyClick(view(), Qt::Key_Home);
        QCOMPARE(bar->value(), 0);
        QTest::keyClick(view(), Qt::Key_PageDown);
        QCOMPARE(bar->value(), bar->pageStep());
        QCOMPARE(bar->pageStep(),
                 view()->viewport()->height() - view()->zoom().geometry().scrolledTop());
        QTest::keyClick(view(), Qt::Key_PageUp);
        QCOMPARE(bar->value(), 0);
    }

    void compactLanesAreHalfAsTall()
    {
        QSignalSpy heights(view(), &TimelineView::rowHeightsChanged);
        view()->setCompact(true);
        QCOMPARE(view()->zoom().geometry().laneHeight, TimelineView::baseLaneHeight / 2);
        QCOMPARE(heights.count(), 1);
        QVERIFY(view()->timelinePainter().markerRadius() < TimelinePainter::baseMarkerRadius);
        view()->setScale(2);
        QCOMPARE(view()->zoom().geometry().laneHeight, TimelineView::baseLaneHeight);
        view()->setCompact(false);
        QCOMPARE(view()->zoom().geometry().laneHeight, 2 * TimelineView::baseLaneHeight);
    }

    void theOverviewCountsTasksRunningAsleepAndDone()
    {
        // nested: Alice sleeps 1 s, divide(1, 4) 2 s, divide(1, 0) 0.5 s, Bob 3 s.
        TaskCounts counts;
        counts.read(*m_model, m_model->endTime());
        QCOMPARE(counts.total(), 4);
        const auto at = [&](double seconds) { return counts.at(secondsToScenarioTime(seconds)); };
        QCOMPARE(at(0), (TaskCounts::Counts{0, 4, 0}));
        QCOMPARE(at(0.75), (TaskCounts::Counts{0, 3, 1}));
        QCOMPARE(at(2), (TaskCounts::Counts{0, 1, 3}));
        QCOMPARE(at(3), (TaskCounts::Counts{0, 0, 4}));
        // in one pixel's stretch around 0 s every task ran, for no time, on the virtual clock
        QCOMPARE(counts.in(ScenarioTime(0), ScenarioTime(1000)), (TaskCounts::Counts{4, 4, 0}));
        QCOMPARE(m_widget->overview()->summary(),
                 u"4 tasks · at 3.00 s: 0 running, 0 asleep, 4 done"_s);
    }

    void duringARunACheapCountFollowsEveryFrame()
    {
        // classroom followed a few events a frame, as a live run or a replay goes: its counts,
        // microseconds to take, are read again at every frame, not every 100 ms.
        run(std::get<Scenario>(ScenarioLoader::load(u"classroom"_s)));
        const EventRecord &record = m_runner->record();
        TimelineModel following;
        followFromStart(following, record);
        TimelineWidget widget;
        widget.setModel(&following);
        widget.resize(900, 400);
        widget.view()->setLive(true);
        OverviewTrack *overview = widget.overview();
        QImage frame(overview->size(), QImage::Format_ARGB32_Premultiplied);
        int frames = 0;
        for (int first = 0; first < int(record.events().size()); first += 7) {
            const int last = std::min(first + 6, int(record.events().size()) - 1);
            following.takeEvents(record, first, last);
            widget.view()->setCurrentTime(record.events()[std::size_t(last)].time);
            overview->render(&frame);
            QCOMPARE(overview->counts().readUntil(), record.events()[std::size_t(last)].time);
            ++frames;
        }
        QVERIFY(frames > 10);
    }

    void aComputeWaitingOnItsWorkerCountsApartFromTheSleepers()
    {
        // compute: sum_primes costs 2 s, Ada sleeps 1 s, count_primes costs 1.5 s, Grace 0.5 s.
        run(std::get<Scenario>(ScenarioLoader::load(u"compute"_s)));
        TaskCounts counts;
        counts.read(*m_model, m_model->endTime());
        QVERIFY(counts.hasWorkers());
        const auto at = [&](double seconds) { return counts.at(secondsToScenarioTime(seconds)); };
        QCOMPARE(at(0.75), (TaskCounts::Counts{0, 1, 1, 2})); // running, asleep, done, working
        QCOMPARE(at(1.75), (TaskCounts::Counts{0, 0, 3, 1}));
        QCOMPARE(at(2), (TaskCounts::Counts{0, 0, 4, 0}));
        QCOMPARE(m_widget->overview()->summary(),
                 u"4 tasks · at 2.00 s: 0 running, 0 asleep, 0 on a worker, 4 done"_s);
    }

    void aSleepStillUnderWayCountsAsAsleep()
    {
        // fail-fast when divide(20, 0) has just raised at 1 s: divide(30, 5) sleeps until 3 s.
        run(std::get<Scenario>(ScenarioLoader::load(u"fail-fast"_s)));
        const EventRecord &record = m_runner->record();
        TimelineModel partial;
        partial.beginFollowing(&record, ReportStyle::Each);
        partial.takeEvents(record, 0, 13);
        partial.caughtUp();
        QCOMPARE(record.events()[13].kind, TaskEvent::Kind::Raised);
        TaskCounts counts;
        counts.read(partial, secondsToScenarioTime(1));
        QCOMPARE(counts.at(secondsToScenarioTime(1)), (TaskCounts::Counts{0, 1, 2}));
        QCOMPARE(counts.at(secondsToScenarioTime(2.5)), (TaskCounts::Counts{0, 1, 2}));
    }

    // Read as a live run goes, a few events at a time, then replayed from the start: at every
    // moment the counts are what the lanes show, counted lane by lane.
    void countsReadAsTheRunGoesAreWhatTheLanesShow()
    {
        run(std::get<Scenario>(ScenarioLoader::load(u"classroom"_s)));
        const EventRecord &record = m_runner->record();
        const int events = int(record.events().size());
        TimelineModel lanes;
        TaskCounts counts;
        // What the lanes show at `time`, bar by bar (open bars go on as the overview draws them).
        const auto byLanes = [&lanes](ScenarioTime time, ScenarioTime now) {
            TaskCounts::Counts expected;
            for (int row = 0; row < lanes.laneCount(); ++row) {
                const TimelineLane &lane = lanes.lane(row);
                if (lane.isGather)
                    continue;
                for (const TimelineSegment &bar : lane.segments) {
                    const ScenarioTime end = bar.end.value_or(
                        bar.plannedEnd.value_or(std::max(now, bar.start) + ScenarioTime(1)));
                    if (bar.start <= time && time < end)
                        ++(bar.kind == TimelineSegment::Kind::Running ? expected.running
                                                                      : expected.sleeping);
                }
                if (lane.hasEnded() && lane.markers.back().time <= time)
                    ++expected.done;
            }
            return expected;
        };
        for (const int replayedTo : {events, events / 2}) {
            followFromStart(lanes, record);
            for (int first = 0; first < replayedTo; first += 7) {
                const int last = std::min(first + 6, replayedTo - 1);
                lanes.takeEvents(record, first, last);
                const ScenarioTime now = record.events()[std::size_t(last)].time;
                counts.read(lanes, now);
                for (int tenth = 0; tenth <= 60; ++tenth) {
                    const ScenarioTime time = secondsToScenarioTime(tenth / 10.0);
                    QCOMPARE(counts.at(time), byLanes(time, now));
                }
            }
        }
    }

    void countsReadAFewEventsAFrameAreWholeUpToWhereTheyStop()
    {
        // A finished run read 7 events at a time, as the overview reads one too large for a
        // frame: before readUntil() each count is the whole run's, and once caught up all are.
        run(std::get<Scenario>(ScenarioLoader::load(u"classroom"_s)));
        const EventRecord &record = m_runner->record();
        TimelineModel lanes;
        followFromStart(lanes, record);
        lanes.takeEvents(record, 0, int(record.events().size()) - 1);
        const ScenarioTime end = record.events().back().time;
        TaskCounts whole;
        whole.read(lanes, end);
        QVERIFY(whole.caughtUp());
        TaskCounts partly;
        int reads = 0;
        do {
            partly.read(lanes, end, 7);
            ++reads;
            for (int tenth = 0; tenth <= 60; ++tenth) {
                const ScenarioTime time = secondsToScenarioTime(tenth / 10.0);
                if (time < partly.readUntil() || partly.caughtUp()) {
                    QCOMPARE(partly.at(time), whole.at(time));
                    QCOMPARE(partly.in(time, time + ScenarioTime(50000)).done,
                             whole.in(time, time + ScenarioTime(50000)).done);
                }
            }
        } while (!partly.caughtUp());
        QCOMPARE(reads, (int(record.events().size()) + 6) / 7);
        QCOMPARE(partly.readUntil(), end);
    }

    void aClickOnTheOverviewJumpsThereAndADragShowsTheStretch()
    {
        OverviewTrack *overview = m_widget->overview();
        const TimelineZoom &zoom = view()->zoom();
        QVERIFY(!zoom.isUserZoomed());
        const ScenarioTime twoSeconds = secondsToScenarioTime(2);
        QTest::mouseClick(overview, Qt::LeftButton, {},
                          QPoint(int(overview->xOf(twoSeconds)), overview->height() / 2));
        QVERIFY(zoom.isUserZoomed());
        const TimelineGeometry &geometry = zoom.geometry();
        QVERIFY(geometry.start < twoSeconds && twoSeconds < geometry.start + geometry.duration());
        QVERIFY(geometry.duration() < secondsToScenarioTime(1));

        const int from = int(overview->xOf(secondsToScenarioTime(1)));
        const int to = int(overview->xOf(secondsToScenarioTime(2.5)));
        QTest::mousePress(overview, Qt::LeftButton, {}, QPoint(from, 5));
        QTest::mouseRelease(overview, Qt::LeftButton, {}, QPoint(to, 5));
        QVERIFY(qAbs(scenarioTimeToSeconds(geometry.start) - 1) < 0.1);
        QVERIFY(qAbs(scenarioTimeToSeconds(geometry.start + geometry.duration()) - 2.5) < 0.4);
    }

private:
    void run(const Scenario &scenario)
    {
        m_session.reset();
        m_runner = std::make_unique<Runner>(scenario, RunOptions{});
        if (!m_model)
            m_model = std::make_unique<TimelineModel>();
        m_session =
            std::make_unique<RunSession>(std::initializer_list<RecordFollower *>{m_model.get()});
        m_session->follow(&m_runner->record(), ReportStyle::Each);
        QSignalSpy finished(m_runner.get(), &Runner::finished);
        m_runner->start();
        QVERIFY(finished.wait(5000));
        m_session->flush();
        if (!m_widget) {
            m_widget = std::make_unique<TimelineWidget>();
            m_widget->setModel(m_model.get());
            m_widget->resize(900, 400);
            m_widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
        }
        view()->fitAll();
    }
    TimelineView *view() const { return m_widget->view(); }
    LaneFilterModel *lanes() const { return view()->lanes(); }

    std::unique_ptr<Runner> m_runner;
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<TimelineWidget> m_widget;
};

QTEST_MAIN(TimelineLanesTest)
#include "tst_timelinelanes.moc"
