// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioclock.h"

#include "pythonerror.h"

#include <algorithm>
#include <cmath>
#include <functional>
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
    auto entries = std::exchange(m_slots, {});
    auto due = std::exchange(m_due, {});
    m_heap.clear();
    m_freeSlots.clear();
    m_liveTimers = 0;
    for (auto &slot : entries) {
        if (slot.live && slot.entry.sleeper)
            slot.entry.sleeper->detachFromClock();
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
    // Calls are few (the `cancel_after`s): a scan of the slots is enough.
    const auto found = std::find_if(m_slots.begin(), m_slots.end(), [id](const Slot &slot) {
        return slot.live && slot.sequence == id && !slot.entry.sleeper;
    });
    if (found != m_slots.end()) {
        removeTimer(std::uint32_t(found - m_slots.begin()), id);
        return;
    }
    // Taken in this iteration but not run yet: asyncio skips a cancelled handle.
    for (auto &entry : m_due) {
        if (!entry.sleeper && entry.id == id)
            entry.callback = nullptr;
    }
}

ScenarioClock::Added ScenarioClock::addTimer(LoopTime deadline, Entry entry)
{
    const Key key{deadline, m_nextSequence++};
    const auto earliest = firstDeadline();
    const bool first = !earliest || key < m_heap.front().key;
    std::uint32_t slot = 0;
    if (m_freeSlots.empty()) {
        slot = std::uint32_t(m_slots.size());
        m_slots.emplace_back();
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
    }
    m_slots[slot] = Slot{std::move(entry), key.sequence, true};
    ++m_liveTimers;
    m_heap.push_back(Timer{key, slot});
    std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
    if (first)
        scheduleIteration();
    return {key, slot};
}

void ScenarioClock::removeTimer(std::uint32_t slot, CallId sequence)
{
    if (slot >= m_slots.size() || !m_slots[slot].live || m_slots[slot].sequence != sequence)
        return;
    m_slots[slot] = Slot{};
    m_freeSlots.push_back(slot);
    --m_liveTimers;
}

std::optional<LoopTime> ScenarioClock::firstDeadline() const
{
    const auto live = [this](const Timer &timer) {
        const Slot &slot = m_slots[timer.slot];
        return slot.live && slot.sequence == timer.key.sequence;
    };
    while (!m_heap.empty() && !live(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        m_heap.pop_back();
    }
    if (m_heap.empty())
        return std::nullopt;
    return m_heap.front().key.deadline;
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
    for (auto first = earliest; first && *first <= limit; first = firstDeadline()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        const Timer timer = m_heap.back();
        m_heap.pop_back();
        m_now = std::max(m_now, timer.key.deadline);
        Entry entry = std::move(m_slots[timer.slot].entry);
        removeTimer(timer.slot, timer.key.sequence);
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
        m_clock->removeTimer(m_slot, m_key.sequence);
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
    const Added added = m_clock->addTimer(m_clock->m_now + m_duration, Entry{{}, this, 0});
    m_key = added.key;
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
        m_clock->removeTimer(m_slot, m_key.sequence);
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
