// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskcontext.h"

namespace Gatherscope {

void TaskContext::record(TaskEvent::Kind kind, ScenarioTime until, QString text) const
{
    TaskEvent event;
    event.time = m_clock->now();
    event.node = m_node;
    event.kind = kind;
    event.until = until;
    event.text = std::move(text);
    m_record->append(std::move(event));
}

void TaskContext::print(const QString &text) const
{
    record(TaskEvent::Kind::Printed, {}, text);
}

QCoro::Task<> TaskContext::sleep(LoopTime duration) const
{
    record(TaskEvent::Kind::Slept, secondsToScenarioTime((m_clock->loopTime() + duration).count()));
    co_await m_clock->sleep(duration, m_token);
    record(TaskEvent::Kind::Woke);
}

void TaskContext::blockLoop(LoopTime duration) const
{
    m_clock->block(duration);
}

} // namespace Gatherscope
