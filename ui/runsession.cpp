// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runsession.h"

#include <algorithm>

using namespace Gatherscope;

RunSession::RunSession(std::initializer_list<RecordFollower *> followers, QObject *parent)
    : QObject(parent)
    , m_followers(followers)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(frameMs);
    connect(&m_frame, &QTimer::timeout, this, &RunSession::flush);
}

void RunSession::flush()
{
    m_frame.stop();
    if (!m_record || m_holding)
        return;
    const auto count = m_record->events().size();
    if (m_shown == count)
        return;
    const int first = int(m_shown);
    m_shown = count;
    for (RecordFollower *follower : m_followers)
        follower->takeEvents(*m_record, first, int(count) - 1);
}

void RunSession::follow(const EventRecord *record, ReportStyle report)
{
    if (m_record)
        disconnect(m_record, nullptr, this, nullptr);
    m_record = record;
    m_report = report;
    m_frame.stop();
    m_holding = m_passNext = m_passInstant = false; // a new run shows what it records
    startOver(record ? record->events().size() : 0);
    if (record) {
        connect(record, &EventRecord::eventRecorded, this, &RunSession::recorded);
        connect(record, &EventRecord::completed, this, &RunSession::flush);
    }
}

void RunSession::replayTo(std::size_t count)
{
    if (!m_record)
        return;
    count = std::min(count, m_record->events().size());
    if (count < m_shown) {
        startOver(count);
    } else if (count > m_shown) {
        const int first = int(m_shown);
        m_shown = count;
        for (RecordFollower *follower : m_followers)
            follower->takeEvents(*m_record, first, int(count) - 1);
    }
}

void RunSession::startOver(std::size_t count)
{
    for (RecordFollower *follower : m_followers) {
        follower->beginFollowing(m_record, m_report);
        for (std::size_t i = 0; i < count; ++i)
            follower->takeEvent(m_record->events()[i], int(i), false);
        follower->caughtUp();
    }
    m_shown = count;
}

void RunSession::setHolding(bool holding)
{
    m_holding = holding;
    if (holding)
        return; // a step asked for just before the pause keeps what it asked for
    m_passNext = m_passInstant = false;
    releaseAll();
}

int RunSession::heldCount() const
{
    return m_record ? int(m_record->events().size() - m_shown) : 0;
}

bool RunSession::releaseNext()
{
    m_passInstant = false;
    if (heldCount() == 0)
        return false;
    showUpTo(m_shown + 1);
    return true;
}

void RunSession::releaseAll()
{
    if (m_record)
        showUpTo(m_record->events().size());
}

void RunSession::recorded()
{
    if (!m_holding) {
        if (!m_frame.isActive())
            m_frame.start();
    } else if (m_passInstant) {
        releaseAll();
    } else if (m_passNext) {
        m_passNext = false;
        releaseNext();
    }
}

void RunSession::showUpTo(std::size_t count)
{
    // Each event in record order, to every model: the models never see one twice or skip one.
    while (m_record && m_shown < count) {
        const std::size_t index = m_shown++;
        const TaskEvent &event = m_record->events()[index];
        for (RecordFollower *follower : m_followers)
            follower->takeEvent(event, int(index), true);
        Q_EMIT eventShown(int(index));
    }
}
