// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

// Virtual time for the gather library's own tests, which use nothing of Gatherscope but the
// library: a second client of the EventLoopTimers hook, kept to what the tests need.

#include "eventloopqueue.h"

#include <coroutine>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stop_token>

namespace GatherscopeTest {

//! Time in seconds that jumps to the next deadline whenever nothing is ready to run.
class TestClock final : private Gatherscope::EventLoopTimers {
public:
    class Sleep;

    TestClock();
    //! Ends every sleep still waiting with CancelledError, as Gatherscope's clock does.
    ~TestClock();
    TestClock(const TestClock &) = delete;
    TestClock &operator=(const TestClock &) = delete;

    double now() const { return m_now; }
    bool hasPending() const { return !m_timers.empty(); }
    //! Awaitable: \a seconds of virtual time; CancelledError once \a token stops.
    Sleep sleep(double seconds, std::stop_token token = {});
    //! Calls \a callback at \a when.
    void callAt(double when, std::function<void()> callback);

private:
    using Key = std::pair<double, std::uint64_t>; // deadline, then the order they were set
    struct Entry {
        std::function<void()> callback; // a call, or
        Sleep *sleeper = nullptr;       // a sleep to end
    };
    Key add(double when, Entry entry);
    void takeDueTimers(bool nothingReady) override;
    void runDueTimers() override;

    double m_now = 0;
    std::uint64_t m_nextOrder = 0;
    std::map<Key, Entry> m_timers;
    std::vector<Entry> m_due;

    friend class Sleep;
};

class TestClock::Sleep {
public:
    Sleep(TestClock *clock, double seconds, std::stop_token token)
        : m_clock(clock)
        , m_seconds(seconds)
        , m_token(std::move(token))
    {}
    //! Movable only before it suspends (the coroutine machinery may move it in).
    Sleep(Sleep &&other) noexcept
        : m_clock(other.m_clock)
        , m_seconds(other.m_seconds)
        , m_token(std::move(other.m_token))
    {}
    Sleep &operator=(Sleep &&) = delete;
    bool await_ready() const noexcept { return m_token.stop_requested(); }
    void await_suspend(std::coroutine_handle<> handle);
    void await_resume() const;

private:
    friend class TestClock;
    struct OnStop {
        Sleep *self;
        void operator()() const noexcept { self->end(true); }
    };
    //! Ends the sleep: resumes the coroutine, raising CancelledError when \a cancelled.
    void end(bool cancelled);

    TestClock *m_clock;
    double m_seconds;
    std::stop_token m_token;
    std::coroutine_handle<> m_handle;
    Key m_key{};
    bool m_done = false;
    bool m_cancelled = false;
    std::optional<std::stop_callback<OnStop>> m_onStop;
};

} // namespace GatherscopeTest
