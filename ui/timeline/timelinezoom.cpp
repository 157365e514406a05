// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinezoom.h"

#include <algorithm>

using Gatherscope::ScenarioTime;

TimelineZoom::TimelineZoom(QObject *parent)
    : QObject(parent)
{}

TimelineGeometry TimelineZoom::everything() const
{
    TimelineGeometry all = m_geometry;
    all.fit(ScenarioTime(0), m_end, m_rightRoom);
    return all;
}

void TimelineZoom::setRowHeights(int lane, int axis)
{
    m_geometry.laneHeight = lane;
    m_geometry.axisHeight = axis;
    Q_EMIT changed();
}

void TimelineZoom::setWidth(double width)
{
    m_geometry.width = width;
    if (m_userZoomed)
        m_geometry.constrainTo(everything());
    else
        m_geometry = everything();
    Q_EMIT changed();
}

void TimelineZoom::setExtent(ScenarioTime end, double rightRoom)
{
    m_end = end;
    m_rightRoom = rightRoom;
    if (!m_userZoomed) {
        m_geometry = everything();
        Q_EMIT changed();
    }
}

void TimelineZoom::fitAll()
{
    m_userZoomed = false;
    m_geometry = everything();
    Q_EMIT changed();
}

void TimelineZoom::fitRange(ScenarioTime from, ScenarioTime to)
{
    m_geometry.fit(from, to);
    userChanged();
}

void TimelineZoom::zoomAt(double factor, double x)
{
    m_geometry.zoom(factor, x);
    userChanged();
}

void TimelineZoom::pan(double dx)
{
    m_geometry.pan(dx);
    userChanged();
}

void TimelineZoom::reveal(ScenarioTime time)
{
    const double x = m_geometry.mapTimeToX(time);
    if (x >= 0 && x <= m_geometry.width)
        return;
    m_geometry.pan(x - m_geometry.width / 2);
    m_geometry.constrainTo(everything()); // centred if it can be, never past the run's ends
    Q_EMIT changed();
}

void TimelineZoom::centreOn(ScenarioTime time)
{
    if (m_userZoomed) {
        m_geometry.pan(m_geometry.mapTimeToX(time) - m_geometry.width / 2);
    } else {
        const ScenarioTime half = std::max(m_end / 16, ScenarioTime(500));
        m_geometry.fit(time - half, time + half);
    }
    userChanged();
}

void TimelineZoom::follow(const TimelineZoom *leader)
{
    connect(leader, &TimelineZoom::changed, this, [this, leader] {
        const TimelineGeometry &shown = leader->geometry();
        // Copied only when it differs: two that follow each other settle at once.
        if (m_geometry.start == shown.start && m_geometry.microsPerPixel == shown.microsPerPixel)
            return;
        m_geometry.start = shown.start;
        m_geometry.microsPerPixel = shown.microsPerPixel;
        m_userZoomed = leader->isUserZoomed();
        Q_EMIT changed();
    });
}

void TimelineZoom::userChanged()
{
    // Zoom and pan stay within the run, as fitting everything shows it.
    m_userZoomed = true;
    m_geometry.constrainTo(everything());
    Q_EMIT changed();
}
