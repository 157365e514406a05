// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Time ↔ pixel maths of the timeline.

#include "timelinegeometry.h"
#include "timelinezoom.h"

#include <QSignalSpy>
#include <QTest>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

ScenarioTime seconds(double s)
{
    return secondsToScenarioTime(s);
}

} // namespace

namespace {
ScenarioTime ms(double milliseconds)
{
    return ScenarioTime(std::llround(milliseconds * 1000));
}
} // namespace

class TimelineGeometryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapsBothWays_data()
    {
        QTest::addColumn<qint64>("startMs");
        QTest::addColumn<double>("microsPerPixel");
        QTest::addColumn<qint64>("timeMs");
        QTest::addColumn<double>("x");
        QTest::newRow("origin") << qint64(0) << 1000.0 << qint64(0) << 0.0;
        QTest::newRow("one second at 1 ms/px") << qint64(0) << 1000.0 << qint64(1000) << 1000.0;
        QTest::newRow("scrolled") << qint64(500) << 1000.0 << qint64(1000) << 500.0;
        QTest::newRow("before the start") << qint64(500) << 2000.0 << qint64(0) << -250.0;
    }
    void mapsBothWays()
    {
        QFETCH(qint64, startMs);
        QFETCH(double, microsPerPixel);
        QFETCH(qint64, timeMs);
        QFETCH(double, x);
        TimelineGeometry g;
        g.start = ms(double(startMs));
        g.microsPerPixel = microsPerPixel;
        QCOMPARE(g.mapTimeToX(ms(double(timeMs))), x);
        QCOMPARE(g.mapXToTime(x), ms(double(timeMs)));
    }

    void zoomKeepsTheTimeUnderTheAnchor_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<double>("anchorX");
        QTest::newRow("in at the left") << 2.0 << 0.0;
        QTest::newRow("in at the middle") << 1.5 << 400.0;
        QTest::newRow("out at the right") << 0.5 << 800.0;
    }
    void zoomKeepsTheTimeUnderTheAnchor()
    {
        QFETCH(double, factor);
        QFETCH(double, anchorX);
        TimelineGeometry g;
        g.microsPerPixel = 5000;
        const ScenarioTime before = g.mapXToTime(anchorX);
        g.zoom(factor, anchorX);
        QCOMPARE(g.microsPerPixel, 5000 / factor);
        QCOMPARE(g.mapXToTime(anchorX), before);
    }

    void zoomIsClamped()
    {
        TimelineGeometry g;
        g.zoom(1e12, 0);
        QCOMPARE(g.microsPerPixel, TimelineGeometry::minMicrosPerPixel);
        g.zoom(1e-12, 0);
        QCOMPARE(g.microsPerPixel, TimelineGeometry::maxMicrosPerPixel);
    }

    void panMovesByPixels()
    {
        TimelineGeometry g;
        g.microsPerPixel = 1000;
        g.pan(250);
        QCOMPARE(g.start, ms(250));
        g.pan(-500);
        QCOMPARE(g.start, ms(-250));
    }

    void fitShowsTheWholeRangeWithMargins()
    {
        TimelineGeometry g;
        g.width = 1190;
        g.fit(ScenarioTime(0), ms(1000));
        QCOMPARE(g.start, ms(-30));                      // 3 % before
        QCOMPARE(g.microsPerPixel, 1000.0);              // 1.19 s over 1190 px
        QVERIFY(g.mapTimeToX(ms(1000)) < g.width - 100); // room for a label after the end
    }

    void fitKeepsRoomForALabelOnTheRight()
    {
        TimelineGeometry g;
        g.width = 1190;
        g.fit(ScenarioTime(0), ms(1000), 100); // 16 % (160 px) already holds 100 px
        QCOMPARE(g.microsPerPixel, 1000.0);
        g.width = 400; // 16 % would be 54 px: the label's 150 px win
        g.fit(ScenarioTime(0), ms(1000), 150);
        QCOMPARE(g.width - g.mapTimeToX(ms(1000)), 150.0);
        QCOMPARE(g.start, ms(-30));
        g.width = 250; // too narrow to give the label more than half: 16 % again
        g.fit(ScenarioTime(0), ms(1000), 150);
        QCOMPARE(g.microsPerPixel, 1190.0 / 250 * 1000);
    }

    void constrainingStopsZoomAndPanAtTheEnds()
    {
        TimelineGeometry everything;
        everything.width = 1190;
        everything.fit(ScenarioTime(0), ms(1000)); // shows -30 ms to 1160 ms
        TimelineGeometry g = everything;
        g.zoom(1 / 1.5, 100); // zoomed out further than everything
        g.constrainTo(everything);
        QCOMPARE(g.microsPerPixel, everything.microsPerPixel);
        QCOMPARE(g.start, everything.start);
        g.zoom(4, 600); // in; then panned past either end
        g.pan(-5000);
        g.constrainTo(everything);
        QCOMPARE(g.start, ms(-30));
        g.pan(5000);
        g.constrainTo(everything);
        QCOMPARE(g.start + g.duration(), everything.start + everything.duration());
    }

    void laneAtY()
    {
        TimelineGeometry g; // 28 px axis, 26 px lanes
        QCOMPARE(g.laneAtY(10, 0), -1);
        QCOMPARE(g.laneAtY(28, 0), 0);
        QCOMPARE(g.laneAtY(28 + 26, 0), 1);
        // the awaiter's row stays under the axis; the others scroll beneath it
        QCOMPARE(g.laneAtY(28, 260), 0);
        QCOMPARE(g.laneAtY(28 + 25, 260), 0);
        QCOMPARE(g.laneAtY(28 + 26, 260), 11);
        QCOMPARE(g.rowY(0, 260), 28);
        QCOMPARE(g.rowY(11, 260), 28 + 11 * 26 - 260);
    }

    void ticksAreOneTwoFive_data()
    {
        QTest::addColumn<double>("microsPerPixel");
        QTest::addColumn<qint64>("stepMicros");
        QTest::addColumn<QString>("label");
        QTest::newRow("5 ms/px") << 5000.0 << qint64(500000) << u"0.5 s"_s;
        QTest::newRow("1 ms/px") << 1000.0 << qint64(100000) << u"0.1 s"_s;
        QTest::newRow("0.3 ms/px") << 300.0 << qint64(50000) << u"50 ms"_s;
        QTest::newRow("20 ms/px") << 20000.0 << qint64(2000000) << u"2 s"_s;
        QTest::newRow("1 µs/px") << 1.0 << qint64(100) << u"100 µs"_s;
    }
    void ticksAreOneTwoFive()
    {
        QFETCH(double, microsPerPixel);
        QFETCH(qint64, stepMicros);
        QFETCH(QString, label);
        TimelineGeometry g;
        g.microsPerPixel = microsPerPixel;
        const ScenarioTime step = g.tickStep(90);
        QCOMPARE(step.count(), stepMicros);
        const auto ticks = g.ticks(90);
        QVERIFY(!ticks.empty());
        QCOMPARE(ticks.front(), ScenarioTime(0));
        QCOMPARE(ticks[1] - ticks[0], step);
        QCOMPARE(TimelineGeometry::tickLabel(ticks[1], step), label);
    }

    void durations()
    {
        QCOMPARE(TimelineGeometry::durationText(ms(1250)), u"1.25 s"_s);
        QCOMPARE(TimelineGeometry::durationText(ms(300)), u"300 ms"_s);
        QCOMPARE(TimelineGeometry::durationText(ScenarioTime(40)), u"40 µs"_s);
    }

    void zoomFollowsTheRunUntilAPersonZoomsThenStaysWithinIt()
    {
        TimelineZoom zoom;
        QSignalSpy changed(&zoom, &TimelineZoom::changed);
        zoom.setWidth(1000);
        zoom.setExtent(seconds(2), 0);
        QVERIFY(!zoom.isUserZoomed());
        const double followed = zoom.geometry().microsPerPixel;
        zoom.setExtent(seconds(4), 0); // the run grew: the view follows
        QVERIFY(zoom.geometry().microsPerPixel > followed);
        const double fitted = zoom.geometry().microsPerPixel;

        zoom.zoomAt(2, 500);
        QVERIFY(zoom.isUserZoomed());
        QCOMPARE(zoom.geometry().microsPerPixel, fitted / 2);
        zoom.setExtent(seconds(8), 0); // the run grows on: a person's zoom is kept
        QCOMPARE(zoom.geometry().microsPerPixel, fitted / 2);
        zoom.zoomAt(0.01, 500); // never further out than the whole run
        TimelineGeometry all = zoom.geometry();
        all.fit(seconds(0), seconds(8));
        QCOMPARE(zoom.geometry().microsPerPixel, all.microsPerPixel);
        zoom.pan(-1e6); // nor before its start
        QCOMPARE(zoom.geometry().start, all.start);

        zoom.zoomAt(4, 500);
        zoom.reveal(seconds(0)); // an event at the very start: shown, but not centred on it
        QCOMPARE(zoom.geometry().start, all.start);

        zoom.fitRange(seconds(1), seconds(2));
        QVERIFY(zoom.geometry().mapTimeToX(seconds(1)) >= 0);
        QVERIFY(zoom.geometry().mapTimeToX(seconds(2)) <= 1000);
        zoom.fitAll();
        QVERIFY(!zoom.isUserZoomed());
        QCOMPARE(zoom.geometry().microsPerPixel, all.microsPerPixel);
        QVERIFY(changed.size() >= 8);
    }
};

QTEST_GUILESS_MAIN(TimelineGeometryTest)
#include "tst_timelinegeometry.moc"
