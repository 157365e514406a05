// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "shortcuts.h"
#include "timelinedata.h"
#include "timelinepainter.h"
#include "timelinezoom.h"

#include <QAbstractScrollArea>

#include <optional>
#include <utility>

class LaneFilterModel;
class TimelineModel;

//! The live timeline: routes input (keys, wheel, drag, hover, clicks) to a TimelineZoom and to
//! the selection, and has a TimelinePainter paint the lanes the viewport shows.
/*!
 * Keys follow Perfetto and Tracy (see Shortcuts): W/S or Ctrl+wheel zoom at the cursor, A/D or
 * drag pan, F fits, `.`/`,` step through events, Shift+drag measures a range, `?` lists the
 * keys. Hover and selection rings and the measured range are drawn over the lanes.
 */
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineModel *model() const { return m_model; }
    //! Which lanes are listed under the pinned awaiter (collapsed gathers, the name filter).
    LaneFilterModel *lanes() const { return m_lanes; }
    TimelineZoom &zoom() { return m_zoom; }
    const TimelineZoom &zoom() const { return m_zoom; }
    const TimelinePainter &timelinePainter() const { return m_painter; }

    //! Lanes, axis and markers \a scale times their normal size (the window's scale, larger in
    //! a room); the text follows the widget's font.
    void setScale(double scale);
    static constexpr int baseLaneHeight = 26;
    static constexpr int baseAxisHeight = 28;
    //! Compact lanes are half as tall, with smaller markers: more tasks fit on the screen.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }
    double scale() const { return m_scale; }

    //! The time up to which open bars grow (the clock's display time during a live run).
    void setCurrentTime(Gatherscope::ScenarioTime time);
    //! A run is going: the now line shows across every lane.
    void setLive(bool live);
    //! The run's clock stands still: PAUSED in large letters over the lanes.
    void setPaused(bool paused);
    bool isLive() const { return m_live; }
    bool isPaused() const { return m_paused; }
    //! Zooms out to show everything that happened, and follows the run again.
    void fitAll();
    //! Selects the marker of event \a eventIndex (on the lane of its task), brought into view;
    //! an event without a marker (a sleep beginning) clears the selection.
    void selectEvent(int eventIndex);
    //! The selected event (index into the record's events()), or -1.
    int selectedEvent() const { return m_selected ? m_selected->marker.eventIndex : -1; }
    std::optional<std::pair<Gatherscope::ScenarioTime, Gatherscope::ScenarioTime>>
    selectedRange() const
    {
        return m_range;
    }
    //! Where "fit everything" ends: the run's horizon, now, or at least one second.
    Gatherscope::ScenarioTime fitEnd() const;
    //! Scrolls the lane of the model's row \a lane into view (the awaiter's always is).
    void scrollToLane(int lane);
    //! The row the lane of the model's row \a lane shows in: 0 for the pinned awaiter, -1 for
    //! a lane not listed.
    int rowOfLane(int lane) const;
    //! The model's row shown in \a row (0: the pinned awaiter).
    int laneOfRow(int row) const;

    //! Does what the timeline key \a shortcut does (zoom at the cursor, pan, fit, step through
    //! events, list the keys); false for a shortcut that is not the timeline's.
    bool handleShortcut(Shortcuts::Id shortcut);

    //! The size a picture of the whole timeline wants (every lane, names, legend).
    QSize pictureSize() const;
    //! Paints the whole timeline, every lane named, into \a target (for PNG, SVG and PDF).
    void paintPicture(QPainter &painter, const QRect &target) const;

Q_SIGNALS:
    void eventSelected(int eventIndex);
    void geometryChanged();
    //! The lanes or the axis changed height (the window's scale, compact lanes).
    void rowHeightsChanged();
    //! Another model is shown.
    void modelChanged();
    //! The time up to which open bars grow moved.
    void nowChanged();
    //! Left (-1) or Right (+1) was pressed: one event back or on in the replay of a run.
    void replayStepAsked(int direction);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
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
        std::size_t index = 0; //!< the marker's place in its lane
    };

    std::optional<Hit> hitTest(QPoint position) const;
    //! The tooltip of the sleep bar at \a position (task, from, to, how long); empty if none.
    QString sleepAt(QPoint position) const;
    QRect ringRect(const Hit &hit) const;
    //! Where the marker of \a hit is drawn, in viewport x (beside others at its instant).
    double markerX(const Hit &hit) const;
    void selectAdjacentEvent(int direction);
    void select(const Hit &hit);
    void updateScrollBars();
    void updateExtent();
    void paintPausedOverlay(QPainter &painter) const;
    void applyRowHeights();
    //! How many rows show: the pinned awaiter and the listed lanes.
    int rowCount() const;

    TimelineModel *m_model = nullptr;
    LaneFilterModel *m_lanes;
    TimelinePainter m_painter;
    TimelineZoom m_zoom;
    std::optional<Hit> m_hover;
    std::optional<Hit> m_selected;
    std::optional<std::pair<Gatherscope::ScenarioTime, Gatherscope::ScenarioTime>> m_range;
    std::optional<QPoint> m_dragFrom;
    bool m_selectingRange = false;
    bool m_live = false;
    bool m_paused = false;
    bool m_compact = false;
    double m_scale = 1;
};
