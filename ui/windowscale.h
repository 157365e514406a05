// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QFont>
#include <QObject>

class QWidget;
class TimelineView;

//! How large the window draws everything: its fonts (and so every panel, the results and the
//! console) and the timeline's lanes and markers, in steps from 80 % to 300 %, so that the back
//! of a room can read it. Ctrl+= / Ctrl+- / Ctrl+0 in any mode.
class WindowScale : public QObject {
    Q_OBJECT
public:
    static constexpr double steps[] = {0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};
    static constexpr int normalStep = 2;

    //! Scales \a window's font (its children's follow) and \a timeline's rows.
    WindowScale(QWidget *window, TimelineView *timeline);

    double factor() const { return steps[m_step]; }
    //! The nearest step to \a factor.
    void setFactor(double factor);
    void larger();
    void smaller();
    void reset();

Q_SIGNALS:
    void changed(double factor);

private:
    void apply(int step);

    QWidget *m_window;
    TimelineView *m_timeline;
    QFont m_normalFont;
    int m_step = normalStep;
};
