// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// After Qt's headers: moc cannot parse <coroutine>'s concepts when it comes first.
#include "eventloopqueue.h"
#include "mergingminqueue.h"
#include "scenariotime.h"

#include <chrono>
#include <coroutine>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <unordered_map>
#include <vector>

namespace Gatherscope {

//! The one clock every sleep of a run goes through: a model of asyncio's event loop.
/*!
 * **What one iteration does** (asyncio 3.11's `BaseEventLoop._run_once`): an iteration of the
 * EventLoopQueue first takes every timer that is due, in order of deadline and, for equal
 * deadlines, of registration; then it runs exactly the coroutines that were ready when it
 * began; then it runs the timers it took. Whatever these make ready runs in the next
 * iteration. So:
 * - `sleep(0)` is a bare yield (asyncio's `__sleep0`): the task is ready again in the next
 *   iteration, without a timer; if its token stopped meanwhile it raises CancelledError there
 *   (asyncio's `_must_cancel`).
 * - `sleep(d > 0)` and callLater() (a `cancel_after`) are timers, however small `d` is: a
 *   sleep of 1e-9 s always wakes after a sleep of 0 that began with it.
 * - A timer that wakes a sleeper makes it ready for the next iteration, like the done
 *   callback of asyncio's sleep future; a cancellation that reaches a sleeper does the same.
 *   A sleeper whose timer has run but which has not resumed yet is still cancelled.
 *
 * **Time.** Deadlines are LoopTime doubles computed as asyncio computes them, so a positive
 * duration is never zero and deadlines equal to the last bit tie in registration order. In
 * **virtual** mode an iteration that begins with nothing ready first moves time to the next
 * deadline, so a three-second scenario finishes in milliseconds, always in the same order. In
 * **real** mode deadlines follow wall time times a speed factor, and the clock can be paused,
 * resumed and stepped to its next deadline. Events are stamped with now(), the deadline of
 * the latest timers taken, in microseconds.
 *
 * A block() (`time.sleep` in a coroutine) moves the current instant on at once, as the wall
 * clock moves on while the loop is held: the timers it passed over are due at the next
 * iteration, all together, in deadline order.
 *
 * However many tasks sleep, the clock keeps one queue of deadlines and (in real mode) one
 * QTimer: Qt 6.4 keeps active timers in a sorted list, so one QTimer per sleeper costs
 * quadratic time. A queue in vectors (MergingMinQueue), not an ordered map: a million sleepers
 * of random durations went into a map at a cache miss per level of the tree.
 */
class ScenarioClock : public QObject, private EventLoopTimers {
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
    ScenarioTime now() const { return secondsToScenarioTime(m_now.count()); }
    //! The same instant as asyncio's `loop.time()` would give it.
    LoopTime loopTime() const { return m_now; }
    //! In real mode, the continuous time between two instants (for growing bars in a view).
    ScenarioTime displayTime() const;
    //! Real mode: makes the continuous time the current instant, so that what a person does
    //! now (cancel the run) is stamped with the moment it happened, not the last deadline.
    void catchUp();

    //! Awaitable `asyncio.sleep(duration)`; raises CancelledError once \a token stops.
    SleepAwaiter sleep(LoopTime duration, std::stop_token token = {});
    //! The same, for a duration in scenario time.
    SleepAwaiter sleep(ScenarioTime duration, std::stop_token token = {});
    //! `time.sleep(duration)` in a coroutine: the loop is held, time moves on by \a duration
    //! at once and nothing else runs meanwhile. What was ready runs after it, in this
    //! iteration; every timer due during the block is taken in the next one, in deadline
    //! order. Simulated on both clocks: the Qt event loop never waits.
    void block(LoopTime duration);
    //! asyncio's `loop.call_later(delay, callback)`: a timer \a delay after now.
    CallId callLater(LoopTime delay, std::function<void()> callback);
    //! A timer at \a when (or now if that is past).
    CallId callAt(ScenarioTime when, std::function<void()> callback);
    //! Forgets a call scheduled with callAt(); does nothing when it already ran.
    void cancelCall(CallId id);
    //! Forgets every scheduled call and wakes every sleeper with CancelledError.
    void cancelAll();

    //! True while anything waits on the clock.
    bool hasPending() const { return pendingCount() > 0; }
    //! Number of sleepers and calls waiting.
    std::size_t pendingCount() const { return m_liveTimers + m_due.size(); }

    double speed() const { return m_speed; }
    //! Real mode: scenario seconds per wall-clock second (e.g. 0.25 to 8).
    void setSpeed(double speed);
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    //! Moves time to the next deadline at once; its timers run in the next iteration (paused
    //! or not).
    void stepToNextEvent();

Q_SIGNALS:
    //! The clock reached \a now and ran the timers due then.
    void advanced(Gatherscope::ScenarioTime now);

private:
    struct Entry {
        std::function<void()> callback;
        SleepAwaiter *sleeper = nullptr;
        CallId id = 0;
    };
    //! Where a timer waits until it is due; free again once taken or removed. A run's
    //! million sleepers are read here in the order of their deadlines, at random in memory:
    //! 16 bytes a slot, not the 64 an Entry takes, is fewer pages to miss.
    struct Slot {
        static constexpr CallId free = ~CallId(0);
        SleepAwaiter *sleeper = nullptr; //!< null for a call, whose callback is in m_calls
        CallId sequence = free; //!< its Timer's: a queued Timer of a slot used again is stale
    };
    //! A callLater()'s callback, until it is due or cancelled.
    struct Call {
        std::uint32_t slot = 0;
        std::function<void()> callback;
    };
    //! A timer in the queue: its deadline, then its registration order (which decides between
    //! equal deadlines) and its slot packed in one word: 16 bytes, so the queue of a million
    //! is read through fewer cache lines.
    //! Removing a timer frees its slot and leaves the element, skipped when it comes to the top.
    struct Timer {
        //! Slots a clock may hold at once. A scenario file of at most 64 MiB holds fewer than
        //! five million tasks, each with one sleep and one `cancel_after` at the most.
        static constexpr int slotBits = 24;
        LoopTime deadline{0};
        std::uint64_t sequenceAndSlot = 0; // the sequence, 40 bits, above the slot

        CallId sequence() const { return sequenceAndSlot >> slotBits; }
        std::uint32_t slot() const
        {
            return std::uint32_t(sequenceAndSlot & ((std::uint64_t(1) << slotBits) - 1));
        }
        bool operator>(const Timer &other) const
        {
            return deadline > other.deadline ||
                   (deadline == other.deadline && sequenceAndSlot > other.sequenceAndSlot);
        }
    };
    struct Added {
        CallId sequence;
        std::uint32_t slot;
    };

    void takeDueTimers(bool nothingReady) override;
    void runDueTimers() override;

    Added addTimer(LoopTime deadline, SleepAwaiter *sleeper);
    void removeTimer(std::uint32_t slot, CallId sequence);
    //! Asks the memory for what the next two turns will read.
    void prefetchAhead() const;
    //! False for a timer removed (its slot freed, or used again since).
    bool isLive(const Timer &timer) const;
    //! The earliest deadline still waiting, if any (drops removed timers off the top).
    std::optional<LoopTime> firstDeadline() const;
    void removeSleeper(const SleepAwaiter *sleeper);
    LoopTime wallNow() const;
    LoopTime displayLoopTime() const;
    void timerFired();
    void scheduleIteration();
    void restartWallAnchor(LoopTime anchor);

    Mode m_mode;
    LoopTime m_now{0};
    // The timers by deadline, over m_slots; mutable so that a const question (the first
    // deadline) can drop removed timers off its top.
    mutable MergingMinQueue<Timer> m_queue;
    std::vector<Slot> m_slots;
    std::vector<std::uint32_t> m_freeSlots;
    std::unordered_map<CallId, Call> m_calls; // by sequence; few (a run's `cancel_after`s)
    std::size_t m_liveTimers = 0;
    std::vector<Entry> m_due; // taken at the start of this iteration, run at its end
    CallId m_nextSequence = 0;

    // Real mode: the scenario time at which the wall clock last started counting.
    QTimer m_timer;
    QElapsedTimer m_wall;
    LoopTime m_anchor{0};
    double m_speed = 1.0;
    bool m_paused = false;

    friend class SleepAwaiter;
};

//! What `co_await clock.sleep(d, token)` suspends on.
class ScenarioClock::SleepAwaiter {
public:
    SleepAwaiter(ScenarioClock *clock, LoopTime duration, std::stop_token token)
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
    enum class State { Idle, Scheduled, Due, Woken };
    struct OnStop {
        SleepAwaiter *self;
        void operator()() const noexcept { self->cancel(); }
    };

    void wake();            // its timer ran
    void cancel();          // the token stopped
    void detachFromClock(); // the clock is going away

    ScenarioClock *m_clock;
    LoopTime m_duration;
    std::stop_token m_token;
    std::coroutine_handle<> m_handle;
    CallId m_sequence = 0;
    std::uint32_t m_slot = 0;
    State m_state = State::Idle;
    bool m_cancelled = false;
    std::optional<std::stop_callback<OnStop>> m_onStop;
};

} // namespace Gatherscope
