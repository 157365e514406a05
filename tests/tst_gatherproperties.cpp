// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Properties of gather over random gathers, on virtual time: every task is reported ended
// exactly once, after its start; the awaiter, when there is one, gets a result for each task
// or an exception; and, in the sanitizer builds, nothing is read after it was freed or leaked
// while tasks end inside other tasks' ends, inside timers, after the awaiter has gone.
// GATHERSCOPE_GATHER_RUNS sets the count of gathers (2,000 here; scripts/gather-properties runs
// more under AddressSanitizer). A failure names the seed that makes its gather again.

#include "coroutinetest.h"

#include "gather.h"
#include "testclock.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <random>
#include <stdexcept>

using namespace Gatherscope;
using namespace GatherscopeTest;

// Named, not anonymous: gather's coroutine templates hold these types, and GCC warns of a
// coroutine frame with a member of internal linkage.
namespace GatherPropertiesTestSupport {

int gatherRuns()
{
    const int runs = qEnvironmentVariableIntValue("GATHERSCOPE_GATHER_RUNS");
    return runs > 0 ? runs : 2000;
}

//! Something a task can wait for, set from outside: it resumes its waiters at once, inside
//! whatever set it (a timer, another task's body), as a callback-driven source would.
class Signal {
public:
    void set()
    {
        m_set = true;
        for (const auto waiter : std::exchange(m_waiters, {}))
            waiter.resume();
    }
    auto operator co_await()
    {
        struct Awaiter {
            Signal *signal;
            bool await_ready() const noexcept { return signal->m_set; }
            void await_suspend(std::coroutine_handle<> waiter) const
            {
                signal->m_waiters.push_back(waiter);
            }
            void await_resume() const noexcept {}
        };
        return Awaiter{this};
    }

private:
    bool m_set = false;
    std::vector<std::coroutine_handle<>> m_waiters;
};

//! One random gather's world: its clock, its Signals, what its observer was told.
struct World {
    TestClock clock;
    std::vector<std::unique_ptr<Signal>> wakeUps;
    std::vector<int> starts; // by task index
    std::vector<int> ends;
    QString misreport; // the first report out of order, if any
};

using Factory = std::function<QCoro::Task<int>(std::stop_token)>;

//! A task of one of the kinds a gather meets: ends at once or later, returns or raises, throws
//! before it is made, ignores its token, waits for a signal set by a timer or by another task,
//! holds a gather of its own.
Factory randomTask(World &world, std::mt19937 &random, int index)
{
    const double delay = double(random() % 4);
    switch (random() % 8) {
    case 0:
        return [index](std::stop_token) -> QCoro::Task<int> { co_return index; };
    case 1:
        return [](std::stop_token) -> QCoro::Task<int> {
            throw std::runtime_error("raised at once");
            co_return 0;
        };
    case 2:
        return [](std::stop_token) -> QCoro::Task<int> { throw std::logic_error("no task made"); };
    case 3:
        return [&world, delay, index](std::stop_token token) -> QCoro::Task<int> {
            co_await world.clock.sleep(delay, std::move(token));
            co_return index;
        };
    case 4:
        return [&world, delay](std::stop_token token) -> QCoro::Task<int> {
            co_await world.clock.sleep(delay, std::move(token));
            throw std::runtime_error("raised later");
        };
    case 5: {
        Signal *signal = world.wakeUps.emplace_back(std::make_unique<Signal>()).get();
        world.clock.callAt(delay, [signal] { signal->set(); });
        return [signal, index](std::stop_token) -> QCoro::Task<int> {
            co_await *signal;
            co_return index;
        };
    }
    case 6: { // sets the signal made last (its waiter ends inside this task), ignores its token
        Signal *other = world.wakeUps.empty() ? nullptr : world.wakeUps.back().get();
        return [&world, other, delay, index](std::stop_token) -> QCoro::Task<int> {
            if (other)
                other->set();
            co_await world.clock.sleep(delay + 0.5);
            co_return index;
        };
    }
    default:
        return [&world, delay](std::stop_token token) -> QCoro::Task<int> {
            // In std::function: GCC warns of a lambda's type in a gather's coroutine frame here.
            const std::function<QCoro::Task<>()> sleeps = [&world, delay]() -> QCoro::Task<> {
                co_await world.clock.sleep(delay);
            };
            const std::function<QCoro::Task<int>()> seven = []() -> QCoro::Task<int> {
                co_return 7;
            };
            GatherOptions options;
            options.stopToken = token;
            const auto [slept, value] =
                co_await gather<GatherPolicy::ReturnExceptions>(options, sleeps, seven);
            co_return value.hasValue() ? value.value() : -1;
        };
    }
}

//! Awaits the gather, or drops it at once (its tasks run on, nobody awaiting them).
template<GatherPolicy Policy>
QCoro::Task<> runGather(std::vector<Factory> work, GatherOptions options, bool awaited,
                        QString &wrongResult)
{
    const std::size_t count = work.size();
    if (!awaited) {
        const auto dropped = gather<Policy>(std::move(work), std::move(options));
        co_return;
    }
    try {
        const auto results = co_await gather<Policy>(std::move(work), std::move(options));
        if (results.size() != count)
            wrongResult = QStringLiteral("%1 results of %2").arg(results.size()).arg(count);
    } catch (...) {
        // Any exception: the first a task raised, or CancelledError.
    }
}

QCoro::Task<> randomGather(GatherPolicy policy, std::vector<Factory> work, GatherOptions options,
                           bool awaited, QString &wrongResult)
{
    switch (policy) {
    case GatherPolicy::FailFast:
        return runGather<GatherPolicy::FailFast>(std::move(work), std::move(options), awaited,
                                                 wrongResult);
    case GatherPolicy::FailFastCancel:
        return runGather<GatherPolicy::FailFastCancel>(std::move(work), std::move(options), awaited,
                                                       wrongResult);
    case GatherPolicy::CancelAndJoin:
        return runGather<GatherPolicy::CancelAndJoin>(std::move(work), std::move(options), awaited,
                                                      wrongResult);
    case GatherPolicy::ReturnExceptions:
        break;
    }
    return runGather<GatherPolicy::ReturnExceptions>(std::move(work), std::move(options), awaited,
                                                     wrongResult);
}

} // namespace GatherPropertiesTestSupport

using namespace GatherPropertiesTestSupport;

class GatherPropertiesTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyTaskOfARandomGatherEndsOnceAndItsAwaiterIsAnswered()
    {
        const int runs = gatherRuns();
        for (int seed = 0; seed < runs; ++seed) {
            std::mt19937 random{std::mt19937::result_type(seed)};
            World world;
            const int count = 1 + int(random() % 20);
            world.starts.assign(std::size_t(count), 0);
            world.ends.assign(std::size_t(count), 0);
            std::vector<Factory> work;
            for (int i = 0; i < count; ++i)
                work.push_back(randomTask(world, random, i));
            GatherOptions options;
            options.maxConcurrency = random() % 4;
            std::stop_source cancel;
            if (random() % 3 == 0) {
                options.stopToken = cancel.get_token();
                world.clock.callAt(double(random() % 4) + 0.25,
                                   [&cancel] { cancel.request_stop(); });
            }
            options.observer = [&world](const GatherTaskEvent &event) {
                auto &starts = world.starts[event.index];
                auto &ends = world.ends[event.index];
                const bool started = event.kind == GatherTaskEvent::Kind::Started;
                // A task cancelled before its start ends without one.
                const bool inOrder =
                    started ? starts == 0 && ends == 0
                            : ends == 0 &&
                                  (starts == 1 || event.kind == GatherTaskEvent::Kind::Cancelled);
                if (!inOrder && world.misreport.isEmpty())
                    world.misreport = QStringLiteral("task %1 told %2 after %3 starts, %4 ends")
                                          .arg(event.index)
                                          .arg(int(event.kind))
                                          .arg(starts)
                                          .arg(ends);
                ++(started ? starts : ends);
            };
            const auto policy = GatherPolicy(random() % 4);
            const bool awaited = random() % 2 == 0;
            QString wrongResult;
            const QCoro::Task<> running =
                randomGather(policy, std::move(work), std::move(options), awaited, wrongResult);

            const auto allEnded = [&] {
                return std::all_of(world.ends.begin(), world.ends.end(),
                                   [](int ends) { return ends > 0; });
            };
            const QString run = QStringLiteral("seed %1").arg(seed);
            QVERIFY2(processEventsUntil([&] {
                         return running.isReady() && allEnded() && !world.clock.hasPending();
                     }),
                     qPrintable(run));
            QVERIFY2(world.misreport.isEmpty(),
                     qPrintable(run + QStringLiteral(": ") + world.misreport));
            QVERIFY2(wrongResult.isEmpty(), qPrintable(run + QStringLiteral(": ") + wrongResult));
            QCOMPARE(std::count(world.ends.begin(), world.ends.end(), 1), count);
        }
    }
};

QTEST_GUILESS_MAIN(GatherPropertiesTest)
#include "tst_gatherproperties.moc"
