// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "timelinedata.h"
#include "timelinegeometry.h"

#include <QAbstractScrollArea>
#include <QFont>

#include <optional>
#include <utility>
#include <vector>

class TimelineModel;

//! The live timeline: one viewport-sized widget that paints only the visible lanes.
/*!
 * Geometry (time ↔ pixel, zoom, pan) lives in TimelineGeometry; lanes and events come from a
 * TimelineModel; hover and selection are drawn over the lanes. The same paint code renders
 * the whole timeline into any QPainter for PNG, SVG and PDF export. Keys follow Perfetto and
 * Tracy: W/S or Ctrl+wheel zoom at the cursor, A/D or drag pan, F fits, `.`/`,` step through
 * events, Shift+drag measures a range, `?` lists the shortcuts.
 */
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }
    TimelineGeometry &geometry() { return m_geometry; }
    const TimelineGeometry &geometry() const { return m_geometry; }

    //! The time up to which open bars grow (the clock's display time during a live run).
    void setCurrentTime(Gatherscope::ScenarioTime time);
    //! Zooms out to show everything that happened.
    void fitAll();
    //! The selected event (index into the record's events()), or -1.
    int selectedEvent() const { return m_selected ? m_selected->marker.eventIndex : -1; }
    std::optional<std::pair<Gatherscope::ScenarioTime, Gatherscope::ScenarioTime>>
    selectedRange() const
    {
        return m_range;
    }
    //! "gather returned" or "gather raised …" once the top-level gather settled, else empty.
    QString settleLabel() const;
    QFont settleLabelFont() const;
    //! Pixels to keep right of the last event when fitting, for the settle label.
    double settleLabelRoom() const;
    //! Where "fit everything" ends: the run's horizon, now, or at least one second.
    Gatherscope::ScenarioTime fitEnd() const;
    //! The first lane shown at the top.
    int firstVisibleLane() const;
    void scrollToLane(int lane);

    //! The size a picture of the whole timeline wants (every lane, labels, legend).
    QSize exportSize() const;
    //! Paints the timeline into \a target: every lane with its label when \a allLanes, else
    //! what the viewport shows.
    void render(QPainter *painter, const QRect &target, bool allLanes);

    //! Paints the legend of every marker shape and bar into \a area.
    void paintLegend(QPainter &painter, const QRect &area) const;
    //! The shortcuts as text, for `?` and the Help menu.

Q_SIGNALS:
    void eventSelected(int eventIndex);
    void shortcutsRequested();
    void geometryChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    struct Hit {
        int lane = -1;
        TimelineMarker marker;
    };
    struct Colors;
    //! One lane in pixels at one zoom, x counted from time 0 so that panning keeps it valid.
    struct LaneShapes {
        struct Bar {
            TimelineSegment::Kind kind;
            double left;
            std::optional<double> right; //!< none while the segment is open
        };
        std::vector<Bar> bars;
        std::vector<std::pair<double, TimelineMarker::Kind>> markers;
    };

    void paintContents(QPainter &painter, const TimelineGeometry &geometry, int firstLane,
                       int lastLane, int scrollY, int labelWidth) const;
    void paintAxis(QPainter &painter, const TimelineGeometry &geometry, int x0, int width) const;
    void paintLane(QPainter &painter, const TimelineGeometry &geometry, int row, int y, int x0,
                   const Colors &colors) const;
    const LaneShapes &laneShapes(int row, double microsPerPixel, LaneShapes &scratch) const;
    static LaneShapes buildShapes(const TimelineLane &lane, double microsPerPixel);
    void invalidateShapes();
    void paintSettleLine(QPainter &painter, const TimelineGeometry &geometry, int x0, int top,
                         int bottom, const Colors &colors) const;
    void paintLegend(QPainter &painter, const QRect &area, const Colors &colors) const;
    static void paintMarker(QPainter &painter, TimelineMarker::Kind kind, QPointF at,
                            const Colors &colors);
    std::optional<Hit> hitTest(QPoint position) const;
    QRect ringRect(const Hit &hit) const;
    void selectAdjacentEvent(int direction);
    void select(const Hit &hit);
    void zoomAt(double factor, double x);
    void updateScrollBars();
    void geometryUpdated();
    Colors colors() const;

    TimelineModel *m_model = nullptr;
    TimelineGeometry m_geometry;
    Gatherscope::ScenarioTime m_now{0};
    std::optional<Hit> m_hover;
    std::optional<Hit> m_selected;
    std::optional<std::pair<Gatherscope::ScenarioTime, Gatherscope::ScenarioTime>> m_range;
    std::optional<QPoint> m_dragFrom;
    bool m_selectingRange = false;
    bool m_userZoomed = false;
    // Pixel shapes of the lanes painted so far, at m_shapesScale µs per pixel.
    mutable std::vector<std::optional<LaneShapes>> m_shapes;
    mutable double m_shapesScale = 0;
};
