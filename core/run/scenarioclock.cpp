// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioclock.h"

#include "pythonerror.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Gatherscope {

ScenarioClock::ScenarioClock(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScenarioClock::timerFired);
    m_wall.start();
    EventLoopQueue::addTimers(this);
}

ScenarioClock::~ScenarioClock()
{
    EventLoopQueue::removeTimers(this);
    // Sleepers outlive the clock only as suspended frames; wake them as cancelled so they
    // unwind instead of leaking or later touching this object.
    cancelAll();
}

void ScenarioClock::cancelAll()
{
    auto entries = std::exchange(m_entries, {});
    auto due = std::exchange(m_due, {});
    for (auto &[key, entry] : entries) {
        if (entry.sleeper)
            entry.sleeper->detachFromClock();
    }
    for (auto &entry : due) {
        if (entry.sleeper)
            entry.sleeper->detachFromClock();
    }
    m_timer.stop();
}

LoopTime ScenarioClock::wallNow() const
{
    return m_anchor + LoopTime(double(m_wall.nsecsElapsed()) / 1e9 * m_speed);
}

LoopTime ScenarioClock::displayLoopTime() const
{
    if (m_mode == Mode::Virtual || m_paused)
        return std::max(m_now, m_anchor);
    auto shown = wallNow();
    if (!m_entries.empty())
        shown = std::min(shown, m_entries.begin()->first.deadline);
    return std::max(shown, m_now);
}

ScenarioTime ScenarioClock::displayTime() const
{
    return secondsToScenarioTime(displayLoopTime().count());
}

void ScenarioClock::catchUp()
{
    m_now = displayLoopTime();
}

ScenarioClock::SleepAwaiter ScenarioClock::sleep(LoopTime duration, std::stop_token token)
{
    return SleepAwaiter(this, duration, std::move(token));
}

ScenarioClock::SleepAwaiter ScenarioClock::sleep(ScenarioTime duration, std::stop_token token)
{
    return sleep(LoopTime(scenarioTimeToSeconds(duration)), std::move(token));
}

void ScenarioClock::block(LoopTime duration)
{
    m_now += std::max(duration, LoopTime(0));
    // Real mode: the wall clock goes on from the block's end, as it does after time.sleep.
    if (m_mode == Mode::Real)
        restartWallAnchor(m_now);
}

ScenarioClock::CallId ScenarioClock::callLater(LoopTime delay, std::function<void()> callback)
{
    const CallId id = m_nextSequence;
    addTimer(m_now + std::max(delay, LoopTime(0)), Entry{std::move(callback), nullptr, id});
    return id;
}

ScenarioClock::CallId ScenarioClock::callAt(ScenarioTime when, std::function<void()> callback)
{
    return callLater(LoopTime(scenarioTimeToSeconds(when)) - m_now, std::move(callback));
}

void ScenarioClock::cancelCall(CallId id)
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [id](const auto &item) {
        return item.first.sequence == id && !item.second.sleeper;
    });
    if (found != m_entries.end()) {
        m_entries.erase(found);
        return;
    }
    // Taken in this iteration but not run yet: asyncio skips a cancelled handle.
    for (auto &entry : m_due) {
        if (!entry.sleeper && entry.id == id)
            entry.callback = nullptr;
    }
}

ScenarioClock::Key ScenarioClock::addTimer(LoopTime deadline, Entry entry)
{
    const Key key{deadline, m_nextSequence++};
    const bool first = m_entries.empty() || key < m_entries.begin()->first;
    m_entries.emplace(key, std::move(entry));
    if (first)
        scheduleIteration();
    return key;
}

void ScenarioClock::removeSleeper(const SleepAwaiter *sleeper)
{
    for (auto &entry : m_due) {
        if (entry.sleeper == sleeper)
            entry.sleeper = nullptr;
    }
}

void ScenarioClock::takeDueTimers(bool nothingReady)
{
    if (m_entries.empty())
        return;
    LoopTime limit = m_now;
    if (m_mode == Mode::Virtual) {
        // asyncio's select() with a timeout: nothing to do until the next timer, so go there.
        if (nothingReady)
            limit = std::max(m_now, m_entries.begin()->first.deadline);
    } else if (!m_paused) {
        limit = std::max(m_now, wallNow());
    }
    while (!m_entries.empty() && m_entries.begin()->first.deadline <= limit) {
        auto node = m_entries.extract(m_entries.begin());
        m_now = std::max(m_now, node.key().deadline);
        if (auto *sleeper = node.mapped().sleeper)
            sleeper->m_state = SleepAwaiter::State::Due;
        m_due.push_back(std::move(node.mapped()));
    }
    if (!m_due.empty() && m_mode == Mode::Real)
        restartWallAnchor(m_now);
}

void ScenarioClock::runDueTimers()
{
    if (!m_due.empty()) {
        // By index: a callback may cancel a sleeper taken with it, or clear everything.
        for (std::size_t i = 0; i < m_due.size(); ++i) {
            Entry &entry = m_due[i];
            if (entry.sleeper)
                std::exchange(entry.sleeper, nullptr)->wake();
            else if (entry.callback)
                std::exchange(entry.callback, nullptr)();
        }
        m_due.clear();
        Q_EMIT advanced(now());
        scheduleIteration();
    } else if (m_mode == Mode::Virtual && !m_entries.empty()) {
        EventLoopQueue::requestIteration(); // time moves on once nothing is ready
    }
}

void ScenarioClock::setSpeed(double speed)
{
    restartWallAnchor(displayLoopTime());
    m_speed = std::clamp(speed, 0.01, 1000.0);
    scheduleIteration();
}

void ScenarioClock::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    restartWallAnchor(displayLoopTime());
    m_paused = paused;
    scheduleIteration();
}

void ScenarioClock::stepToNextEvent()
{
    if (m_entries.empty())
        return;
    m_now = std::max(m_now, m_entries.begin()->first.deadline);
    restartWallAnchor(m_now);
    EventLoopQueue::requestIteration();
}

void ScenarioClock::restartWallAnchor(LoopTime anchor)
{
    m_anchor = anchor;
    m_wall.restart();
}

void ScenarioClock::timerFired()
{
    if (!m_entries.empty() && m_entries.begin()->first.deadline <= wallNow())
        EventLoopQueue::requestIteration();
    else // woke early, or on the way to a distant deadline: wait on
        scheduleIteration();
}

void ScenarioClock::scheduleIteration()
{
    if (m_entries.empty()) {
        m_timer.stop();
        return;
    }
    const LoopTime first = m_entries.begin()->first.deadline;
    if (m_mode == Mode::Virtual || first <= m_now) {
        m_timer.stop();
        EventLoopQueue::requestIteration();
        return;
    }
    if (m_paused) {
        m_timer.stop();
        return;
    }
    const double wallMs = (first - wallNow()).count() * 1000.0 / m_speed;
    constexpr double longestWaitMs = 24.0 * 3600.0 * 1000.0; // well inside QTimer's int
    m_timer.start(int(std::clamp(std::ceil(wallMs), 0.0, longestWaitMs)));
}

ScenarioClock::SleepAwaiter::~SleepAwaiter()
{
    if (!m_clock)
        return;
    if (m_state == State::Scheduled)
        m_clock->m_entries.erase(m_key);
    else if (m_state == State::Due)
        m_clock->removeSleeper(this);
}

void ScenarioClock::SleepAwaiter::await_suspend(std::coroutine_handle<> handle)
{
    m_handle = handle;
    if (m_duration <= LoopTime(0)) {
        // asyncio.sleep(0) is a bare yield: ready again in the next iteration, no timer. A stop
        // requested meanwhile is seen on resumption (await_resume).
        m_state = State::Woken;
        EventLoopQueue::resumeSoon(handle);
        return;
    }
    m_key = m_clock->addTimer(m_clock->m_now + m_duration, Entry{{}, this, 0});
    m_state = State::Scheduled;
    if (m_token.stop_possible())
        m_onStop.emplace(m_token, OnStop{this});
}

void ScenarioClock::SleepAwaiter::await_resume() const
{
    if (m_cancelled || m_token.stop_requested())
        throw CancelledError();
}

void ScenarioClock::SleepAwaiter::wake()
{
    if (m_state != State::Due)
        return; // cancelled after its timer was taken: already resuming
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

void ScenarioClock::SleepAwaiter::cancel()
{
    // A sleeper already woken but not yet resumed is cancelled too (asyncio's _must_cancel).
    m_cancelled = true;
    if (m_state == State::Scheduled)
        m_clock->m_entries.erase(m_key);
    else if (m_state != State::Due)
        return;
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

void ScenarioClock::SleepAwaiter::detachFromClock()
{
    m_clock = nullptr;
    m_cancelled = true;
    if (m_state == State::Woken)
        return; // its resumption is queued already
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

} // namespace Gatherscope
