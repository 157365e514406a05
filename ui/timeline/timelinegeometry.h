// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenarioclock.h"

#include <QString>

#include <vector>

//! Time ↔ pixel maths of the timeline: a plain value the view owns and a test can drive.
struct TimelineGeometry {
    Gatherscope::ScenarioTime start{0}; //!< the time at x = 0 of the plot
    double microsPerPixel = 5000;       //!< the zoom: scenario µs per pixel
    double width = 800;                 //!< the plot's width in pixels
    int laneHeight = 26;
    int axisHeight = 28;

    static constexpr double minMicrosPerPixel = 1;   // 1 µs per pixel at most zoom
    static constexpr double maxMicrosPerPixel = 1e7; // 10 s per pixel at least zoom

    double mapTimeToX(Gatherscope::ScenarioTime time) const;
    Gatherscope::ScenarioTime mapXToTime(double x) const;
    //! The time span the plot shows.
    Gatherscope::ScenarioTime duration() const;
    //! Zooms by \a factor (> 1 zooms in) keeping the time under \a anchorX where it is.
    void zoom(double factor, double anchorX);
    //! Moves the window by \a dx pixels (positive: towards later times).
    void pan(double dx);
    //! Shows [\a from, \a to] with a margin on both sides, wider on the right for the labels
    //! drawn after the last event: at least \a rightPixels when the plot is wide enough.
    void fit(Gatherscope::ScenarioTime from, Gatherscope::ScenarioTime to, double rightPixels = 0);
    //! Keeps the plot inside what \a everything shows: zoomed out no further, and panned no
    //! further than its ends.
    void constrainTo(const TimelineGeometry &everything);
    //! The row shown under \a y (plot coordinates), or -1 on the axis. Row 0, the awaiter's
    //! lane, stays pinned under the axis; the rows after it scroll by \a scrollY.
    int laneAtY(double y, int scrollY) const;
    //! The top of row \a row (0 pinned, the others scrolled by \a scrollY).
    int rowY(int row, int scrollY) const;
    //! Where the scrolled rows begin: under the axis and the pinned row.
    int scrolledTop() const { return axisHeight + laneHeight; }

    //! Readable tick spacing (1, 2 or 5 times a power of ten, in µs), at least \a minPixels apart.
    Gatherscope::ScenarioTime tickStep(double minPixels = 90) const;
    //! The ticks that fall inside the plot.
    std::vector<Gatherscope::ScenarioTime> ticks(double minPixels = 90) const;
    //! Every multiple of \a step in [\a from, \a to], in order.
    static std::vector<Gatherscope::ScenarioTime> axisTicks(Gatherscope::ScenarioTime from,
                                                            Gatherscope::ScenarioTime to,
                                                            Gatherscope::ScenarioTime step);
    //! A tick's label: "0 s", "1.5 s", "250 ms", "40 µs", with as many decimals as \a step needs.
    static QString tickLabel(Gatherscope::ScenarioTime time, Gatherscope::ScenarioTime step);
    //! A duration for people: "1.25 s", "300 ms".
    static QString durationText(Gatherscope::ScenarioTime duration);
};
