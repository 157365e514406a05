// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "taskcounts.h"

#include <QColor>
#include <QElapsedTimer>
#include <QWidget>

#include <limits>
#include <optional>
#include <utility>
#include <vector>

class TimelineModel;
class TimelineView;

//! The overview above the lanes: the whole run at a glance, as a counter track of how many
//! tasks run, sleep, wait on a worker thread and are done at each moment, with the stretch the
//! lanes show marked.
/*!
 * Always in sight however far the lanes are scrolled. A click jumps the lanes to that moment,
 * a drag shows the stretch dragged over; hovering tells the counts at the pointer.
 */
class OverviewTrack : public QWidget {
    Q_OBJECT
public:
    explicit OverviewTrack(TimelineView *view, QWidget *parent = nullptr);

    static constexpr int baseHeight = 44;
    //! The counts the track draws, as last read.
    const TaskCounts &counts() const { return m_counts; }
    //! The time under x, and the x of a time, in this widget.
    Gatherscope::ScenarioTime timeAt(double x) const;
    double xOf(Gatherscope::ScenarioTime time) const;
    //! The counts line shown in the corner: at now during a run, else at the end.
    QString summary() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Colours {
        QColor running, asleep, working, done;
    };
    Colours seriesColours() const;
    void paintSummary(QPainter &painter, QPointF at) const;
    //! The summary's words, each with the colour of its series (none for the first).
    std::vector<std::pair<QString, QColor>> summaryParts() const;
    //! Reads the events since the last count, at most \a budget of them.
    void readCounts(int budget = std::numeric_limits<int>::max()) const;
    void readCountsForFrame();
    //! A frame in \a ms to read on, unless one is asked for already.
    void scheduleRead(int ms);
    static constexpr int minReadInterval = 100; // ms
    //! A count that read and sorted fewer events and open bars than this (well under a
    //! millisecond) is taken again at every frame of a run, not every minReadInterval.
    static constexpr int dearRead = 20000;
    //! What one frame reads of a run it has not counted yet: a finished run of 100,000 tasks
    //! (600,000 events) fills the track over seven frames of at most 2 ms each, where reading
    //! it in one took 8-10 ms (bench_timeline's BM_OverviewFirstFrames, BM_OverviewFirstRead).
    static constexpr int eventsPerFrame = 100000;
    //! How far the counts are known: now during a run, the last event after it.
    Gatherscope::ScenarioTime knownUntil() const;
    //! What the track spans: from 0 to where fitting everything ends.
    Gatherscope::ScenarioTime span() const;
    static constexpr int margin = 6;

    TimelineView *m_view;
    mutable TaskCounts m_counts;
    mutable bool m_stale = true;
    QElapsedTimer m_lastRead;
    bool m_readScheduled = false;
    std::optional<double> m_pressX;
};
