// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The scenario clock: virtual jumps, order at one instant, cancellation, real-mode controls.

#include "coroutinetest.h"
#include "mergingminqueue.h"

#include "pythonerror.h"
#include "scenarioclock.h"

#include <QElapsedTimer>
#include <QTest>

#include <queue>
#include <random>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace ClockTestSupport {

ScenarioTime seconds(double s)
{
    return secondsToScenarioTime(s);
}

//! Sleeps \a s and logs "name@time" on waking, or "name cancelled@time".
QCoro::Task<> sleeper(ScenarioClock &clock, QStringList &log, QString name, double s,
                      std::stop_token token = {})
{
    try {
        co_await clock.sleep(seconds(s), std::move(token));
        log << QStringLiteral("%1@%2").arg(name).arg(scenarioTimeToSeconds(clock.now()));
    } catch (const CancelledError &) {
        log << QStringLiteral("%1 cancelled@%2").arg(name).arg(scenarioTimeToSeconds(clock.now()));
    }
}

//! Sleeps a second; touches nothing but \a cancelled afterwards.
QCoro::Task<> sleepOnly(ScenarioClock &clock, bool &cancelled)
{
    try {
        co_await clock.sleep(seconds(1));
    } catch (const CancelledError &) {
        cancelled = true;
    }
}

} // namespace ClockTestSupport
using namespace ClockTestSupport;

class ClockTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void virtualTimeJumpsToEachDeadlineInOrder()
    {
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        QStringList log;
        auto a = sleeper(clock, log, QStringLiteral("a"), 3);
        auto b = sleeper(clock, log, QStringLiteral("b"), 1);
        auto c = sleeper(clock, log, QStringLiteral("c"), 2.5);
        QVERIFY(log.isEmpty()); // nothing wakes synchronously
        QVERIFY(processEventsUntil([&] { return log.size() == 3; }));
        QCOMPARE(log, strings({"b@1", "c@2.5", "a@3"}));
        QVERIFY(!clock.hasPending());
    }

    void sleepersOfOneInstantWakeInTheOrderTheySlept()
    {
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        QStringList log;
        std::vector<QCoro::Task<>> tasks;
        for (int i = 0; i < 5; ++i)
            tasks.push_back(sleeper(clock, log, QString::number(i), 1));
        QVERIFY(processEventsUntil([&] { return log.size() == 5; }));
        QCOMPARE(log, strings({"0@1", "1@1", "2@1", "3@1", "4@1"}));
    }

    void timersOfOneInstantRunInTheOrderTheyWereSet()
    {
        // asyncio: the three timers run in one iteration in registration order; "doomed" was
        // woken already when the cancellation came, yet resumes with CancelledError
        // (Task._must_cancel), after "first", whose wake-up was queued before its own.
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        QStringList log;
        std::stop_source stop;
        auto first = sleeper(clock, log, QStringLiteral("first"), 1);
        auto doomed = sleeper(clock, log, QStringLiteral("doomed"), 1, stop.get_token());
        clock.callAt(seconds(1), [&] {
            log << QStringLiteral("cancel");
            stop.request_stop();
        });
        QVERIFY(processEventsUntil([&] { return log.size() == 3; }));
        QCOMPARE(log, strings({"cancel", "first@1", "doomed cancelled@1"}));
    }

    void thousandsOfSleepersWakeInDeadlineThenSleepOrder()
    {
        // Past MergingMinQueue::mergeAt, most timers wait in its sorted run: 10,000 sleepers on
        // 50 deadlines, slept in a shuffled order, still wake by deadline and, within one
        // deadline, in the order they slept.
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        std::mt19937 random(11);
        std::vector<int> deadlines(10'000);
        for (std::size_t i = 0; i < deadlines.size(); ++i)
            deadlines[i] = 1 + int(i % 50);
        std::shuffle(deadlines.begin(), deadlines.end(), random);
        QStringList log;
        std::vector<QCoro::Task<>> tasks;
        std::vector<std::pair<int, int>> expected; // (deadline, the order it slept in)
        for (std::size_t i = 0; i < deadlines.size(); ++i) {
            tasks.push_back(sleeper(clock, log, QString::number(i), deadlines[i]));
            expected.emplace_back(deadlines[i], int(i));
        }
        std::sort(expected.begin(), expected.end());
        QVERIFY(processEventsUntil([&] { return log.size() == int(deadlines.size()); }));
        QStringList expectedLog;
        for (const auto &[deadline, order] : expected)
            expectedLog << u"%1@%2"_s.arg(order).arg(deadline);
        QCOMPARE(log, expectedLog);
    }

    void mergingMinQueueGivesWhatAHeapGives()
    {
        // Pushes and pops mixed at random, in bursts large enough to merge many times: the
        // queue gives the same elements in the same order as std::priority_queue, and second()
        // is always what top() gives next.
        MergingMinQueue<std::uint64_t> queue;
        std::priority_queue<std::uint64_t, std::vector<std::uint64_t>, std::greater<>> heap;
        std::mt19937_64 random(5);
        int merged = 0;
        for (int round = 0; round < 40; ++round) {
            const int pushes = int(random() % 20'000);
            const int pops = int(random() % 20'000);
            for (int i = 0; i < pushes; ++i) {
                const std::uint64_t value = random() % 1'000'000;
                queue.push(value);
                heap.push(value);
            }
            merged += pushes >= int(MergingMinQueue<std::uint64_t>::mergeAt) ? 1 : 0;
            for (int i = 0; i < pops && !heap.empty(); ++i) {
                QCOMPARE(queue.size(), heap.size());
                QCOMPARE(queue.top(), heap.top());
                heap.pop();
                const std::uint64_t *next = queue.second();
                QCOMPARE(next != nullptr, !heap.empty());
                if (next)
                    QCOMPARE(*next, heap.top());
                queue.pop();
            }
        }
        QVERIFY(merged > 10);
        while (!heap.empty()) {
            QCOMPARE(queue.top(), heap.top());
            heap.pop();
            queue.pop();
        }
        QVERIFY(queue.empty());
        queue.push(3);
        queue.clear();
        QVERIFY(queue.empty());
    }

    void aBlockHoldsEveryTimerDueDuringItUntilItEnds()
    {
        // time.sleep(2) in a coroutine at 0 s: the timers of 0.5 s, 1 s and 1 s (a call set
        // before the sleepers) are all due when it ends; they run after it, at 2 s, in
        // deadline order (a call at once, a sleeper on the next turn). A sleep begun after the
        // block counts from its end.
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        QStringList log;
        clock.callAt(seconds(1), [&] {
            log << QStringLiteral("call@%1").arg(scenarioTimeToSeconds(clock.now()));
        });
        auto late = sleeper(clock, log, QStringLiteral("late"), 1);
        auto early = sleeper(clock, log, QStringLiteral("early"), 0.5);
        clock.block(LoopTime(2));
        QCOMPARE(clock.loopTime(), LoopTime(2));
        QCOMPARE(clock.now(), seconds(2));
        auto after = sleeper(clock, log, QStringLiteral("after"), 0.5);
        QVERIFY(processEventsUntil([&] { return log.size() == 4; }));
        QCOMPARE(log, strings({"call@2", "early@2", "late@2", "after@2.5"}));
    }

    void aStoppedTokenCancelsTheSleepAtOnce()
    {
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        QStringList log;
        std::stop_source stop;
        auto task = sleeper(clock, log, QStringLiteral("t"), 5, stop.get_token());
        clock.callAt(seconds(2), [&] { stop.request_stop(); });
        QVERIFY(processEventsUntil([&] { return log.size() == 1; }));
        QCOMPARE(log, strings({"t cancelled@2"}));
        QVERIFY(!clock.hasPending()); // the sleep's deadline is gone too

        std::stop_source already;
        already.request_stop();
        auto immediate = sleeper(clock, log, QStringLiteral("u"), 5, already.get_token());
        QCOMPARE(log.size(), 2); // raised without suspending
        QCOMPARE(log.last(), QStringLiteral("u cancelled@2"));
    }

    void cancelCallForgetsAScheduledCall()
    {
        ScenarioClock clock(ScenarioClock::Mode::Virtual);
        bool ran = false;
        const auto id = clock.callAt(seconds(1), [&] { ran = true; });
        QCOMPARE(clock.pendingCount(), std::size_t(1));
        clock.cancelCall(id);
        QVERIFY(!clock.hasPending());
        QTest::qWait(20);
        QVERIFY(!ran);
    }

    void cancelAllAndDestructionWakeEverySleeperAsCancelled()
    {
        QStringList log;
        auto clock = std::make_unique<ScenarioClock>(ScenarioClock::Mode::Virtual);
        auto a = sleeper(*clock, log, QStringLiteral("a"), 1);
        clock->cancelAll();
        QVERIFY(!clock->hasPending());
        QVERIFY(processEventsUntil([&] { return log.size() == 1; }));
        QCOMPARE(log, strings({"a cancelled@0"}));

        bool cancelled = false;
        auto b = sleepOnly(*clock, cancelled);
        clock.reset(); // the frame is resumed later; the sleep must not touch the clock
        QVERIFY(processEventsUntil([&] { return b.isReady(); }));
        QVERIFY(cancelled);
    }

    void realModePausedStepsOneInstantAtATime()
    {
        ScenarioClock clock(ScenarioClock::Mode::Real);
        clock.setSpeed(1000); // unpaused, "a" would wake after 100 ms
        clock.setPaused(true);
        QStringList log;
        auto a = sleeper(clock, log, QStringLiteral("a"), 100);
        auto b = sleeper(clock, log, QStringLiteral("b"), 200);
        const ScenarioTime frozen = clock.displayTime();
        QVERIFY(frozen < seconds(1));
        QTest::qWait(300);
        QVERIFY(log.isEmpty()); // paused: nothing moves
        QCOMPARE(clock.displayTime(), frozen);
        clock.stepToNextEvent();
        QCOMPARE(scenarioTimeToSeconds(clock.now()), 100.0);
        QVERIFY(processEventsUntil([&] { return log.size() == 1; }));
        QCOMPARE(log, strings({"a@100"}));
        QCOMPARE(scenarioTimeToSeconds(clock.displayTime()), 100.0);
        clock.stepToNextEvent();
        QVERIFY(processEventsUntil([&] { return log.size() == 2; }));
        QCOMPARE(log, strings({"a@100", "b@200"}));
    }

    void realModeFollowsWallTimeTimesTheSpeed()
    {
        ScenarioClock clock(ScenarioClock::Mode::Real);
        clock.setSpeed(1000); // 100 scenario seconds take 100 ms
        QCOMPARE(clock.speed(), 1000.0);
        QStringList log;
        QElapsedTimer wall;
        wall.start();
        auto a = sleeper(clock, log, QStringLiteral("a"), 100);
        QVERIFY(processEventsUntil([&] { return log.size() == 1; }));
        // Timers never fire early; at speed 1 it would take 100 s.
        QVERIFY2(wall.elapsed() >= 99 && wall.elapsed() < 20000,
                 qPrintable(QString::number(wall.elapsed())));
        QCOMPARE(log, strings({"a@100"})); // stamped with the exact deadline
    }

    void catchingUpStampsWhatHappensNowWithTheDisplayedTime()
    {
        ScenarioClock clock(ScenarioClock::Mode::Real);
        clock.setSpeed(1000);
        QStringList log;
        std::stop_source stop;
        auto a = sleeper(clock, log, QStringLiteral("a"), 1000, stop.get_token());
        QVERIFY(processEventsUntil([&] { return clock.displayTime() > seconds(5); }));
        clock.setPaused(true);
        const ScenarioTime shown = clock.displayTime();
        QCOMPARE(clock.now(), ScenarioTime(0)); // no instant reached yet
        clock.catchUp();
        QCOMPARE(clock.now(), shown);
        stop.request_stop();
        QVERIFY(processEventsUntil([&] { return log.size() == 1; }));
        QCOMPARE(log, QStringList{u"a cancelled@%1"_s.arg(scenarioTimeToSeconds(shown))});
    }

    void secondsConvertBothWays()
    {
        QCOMPARE(secondsToScenarioTime(1.5).count(), 1500000);
        QCOMPARE(secondsToScenarioTime(0.0000004).count(), 0);
        QCOMPARE(scenarioTimeToSeconds(ScenarioTime(250000)), 0.25);
    }
};

QTEST_GUILESS_MAIN(ClockTest)
#include "tst_clock.moc"
