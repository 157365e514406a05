// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "windowscale.h"

#include "timelineview.h"

#include <QWidget>

#include <algorithm>
#include <cmath>
#include <iterator>

WindowScale::WindowScale(QWidget *window, TimelineView *timeline)
    : QObject(window)
    , m_window(window)
    , m_timeline(timeline)
    , m_normalFont(window->font())
{}

void WindowScale::setFactor(double factor)
{
    const auto nearest =
        std::min_element(std::begin(steps), std::end(steps), [&](double a, double b) {
            return std::abs(a - factor) < std::abs(b - factor);
        });
    apply(int(nearest - std::begin(steps)));
}

void WindowScale::larger()
{
    apply(std::min(m_step + 1, int(std::size(steps)) - 1));
}

void WindowScale::smaller()
{
    apply(std::max(m_step - 1, 0));
}

void WindowScale::reset()
{
    apply(normalStep);
}

void WindowScale::apply(int step)
{
    if (step == m_step)
        return;
    m_step = step;
    QFont font = m_normalFont;
    if (m_normalFont.pointSizeF() > 0)
        font.setPointSizeF(m_normalFont.pointSizeF() * factor());
    else // a font given in pixels
        font.setPixelSize(int(std::lround(m_normalFont.pixelSize() * factor())));
    // The window's font reaches every child widget that does not set its own; a font set on
    // one of them (a bold caption) is relative to it, so it grows too.
    m_window->setFont(font);
    m_timeline->setScale(factor());
    Q_EMIT changed(factor());
}
