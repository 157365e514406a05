#include "scenarioclock.h"

#include "eventloopqueue.h"
#include "pythonerror.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace Gatherscope {

ScenarioTime secondsToScenarioTime(double seconds)
{
    return ScenarioTime(std::llround(seconds * 1e6));
}

double scenarioTimeToSeconds(ScenarioTime time)
{
    return double(time.count()) / 1e6;
}

ScenarioClock::ScenarioClock(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ScenarioClock::timerFired);
    m_wall.start();
}

ScenarioClock::~ScenarioClock()
{
    // Sleepers outlive the clock only as suspended frames; wake them as cancelled so they
    // unwind instead of leaking or later touching this object.
    cancelAll();
}

void ScenarioClock::cancelAll()
{
    auto entries = std::exchange(m_entries, {});
    for (auto &[key, entry] : entries) {
        if (entry.sleeper)
            entry.sleeper->detachFromClock();
    }
    m_timer.stop();
}

ScenarioTime ScenarioClock::displayTime() const
{
    if (m_mode == Mode::Virtual || m_paused)
        return std::max(m_now, m_anchor);
    const auto elapsed =
        ScenarioTime(std::llround(double(m_wall.nsecsElapsed()) / 1000.0 * m_speed));
    auto shown = m_anchor + elapsed;
    if (!m_entries.empty())
        shown = std::min(shown, m_entries.begin()->first.deadline);
    return std::max(shown, m_now);
}

void ScenarioClock::catchUp()
{
    m_now = displayTime();
}

ScenarioClock::SleepAwaiter ScenarioClock::sleep(ScenarioTime duration, std::stop_token token)
{
    return SleepAwaiter(this, duration, std::move(token));
}

ScenarioClock::CallId ScenarioClock::callAt(ScenarioTime when, std::function<void()> callback)
{
    const Key key{std::max(when, m_now), Kind::Call, m_nextSequence++};
    m_entries.emplace(key, Entry{std::move(callback), nullptr});
    scheduleAdvance();
    return key.sequence;
}

void ScenarioClock::cancelCall(CallId id)
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [id](const auto &item) {
        return item.first.sequence == id && item.first.kind == Kind::Call;
    });
    if (found != m_entries.end())
        m_entries.erase(found);
}

ScenarioClock::Key ScenarioClock::addSleeper(ScenarioTime duration, SleepAwaiter *sleeper)
{
    const Key key{m_now + duration, Kind::Wake, m_nextSequence++};
    m_entries.emplace(key, Entry{{}, sleeper});
    scheduleAdvance();
    return key;
}

void ScenarioClock::removeSleeper(const Key &key)
{
    m_entries.erase(key);
}

void ScenarioClock::setSpeed(double speed)
{
    restartWallAnchor(displayTime());
    m_speed = std::clamp(speed, 0.01, 1000.0);
    scheduleAdvance();
}

void ScenarioClock::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    restartWallAnchor(displayTime());
    m_paused = paused;
    scheduleAdvance();
}

void ScenarioClock::stepToNextEvent()
{
    if (m_entries.empty())
        return;
    handleNextInstant();
}

void ScenarioClock::restartWallAnchor(ScenarioTime anchor)
{
    m_anchor = anchor;
    m_wall.restart();
}

void ScenarioClock::handleNextInstant()
{
    if (m_entries.empty())
        return;
    const ScenarioTime instant = m_entries.begin()->first.deadline;
    m_now = instant;
    restartWallAnchor(instant);
    // Entries added for this same instant while handling it are handled in this pass too.
    while (!m_entries.empty() && m_entries.begin()->first.deadline == instant) {
        auto node = m_entries.extract(m_entries.begin());
        if (auto *sleeper = node.mapped().sleeper)
            sleeper->wake();
        else
            node.mapped().callback();
    }
    Q_EMIT advanced(instant);
    scheduleAdvance();
}

void ScenarioClock::timerFired()
{
    if (m_timerCapped) // woke on the way to a distant deadline: wait on
        scheduleAdvance();
    else
        handleNextInstant();
}

void ScenarioClock::scheduleAdvance()
{
    if (m_mode == Mode::Virtual) {
        if (m_advancePosted || m_entries.empty())
            return;
        m_advancePosted = true;
        QMetaObject::invokeMethod(this, &ScenarioClock::advanceVirtual, Qt::QueuedConnection);
        return;
    }
    if (m_paused || m_entries.empty()) {
        m_timer.stop();
        return;
    }
    const auto ahead = m_entries.begin()->first.deadline - m_anchor;
    const double wallMs = double(ahead.count()) / 1000.0 / m_speed - double(m_wall.elapsed());
    constexpr double longestWaitMs = 24.0 * 3600.0 * 1000.0; // well inside QTimer's int
    m_timerCapped = wallMs > longestWaitMs;
    m_timer.start(int(std::clamp(std::ceil(wallMs), 0.0, longestWaitMs)));
}

void ScenarioClock::advanceVirtual()
{
    m_advancePosted = false;
    // Virtual time may only jump when nothing is ready to run at the current instant.
    if (EventLoopQueue::pendingCount() > 0) {
        scheduleAdvance();
        return;
    }
    handleNextInstant();
}

ScenarioClock::SleepAwaiter::~SleepAwaiter()
{
    if (m_state == State::Scheduled && m_clock)
        m_clock->removeSleeper(m_key);
}

void ScenarioClock::SleepAwaiter::await_suspend(std::coroutine_handle<> handle)
{
    m_handle = handle;
    m_key = m_clock->addSleeper(m_duration, this);
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
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

void ScenarioClock::SleepAwaiter::cancel()
{
    // A sleeper already woken but not yet resumed is cancelled too (asyncio's _must_cancel).
    m_cancelled = true;
    if (m_state != State::Scheduled)
        return;
    m_clock->removeSleeper(m_key);
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

void ScenarioClock::SleepAwaiter::detachFromClock()
{
    m_clock = nullptr;
    m_cancelled = true;
    m_state = State::Woken;
    EventLoopQueue::resumeSoon(m_handle);
}

} // namespace Gatherscope
