#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <compare>
#include <coroutine>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stop_token>

namespace Gatherscope {

//! Time inside a scenario, counted from the start of the run.
using ScenarioTime = std::chrono::microseconds;

//! Converts seconds (as scenario files write them) to scenario time, rounded to a microsecond.
ScenarioTime secondsToScenarioTime(double seconds);
//! Converts scenario time to seconds.
double scenarioTimeToSeconds(ScenarioTime time);

//! The one clock every sleep of a run goes through.
/*!
 * In **virtual** mode time jumps to the next deadline as soon as nothing else is ready, so a
 * three-second scenario finishes in milliseconds and always in the same order. In **real**
 * mode deadlines follow wall time times a speed factor, and the clock can be paused, resumed
 * and stepped to its next event.
 *
 * However many tasks sleep, the clock keeps one ordered map of deadlines and (in real mode)
 * one QTimer: Qt 6.4 keeps active timers in a sorted list, so one QTimer per sleeper costs
 * quadratic time.
 *
 * Order at one instant: scheduled calls (cancellations, timeouts) run before sleepers wake,
 * and sleepers wake in the order they went to sleep. Wake-ups go through the EventLoopQueue,
 * so a cancellation applied at the same instant reaches its task first, as in asyncio.
 */
class ScenarioClock : public QObject {
    Q_OBJECT
public:
    enum class Mode { Virtual, Real };
    using CallId = std::uint64_t;

    class SleepAwaiter;

    explicit ScenarioClock(Mode mode = Mode::Virtual, QObject *parent = nullptr);
    //! Cancels every sleeper still waiting: each sees CancelledError on its next resumption.
    ~ScenarioClock() override;

    Mode mode() const { return m_mode; }
    //! The time of the latest instant the clock has reached; events are stamped with it.
    ScenarioTime now() const { return m_now; }
    //! In real mode, the continuous time between two instants (for growing bars in a view).
    ScenarioTime displayTime() const;
    //! Real mode: makes the continuous time the current instant, so that what a person does
    //! now (cancel the run) is stamped with the moment it happened, not the last deadline.
    void catchUp();

    //! Awaitable: sleeps \a duration of scenario time; raises CancelledError once \a token stops.
    SleepAwaiter sleep(ScenarioTime duration, std::stop_token token = {});
    //! Calls \a callback when the clock reaches \a when (or at the next instant if that is past).
    CallId callAt(ScenarioTime when, std::function<void()> callback);
    //! Forgets a call scheduled with callAt(); does nothing when it already ran.
    void cancelCall(CallId id);
    //! Forgets every scheduled call and wakes every sleeper with CancelledError.
    void cancelAll();

    //! True while anything waits on the clock.
    bool hasPending() const { return !m_entries.empty(); }
    //! Number of sleepers and calls waiting.
    std::size_t pendingCount() const { return m_entries.size(); }

    double speed() const { return m_speed; }
    //! Real mode: scenario seconds per wall-clock second (e.g. 0.25 to 8).
    void setSpeed(double speed);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    //! Jumps to the next instant at once and handles it (paused or not).
    void stepToNextEvent();

Q_SIGNALS:
    //! The clock reached \a now and handled everything due then.
    void advanced(Gatherscope::ScenarioTime now);

private:
    enum class Kind { Call, Wake }; // calls first at one instant
    struct Key {
        ScenarioTime deadline;
        Kind kind;
        CallId sequence;
        auto operator<=>(const Key &) const = default;
    };
    struct Entry {
        std::function<void()> callback;
        SleepAwaiter *sleeper = nullptr;
    };

    Key addSleeper(ScenarioTime duration, SleepAwaiter *sleeper);
    void removeSleeper(const Key &key);
    void handleNextInstant();
    void timerFired();
    void scheduleAdvance();
    void advanceVirtual();
    void restartWallAnchor(ScenarioTime anchor);

    Mode m_mode;
    ScenarioTime m_now{0};
    std::map<Key, Entry> m_entries;
    CallId m_nextSequence = 0;
    bool m_advancePosted = false;

    // Real mode: the scenario time at which the wall clock last started counting.
    QTimer m_timer;
    QElapsedTimer m_wall;
    ScenarioTime m_anchor{0};
    double m_speed = 1.0;
    bool m_paused = false;
    bool m_timerCapped = false; // the next deadline is further away than one timer can wait

    friend class SleepAwaiter;
};

//! What `co_await clock.sleep(d, token)` suspends on.
class ScenarioClock::SleepAwaiter {
public:
    SleepAwaiter(ScenarioClock *clock, ScenarioTime duration, std::stop_token token)
        : m_clock(clock)
        , m_duration(duration)
        , m_token(std::move(token))
    {}
    //! Movable only before it suspends (coroutine machinery may move the awaitable in).
    SleepAwaiter(SleepAwaiter &&other) noexcept
        : m_clock(other.m_clock)
        , m_duration(other.m_duration)
        , m_token(std::move(other.m_token))
    {}
    SleepAwaiter &operator=(SleepAwaiter &&) = delete;
    ~SleepAwaiter();

    bool await_ready() const noexcept { return m_token.stop_requested(); }
    void await_suspend(std::coroutine_handle<> handle);
    void await_resume() const;

private:
    friend class ScenarioClock;
    enum class State { Idle, Scheduled, Woken };
    struct OnStop {
        SleepAwaiter *self;
        void operator()() const noexcept { self->cancel(); }
    };

    void wake();            // the deadline came
    void cancel();          // the token stopped
    void detachFromClock(); // the clock is going away

    ScenarioClock *m_clock;
    ScenarioTime m_duration;
    std::stop_token m_token;
    std::coroutine_handle<> m_handle;
    Key m_key{};
    State m_state = State::Idle;
    bool m_cancelled = false;
    std::optional<std::stop_callback<OnStop>> m_onStop;
};

} // namespace Gatherscope
