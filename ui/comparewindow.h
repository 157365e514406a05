// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QWidget>

#include <array>
#include <functional>
#include <memory>

class QLabel;
class ResultModel;
class ResultsPanel;
class RunSession;
class TimelineModel;
class TimelineWidget;

namespace Gatherscope {
class EventRecord;
class Runner;
} // namespace Gatherscope

//! Two runs one above the other on one time axis (zooming or panning either moves both), each
//! with its results, and the difference in one sentence on top. Its own window, beside the main
//! one.
class CompareWindow : public QWidget {
    Q_OBJECT
public:
    //! One side: what it is called, and its run, ready to start (it runs on the virtual clock)
    //! or already finished (a run file's).
    struct Run {
        QString name;
        std::unique_ptr<Gatherscope::Runner> runner;
    };

    //! \a scenario run twice on the virtual clock, `return_exceptions` False above and True
    //! below, with the same sleeps.
    explicit CompareWindow(const Gatherscope::Scenario &scenario, QWidget *parent = nullptr);
    //! \a above and \a below, any two runs (File ▸ Compare With…).
    CompareWindow(Run above, Run below, QWidget *parent = nullptr);
    ~CompareWindow() override;

    //! The sentence on top, once both runs are over.
    QString difference() const;
    bool isFinished() const { return m_finished == 2; }
    //! The timeline above (of the run with return_exceptions False), or below (\a below).
    TimelineWidget *timeline(bool below) const;

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
    //! \a tell says the difference once both are over.
    CompareWindow(
        std::array<Run, 2> runs, const QString &title,
        std::function<QString(const Gatherscope::EventRecord &, const Gatherscope::EventRecord &)>
            tell,
        QWidget *parent);
    QWidget *makePane(Side &side, const QString &name);
    void start(Side &side, std::unique_ptr<Gatherscope::Runner> runner);
    void sideFinished();

    std::array<Side, 2> m_sides; // [0] above, [1] below
    std::function<QString(const Gatherscope::EventRecord &, const Gatherscope::EventRecord &)>
        m_tell;
    QLabel *m_difference;
    int m_finished = 0;
};
