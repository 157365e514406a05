// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioclock.h"

#include "pythonerror.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
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
    auto taken = std::exchange(m_slots, {});
    auto due = std::exchange(m_due, {});
    m_queue.clear();
    m_freeSlots.clear();
    m_calls.clear();
    m_liveTimers = 0;
    for (const Slot &slot : taken) {
        if (slot.sequence != Slot::free && slot.sleeper)
            slot.sleeper->detachFromClock();
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
    if (const auto first = firstDeadline())
        shown = std::min(shown, *first);
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
    const Added added = addTimer(m_now + std::max(delay, LoopTime(0)), nullptr);
    m_calls.emplace(added.sequence, Call{added.slot, std::move(callback)});
    return added.sequence;
}

ScenarioClock::CallId ScenarioClock::callAt(ScenarioTime when, std::function<void()> callback)
{
    return callLater(LoopTime(scenarioTimeToSeconds(when)) - m_now, std::move(callback));
}

void ScenarioClock::cancelCall(CallId id)
{
    if (const auto found = m_calls.find(id); found != m_calls.end()) {
        removeTimer(found->second.slot, id);
        return;
    }
    // Taken in this iteration but not run yet: asyncio skips a cancelled handle.
    for (auto &entry : m_due) {
        if (!entry.sleeper && entry.id == id)
            entry.callback = nullptr;
    }
}

ScenarioClock::Added ScenarioClock::addTimer(LoopTime deadline, SleepAwaiter *sleeper)
{
    std::uint32_t slot = 0;
    if (m_freeSlots.empty()) {
        if (m_slots.size() >= std::size_t(1) << Timer::slotBits)
            throw std::length_error("more timers at once than a scenario clock holds");
        slot = std::uint32_t(m_slots.size());
        m_slots.emplace_back();
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    }
    const CallId sequence = m_nextSequence++;
    const Timer timer{deadline, sequence << Timer::slotBits | slot};
    const auto earliest = firstDeadline();
    const bool first = !earliest || m_queue.top() > timer;
    m_slots[slot] = Slot{sleeper, sequence};
    ++m_liveTimers;
    m_queue.push(timer);
    if (first)
        scheduleIteration();
    return {sequence, slot};
}

void ScenarioClock::removeTimer(std::uint32_t slot, CallId sequence)
{
    if (slot >= m_slots.size() || m_slots[slot].sequence != sequence)
        return;
    if (!m_slots[slot].sleeper)
        m_calls.erase(sequence);
    m_slots[slot] = Slot{};
    m_freeSlots.push_back(slot);
    --m_liveTimers;
}

bool ScenarioClock::isLive(const Timer &timer) const
{
    return m_slots[timer.slot()].sequence == timer.sequence();
}

std::optional<LoopTime> ScenarioClock::firstDeadline() const
{
    while (!m_queue.empty() && !isLive(m_queue.top()))
        m_queue.pop();
    if (m_queue.empty())
        return std::nullopt;
    return m_queue.top().deadline;
}

void ScenarioClock::removeSleeper(const SleepAwaiter *sleeper)
{
    for (auto &entry : m_due) {
        if (entry.sleeper == sleeper)
            entry.sleeper = nullptr;
    }
}

void ScenarioClock::prefetchAhead() const
{
    // A million sleepers of a large run are far apart in memory, and each turn reaches one
    // sleeper's slot and then its coroutine frame. Asked for two turns ahead, they are here
    // when wanted: the slot of the timer after the top, and the frame of the top's sleeper,
    // whose slot was asked for a turn ago.
    if (m_queue.empty())
        return;
    if (SleepAwaiter *next = m_slots[m_queue.top().slot()].sleeper)
        __builtin_prefetch(next);
    if (const Timer *second = m_queue.second())
        __builtin_prefetch(&m_slots[second->slot()]);
}

void ScenarioClock::takeDueTimers(bool nothingReady)
{
    const auto earliest = firstDeadline();
    if (!earliest)
        return;
    LoopTime limit = m_now;
    if (m_mode == Mode::Virtual) {
        // asyncio's select() with a timeout: nothing to do until the next timer, so go there.
        if (nothingReady)
            limit = std::max(m_now, *earliest);
    } else if (!m_paused) {
        limit = std::max(m_now, wallNow());
    }
    while (!m_queue.empty() && m_queue.top().deadline <= limit) {
        const Timer timer = m_queue.top();
        m_queue.pop();
        prefetchAhead();
        if (!isLive(timer))
            continue; // removed: skipped now that it came to the top
        m_now = std::max(m_now, timer.deadline);
        Entry entry{{}, m_slots[timer.slot()].sleeper, timer.sequence()};
        if (!entry.sleeper) // a callLater(): its slot is live, so its call is there
            entry.callback = std::move(m_calls.find(timer.sequence())->second.callback);
        removeTimer(timer.slot(), timer.sequence());
        if (entry.sleeper)
            entry.sleeper->m_state = SleepAwaiter::State::Due;
        m_due.push_back(std::move(entry));
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
    } else if (m_mode == Mode::Virtual && m_liveTimers > 0) {
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
    const auto first = firstDeadline();
    if (!first)
        return;
    m_now = std::max(m_now, *first);
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
    if (const auto first = firstDeadline(); first && *first <= wallNow())
        EventLoopQueue::requestIteration();
    else // woke early, or on the way to a distant deadline: wait on
        scheduleIteration();
}

void ScenarioClock::scheduleIteration()
{
    const auto earliest = firstDeadline();
    if (!earliest) {
        m_timer.stop();
        return;
    }
    const LoopTime first = *earliest;
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
        m_clock->removeTimer(m_slot, m_sequence);
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
    const Added added = m_clock->addTimer(m_clock->m_now + m_duration, this);
    m_sequence = added.sequence;
    m_slot = added.slot;
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
        m_clock->removeTimer(m_slot, m_sequence);
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
