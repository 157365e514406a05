// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runsession.h"

using namespace Gatherscope;

RunSession::RunSession(std::initializer_list<RecordFollower *> followers, QObject *parent)
    : QObject(parent)
    , m_followers(followers)
{}

void RunSession::follow(const EventRecord *record, ReportStyle report)
{
    if (m_record)
        disconnect(m_record, nullptr, this, nullptr);
    m_record = record;
    for (RecordFollower *follower : m_followers) {
        follower->beginFollowing(record, report);
        if (record) {
            const auto &events = record->events();
            for (std::size_t i = 0; i < events.size(); ++i)
                follower->takeEvent(events[i], int(i), false);
        }
        follower->caughtUp();
    }
    if (record) {
        connect(record, &EventRecord::eventRecorded, this,
                [this](const TaskEvent &event, int index) {
                    for (RecordFollower *follower : m_followers)
                        follower->takeEvent(event, index, true);
                });
    }
}
