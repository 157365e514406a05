// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The timeline view as a person drives it: keys, mouse, rendering, and many lanes.

#include "coroutinetest.h"

#include "eventloopqueue.h"
#include "runner.h"
#include "scenarioloader.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

class TimelineViewTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_runner = std::make_unique<Runner>(std::get<Scenario>(ScenarioLoader::load(u"advanced"_s)),
                                            RunOptions{});
        m_model = std::make_unique<TimelineModel>();
        m_session =
            std::make_unique<RunSession>(std::initializer_list<RecordFollower *>{m_model.get()});
        m_session->follow(&m_runner->record(), ReportStyle::Each);
        QSignalSpy finished(m_runner.get(), &Runner::finished);
        m_runner->start();
        QVERIFY(finished.wait(5000));
        m_view = std::make_unique<TimelineView>();
        m_view->setModel(m_model.get());
        m_view->resize(900, 300);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->fitAll();
    }
    void cleanup()
    {
        m_view.reset();
        m_session.reset();
        m_model.reset();
        m_runner.reset();
    }

    void renderDrawsLanesAndTheExceptionInRed()
    {
        const QSize size = m_view->pictureSize();
        QCOMPARE(size.height(), 28 + 4 * 26 + 34 + 8);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        m_view->paintPicture(painter, image.rect());
        painter.end();
        // The exception's cross on divide(20, 0) (lane 2) at 1 s, in the theme's red exactly,
        // beside the wake-up at the same instant.
        const TimelinePainter &painter2 = m_view->timelinePainter();
        const TimelineGeometry geometry =
            painter2.pictureGeometry(image.rect(), m_view->zoom().geometry(), m_view->fitEnd());
        const QPoint cross(int(TimelinePainter::labelGutter +
                               geometry.mapTimeToX(secondsToScenarioTime(1)) +
                               painter2.markerSpacing()),
                           geometry.axisHeight + 2 * geometry.laneHeight + geometry.laneHeight / 2);
        const auto colourNear = [&image](QPoint at, const QColor &colour) {
            for (int dy = -2; dy <= 2; ++dy) {
                for (int dx = -2; dx <= 2; ++dx) {
                    if (image.pixelColor(at + QPoint(dx, dy)) == colour)
                        return true;
                }
            }
            return false;
        };
        QVERIFY(colourNear(cross, Theme::errorColor()));
        // Its lane name stands in the gutter; the lane of divide(10, 2) has no red at 1 s.
        QVERIFY(!colourNear(cross - QPoint(0, geometry.laneHeight), Theme::errorColor()));
    }

    void keysZoomPanAndFit()
    {
        const auto fitted = m_view->zoom().geometry().microsPerPixel;
        const auto fittedStart = m_view->zoom().geometry().start;
        QTest::keyClick(m_view.get(), Qt::Key_W);
        QTest::keyClick(m_view.get(), Qt::Key_W);
        QTest::keyClick(m_view.get(), Qt::Key_S);
        QVERIFY(m_view->zoom().geometry().microsPerPixel < fitted);
        const auto start = m_view->zoom().geometry().start;
        QTest::keyClick(m_view.get(), Qt::Key_D);
        QVERIFY(m_view->zoom().geometry().start > start);
        // Zooming out and panning stop at the run's ends: no time before the run shows.
        for (int i = 0; i < 10; ++i) {
            QTest::keyClick(m_view.get(), Qt::Key_S);
            QTest::keyClick(m_view.get(), Qt::Key_A);
        }
        QCOMPARE(m_view->zoom().geometry().microsPerPixel, fitted);
        QCOMPARE(m_view->zoom().geometry().start, fittedStart);
        QTest::keyClick(m_view.get(), Qt::Key_W);
        QTest::keyClick(m_view.get(), Qt::Key_F);
        QCOMPARE(m_view->zoom().geometry().microsPerPixel, fitted);
    }

    void ctrlWheelZoomsAtTheCursor()
    {
        const QPointF at(300, 100);
        const ScenarioTime before = m_view->zoom().geometry().mapXToTime(at.x());
        QWheelEvent wheel(at, m_view->viewport()->mapToGlobal(at), {}, {0, 120}, Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_view->viewport(), &wheel);
        QCOMPARE(m_view->zoom().geometry().mapXToTime(at.x()), before);
    }

    void dotAndCommaStepThroughEvents()
    {
        QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
        QTest::keyClick(m_view.get(), Qt::Key_Period);
        QCOMPARE(selected.size(), 1);
        const int first = m_view->selectedEvent();
        QVERIFY(first >= 0);
        QTest::keyClick(m_view.get(), Qt::Key_Period);
        QVERIFY(m_view->selectedEvent() > first);
        QTest::keyClick(m_view.get(), Qt::Key_Comma);
        QCOMPARE(m_view->selectedEvent(), first);
        // The selected event is the record's: the first marker is divide(10, 2)'s start.
        QCOMPARE(m_runner->record().events()[std::size_t(first)].kind, TaskEvent::Kind::Started);
    }

    void clickingAMarkerSelectsIt()
    {
        // divide(20, 0) woke and raised at 1 s: two markers side by side, each clickable.
        QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
        const auto &geometry = m_view->zoom().geometry();
        const int x = int(geometry.mapTimeToX(secondsToScenarioTime(1)));
        const int y = geometry.axisHeight + 2 * geometry.laneHeight + geometry.laneHeight / 2;
        const auto clicked = [&](int at) {
            QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(at, y));
            return m_runner->record().events()[std::size_t(selected.last().at(0).toInt())];
        };
        const TaskEvent woke = clicked(x);
        QCOMPARE(woke.kind, TaskEvent::Kind::Woke);
        QCOMPARE(woke.node, 2);
        const TaskEvent raised = clicked(x + int(m_view->timelinePainter().markerSpacing()));
        QCOMPARE(raised.kind, TaskEvent::Kind::Raised);
        QCOMPARE(raised.node, 2);
    }

    void aSleepBarSaysWhoSleepsAndHowLong()
    {
        const auto &geometry = m_view->zoom().geometry();
        const QPoint at(int(geometry.mapTimeToX(secondsToScenarioTime(0.5))),
                        geometry.axisHeight + geometry.laneHeight + geometry.laneHeight / 2);
        QHelpEvent help(QEvent::ToolTip, at, m_view->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(m_view->viewport(), &help);
        QCOMPARE(QToolTip::text(), u"divide(10, 2) asleep from 0 s to 1 s (a sleep of 1 s)"_s);
    }

    void markersAtOneInstantStandSideBySide()
    {
        TimelineLane lane;
        for (const double seconds : {0.0, 1.0, 1.0, 1.0, 1.5})
            lane.markers.push_back(
                {TimelineMarker::Kind::Print, secondsToScenarioTime(seconds), -1});
        // 10 ms a pixel: 1 s is 100 px; the three at 1 s stand 13 px apart; 1.5 s stays at
        // its time.
        QCOMPARE(TimelinePainter::markerXs(lane, 10000, 13),
                 std::vector<double>({0, 100, 113, 126, 150}));
        // Zoomed out to 100 ms a pixel only the one instant spreads: nothing drifts from its
        // time but the markers that share it.
        QCOMPARE(TimelinePainter::markerXs(lane, 100000, 13),
                 std::vector<double>({0, 10, 23, 36, 15}));
    }

    void shiftDragMeasuresARange()
    {
        const auto &geometry = m_view->zoom().geometry();
        const int from = int(geometry.mapTimeToX(ScenarioTime(0)));
        const int to = int(geometry.mapTimeToX(secondsToScenarioTime(0.5)));
        QTest::mousePress(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(from, 60));
        QMouseEvent move(QEvent::MouseMove, QPointF(to, 60),
                         m_view->viewport()->mapToGlobal(QPointF(to, 60)), Qt::NoButton,
                         Qt::LeftButton, Qt::ShiftModifier);
        QCoreApplication::sendEvent(m_view->viewport(), &move);
        QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(to, 60));
        const auto range = m_view->selectedRange();
        QVERIFY(range.has_value());
        const double seconds = scenarioTimeToSeconds(range->second - range->first);
        QVERIFY2(std::abs(seconds - 0.5) < 0.01, qPrintable(QString::number(seconds)));
        QTest::keyClick(m_view.get(), Qt::Key_F); // F fits the range
        QVERIFY(m_view->zoom().geometry().duration() < secondsToScenarioTime(0.7));
    }

    void theSettleLabelHasRoomRightOfTheLine()
    {
        // advanced returned at 1 s: "gather returned" fits between the line and the edge.
        const auto &geometry = m_view->zoom().geometry();
        const double line = geometry.mapTimeToX(secondsToScenarioTime(1));
        QFont bold = m_view->font();
        bold.setBold(true);
        const int label = QFontMetrics(bold).horizontalAdvance(u"gather returned"_s);
        QVERIFY2(geometry.width - line >= label + 5,
                 qPrintable(u"%1 px for %2"_s.arg(geometry.width - line).arg(label)));
    }

    void aLiveRunFitsWhereItsSleepsEnd()
    {
        RunOptions realTime;
        realTime.clockMode = ScenarioClock::Mode::Real;
        realTime.speed = 0.25; // stays at 0 s while the test looks
        auto runner = std::make_unique<Runner>(std::get<Scenario>(ScenarioLoader::load(u"basic"_s)),
                                               realTime);
        TimelineModel model;
        RunSession modelSession({&model});
        modelSession.follow(&runner->record(), ReportStyle::Each);
        runner->start();
        QVERIFY(processEventsUntil([&] { return model.lane(2).segments.size() == 2; }));
        m_view->setModel(&model);
        m_view->setCurrentTime(secondsToScenarioTime(0.5));
        // The axis spans the 2 s that Mr. Wolf will sleep, so his bar grows across it.
        TimelineGeometry expected = m_view->zoom().geometry();
        expected.fit(ScenarioTime(0), secondsToScenarioTime(2));
        QCOMPARE(m_view->zoom().geometry().microsPerPixel, expected.microsPerPixel);
        QCOMPARE(m_view->zoom().geometry().start, expected.start);
        m_view->setModel(m_model.get());
        runner.reset();
        QVERIFY(processEventsUntil([] { return EventLoopQueue::pendingCount() == 0; }));
    }

    void tenThousandLanesPaintOnlyWhatIsVisible()
    {
        QString json = u"{\"title\": \"many\", \"tasks\": ["_s;
        for (int i = 0; i < 10000; ++i)
            json += QStringLiteral("%1{\"task\": \"say_hello\", \"name\": \"T%2\", \"sleep\": %3}")
                        .arg(i ? u","_s : QString())
                        .arg(i)
                        .arg(i % 5);
        json += u"]}"_s;
        Runner runner(std::get<Scenario>(ScenarioLoader::parse(json.toUtf8(), u"many"_s)),
                      RunOptions{});
        TimelineModel model;
        RunSession modelSession({&model});
        modelSession.follow(&runner.record(), ReportStyle::Each);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(model.laneCount(), 10001);
        m_view->setModel(&model);
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum() / 2);
        QImage frame(m_view->viewport()->size(), QImage::Format_ARGB32);
        m_view->viewport()->render(&frame);
        // A viewport's worth of lanes was drawn, not ten thousand (the time a frame takes is
        // measured by bench_timeline, not asserted here).
        const TimelineGeometry &geometry = m_view->zoom().geometry();
        const int visible =
            (m_view->viewport()->height() - geometry.axisHeight) / geometry.laneHeight;
        QVERIFY(m_view->timelinePainter().cachedLaneCount() >= visible);
        QVERIFY(m_view->timelinePainter().cachedLaneCount() <= visible + 2);
        m_view->setModel(m_model.get());
    }

private:
    std::unique_ptr<Runner> m_runner;
    std::unique_ptr<TimelineModel> m_model;
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<TimelineView> m_view;
};

QTEST_MAIN(TimelineViewTest)
#include "tst_timelineview.moc"
