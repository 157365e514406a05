// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QWidget>

#include <array>
#include <memory>

class QLabel;
class ResultModel;
class ResultsPanel;
class RunSession;
class TimelineModel;
class TimelineWidget;

namespace Gatherscope {
class Runner;
}

//! One scenario run twice on the virtual clock, `return_exceptions` False above and True below,
//! on one time axis (zooming or panning either moves both), each with its results, and the
//! difference in one sentence on top. Its own window, beside the main one.
class CompareWindow : public QWidget {
    Q_OBJECT
public:
    explicit CompareWindow(const Gatherscope::Scenario &scenario, QWidget *parent = nullptr);
    ~CompareWindow() override;

    //! The sentence on top, once both runs are over.
    QString difference() const;
    bool isFinished() const { return m_finished == 2; }
    //! The timeline of the run with return_exceptions \a returnExceptions.
    TimelineWidget *timeline(bool returnExceptions) const;

Q_SIGNALS:
    //! Both runs are over and the difference is told.
    void finished();

private:
    struct Side {
        std::unique_ptr<Gatherscope::Runner> runner;
        TimelineModel *timeline = nullptr;
        ResultModel *results = nullptr;
        RunSession *session = nullptr;
        TimelineWidget *widget = nullptr;
    };
    QWidget *makePane(Side &side, bool returnExceptions);
    void start(Side &side, const Gatherscope::Scenario &scenario, bool returnExceptions,
               std::optional<std::uint64_t> seed);
    void sideFinished();

    std::array<Side, 2> m_sides; // [0]: return_exceptions False, [1]: True
    QLabel *m_difference;
    int m_finished = 0;
};
