// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventlist.h"
#include "taskevent.h"

#include <QObject>

#include <vector>

namespace Gatherscope {

//! The append-only record of one run: its task tree and every event, in the order they happened.
/*!
 * Observable live through eventRecorded() (the UI's models listen), complete afterwards.
 */
class EventRecord : public QObject {
    Q_OBJECT
public:
    explicit EventRecord(QObject *parent = nullptr)
        : QObject(parent)
    {}

    //! The run's task tree, depth-first (node 0 is the top-level gather).
    const std::vector<TaskNode> &nodes() const { return m_nodes; }
    //! Every event kept, in order (read back as values: see EventList).
    const EventList &events() const { return m_events; }
    //! Where \a node stands in the scenario file (`tasks[1].tasks[0]`; empty for node 0). Made
    //! when asked: a place per node would take memory as depth × tasks.
    QString placeOf(int node) const;

    void setNodes(std::vector<TaskNode> nodes) { m_nodes = std::move(nodes); }
    //! Makes room for \a count events at once: a run knows about how many it will record, and
    //! growing a vector of 100,000s of events twice over moves each several times.
    void reserveEvents(std::size_t count) { m_events.reserve(count); }
    void append(const TaskEvent &event);
    //! How many events were appended, kept or not.
    std::size_t appendedCount() const { return m_appended; }
    //! Whether append() keeps the events in events() (the default). A headless run that only
    //! prints each event as it comes does not need them, and they are most of a run's memory.
    void setKeepsEvents(bool keeps) { m_keepsEvents = keeps; }
    bool keepsEvents() const { return m_keepsEvents; }

Q_SIGNALS:
    //! \a event was appended as events()[\a index] (the index it would have, when the record
    //! does not keep its events).
    void eventRecorded(const Gatherscope::TaskEvent &event, int index);
    //! Every task has ended: nothing more will be recorded. (Before Runner::finished, so that
    //! whatever shows the record has all of it when the run is said to be over.)
    void completed();

private:
    std::vector<TaskNode> m_nodes;
    EventList m_events;
    std::size_t m_appended = 0;
    bool m_keepsEvents = true;
};

} // namespace Gatherscope
