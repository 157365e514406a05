// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "eventrecord.h"

#include <QStringList>

namespace Gatherscope {

QString eventKindName(TaskEvent::Kind kind)
{
    switch (kind) {
    case TaskEvent::Kind::Started:
        return QStringLiteral("started");
    case TaskEvent::Kind::Printed:
        return QStringLiteral("printed");
    case TaskEvent::Kind::Slept:
        return QStringLiteral("slept");
    case TaskEvent::Kind::Woke:
        return QStringLiteral("woke");
    case TaskEvent::Kind::Computing:
        return QStringLiteral("computing");
    case TaskEvent::Kind::Returned:
        return QStringLiteral("returned");
    case TaskEvent::Kind::Raised:
        return QStringLiteral("raised");
    case TaskEvent::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case TaskEvent::Kind::GatherStarted:
        return QStringLiteral("gather started");
    case TaskEvent::Kind::GatherReturned:
        return QStringLiteral("gather returned");
    case TaskEvent::Kind::GatherRaised:
        return QStringLiteral("gather raised");
    }
    return {};
}

void EventRecord::append(const TaskEvent &event)
{
    const int index = int(m_appended++);
    if (!m_keepsEvents) {
        Q_EMIT eventRecorded(event, index);
        return;
    }
    m_events.append(event);
    Q_EMIT eventRecorded(event, index);
}

QString EventRecord::placeOf(int node) const
{
    QStringList steps;
    for (int id = node; id > 0; id = m_nodes[std::size_t(id)].parent)
        steps.prepend(QStringLiteral("tasks[%1]").arg(m_nodes[std::size_t(id)].position));
    return steps.join(u'.');
}

} // namespace Gatherscope
