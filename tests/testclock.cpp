// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "testclock.h"

#include "gathererrors.h"

#include <utility>

namespace GatherscopeTest {

TestClock::TestClock()
{
    Gatherscope::EventLoopQueue::addTimers(this);
}

TestClock::~TestClock()
{
    Gatherscope::EventLoopQueue::removeTimers(this);
    auto timers = std::exchange(m_timers, {});
    auto due = std::exchange(m_due, {});
    for (auto &[key, entry] : timers) {
        if (entry.sleeper)
            entry.sleeper->end(true);
    }
    for (auto &entry : due) {
        if (entry.sleeper)
            entry.sleeper->end(true);
    }
}

TestClock::Sleep TestClock::sleep(double seconds, std::stop_token token)
{
    return Sleep(this, seconds, std::move(token));
}

void TestClock::callAt(double when, std::function<void()> callback)
{
    add(when, Entry{std::move(callback), nullptr});
}

TestClock::Key TestClock::add(double when, Entry entry)
{
    const Key key{when, m_nextOrder++};
    m_timers.emplace(key, std::move(entry));
    Gatherscope::EventLoopQueue::requestIteration();
    return key;
}

void TestClock::takeDueTimers(bool nothingReady)
{
    if (m_timers.empty())
        return;
    if (nothingReady)
        m_now = std::max(m_now, m_timers.begin()->first.first);
    while (!m_timers.empty() && m_timers.begin()->first.first <= m_now)
        m_due.push_back(std::move(m_timers.extract(m_timers.begin()).mapped()));
}

void TestClock::runDueTimers()
{
    // By index: a call may cancel a sleep taken with it.
    for (std::size_t i = 0; i < m_due.size(); ++i) {
        if (Sleep *sleeper = std::exchange(m_due[i].sleeper, nullptr))
            sleeper->end(false);
        else if (m_due[i].callback)
            std::exchange(m_due[i].callback, nullptr)();
    }
    m_due.clear();
    if (!m_timers.empty())
        Gatherscope::EventLoopQueue::requestIteration();
}

void TestClock::Sleep::await_suspend(std::coroutine_handle<> handle)
{
    m_handle = handle;
    m_key = m_clock->add(m_clock->m_now + m_seconds, Entry{{}, this});
    if (m_token.stop_possible())
        m_onStop.emplace(m_token, OnStop{this});
}

void TestClock::Sleep::await_resume() const
{
    if (m_cancelled || m_token.stop_requested())
        throw Gatherscope::CancelledError();
}

void TestClock::Sleep::end(bool cancelled)
{
    if (std::exchange(m_done, true))
        return; // ended already: cancelled after its timer was taken, or the other way round
    m_cancelled = cancelled;
    m_clock->m_timers.erase(m_key);
    for (auto &entry : m_clock->m_due) {
        if (entry.sleeper == this)
            entry.sleeper = nullptr;
    }
    Gatherscope::EventLoopQueue::resumeSoon(m_handle);
}

} // namespace GatherscopeTest
