// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QWidget>

class QLabel;
class QSlider;
class RunController;
class RunSession;
class TimelineView;

//! The replay scrubber under the timeline: once a run is over, a slider through its events
//! replays it to any moment (the now line, the bars, the results and the console show exactly
//! the state then), and Left/Right on the timeline move it one event at a time.
class ReplayScrubber : public QWidget {
    Q_OBJECT
public:
    ReplayScrubber(RunController *run, RunSession *session, TimelineView *timeline,
                   QWidget *parent = nullptr);

    QSlider *slider() const { return m_slider; }
    //! Moves to the moment after the first \a count events.
    void replayTo(int count);
    //! One event later (+1) or earlier (-1).
    void step(int direction);

private:
    void runFinished();
    void runGone();
    void showWhere();

    RunController *m_run;
    RunSession *m_session;
    TimelineView *m_timeline;
    QSlider *m_slider;
    QLabel *m_where;
};
