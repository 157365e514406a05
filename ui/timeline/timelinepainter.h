// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "timelinedata.h"
#include "timelinegeometry.h"

#include <QFont>
#include <QPalette>
#include <QPointF>

#include <optional>
#include <utility>
#include <vector>

class QPainter;
class QRect;
class TimelineModel;

//! Paints a timeline from a TimelineModel and a TimelineGeometry into any QPainter: the axis,
//! the lanes, the return-or-raise line and the legend. It holds no input state and needs no
//! widget, so the view and the exports paint with the same code.
/*!
 * Each lane's bars and markers are kept as pixel shapes at the zoom they were built for, x
 * counted from time 0, so that panning and hovering replay them without walking the events;
 * invalidateLane() drops one lane's when a live event changes it.
 */
class TimelinePainter {
public:
    static constexpr double baseMarkerRadius = 5.5; //!< at scale 1
    static constexpr int labelGutter = 230;         //!< lane names in exported pictures
    static constexpr int legendHeight = 34;

    void setModel(const TimelineModel *model);
    //! Colours come from \a palette, the label font from \a font.
    void setStyle(const QPalette &palette, const QFont &font);
    //! How large markers are drawn: 1 normally, more in a room (the window's scale).
    void setScale(double scale) { m_scale = scale; }
    double markerRadius() const { return baseMarkerRadius * m_scale; }
    //! The least distance between two markers' centres on one lane.
    double markerSpacing() const { return 2 * markerRadius() + 2; }
    //! Where each marker of \a lane is drawn, in pixels from time 0: at its time, except that
    //! markers at one instant stand side by side, \a spacing apart, in the order they happened,
    //! so that print, wake and value at one moment can all be seen and clicked. (Markers at
    //! different times stay at their times; zooming in parts them.)
    static std::vector<double> markerXs(const TimelineLane &lane, double microsPerPixel,
                                        double spacing);
    //! The time up to which open bars grow.
    void setNow(Gatherscope::ScenarioTime now) { m_now = now; }
    //! During a run: a line across every lane at now, with the time in large type.
    void setNowLineShown(bool shown) { m_nowLineShown = shown; }
    Gatherscope::ScenarioTime now() const { return m_now; }

    void invalidateAll();
    void invalidateLane(int row);

    //! "gather returned" or "gather raised …" once the top-level gather settled, else empty.
    QString settleLabel() const;
    QFont settleLabelFont() const;
    //! Pixels to keep right of the last event when fitting, for the settle label.
    double settleLabelRoom() const;

    //! The axis and rows \a first to \a last: row 0 is the awaiter's lane (the model's row 0),
    //! pinned under the axis; row i > 0 is the model's row \a listedRows[i - 1], scrolled by
    //! \a scrollY.
    void paintContents(QPainter &painter, const TimelineGeometry &geometry,
                       const std::vector<int> &listedRows, int first, int last, int scrollY) const;
    //! Every marker shape and bar, explained, in \a area.
    void paintLegend(QPainter &painter, const QRect &area) const;
    //! The geometry paintPicture() draws the lanes of \a target with (x from the names' gutter).
    TimelineGeometry pictureGeometry(const QRect &target, TimelineGeometry geometry,
                                     Gatherscope::ScenarioTime end) const;
    //! How many lanes have their shapes cached: the ones painted at the current zoom.
    int cachedLaneCount() const;
    //! The size a picture of the whole timeline wants (every lane, names, legend).
    QSize pictureSize(const TimelineGeometry &geometry) const;
    //! The whole timeline into \a target, every lane named, fitted to [0, \a end], with the legend.
    void paintPicture(QPainter &painter, const QRect &target, TimelineGeometry geometry,
                      Gatherscope::ScenarioTime end) const;

private:
    struct Colors {
        QColor base, window, text, axis, grid, running, sleeping, worker, awaiter, finish,
            exception, cancel;
    };
    struct LaneShapes {
        struct Bar {
            TimelineSegment::Kind kind;
            double left;
            std::optional<double> right; //!< none while the segment is open
        };
        std::vector<Bar> bars;
        std::vector<std::pair<double, TimelineMarker::Kind>> markers;
    };

    struct Rows {
        const std::vector<int> &listed;
        int first;
        int last;
        int scrollY;
    };
    void paint(QPainter &painter, const TimelineGeometry &geometry, const Rows &rows,
               int labelWidth, bool cached) const;
    void paintAxis(QPainter &painter, const TimelineGeometry &geometry, int x0, int width) const;
    void paintLane(QPainter &painter, const TimelineGeometry &geometry, int row, int y, int x0,
                   bool cached) const;
    void paintSettleLine(QPainter &painter, const TimelineGeometry &geometry, int x0, int top,
                         int bottom) const;
    void paintMarker(QPainter &painter, TimelineMarker::Kind kind, QPointF at) const;
    //! A compute's wait on its worker thread, as a lane shows it.
    void paintWorkerBar(QPainter &painter, const QRectF &bar) const;
    void paintGhosts(QPainter &painter, const TimelineGeometry &geometry, const TimelineLane &lane,
                     int y, int x0) const;
    void paintNowLine(QPainter &painter, const TimelineGeometry &geometry, int x0, int top,
                      int bottom) const;
    const LaneShapes &cachedShapes(int row, double microsPerPixel) const;
    static LaneShapes buildShapes(const TimelineLane &lane, double microsPerPixel, double spacing);

    const TimelineModel *m_model = nullptr;
    Colors m_colors;
    QFont m_font;
    double m_scale = 1;
    Gatherscope::ScenarioTime m_now{0};
    bool m_nowLineShown = false;
    // The pixel shapes of the lanes painted so far, at m_shapesScale µs per pixel.
    mutable std::vector<std::optional<LaneShapes>> m_shapes;
    mutable double m_shapesScale = 0;
};
