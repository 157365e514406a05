// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"
#include "scenarioclock.h"

#include <qcoro/qcorotask.h>

#include <stop_token>

namespace Gatherscope {

//! What a demo task is given: where to print and sleep, who it is, and its cancellation.
/*!
 * Printing and sleeping go through here so that every line and every sleep is recorded with
 * its scenario time.
 */
class TaskContext {
public:
    TaskContext(EventRecord *record, ScenarioClock *clock, int node, std::stop_token token)
        : m_record(record)
        , m_clock(clock)
        , m_node(node)
        , m_token(std::move(token))
    {}

    //! Python's `print(text)`.
    void print(const QString &text) const;
    //! `await asyncio.sleep(duration)`; raises CancelledError once the token stops.
    QCoro::Task<> sleep(LoopTime duration) const;
    //! `time.sleep(duration)`: holds the event loop (ScenarioClock::block()); never cancelled.
    void blockLoop(LoopTime duration) const;

private:
    void record(TaskEvent::Kind kind, ScenarioTime until = {}, QString text = {}) const;

    EventRecord *m_record;
    ScenarioClock *m_clock;
    int m_node;
    std::stop_token m_token;
};

} // namespace Gatherscope
