// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The runner: the event record of a scenario, event by event, on the virtual clock.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "eventloopqueue.h"
#include "pythonrepr.h"
#include "runner.h"
#include "scenarioloader.h"
#include "traceexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace RunnerTestSupport {

//! "t node kind detail" for every event: the record in a form a test can compare.
QStringList describe(const EventRecord &record)
{
    QStringList lines;
    for (const auto &event : record.events()) {
        QString line = QStringLiteral("%1 %2 %3")
                           .arg(scenarioTimeToSeconds(event.time))
                           .arg(event.node)
                           .arg(eventKindName(event.kind));
        switch (event.kind) {
        case TaskEvent::Kind::Printed:
            line += u' ' + event.text;
            break;
        case TaskEvent::Kind::Slept:
        case TaskEvent::Kind::Computing:
            line += QStringLiteral(" until %1").arg(scenarioTimeToSeconds(event.until));
            break;
        case TaskEvent::Kind::Returned:
        case TaskEvent::Kind::GatherReturned:
            line += u' ' + pythonRepr(event.value);
            break;
        case TaskEvent::Kind::Raised:
        case TaskEvent::Kind::Cancelled:
        case TaskEvent::Kind::GatherRaised:
            line += u' ' + QString::fromStdString(event.error->typeName);
            if (!event.error->message.empty())
                line += u": "_s + QString::fromStdString(event.error->message);
            break;
        default:
            break;
        }
        lines << line;
    }
    return lines;
}

//! Runs \a scenario to its end on the virtual clock.
std::unique_ptr<Runner> runToEnd(Scenario scenario, RunOptions options = {})
{
    auto runner = std::make_unique<Runner>(std::move(scenario), options);
    QSignalSpy finished(runner.get(), &Runner::finished);
    runner->start();
    if (!finished.wait(30000)) // ThreadSanitizer makes a compute's sieve many times slower
        qFatal("the run did not finish");
    return runner;
}

//! The index of the last event of \a node.
int lastIndexOfNode(const EventRecord &record, int node)
{
    const auto &events = record.events();
    for (int i = int(events.size()) - 1; i >= 0; --i) {
        if (events[std::size_t(i)].node == node)
            return i;
    }
    return -1;
}

//! True if every node of the tree ended exactly once, with its last event, after at most one
//! start; a task cancelled before its first step ends without having started, as in asyncio.
//! A nested gather is a task that holds a gather: it ends as a task after its gather ended.
bool everyTaskEndedOnce(const EventRecord &record)
{
    struct Seen {
        int started = 0, gatherStarted = 0, gatherEnded = 0, ended = 0;
    };
    std::vector<Seen> seen(record.nodes().size());
    for (const TaskEvent &event : record.events()) {
        Seen &node = seen[std::size_t(event.node)];
        const bool isTop = event.node == 0;
        if (node.ended > 0 || (isTop && node.gatherEnded > 0))
            return false; // an event after the end
        switch (event.kind) {
        case TaskEvent::Kind::GatherStarted:
            if (!isTop && node.started == 0)
                return false;
            ++node.gatherStarted;
            break;
        case TaskEvent::Kind::GatherReturned:
        case TaskEvent::Kind::GatherRaised:
            if (node.gatherStarted == 0)
                return false;
            ++node.gatherEnded;
            break;
        case TaskEvent::Kind::Started:
            ++node.started;
            break;
        case TaskEvent::Kind::Cancelled:
            ++node.ended;
            break;
        default: // printed, slept, woke, returned, raised: only after a start
            if (node.started == 0)
                return false;
            if (event.kind == TaskEvent::Kind::Returned || event.kind == TaskEvent::Kind::Raised)
                ++node.ended;
            break;
        }
    }
    for (std::size_t id = 0; id < seen.size(); ++id) {
        const Seen &node = seen[id];
        const bool whole = id == 0 ? node.gatherStarted == 1 && node.gatherEnded == 1
                                   : node.started <= 1 && node.ended == 1 &&
                                         node.gatherEnded == node.gatherStarted;
        if (!whole)
            return false;
    }
    return true;
}

} // namespace RunnerTestSupport
using namespace RunnerTestSupport;

class RunnerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void basicRecordsEveryEventInOrder()
    {
        const auto runner = runToEnd(bundledScenario(u"basic"_s));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started", "0 1 started", "0 1 printed Hello, Mr. Turtle!",
                          "0 1 slept until 1", "0 2 started", "0 2 printed Hello, Mr. Wolf!",
                          "0 2 slept until 2", "1 1 woke", "1 1 printed Goodbye, Mr. Turtle!",
                          "1 1 returned 'Mr. Turtle is done'", "2 2 woke",
                          "2 2 printed Goodbye, Mr. Wolf!", "2 2 returned 'Mr. Wolf is done'",
                          "2 0 gather returned ['Mr. Turtle is done', 'Mr. Wolf is done']"}));
        QVERIFY(runner->state() == Runner::State::Finished);
        QVERIFY(!runner->gatherRaised());
    }

    void aComputeTakesItsCostOnTheVirtualClockWhileTheOthersRun()
    {
        const auto runner = runToEnd(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "sum_primes", "n": 1000000, "cost": 2},
            {"task": "say_hello", "name": "Ada", "sleep": 1},
            {"task": "compute", "work": "count_primes", "n": 10, "cost": 0}]})"));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started",
                          "0 1 started",
                          "0 1 printed Computing sum_primes(1000000) on a worker thread",
                          "0 1 computing until 2",
                          "0 2 started",
                          "0 2 printed Hello, Ada!",
                          "0 2 slept until 1",
                          "0 3 started",
                          "0 3 printed Computing count_primes(10) on a worker thread",
                          "0 3 computing until 0",
                          "0 3 woke",
                          "0 3 printed count_primes(10) = 4",
                          "0 3 returned 4",
                          "1 2 woke",
                          "1 2 printed Goodbye, Ada!",
                          "1 2 returned 'Ada is done'",
                          "2 1 woke",
                          "2 1 printed sum_primes(1000000) = 37550402023",
                          "2 1 returned 37550402023",
                          "2 0 gather returned [37550402023, 'Ada is done', 4]"}));
    }

    void aComputeCancelledOnItsWorkerEndsAtOnce()
    {
        // asyncio cancels a task awaiting to_thread at once; the thread finishes unheard.
        const auto runner = runToEnd(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "sum_primes", "n": 1000, "cost": 5,
             "cancel_after": 1.5}], "return_exceptions": true})"));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started", "0 1 started",
                          "0 1 printed Computing sum_primes(1000) on a worker thread",
                          "0 1 computing until 5", "1.5 1 cancelled CancelledError",
                          "1.5 0 gather returned [CancelledError('')]"}));
    }

    void onTheRealClockAComputeWorksOffTheLoop()
    {
        // The loop is not held while the worker sieves two million numbers: a say_hello that
        // yields (sleep 0) comes and goes in a few turns, long before the work is back.
        auto scenario = scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "count_primes", "n": 2000000, "cost": 0},
            {"task": "say_hello", "name": "Ada", "sleep": 0}]})");
        RunOptions realClock;
        realClock.clockMode = ScenarioClock::Mode::Real;
        const auto runner = runToEnd(scenario, realClock);
        const QStringList events = describe(runner->record());
        const auto indexOf = [&](const QString &suffix) {
            for (qsizetype i = 0; i < events.size(); ++i) {
                if (events[i].endsWith(suffix))
                    return i;
            }
            return qsizetype(-1);
        };
        QVERIFY(indexOf(u"2 returned 'Ada is done'"_s) >= 0);
        QVERIFY2(indexOf(u"2 returned 'Ada is done'"_s) < indexOf(u"1 woke"_s),
                 qPrintable(events.join(u'\n')));
        QVERIFY(events.last().endsWith(u"0 gather returned [148933, 'Ada is done']"_s));
    }

    void onTheRealClockACancelReachesAComputeBeforeItsWorkIsBack()
    {
        // Paused, the clock runs no timer until stepped: the cancel_after comes while the
        // worker still sieves, and the task ends cancelled at once, without its result.
        RunOptions realClock;
        realClock.clockMode = ScenarioClock::Mode::Real;
        auto runner = std::make_unique<Runner>(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "count_primes", "n": 2000000, "cost": 0,
             "cancel_after": 0.001}], "return_exceptions": true})"),
                                               realClock);
        QSignalSpy finished(runner.get(), &Runner::finished);
        runner->clock().setPaused(true);
        runner->start();
        QTRY_COMPARE(describe(runner->record()).size(), 4); // started, printed, computing
        runner->clock().stepToNextEvent();
        QVERIFY(finished.wait(30000));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started", "0 1 started",
                          "0 1 printed Computing count_primes(2000000) on a worker thread",
                          "0 1 computing until 0", "0.001 1 cancelled CancelledError",
                          "0.001 0 gather returned [CancelledError('')]"}));
    }

    void aRecordThatKeepsNoEventsStillTellsEachInTurn()
    {
        // A headless run that only prints: each event told with the index it would have, none
        // kept. The same run kept tells the same events.
        RunOptions forgetting;
        forgetting.keepEvents = false;
        auto runner = std::make_unique<Runner>(bundledScenario(u"basic"_s), forgetting);
        QStringList told;
        QList<int> indices;
        connect(&runner->record(), &EventRecord::eventRecorded, this,
                [&](const TaskEvent &event, int index) {
                    told << eventKindName(event.kind) + u' ' + QString::number(event.node);
                    indices << index;
                });
        QSignalSpy finished(runner.get(), &Runner::finished);
        runner->start();
        QVERIFY(finished.wait(5000));
        QVERIFY(runner->record().events().empty());
        QCOMPARE(runner->record().appendedCount(), std::size_t(14));
        QCOMPARE(indices, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}));
        const auto kept = runToEnd(bundledScenario(u"basic"_s));
        QStringList expected;
        for (const TaskEvent &event : kept->record().events())
            expected << eventKindName(event.kind) + u' ' + QString::number(event.node);
        QCOMPARE(told, expected);
        QCOMPARE(kept->record().appendedCount(), std::size_t(14));
    }

    void theTaskTreeIsNumberedDepthFirst()
    {
        const auto runner = std::make_unique<Runner>(bundledScenario(u"nested"_s), RunOptions{});
        const auto &nodes = runner->record().nodes();
        QCOMPARE(nodes.size(), std::size_t(6));
        QStringList tree;
        for (const auto &node : nodes) {
            tree << QStringLiteral("%1 parent=%2 depth=%3 %4 %5")
                        .arg(node.id)
                        .arg(node.parent)
                        .arg(node.depth)
                        .arg(runner->record().placeOf(node.id), node.label);
        }
        QCOMPARE(tree, strings({"0 parent=-1 depth=0  Nested gathers",
                                "1 parent=0 depth=1 tasks[0] say_hello('Alice')",
                                "2 parent=0 depth=1 tasks[1] inner gather",
                                "3 parent=2 depth=2 tasks[1].tasks[0] divide(1, 4)",
                                "4 parent=2 depth=2 tasks[1].tasks[1] divide(1, 0)",
                                "5 parent=0 depth=1 tasks[2] say_hello('Bob')"}));
    }

    void nestedGatherRecordsItsOwnStartAndReturn()
    {
        const auto runner = runToEnd(bundledScenario(u"nested"_s));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started",
                          // A nested gather is made with its parent; tasks start a turn later.
                          "0 2 started", "0 2 gather started", "0 1 started",
                          "0 1 printed Hello, Alice!", "0 1 slept until 1", "0 3 started",
                          "0 3 printed Dividing 1 by 4", "0 3 slept until 2", "0 4 started",
                          "0 4 printed Dividing 1 by 0", "0 4 slept until 0.5", "0 5 started",
                          "0 5 printed Hello, Bob!", "0 5 slept until 3", "0.5 4 woke",
                          "0.5 4 raised ZeroDivisionError: Cannot divide by zero", "1 1 woke",
                          "1 1 printed Goodbye, Alice!", "1 1 returned 'Alice is done'", "2 3 woke",
                          "2 3 returned 0.25",
                          "2 2 gather returned [0.25, ZeroDivisionError('Cannot divide by zero')]",
                          "2 2 returned [0.25, ZeroDivisionError('Cannot divide by zero')]",
                          "3 5 woke", "3 5 printed Goodbye, Bob!", "3 5 returned 'Bob is done'",
                          "3 0 gather returned ['Alice is done', [0.25, "
                          "ZeroDivisionError('Cannot divide by zero')], 'Bob is done']"}));
    }

    void afterAFailFastRaiseTheOtherTasksKeepRunning()
    {
        const auto runner = runToEnd(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "divide", "x": 20, "y": 0, "sleep": 1},
            {"task": "say_hello", "name": "Ada", "sleep": 3}]})"));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started", "0 1 started", "0 1 printed Dividing 20 by 0",
                          "0 1 slept until 1", "0 2 started", "0 2 printed Hello, Ada!",
                          "0 2 slept until 3", "1 1 woke",
                          "1 1 raised ZeroDivisionError: Cannot divide by zero",
                          "1 0 gather raised ZeroDivisionError: Cannot divide by zero", "3 2 woke",
                          "3 2 printed Goodbye, Ada!", "3 2 returned 'Ada is done'"}));
        QVERIFY(runner->gatherRaised());
    }

    void aRunEndsAtItsLastEventNotAtCancellationsLeftOver()
    {
        // Ada ends at 1 s; the cancellations due at 2.5 s and 4 s have nothing left to cancel.
        const auto runner = runToEnd(scenarioFromJson(R"({"title": "t", "cancel_after": 2.5,
            "tasks": [{"task": "say_hello", "name": "Ada", "sleep": 1, "cancel_after": 4}]})"));
        QCOMPARE(runner->clock().now(), secondsToScenarioTime(1));
        QVERIFY(!runner->clock().hasPending());
        QCOMPARE(describe(runner->record()).last(), u"1 0 gather returned ['Ada is done']"_s);
    }

    void cancellingStampsTheMomentItWasAskedFor()
    {
        RunOptions realTime;
        realTime.clockMode = ScenarioClock::Mode::Real;
        realTime.speed = 1000;
        Runner runner(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "say_hello", "name": "Ada", "sleep": 1000}]})"),
                      realTime);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(processEventsUntil(
            [&] { return runner.clock().displayTime() > secondsToScenarioTime(5); }));
        runner.clock().setPaused(true); // Esc pressed while paused, between two instants
        const double shown = scenarioTimeToSeconds(runner.clock().displayTime());
        runner.cancel();
        QVERIFY(finished.wait(5000));
        const QStringList events = describe(runner.record());
        QCOMPARE(events.mid(events.size() - 2),
                 QStringList({u"%1 1 cancelled CancelledError"_s.arg(shown),
                              u"%1 0 gather raised CancelledError"_s.arg(shown)}));
    }

    void aTaskCancelledAloneTakesItsPlace()
    {
        const auto runner = runToEnd(bundledScenario(u"cancel"_s));
        const QStringList events = describe(runner->record());
        QVERIFY(events.contains(u"2 2 cancelled CancelledError"_s));
        QCOMPARE(events.last(),
                 u"2 0 gather returned ['Ada is done', CancelledError(''), 0.125]"_s);
        // At t=2 the cancellation reaches Grace before the division wakes.
        QVERIFY(events.indexOf(u"2 2 cancelled CancelledError"_s) < events.indexOf(u"2 3 woke"_s));
    }

    void cancellingTheWholeGather()
    {
        const auto runner = runToEnd(bundledScenario(u"cancel-all"_s));
        const QStringList events = describe(runner->record());
        // Ada finished at 1; at 1.5 the two sleeping tasks are cancelled in input order, and
        // the awaiter, resumed through the event loop, sees CancelledError after them.
        QCOMPARE(events.mid(events.size() - 6),
                 strings({"1 1 woke", "1 1 printed Goodbye, Ada!", "1 1 returned 'Ada is done'",
                          "1.5 2 cancelled CancelledError", "1.5 3 cancelled CancelledError",
                          "1.5 0 gather raised CancelledError"}));
        QVERIFY(runner->gatherRaised());
    }

    void theCancelSlotCancelsTheGather()
    {
        auto runner = std::make_unique<Runner>(bundledScenario(u"basic"_s), RunOptions{});
        QSignalSpy finished(runner.get(), &Runner::finished);
        runner->clock().callAt(secondsToScenarioTime(0.5), [&] { runner->cancel(); });
        runner->start();
        QVERIFY(finished.wait(5000));
        const QStringList events = describe(runner->record());
        QCOMPARE(events.mid(events.size() - 3),
                 strings({"0.5 1 cancelled CancelledError", "0.5 2 cancelled CancelledError",
                          "0.5 0 gather raised CancelledError"}));
    }

    // A person may press Cancel at any moment: after each event of a run in turn, from inside
    // the very signal that announced it, the run must still end once, with a whole record.
    void cancellingAtEveryEventEndsTheRunWithAWholeRecord_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"basic", "advanced", "fail-fast", "nested", "cancel", "cancel-all", "classroom"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void cancellingAtEveryEventEndsTheRunWithAWholeRecord()
    {
        QFETCH(QString, name);
        RunOptions seeded;
        seeded.seed = 5;
        const auto whole = runToEnd(bundledScenario(name), seeded);
        const int eventCount = int(whole->record().events().size());
        const int topEnd = lastIndexOfNode(whole->record(), 0);
        for (int at = 0; at < eventCount; ++at) {
            Runner runner(bundledScenario(name), seeded);
            QSignalSpy finished(&runner, &Runner::finished);
            connect(&runner.record(), &EventRecord::eventRecorded, &runner,
                    [&runner, at](const TaskEvent &, int index) {
                        if (index == at)
                            runner.cancel();
                    });
            runner.start();
            QVERIFY2(finished.count() == 1 || finished.wait(5000),
                     qPrintable(name + QStringLiteral(", cancelled after event %1\n").arg(at) +
                                describe(runner.record()).join(u"\n"_s)));
            const QString where = name + QStringLiteral(", cancelled after event %1").arg(at);
            QCOMPARE(finished.count(), 1);
            QVERIFY2(everyTaskEndedOnce(runner.record()),
                     qPrintable(where + u"\n"_s + describe(runner.record()).join(u"\n"_s)));
            // Before the gather ended, cancelling it makes it raise CancelledError, as
            // `gather_future.cancel()` does, or the error of a task that raised in the step it
            // was running when the cancel came (asyncio lets that step end); once the gather
            // has ended, nothing changes.
            const TaskEvent &last =
                runner.record().events()[std::size_t(lastIndexOfNode(runner.record(), 0))];
            const TaskEvent &wholeLast = whole->record().events()[std::size_t(topEnd)];
            if (at < topEnd) {
                QVERIFY2(
                    last.kind == TaskEvent::Kind::GatherRaised &&
                        (last.error->typeName == "CancelledError" || last.error == wholeLast.error),
                    qPrintable(where + u"\n"_s + describe(runner.record()).join(u"\n"_s)));
            } else {
                QCOMPARE(describe(runner.record()), describe(whole->record()));
            }
        }
    }

    // The window's preview, its run and its comparison share one scenario: an override of
    // return_exceptions runs a copy that says so, and the shared one stays as it was.
    void anOverrideLeavesASharedScenarioAsItWas()
    {
        const auto shared = std::make_shared<const Scenario>(bundledScenario(u"advanced"_s));
        QVERIFY(shared->returnExceptions);
        const Runner same(shared, RunOptions{});
        QCOMPARE(&same.scenario(), shared.get()); // shared, not copied

        RunOptions failFast;
        failFast.returnExceptions = false;
        const Runner overridden(shared, failFast);
        QVERIFY(!overridden.scenario().returnExceptions);
        QVERIFY(shared->returnExceptions);
        QCOMPARE(overridden.scenario().tasks.size(), shared->tasks.size());
        failFast.returnExceptions = true; // what the file says already: nothing to copy
        QCOMPARE(&Runner(shared, failFast).scenario(), shared.get());
    }

    void overridesAndSeededRandomSleeps()
    {
        RunOptions options;
        options.returnExceptions = false;
        const auto failFast = runToEnd(bundledScenario(u"advanced"_s), options);
        QVERIFY(failFast->gatherRaised());

        RunOptions seeded;
        seeded.seed = 99;
        const auto first = runToEnd(bundledScenario(u"classroom"_s), seeded);
        const auto second = runToEnd(bundledScenario(u"classroom"_s), seeded);
        QCOMPARE(describe(first->record()), describe(second->record()));
        QCOMPARE(first->seed(), std::uint64_t(99));
        QVERIFY(!first->seedIsFresh());
        QVERIFY(first->usesRandomSleeps());
        for (const auto &node : first->record().nodes()) {
            if (node.kind == TaskSpec::Kind::SayHello && node.depth == 1 && node.id < 11) {
                QVERIFY(node.plannedSleep >= LoopTime(1));
                QVERIFY(node.plannedSleep <= LoopTime(5));
            }
        }
        const Runner fresh(bundledScenario(u"basic"_s), RunOptions{});
        QVERIFY(fresh.seedIsFresh());
        QVERIFY(!fresh.usesRandomSleeps());
    }

    void destroyingARunnerMidRunIsSafe()
    {
        // Real time, paused and stepped: on the virtual clock the whole run could end within
        // one turn of the event loop, before the Runner is destroyed.
        RunOptions stepped;
        stepped.clockMode = ScenarioClock::Mode::Real;
        auto runner = std::make_unique<Runner>(bundledScenario(u"classroom"_s), stepped);
        runner->start();
        auto &clock = runner->clock();
        clock.setPaused(true);
        while (clock.now() < secondsToScenarioTime(2)) {
            clock.stepToNextEvent();
            QVERIFY(processEventsUntil([] { return EventLoopQueue::pendingCount() == 0; }));
        }
        QCOMPARE(runner->state(), Runner::State::Running);
        QPointer<const EventRecord> record = &runner->record();
        QStringList after;
        connect(record, &EventRecord::eventRecorded, this,
                [&](const TaskEvent &event) { after << eventKindName(event.kind); });
        runner.reset(); // tasks still sleep; they unwind on later turns
        QVERIFY(!record.isNull());
        // Every task unwinds as cancelled and lets go of the run's state, record included.
        QVERIFY(processEventsUntil([&] { return record.isNull(); }));
        QVERIFY2(after.count(u"cancelled"_s) >= 5, qPrintable(after.join(u", "_s)));
        QVERIFY2(!after.contains(u"returned"_s), qPrintable(after.join(u", "_s)));
        QCOMPARE(EventLoopQueue::pendingCount(), std::size_t(0));
    }

    void aRunnerDestroyedAfterAFailFastRaiseStopsWaitingForItsWorker()
    {
        // The gather has raised, so it cancels nothing more: destroying the Runner must still
        // stop the compute that waits for its worker, rather than let it wait, then return.
        RunOptions realClock;
        realClock.clockMode = ScenarioClock::Mode::Real;
        auto runner = std::make_unique<Runner>(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "compute", "work": "count_primes", "n": 10000000, "cost": 0},
            {"task": "divide", "x": 1, "y": 0, "sleep": 0}]})"),
                                               realClock);
        runner->start();
        QTRY_VERIFY(runner->record().events().back().kind == TaskEvent::Kind::GatherRaised);
        QPointer<const EventRecord> record = &runner->record();
        QStringList after;
        connect(record, &EventRecord::eventRecorded, this, [&](const TaskEvent &event) {
            after << u"%1 %2"_s.arg(event.node).arg(eventKindName(event.kind));
        });
        runner.reset(); // the sieve of ten million is still on its worker
        QVERIFY(processEventsUntil([&] { return record.isNull(); }));
        QCOMPARE(after, QStringList{u"1 cancelled"_s});
    }

    void emptyScenarioReturnsAnEmptyList()
    {
        const auto runner =
            runToEnd(scenarioFromJson(R"({"title": "nothing", "report": "list", "tasks": []})"));
        QCOMPARE(describe(runner->record()),
                 strings({"0 0 gather started", "0 0 gather returned []"}));
    }

    void chromeTraceHasATrackPerTaskSlicesAndFlows()
    {
        const auto runner = runToEnd(bundledScenario(u"nested"_s));
        const auto trace = QJsonDocument::fromJson(chromeTraceJson(runner->record())).object();
        const QJsonArray events = trace.value(u"traceEvents"_s).toArray();
        QStringList names;
        int slices = 0;
        int flows = 0;
        for (const auto &value : events) {
            const auto event = value.toObject();
            const QString phase = event.value(u"ph"_s).toString();
            if (event.value(u"name"_s).toString() == u"thread_name")
                names << event.value(u"args"_s).toObject().value(u"name"_s).toString();
            slices += phase == u"X";
            flows += phase == u"s";
        }
        QCOMPARE(names, strings({"Nested gathers", "  say_hello('Alice')", "  inner gather",
                                 "    divide(1, 4)", "    divide(1, 0)", "  say_hello('Bob')"}));
        QCOMPARE(slices, 6 + 4); // every node's life, and the four sleeps
        QCOMPARE(flows, 5);      // one arrow from each gather to each of its tasks
    }
};

QTEST_GUILESS_MAIN(RunnerTest)
#include "tst_runner.moc"
