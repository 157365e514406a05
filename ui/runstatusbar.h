// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runcontroller.h"

#include <QStatusBar>

class QLabel;

//! The window's status bar: the run's state, its scenario time, the selected event and the
//! seed of random sleeps.
class RunStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit RunStatusBar(QWidget *parent = nullptr);

    void showRun(RunController::State state, Gatherscope::ScenarioTime now);
    //! The seed, when the run draws random sleeps; nothing otherwise.
    void showSeed(const QString &seed);
    void showEventDetails(const QString &details);

private:
    QLabel *m_state;
    QLabel *m_time;
    QLabel *m_eventDetails;
    QLabel *m_seed;
};
