// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>

class QWidget;

//! A test-only hook for measuring launch time (`scripts/bench-launch`): with
//! `GATHERSCOPE_EXIT_AFTER_FIRST_PAINT=1` set, the window's first paint ends the program.
/*!
 * When every widget of the first paint has painted (the repaint that the window's first expose
 * starts is one synchronous pass), it prints one line to stdout,
 * `first paint: MS ms after process start, monotonic NS ns`, and quits: MS is measured from the
 * process's start time in /proc/self/stat (10 ms ticks); NS is CLOCK_MONOTONIC, so that the
 * caller can subtract the moment it started the process, to the microsecond.
 */
class FirstPaintExit : public QObject {
public:
    //! True when the environment asks for it.
    static bool isAsked();
    //! Watches \a window (the whole application's paints, for the widgets of \a window).
    explicit FirstPaintExit(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QWidget *m_window;
    bool m_painted = false;
};
