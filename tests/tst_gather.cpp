// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The rules of gather, one test each, on virtual time. Only the gather library is linked.

#include "coroutinetest.h"

#include "gather.h"
#include "gathererrors.h"
#include "testclock.h"

#include <QObject>
#include <QPointer>
#include <QTest>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace GatherTestSupport {

//! Whether AddressSanitizer forbids touching \a address (without it there is nothing to check).
bool isPoisoned([[maybe_unused]] void *address)
{
#if defined(__SANITIZE_ADDRESS__)
    return __asan_address_is_poisoned(address);
#else
    return true;
#endif
}

//! ZeroDivisionError, as the demo's divide raises it (the library knows no demo tasks).
class ZeroDivisionError : public PythonError {
public:
    explicit ZeroDivisionError(const std::string &message)
        : PythonError("ZeroDivisionError", message)
    {}
};

QCoro::Task<int> sleepThenReturn(TestClock &clock, double s, int value, std::stop_token token = {})
{
    co_await clock.sleep(s, std::move(token));
    co_return value;
}

QCoro::Task<int> sleepThenDivideByZero(TestClock &clock, double s, std::stop_token token = {})
{
    co_await clock.sleep(s, std::move(token));
    throw ZeroDivisionError("Cannot divide by zero");
}

//! Runs until \a token stops (on wall time: nothing on the virtual clock ends it), then raises
//! CancelledError.
QCoro::Task<int> untilStopped(std::stop_token token)
{
    struct Stopped {
        std::stop_token token;
        std::unique_ptr<std::stop_callback<std::function<void()>>> onStop;
        bool await_ready() const noexcept { return token.stop_requested(); }
        void await_suspend(std::coroutine_handle<> handle)
        {
            onStop = std::make_unique<std::stop_callback<std::function<void()>>>(
                token, [handle] { EventLoopQueue::resumeSoon(handle); });
        }
        void await_resume() const {}
    };
    // Named first: GCC 12 destroys twice a temporary made inside a co_await expression.
    Stopped stopped{std::move(token), nullptr};
    co_await std::move(stopped);
    throw CancelledError();
}

//! Sleeps while ignoring its token, then returns.
QCoro::Task<int> stubborn(TestClock &clock, double s, int value)
{
    co_await clock.sleep(s);
    co_return value;
}

//! Records what a gather's observer is told, as "t=1.5 raised 2", and "+" when after settling.
struct EventLog {
    TestClock *clock;
    QStringList lines;

    GatherObserver observer()
    {
        return [this](const GatherTaskEvent &event) {
            static const char *const names[] = {"started", "finished", "raised", "cancelled"};
            lines << u"t=%1 %2 %3%4"_s.arg(clock->now())
                         .arg(QLatin1String(names[int(event.kind)]))
                         .arg(event.index)
                         .arg(event.afterSettled ? u" +"_s : QString());
        };
    }
};

template<typename T>
std::function<QCoro::Task<T>(std::stop_token)>
factory(std::function<QCoro::Task<T>(std::stop_token)> f)
{
    return f;
}

//! A vector of factories. (GCC 12 cannot put a braced list of them in a coroutine frame.)
template<typename... F>
auto listOf(F... factories)
{
    std::vector<std::common_type_t<F...>> list;
    (list.push_back(std::move(factories)), ...);
    return list;
}

} // namespace GatherTestSupport
using namespace GatherTestSupport;

class GatherTest : public QObject {
    Q_OBJECT

private:
    TestClock *m_clock = nullptr;

private Q_SLOTS:
    void init() { m_clock = new TestClock; }
    void cleanup()
    {
        delete m_clock;
        m_clock = nullptr;
    }

    void resultsComeInInputOrderWhenTasksFinishInReverse()
    {
        RUN_COROUTINE(resultsInInputOrder_coro());
    }
    QCoro::Task<> resultsInInputOrder_coro()
    {
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        auto &clock = *m_clock;
        const auto [a, b, c] = co_await gather(
            options, [&] { return sleepThenReturn(clock, 3, 10); },
            [&] { return sleepThenReturn(clock, 2, 20); },
            [&] { return sleepThenReturn(clock, 1, 30); });
        CO_COMPARE(a, 10);
        CO_COMPARE(b, 20);
        CO_COMPARE(c, 30);
        CO_COMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=0 started 2",
                                       "t=1 finished 2", "t=2 finished 1", "t=3 finished 0"}));
        CO_COMPARE(clock.now(), 3.0);
    }

    COROUTINE_TEST(firstExceptionReachesAwaiterWithTypeAndMessage)
    {
        auto &clock = *m_clock;
        try {
            co_await gather([&] { return sleepThenReturn(clock, 2, 1); },
                            [&] { return sleepThenDivideByZero(clock, 1); });
            CO_FAIL("gather did not raise");
        } catch (const ZeroDivisionError &error) {
            CO_COMPARE(QString::fromStdString(error.typeName()), u"ZeroDivisionError"_s);
            CO_COMPARE(QString::fromUtf8(error.what()), u"Cannot divide by zero"_s);
            CO_COMPARE(clock.now(), 1.0); // at once, not after task 0
        }
        // A plain C++ exception keeps its type too.
        try {
            co_await gather([]() -> QCoro::Task<int> {
                throw std::out_of_range("index 7");
                co_return 0;
            });
            CO_FAIL("gather did not raise");
        } catch (const std::out_of_range &error) {
            CO_COMPARE(QString::fromUtf8(error.what()), u"index 7"_s);
        }
    }

    void otherTasksKeepRunningAfterTheFirstException()
    {
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        auto &clock = *m_clock;
        bool awaiterSawError = false;
        double awaiterTime = -1;
        auto body = [&]() -> QCoro::Task<> {
            try {
                co_await gather(
                    options, [&] { return sleepThenDivideByZero(clock, 1); },
                    [&] { return sleepThenReturn(clock, 2, 42); },
                    [&]() -> QCoro::Task<int> {
                        co_await clock.sleep(3);
                        throw std::runtime_error("late failure");
                    });
            } catch (const ZeroDivisionError &) {
                awaiterSawError = true;
                awaiterTime = clock.now();
            }
        };
        RUN_COROUTINE(body());
        QVERIFY(awaiterSawError);
        QCOMPARE(awaiterTime, 1.0);
        QVERIFY(processEventsUntil([&] { return !clock.hasPending(); }));
        // Nothing was cancelled; the later value and the later exception were both observed.
        QCOMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=0 started 2",
                                     "t=1 raised 0", "t=2 finished 1 +", "t=3 raised 2 +"}));
    }

    COROUTINE_TEST(returnExceptionsPutsExceptionsInTheirPlaces)
    {
        auto &clock = *m_clock;
        std::vector<std::function<QCoro::Task<int>()>> work;
        work.push_back([&] { return sleepThenReturn(clock, 1, 5); });
        work.push_back([&] { return sleepThenDivideByZero(clock, 1); });
        work.push_back([&] { return sleepThenReturn(clock, 1, 6); });
        work.push_back([&] { return sleepThenDivideByZero(clock, 0.5); });
        const auto results = co_await gather<GatherPolicy::ReturnExceptions>(work);
        CO_COMPARE(results.size(), std::size_t(4));
        CO_VERIFY(results[0].hasValue());
        CO_COMPARE(results[0].value(), 5);
        CO_VERIFY(!results[1].hasValue());
        CO_COMPARE(QString::fromStdString(results[1].errorTypeName()), u"ZeroDivisionError"_s);
        CO_COMPARE(QString::fromStdString(results[1].errorMessage()), u"Cannot divide by zero"_s);
        CO_COMPARE(results[2].value(), 6);
        CO_VERIFY(!results[3].hasValue());
        bool rethrown = false;
        try {
            std::rethrow_exception(results[3].error());
        } catch (const ZeroDivisionError &) {
            rethrown = true;
        }
        CO_VERIFY(rethrown);
    }

    // C++ may throw anything: an int, a type of no hierarchy. Neither mode may lose it, crash or
    // stop the other tasks; its type is still named (the ABI knows it).
    COROUTINE_TEST(aTaskThatThrowsWhatIsNotAStdExceptionIsReported)
    {
        auto &clock = *m_clock;
        struct Odd {
            int code;
        };
        const auto throwsInt = [&]() -> QCoro::Task<int> {
            co_await clock.sleep(1);
            throw 42;
        };
        const auto throwsOdd = [&]() -> QCoro::Task<int> {
            co_await clock.sleep(2);
            throw Odd{7};
        };
        std::vector<std::function<QCoro::Task<int>()>> work{
            throwsInt, throwsOdd, [&] { return sleepThenReturn(clock, 3, 9); }};
        const auto results = co_await gather<GatherPolicy::ReturnExceptions>(work);
        CO_COMPARE(QString::fromStdString(results[0].errorTypeName()), u"int"_s);
        CO_COMPARE(QString::fromStdString(results[0].errorMessage()), QString());
        CO_VERIFY(QString::fromStdString(results[1].errorTypeName()).endsWith(u"Odd"_s));
        CO_COMPARE(results[2].value(), 9);
        CO_COMPARE(clock.now(), 3.0);

        try {
            co_await gather(work);
            CO_FAIL("gather did not raise");
        } catch (int code) {
            CO_COMPARE(code, 42);
            CO_COMPARE(clock.now(), 4.0); // at once, after one second of the second gather
        }
    }

    COROUTINE_TEST(variadicFormGivesATupleOfMixedTypesWithVoid)
    {
        auto &clock = *m_clock;
        bool voidRan = false;
        const auto [number, text, nothing] =
            co_await gather([&] { return sleepThenReturn(clock, 1, 7); },
                            [&]() -> QCoro::Task<QString> {
                                co_await clock.sleep(2);
                                co_return u"Mr. Turtle is done"_s;
                            },
                            [&]() -> QCoro::Task<> {
                                co_await clock.sleep(1);
                                voidRan = true;
                            });
        CO_COMPARE(number, 7);
        CO_COMPARE(text, u"Mr. Turtle is done"_s);
        CO_VERIFY(nothing == Empty{});
        CO_VERIFY(voidRan);
    }

    COROUTINE_TEST(rangeFormOverVoidTasksAndOutcomes)
    {
        auto &clock = *m_clock;
        int ran = 0;
        std::vector<std::function<QCoro::Task<>()>> work;
        for (int i = 0; i < 3; ++i) {
            work.push_back([&clock, &ran, i]() -> QCoro::Task<> {
                co_await clock.sleep(3 - i);
                if (i == 1)
                    throw ZeroDivisionError("Cannot divide by zero");
                ++ran;
            });
        }
        const auto outcomes = co_await gather<GatherPolicy::ReturnExceptions>(work);
        CO_COMPARE(outcomes.size(), std::size_t(3));
        CO_VERIFY(outcomes[0].hasValue());
        CO_VERIFY(!outcomes[1].hasValue());
        CO_VERIFY(outcomes[2].hasValue());
        CO_COMPARE(ran, 2);
        // The same list, fail-fast: a vector of Empty, or the exception.
        ran = 0;
        work.erase(work.begin() + 1);
        const auto empties = co_await gather(work);
        CO_COMPARE(empties.size(), std::size_t(2));
        CO_COMPARE(ran, 2);
    }

    void emptyInputReturnsAtOnce()
    {
        const std::vector<std::function<QCoro::Task<int>()>> none;
        auto task = gather(none);
        QVERIFY(task.isReady()); // did not suspend, needed no event loop turn
        auto outcomes = gather<GatherPolicy::ReturnExceptions>(none);
        QVERIFY(outcomes.isReady());
        RUN_COROUTINE(emptyInput_coro());
    }
    QCoro::Task<> emptyInput_coro()
    {
        const auto results = co_await gather(std::vector<std::function<QCoro::Task<int>()>>{});
        CO_VERIFY(results.empty());
        // The variadic form of nothing: an empty tuple (and no warning from the empty fold).
        const auto nothing = co_await gather(GatherOptions{});
        static_assert(std::is_same_v<decltype(nothing), const std::tuple<>>);
    }

    COROUTINE_TEST(tasksStartInInputOrder)
    {
        auto &clock = *m_clock;
        QStringList started;
        auto makeTask = [&](int i) {
            return [&started, &clock, i]() -> QCoro::Task<int> {
                started << QString::number(i); // runs before the first suspension (eager)
                co_await clock.sleep(1);
                co_return i;
            };
        };
        co_await gather(makeTask(0), makeTask(1), makeTask(2), makeTask(3));
        CO_COMPARE(started, strings({"0", "1", "2", "3"}));
        started.clear();
        std::vector<std::function<QCoro::Task<int>()>> list;
        for (int i = 0; i < 5; ++i)
            list.push_back(makeTask(i));
        co_await gather(list);
        CO_COMPARE(started, strings({"0", "1", "2", "3", "4"}));
    }

    COROUTINE_TEST(awaiterResumesThroughTheEventLoop)
    {
        auto &clock = *m_clock;
        bool sibling = false;
        try {
            // Both wake at t=1; task 0 raises first. Resumed inline, the awaiter would run
            // inside task 0's stack before task 1 had its turn.
            co_await gather([&] { return sleepThenDivideByZero(clock, 1); },
                            [&]() -> QCoro::Task<int> {
                                co_await clock.sleep(1);
                                sibling = true;
                                co_return 1;
                            });
            CO_FAIL("the gather returned instead of raising");
        } catch (const ZeroDivisionError &) {
            CO_VERIFY(sibling);
        }
        // The last task finishing synchronously does not resume the awaiter inline either.
        int after = 0;
        auto task = gather([&]() -> QCoro::Task<int> { co_return ++after; });
        CO_VERIFY(!task.isReady());
        const auto [value] = co_await task;
        CO_COMPARE(value, 1);
    }

    // The documented way to cancel from another thread: post the request to the thread whose
    // event loop runs the gather. The test command runs this under ThreadSanitizer too.
    void aStopPostedFromAnotherThreadCancelsTheGather()
    {
        std::stop_source stop;
        GatherOptions options;
        options.stopToken = stop.get_token();
        std::vector<std::function<QCoro::Task<int>(std::stop_token)>> work(
            3, [](std::stop_token token) { return untilStopped(std::move(token)); });
        bool cancelled = false;
        auto body = [&]() -> QCoro::Task<> {
            try {
                co_await gather(work, options);
            } catch (const CancelledError &) {
                cancelled = true;
            }
        };
        QCoro::Task<> running = body(); // every task waits for the stop
        QObject receiver;
        std::thread worker([&] {
            QMetaObject::invokeMethod(
                &receiver, [&stop] { stop.request_stop(); }, Qt::QueuedConnection);
        });
        worker.join();
        RUN_COROUTINE(std::move(running));
        QVERIFY(cancelled);
    }

    COROUTINE_TEST(cancellingTheGatherCancelsWhatIsLeft)
    {
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        std::stop_source stop;
        GatherOptions options;
        options.stopToken = stop.get_token();
        options.observer = log.observer();
        options.maxConcurrency = 3; // task 3 waits for a place, and never gets one
        clock.callAt(1.5, [&] { stop.request_stop(); });
        const auto make = [&](double s) {
            return factory<int>([&clock, s](std::stop_token t) {
                return sleepThenReturn(clock, s, int(s), std::move(t));
            });
        };
        try {
            co_await gather(listOf(make(1), make(2), make(3), make(4)), options);
            CO_FAIL("a cancelled gather returned");
        } catch (const CancelledError &) {
            CO_COMPARE(clock.now(), 1.5);
        }
        CO_COMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=0 started 2",
                                       "t=1 finished 0", "t=1 started 3", "t=1.5 cancelled 1",
                                       "t=1.5 cancelled 2 +", "t=1.5 cancelled 3 +"}));
    }

    void cancelledReturnExceptionsGatherWaitsForATaskIgnoringItsToken()
    {
        RUN_COROUTINE(cancelIgnored_coro());
    }
    QCoro::Task<> cancelIgnored_coro()
    {
        auto &clock = *m_clock;
        std::stop_source stop;
        GatherOptions options;
        options.stopToken = stop.get_token();
        clock.callAt(1, [&] { stop.request_stop(); });
        try {
            co_await gather<GatherPolicy::ReturnExceptions>(
                options,
                [&](std::stop_token t) { return sleepThenReturn(clock, 5, 0, std::move(t)); },
                [&] { return stubborn(clock, 4, 1); });
            CO_FAIL("a cancelled gather returned");
        } catch (const CancelledError &) {
            CO_COMPARE(clock.now(), 4.0);
        }
    }

    void aTaskThatTurnsItsCancellationIntoAnotherErrorRaisesIt_data()
    {
        QTest::addColumn<bool>("returnExceptions");
        QTest::newRow("fail-fast: the task's own error") << false;
        QTest::newRow("return_exceptions: CancelledError") << true;
    }
    void aTaskThatTurnsItsCancellationIntoAnotherErrorRaisesIt()
    {
        QFETCH(bool, returnExceptions);
        RUN_COROUTINE(cancelTurnedIntoError_coro(returnExceptions));
    }
    QCoro::Task<> cancelTurnedIntoError_coro(bool returnExceptions)
    {
        auto &clock = *m_clock;
        std::stop_source stop;
        GatherOptions options;
        options.stopToken = stop.get_token();
        clock.callAt(1, [&] { stop.request_stop(); });
        // Like `except CancelledError: raise ZeroDivisionError("converted")` in Python.
        const auto converts = [&clock](std::stop_token t) -> QCoro::Task<int> {
            try {
                co_await clock.sleep(5, std::move(t));
            } catch (const CancelledError &) {
                throw ZeroDivisionError("converted");
            }
            co_return 0;
        };
        QString raised;
        try {
            if (returnExceptions)
                co_await gather<GatherPolicy::ReturnExceptions>(options, converts);
            else
                co_await gather(options, converts);
            CO_FAIL("a cancelled gather returned");
        } catch (const PythonError &error) {
            raised = QString::fromStdString(error.typeName() + ": " + error.what());
        }
        CO_COMPARE(raised,
                   returnExceptions ? u"CancelledError: "_s : u"ZeroDivisionError: converted"_s);
    }

    COROUTINE_TEST(cancellingOneTaskCountsAsItsCancelledError)
    {
        auto &clock = *m_clock;
        std::stop_source stopMiddle;
        GatherOptions options;
        options.taskStopTokens = {{}, stopMiddle.get_token()};
        clock.callAt(0.5, [&] { stopMiddle.request_stop(); });
        auto make = [&](double s) {
            return factory<int>([&clock, s](std::stop_token t) {
                return sleepThenReturn(clock, s, int(s * 10), std::move(t));
            });
        };
        const auto outcomes = co_await gather<GatherPolicy::ReturnExceptions>(
            listOf(make(1), make(2), make(3)), options);
        CO_COMPARE(outcomes[0].value(), 10);
        CO_COMPARE(QString::fromStdString(outcomes[1].errorTypeName()), u"CancelledError"_s);
        CO_COMPARE(outcomes[2].value(), 30); // the gather itself was not cancelled
        CO_COMPARE(clock.now(), 3.0);

        // Fail-fast: the awaiter sees the task's CancelledError at once.
        std::stop_source stopFirst;
        options.taskStopTokens = {stopFirst.get_token()};
        clock.callAt(clock.now() + 0.5, [&] { stopFirst.request_stop(); });
        const auto start = clock.now();
        try {
            co_await gather(listOf(make(1), make(2)), options);
            CO_FAIL("gather did not raise");
        } catch (const CancelledError &) {
            CO_COMPARE(clock.now() - start, 0.5);
        }
    }

    void destroyingTheAwaiterMidFlightIsSafe()
    {
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        {
            auto abandoned = gather(
                options, [&] { return sleepThenReturn(clock, 1, 1); },
                [&] { return sleepThenDivideByZero(clock, 2); });
        } // QCoro detaches the running task; the gather's state lives on with its tasks
        QVERIFY(processEventsUntil([&] { return !clock.hasPending(); }));
        QCOMPARE(log.lines,
                 strings({"t=0 started 0", "t=0 started 1", "t=1 finished 0", "t=2 raised 1"}));
    }

    void destroyingTheObjectThatStartedTheGatherIsSafe()
    {
        auto &clock = *m_clock;
        bool delivered = false;
        int finished = 0;
        GatherOptions options;
        options.observer = [&](const GatherTaskEvent &e) {
            finished += e.kind == GatherTaskEvent::Kind::Finished;
        };
        auto owner = std::make_unique<QObject>();
        QCoro::connect(gather(
                           options, [&] { return sleepThenReturn(clock, 1, 1); },
                           [&] { return sleepThenReturn(clock, 2, 2); }),
                       owner.get(), [&](auto) { delivered = true; });
        clock.callAt(1, [&] { owner.reset(); }); // between the two tasks' ends
        QVERIFY(processEventsUntil([&] { return !clock.hasPending(); }));
        QVERIFY(processEventsUntil([&] { return finished == 2; }));
        QVERIFY(!delivered); // never called on the destroyed object
    }

    void failFastCancelRaisesAtOnceAndStopsTheRest()
    {
        EventLog log{m_clock, {}};
        RUN_COROUTINE(failFastCancel_coro(log));
        QVERIFY(processEventsUntil([&] { return log.lines.size() == 4; }));
        QCOMPARE(log.lines,
                 strings({"t=0 started 0", "t=0 started 1", "t=1 raised 1", "t=1 cancelled 0 +"}));
    }
    QCoro::Task<> failFastCancel_coro(EventLog &log)
    {
        auto &clock = *m_clock;
        GatherOptions options;
        options.observer = log.observer();
        try {
            co_await gather<GatherPolicy::FailFastCancel>(
                options,
                [&](std::stop_token t) { return sleepThenReturn(clock, 3, 1, std::move(t)); },
                [&](std::stop_token t) { return sleepThenDivideByZero(clock, 1, std::move(t)); });
            CO_FAIL("gather did not raise");
        } catch (const ZeroDivisionError &) {
            CO_COMPARE(clock.now(), 1.0);
            CO_COMPARE(log.lines.size(), 3); // the awaiter runs before the cancelled task
        }
    }

    COROUTINE_TEST(cancelAndJoinWaitsForTheRestThenRaises)
    {
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        try {
            co_await gather<GatherPolicy::CancelAndJoin>(
                options,
                [&](std::stop_token t) { return sleepThenReturn(clock, 5, 1, std::move(t)); },
                [&](std::stop_token t) { return sleepThenDivideByZero(clock, 1, std::move(t)); },
                [&] { return stubborn(clock, 2, 3); });
            CO_FAIL("gather did not raise");
        } catch (const ZeroDivisionError &) {
            // Joined: raised only once the stubborn task had finished.
            CO_COMPARE(clock.now(), 2.0);
        }
        CO_COMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=0 started 2",
                                       "t=1 raised 1", "t=1 cancelled 0", "t=2 finished 2"}));
    }

    COROUTINE_TEST(windowLimitsConcurrencyAndKeepsStartOrder)
    {
        auto &clock = *m_clock;
        int running = 0;
        int mostRunning = 0;
        QStringList started;
        std::vector<std::function<QCoro::Task<int>()>> work;
        const std::vector<double> sleeps({3, 1, 2, 1, 1, 2});
        for (int i = 0; i < 6; ++i) {
            work.push_back([&, i]() -> QCoro::Task<int> {
                started << u"%1@%2"_s.arg(i).arg(clock.now());
                mostRunning = std::max(mostRunning, ++running);
                co_await clock.sleep(sleeps[i]);
                --running;
                co_return i;
            });
        }
        GatherOptions options;
        options.maxConcurrency = 2;
        const auto results = co_await gather(work, options);
        CO_COMPARE(results, std::vector<int>({0, 1, 2, 3, 4, 5}));
        CO_COMPARE(mostRunning, 2);
        CO_COMPARE(started, strings({"0@0", "1@0", "2@1", "3@3", "4@3", "5@4"}));
    }

    COROUTINE_TEST(aStopReasonIsWhatTheAwaiterSees)
    {
        // asyncio.timeout() around a gather: a stop at 1.5 s that the awaiter sees as a
        // TimeoutError. The scenario clock stops the token, as a Deadline does on wall time.
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        std::stop_source deadline;
        clock.callAt(1.5, [&] { deadline.request_stop(); });
        GatherOptions options;
        options.stopToken = deadline.get_token();
        options.stopReason = Deadline::reason();
        options.observer = log.observer();
        try {
            co_await gather<GatherPolicy::ReturnExceptions>(
                options,
                [&](std::stop_token t) { return sleepThenReturn(clock, 1, 1, std::move(t)); },
                [&](std::stop_token t) { return sleepThenReturn(clock, 2, 2, std::move(t)); });
            CO_FAIL("gather did not time out");
        } catch (const TimeoutError &) {
            CO_COMPARE(clock.now(), 1.5);
        }
        CO_COMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=1 finished 0",
                                       "t=1.5 cancelled 1"}));
    }

    COROUTINE_TEST(aDeadlineStopsTheGatherOnWallTime)
    {
        Deadline deadline(std::chrono::milliseconds(20));
        GatherOptions options;
        options.stopToken = deadline.token();
        options.stopReason = Deadline::reason();
        try {
            co_await gather(options, [](std::stop_token t) { return untilStopped(std::move(t)); });
            CO_FAIL("gather did not time out");
        } catch (const TimeoutError &) {
            CO_VERIFY(deadline.expired());
        }
        CO_VERIFY(deadline.token().stop_requested());
    }

    // A factory that throws before it makes a task: that task raised, at once, in its place.
    COROUTINE_TEST(aFactoryThatThrowsRaisesInItsTasksPlace)
    {
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        std::vector<std::function<QCoro::Task<int>()>> work;
        work.push_back([&] { return sleepThenReturn(clock, 1, 5); });
        work.push_back([]() -> QCoro::Task<int> { throw std::out_of_range("no task"); });
        work.push_back([&] { return sleepThenReturn(clock, 2, 6); });
        const auto results = co_await gather<GatherPolicy::ReturnExceptions>(work, options);
        CO_COMPARE(results[0].value(), 5);
        CO_COMPARE(results[1].errorMessage(), std::string("no task"));
        CO_COMPARE(results[2].value(), 6);
        CO_COMPARE(log.lines, strings({"t=0 started 0", "t=0 started 1", "t=0 raised 1",
                                       "t=0 started 2", "t=1 finished 0", "t=2 finished 2"}));
        const auto sleepsThenOne = [&] { return sleepThenReturn(clock, 1, 1); };
        const auto throwsAtOnce = []() -> QCoro::Task<> { throw std::out_of_range("void none"); };
        const auto returnsAtOnce = []() -> QCoro::Task<QString> { co_return u"x"_s; };
        try {
            co_await gather(sleepsThenOne, throwsAtOnce, returnsAtOnce);
            CO_FAIL("gather did not raise");
        } catch (const std::out_of_range &error) {
            CO_COMPARE(QString::fromUtf8(error.what()), u"void none"_s);
        }
        CO_VERIFY(processEventsUntil([&] { return !clock.hasPending(); }));
    }

    // The variadic form with tasks of four types that end at once and later, raising or not.
    COROUTINE_TEST(aTupleOfTasksThatEndAtOnceAndLater)
    {
        auto &clock = *m_clock;
        const auto raisesAtOnce = []() -> QCoro::Task<int> {
            throw ZeroDivisionError("at once");
            co_return 0;
        };
        const auto returnsAtOnce = []() -> QCoro::Task<QString> { co_return u"now"_s; };
        const auto raisesLater = [&]() -> QCoro::Task<> {
            co_await clock.sleep(1);
            throw std::runtime_error("later");
        };
        const auto returnsLater = [&]() -> QCoro::Task<std::vector<int>> {
            co_await clock.sleep(2);
            co_return std::vector<int>(100, 3);
        };
        const auto [a, b, c, d] = co_await gather<GatherPolicy::ReturnExceptions>(
            raisesAtOnce, returnsAtOnce, raisesLater, returnsLater);
        CO_COMPARE(a.errorMessage(), std::string("at once"));
        CO_COMPARE(b.value(), u"now"_s);
        CO_COMPARE(c.errorMessage(), std::string("later"));
        CO_COMPARE(d.value(), std::vector<int>(100, 3));
    }

    // Gathers whose awaiter is gone while their tasks run. The first raises before its last
    // task ends, so that task's end frees the gather from inside QCoro's end of the task
    // (AddressSanitizer checks what follows); the second settles on its last task, and its
    // awaiter, detached but waiting, lets go of it from the event loop.
    void theLastTaskToEndFreesAGatherNobodyAwaits()
    {
        auto &clock = *m_clock;
        int ended = 0;
        GatherOptions options;
        options.observer = [&](const GatherTaskEvent &event) {
            ended += event.kind != GatherTaskEvent::Kind::Started;
        };
        {
            std::vector<std::function<QCoro::Task<std::vector<int>>()>> work;
            for (int i = 0; i < 5; ++i) {
                work.push_back([&clock, i]() -> QCoro::Task<std::vector<int>> {
                    co_await clock.sleep(5 - i);
                    if (i == 2)
                        throw std::runtime_error("two");
                    co_return std::vector<int>(64, i);
                });
            }
            const auto abandoned = gather(work, options);
        }
        {
            std::vector<std::function<QCoro::Task<>(std::stop_token)>> work;
            for (int i = 0; i < 3; ++i) {
                work.push_back([&clock, i](std::stop_token token) -> QCoro::Task<> {
                    co_await clock.sleep(i + 1, std::move(token));
                });
            }
            GatherOptions oneAtATime = options;
            oneAtATime.maxConcurrency = 1;
            const auto abandoned = gather<GatherPolicy::FailFastCancel>(work, oneAtATime);
        }
        QVERIFY(processEventsUntil([&] { return !clock.hasPending() && ended == 8; }));
        QCOMPARE(ended, 8);
    }

    // A window of one, and the awaiter gone once the first task raised: a later task's report
    // starts the last task, which ends at once and lets go of the gather inside that report
    // (found by a helper's review; AddressSanitizer checks what the outer report reads after).
    void theLastTaskEndsInsideAnotherTasksReportAfterTheAwaiterLeft()
    {
        auto &clock = *m_clock;
        EventLog log{m_clock, {}};
        GatherOptions options;
        options.observer = log.observer();
        options.maxConcurrency = 1;
        std::vector<std::function<QCoro::Task<int>()>> work;
        work.push_back([&] { return sleepThenDivideByZero(clock, 1); });
        work.push_back([&] { return sleepThenReturn(clock, 1, 1); });
        work.push_back([]() -> QCoro::Task<int> { co_return 2; });
        bool raised = false;
        // Not a coroutine test: its rest would run inside the gather's end, which holds it.
        const auto awaitOnce = [&]() -> QCoro::Task<> {
            try {
                co_await gather(work, options);
            } catch (const ZeroDivisionError &) {
                raised = true;
            }
        };
        const QCoro::Task<> awaiting = awaitOnce();
        QVERIFY(processEventsUntil([&] { return raised && !clock.hasPending(); }));
        // `+`: after the gather had settled.
        QCOMPARE(log.lines, strings({"t=0 started 0", "t=1 raised 0", "t=1 started 1 +",
                                     "t=2 finished 1 +", "t=2 started 2 +", "t=2 finished 2 +"}));
    }

    // The TaskEndCalls' frames come from a pool that the gather lets go of while the last one,
    // whose report destroyed the gather, is still running.
    void taskEndFramesComeFromAPoolThatOutlivesTheGather()
    {
        using detail::FramePool;
        auto *pool = FramePool::create(2); // chunks of two slots
        void *first = FramePool::allocate(pool, 100);
        void *second = FramePool::allocate(pool, 100);
        // One header and the frame, both as aligned as a plain operator new aligns.
        constexpr std::ptrdiff_t align = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
        QCOMPARE(static_cast<std::byte *>(second) - static_cast<std::byte *>(first),
                 align + (100 + align - 1) / align * align);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(first) % align, 0u);
        FramePool::deallocate(second);
        QCOMPARE(FramePool::allocate(pool, 100), second); // finished at once: its slot again
        FramePool::deallocate(first);
        QVERIFY(isPoisoned(first));
        void *third = FramePool::allocate(pool, 100); // the chunk is used up: a new one
        QVERIFY(third != first && third != second);
        void *otherSize = FramePool::allocate(pool, 40); // a frame of another type: the heap
        std::memset(third, 0xAB, 100);
        std::memset(otherSize, 0xCD, 40);
        pool->release();
        // Under AddressSanitizer, a chunk freed before its last frame, or a heap frame given
        // back to the pool, fails here; LeakSanitizer reports a pool that never goes.
        for (void *frame : {second, otherSize, third})
            FramePool::deallocate(frame);
        FramePool::deallocate(FramePool::allocate(nullptr, 100));
    }

    COROUTINE_TEST(tenThousandTasksInOneGather)
    {
        auto &clock = *m_clock;
        constexpr int count = 10000;
        std::vector<std::function<QCoro::Task<int>()>> work;
        for (int i = 0; i < count; ++i)
            work.push_back([&clock, i] { return sleepThenReturn(clock, (count - i) % 7, i); });
        const auto results = co_await gather(work);
        CO_COMPARE(results.size(), std::size_t(count));
        for (int i = 0; i < count; ++i)
            CO_COMPARE(results[i], i);
        // Ten thousand tasks that finish synchronously do not recurse either.
        std::vector<std::function<QCoro::Task<int>()>> instant;
        for (int i = 0; i < count; ++i)
            instant.push_back([i]() -> QCoro::Task<int> { co_return i; });
        GatherOptions windowed;
        windowed.maxConcurrency = 1;
        const auto quick = co_await gather(instant, windowed);
        CO_COMPARE(quick.back(), count - 1);
    }
};

QTEST_GUILESS_MAIN(GatherTest)
#include "tst_gather.moc"
