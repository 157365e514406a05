// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runsession.h"
#include "timelinedata.h"

#include <QAbstractListModel>
#include <QPointer>

#include <optional>
#include <vector>

//! The lanes of a run's timeline, built from its record and updated live. Paints nothing.
/*!
 * Row 0 is the awaiter of the top-level gather; then one row per task, depth-first, a nested
 * gather's tasks right after it with their depth one higher. A RunSession feeds it.
 */
class TimelineModel : public QAbstractListModel, public RecordFollower {
    Q_OBJECT
public:
    enum Roles { LaneRole = Qt::UserRole, DepthRole, NodeRole };

    explicit TimelineModel(QObject *parent = nullptr);

    void beginFollowing(const Gatherscope::EventRecord *record,
                        Gatherscope::ReportStyle report) override;
    void takeEvent(const Gatherscope::TaskEvent &event, int index, bool live) override;
    void caughtUp() override;
    void takeEvents(const Gatherscope::EventRecord &record, int first, int last) override;

    int laneCount() const { return int(m_lanes.size()); }
    const TimelineLane &lane(int row) const { return m_lanes[std::size_t(row)]; }
    //! When the top-level gather returned or raised, once it has.
    std::optional<Gatherscope::ScenarioTime> settleTime() const { return m_settleTime; }
    bool gatherRaised() const { return m_raised; }
    //! What the top-level gather raised ("ZeroDivisionError"), empty otherwise.
    QString raisedType() const { return m_raisedType; }
    //! The time of the latest event.
    Gatherscope::ScenarioTime endTime() const { return m_endTime; }
    //! How far the run is known to reach: the latest event, or the latest wake-up a sleep
    //! still under way waits for. A live view fits this, so that bars grow towards it.
    Gatherscope::ScenarioTime horizon() const;
    //! True once an event of the run has come: before, the lanes show only what is planned.
    bool hasStarted() const { return m_eventCount > 0; }
    //! The run shown (null: none), and how many of its events the lanes show (its first ones).
    const Gatherscope::EventRecord *record() const { return m_record; }
    int eventCount() const { return m_eventCount; }
    //! Changes each time the lanes start over (another run, or the same replayed from the
    //! start): what was read of the lanes before is no longer theirs.
    int generation() const { return m_generation; }
    //! What \a marker of a lane says: "started", a printed line, "returned 'Ada is done'"...
    QString markerText(const TimelineMarker &marker) const;
    //! Every marker's time, sorted, for moving to the next or previous event.
    std::vector<Gatherscope::ScenarioTime> eventTimes() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

Q_SIGNALS:
    //! Anything on any lane changed.
    void timelineChanged();

private:
    void apply(const Gatherscope::TaskEvent &event, int eventIndex);
    void closeOpen(TimelineLane &lane, Gatherscope::ScenarioTime time);
    //! Drops from the top of m_plannedWakes the wake-ups of sleeps no longer open.
    void dropPastWakes();

    //! A sleep still open on a lane, and the wake-up it waits for.
    struct PlannedWake {
        Gatherscope::ScenarioTime until;
        int lane;
        bool operator<(const PlannedWake &other) const { return until < other.until; }
    };

    QPointer<const Gatherscope::EventRecord> m_record; //!< what the markers' events are in
    std::vector<TimelineLane> m_lanes;
    std::optional<Gatherscope::ScenarioTime> m_settleTime;
    bool m_raised = false;
    QString m_raisedType;
    Gatherscope::ScenarioTime m_endTime{0};
    Gatherscope::ScenarioTime m_plannedEnd{0}; //!< the longest planned sleep
    int m_eventCount = 0;
    int m_generation = 0;
    //! A max-heap of the wake-ups planned, its top always a sleep still open: a wake-up taken
    //! off only when it reaches the top, so that 10,000 sleeps cost no node each.
    std::vector<PlannedWake> m_plannedWakes;
};
