// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinegeometry.h"

#include <algorithm>
#include <cmath>

using Gatherscope::ScenarioTime;

double TimelineGeometry::mapTimeToX(ScenarioTime time) const
{
    return double((time - start).count()) / microsPerPixel;
}

ScenarioTime TimelineGeometry::mapXToTime(double x) const
{
    return start + ScenarioTime(std::llround(x * microsPerPixel));
}

ScenarioTime TimelineGeometry::duration() const
{
    return ScenarioTime(std::llround(width * microsPerPixel));
}

void TimelineGeometry::zoom(double factor, double anchorX)
{
    const ScenarioTime anchor = mapXToTime(anchorX);
    microsPerPixel = std::clamp(microsPerPixel / factor, minMicrosPerPixel, maxMicrosPerPixel);
    start = anchor - ScenarioTime(std::llround(anchorX * microsPerPixel));
}

void TimelineGeometry::pan(double dx)
{
    start += ScenarioTime(std::llround(dx * microsPerPixel));
}

void TimelineGeometry::fit(ScenarioTime from, ScenarioTime to, double rightPixels)
{
    const auto span = std::max<std::int64_t>((to - from).count(), 1000); // at least 1 ms
    const double plotWidth = std::max(width, 1.0);
    // A little room on the left, more on the right for the labels drawn after the last event.
    const double left = double(span) * 0.03;
    double perPixel = (double(span) + left + double(span) * 0.16) / plotWidth;
    if (double(span) * 0.16 / perPixel < rightPixels && plotWidth > 2 * rightPixels)
        perPixel = (double(span) + left) / (plotWidth - rightPixels);
    microsPerPixel = std::clamp(perPixel, minMicrosPerPixel, maxMicrosPerPixel);
    start = from - ScenarioTime(std::llround(left));
}

void TimelineGeometry::constrainTo(const TimelineGeometry &everything)
{
    if (microsPerPixel >= everything.microsPerPixel) {
        microsPerPixel = everything.microsPerPixel;
        start = everything.start;
        return;
    }
    const ScenarioTime last = everything.start + everything.duration() - duration();
    start = std::clamp(start, everything.start, std::max(last, everything.start));
}

int TimelineGeometry::laneAtY(double y, int scrollY) const
{
    if (y < axisHeight)
        return -1;
    if (y < scrolledTop())
        return 0;
    return int(std::floor((y - axisHeight + scrollY) / laneHeight));
}

int TimelineGeometry::rowY(int row, int scrollY) const
{
    return row == 0 ? axisHeight : axisHeight + row * laneHeight - scrollY;
}

ScenarioTime TimelineGeometry::tickStep(double minPixels) const
{
    const double minimum = minPixels * microsPerPixel;
    double power = std::pow(10.0, std::floor(std::log10(std::max(minimum, 1.0))));
    for (;;) {
        for (double mantissa : {1.0, 2.0, 5.0}) {
            if (mantissa * power >= minimum)
                return ScenarioTime(std::llround(mantissa * power));
        }
        power *= 10;
    }
}

std::vector<ScenarioTime> TimelineGeometry::ticks(double minPixels) const
{
    return axisTicks(start, start + duration(), tickStep(minPixels));
}

std::vector<ScenarioTime> TimelineGeometry::axisTicks(ScenarioTime from, ScenarioTime to,
                                                      ScenarioTime step)
{
    std::vector<ScenarioTime> result;
    const auto size = step.count();
    if (size <= 0 || to < from)
        return result;
    // floor division, so that ticks left of zero land on multiples too
    auto first = from.count() / size * size;
    if (first < from.count())
        first += size;
    for (auto t = first; t <= to.count(); t += size)
        result.push_back(ScenarioTime(t));
    return result;
}

QString TimelineGeometry::tickLabel(ScenarioTime time, ScenarioTime step)
{
    const auto micros = time.count();
    if (step.count() >= 100000 || micros == 0) {
        const int decimals = step.count() >= 1000000 ? 0 : 1;
        return QStringLiteral("%1 s").arg(double(micros) / 1e6, 0, 'f', decimals);
    }
    if (step.count() >= 1000)
        return QStringLiteral("%1 ms").arg(double(micros) / 1e3, 0, 'f', 0);
    return QStringLiteral("%1 µs").arg(micros);
}

QString TimelineGeometry::durationText(ScenarioTime duration)
{
    const auto micros = duration.count();
    if (std::abs(micros) >= 1000000)
        return QStringLiteral("%1 s").arg(double(micros) / 1e6, 0, 'g', 6);
    if (std::abs(micros) >= 1000)
        return QStringLiteral("%1 ms").arg(double(micros) / 1e3, 0, 'g', 6);
    return QStringLiteral("%1 µs").arg(micros);
}
