// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "timelinegeometry.h"

#include <QObject>

//! What part of the run the timeline shows: its TimelineGeometry, fitted to the whole run until
//! a person zooms or pans, and kept within the run after that. Every change says changed().
class TimelineZoom : public QObject {
    Q_OBJECT
public:
    explicit TimelineZoom(QObject *parent = nullptr);

    const TimelineGeometry &geometry() const { return m_geometry; }
    //! True once a person zoomed or panned: the view no longer follows the run by itself.
    bool isUserZoomed() const { return m_userZoomed; }

    //! The plot's width in pixels.
    void setWidth(double width);
    //! A lane's and the axis's height in pixels (larger when the window is scaled).
    void setRowHeights(int lane, int axis);
    //! The run reaches \a end; fitting keeps \a rightRoom pixels after it (for a label). Until
    //! a person zooms, the view follows it.
    void setExtent(Gatherscope::ScenarioTime end, double rightRoom);
    //! Shows the whole run, and follows it again.
    void fitAll();
    //! Shows [\a from, \a to].
    void fitRange(Gatherscope::ScenarioTime from, Gatherscope::ScenarioTime to);
    //! Zooms by \a factor (> 1 zooms in), keeping the time under \a x where it is.
    void zoomAt(double factor, double x);
    //! Moves by \a dx pixels (positive: towards later times).
    void pan(double dx);
    //! Brings \a time into view, centred as far as the run's ends allow, when it is outside;
    //! leaves following as it was.
    void reveal(Gatherscope::ScenarioTime time);
    //! Jumps to \a time, centred: a closer look around it (an eighth of the run) when the whole
    //! run is shown, else the same zoom moved there.
    void centreOn(Gatherscope::ScenarioTime time);
    //! Shows what \a leader shows, from now on: the same start and zoom, kept in step (two
    //! timelines on one time axis; each may follow the other).
    void follow(const TimelineZoom *leader);
    //! Where the run ends, as fitting everything shows it.
    Gatherscope::ScenarioTime end() const { return m_end; }

Q_SIGNALS:
    void changed();

private:
    TimelineGeometry everything() const;
    void userChanged();

    TimelineGeometry m_geometry;
    Gatherscope::ScenarioTime m_end{0};
    double m_rightRoom = 0;
    bool m_userZoomed = false;
};
