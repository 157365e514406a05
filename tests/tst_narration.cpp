// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// What happened, in words: the narration of every bundled example, word for word, and of runs
// that cut long lists, cancel nested gathers and are cancelled by a person.

#include "narration.h"
#include "runner.h"
#include "scenarioloader.h"

#include <QSignalSpy>
#include <QTest>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

//! The narration of \a scenario run on the virtual clock; \a cancelAt: cancel it then, as Esc
//! does.
QStringList narrationOf(const Scenario &scenario, std::optional<double> cancelAt = {})
{
    Runner runner(scenario, RunOptions{});
    QSignalSpy finished(&runner, &Runner::finished);
    if (cancelAt) {
        QObject::connect(&runner.record(), &EventRecord::eventRecorded, &runner,
                         [&](const TaskEvent &event) {
                             if (event.time >= secondsToScenarioTime(*cancelAt))
                                 runner.cancel();
                         });
    }
    runner.start();
    if (!finished.wait(10000))
        qFatal("the run did not finish");
    return narrate(runner.record());
}

} // namespace

class NarrationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aBlockingSleepIsToldAsHoldingTheLoop()
    {
        const auto scenario = std::get<Scenario>(ScenarioLoader::parse(R"({"title": "t",
            "tasks": [{"task": "say_hello", "name": "A", "sleep": 0.5},
                      {"task": "blocking_sleep", "sleep": 2},
                      {"task": "blocking_sleep", "sleep": 0},
                      {"task": "blocking_sleep", "sleep": 0.5}]})",
                                                                       u"t.json"_s));
        QCOMPARE(narrationOf(scenario),
                 (QStringList{u"At 0 s the gather started its 4 tasks: say_hello('A'), "
                              "blocking_sleep(2), blocking_sleep(0) and blocking_sleep(0.5)."_s,
                              u"From 0 s to 2 s blocking_sleep(2) held the event loop (time.sleep "
                              "in a coroutine): no other task ran, and every wake-up due "
                              "meanwhile waited until it ended."_s,
                              u"From 2 s to 2.5 s blocking_sleep(0.5) held the event loop too."_s,
                              u"At 2.5 s the awaiter received all 4 results, in input order: ['A "
                              "is done', 2, 0, 0.5]."_s,
                              u"Every task had ended by 2.5 s."_s}));
    }

    void bundledExamplesAreToldWordForWord_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("story");
        QTest::newRow("basic")
            << u"basic"_s
            << QStringList{
                   u"At 0 s the gather started its 2 tasks: say_hello('Mr. Turtle') and say_hello('Mr. Wolf')."_s,
                   u"At 2 s the awaiter received both results, in input order: ['Mr. Turtle is done', 'Mr. Wolf is done']."_s,
                   u"Every task had ended by 2 s."_s};
        QTest::newRow("advanced")
            << u"advanced"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: divide(10, 2), divide(20, 0) and divide(30, 5)."_s,
                   u"At 1 s divide(20, 0) raised ZeroDivisionError: Cannot divide by zero (return_exceptions is True: it takes its place in the results)."_s,
                   u"At 1 s the awaiter received all 3 results, in input order: [5.0, ZeroDivisionError('Cannot divide by zero'), 6.0]."_s,
                   u"Every task had ended by 1 s."_s};
        QTest::newRow("fail-fast")
            << u"fail-fast"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: divide(10, 2), divide(20, 0) and divide(30, 5)."_s,
                   u"At 1 s divide(20, 0) raised ZeroDivisionError: Cannot divide by zero."_s,
                   u"return_exceptions is False, so at 1 s the gather raised ZeroDivisionError: Cannot divide by zero to its awaiter at once."_s,
                   u"gather does not cancel the others when it raises: one task kept running (divide(30, 5) until 3 s, returning 6.0), and no one received its outcome."_s,
                   u"Every task had ended by 3 s."_s};
        QTest::newRow("nested")
            << u"nested"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: say_hello('Alice'), inner gather and say_hello('Bob'). Among them, inner gather is a nested gather, with tasks of its own."_s,
                   u"At 0.5 s divide(1, 0) raised ZeroDivisionError: Cannot divide by zero (return_exceptions is True: it takes its place in the results)."_s,
                   u"At 3 s the awaiter received all 3 results, in input order: ['Alice is done', [0.25, ZeroDivisionError('Cannot divide by zero')], 'Bob is done']."_s,
                   u"Every task had ended by 3 s."_s};
        QTest::newRow("cancel")
            << u"cancel"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: say_hello('Ada'), say_hello('Grace') and divide(1, 8)."_s,
                   u"At 2 s say_hello('Grace') was cancelled by its own cancel_after."_s,
                   u"At 2 s the awaiter received all 3 results, in input order: ['Ada is done', CancelledError(''), 0.125]."_s,
                   u"Every task had ended by 2 s."_s};
        QTest::newRow("cancel-all")
            << u"cancel-all"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: say_hello('Ada'), say_hello('Grace') and divide(7, 2)."_s,
                   u"At 1.5 s say_hello('Grace') and divide(7, 2) were cancelled by the cancel_after of the whole gather."_s,
                   u"The gather was cancelled by its cancel_after, so at 1.5 s its awaiter got CancelledError instead of a list."_s,
                   u"Every task had ended by 1.5 s."_s};
        QTest::newRow("classroom")
            << u"classroom"_s
            << QStringList{
                   u"At 0 s the gather started its 12 tasks: say_hello('Amira'), say_hello('Ben'), say_hello('Chen'), say_hello('Dana') and 8 more. Among them, teachers is a nested gather, with tasks of its own."_s,
                   u"At 3 s the division by zero raised ZeroDivisionError: Cannot divide by zero (return_exceptions is True: it takes its place in the results)."_s,
                   u"At 4 s Kofi (cancelled at 4 s) was cancelled by its own cancel_after."_s,
                   u"At 5 s the awaiter received all 12 results, in input order: ['Amira is done', 'Ben is done', 'Chen is done', 'Dana is done', 3.142857142857143, 'Emeka is done', 'Fatima is done', Z…"_s,
                   u"Every task had ended by 5 s."_s};
        QTest::newRow("blocking")
            << u"blocking"_s
            << QStringList{
                   u"At 0 s the gather started its 3 tasks: say_hello('Ada'), blocking_sleep(2) and say_hello('Grace')."_s,
                   u"From 0 s to 2 s blocking_sleep(2) held the event loop (time.sleep in a coroutine): no other task ran, and every wake-up due meanwhile waited until it ended."_s,
                   u"At 3 s the awaiter received all 3 results, in input order: ['Ada is done', 2, 'Grace is done']."_s,
                   u"Every task had ended by 3 s."_s};
        QTest::newRow("compute")
            << u"compute"_s
            << QStringList{
                   u"At 0 s the gather started its 4 tasks: compute(sum_primes, 2000000), say_hello('Ada'), compute(count_primes, 1000000) and say_hello('Grace')."_s,
                   u"From 0 s to 2 s compute(sum_primes, 2000000) worked on a worker thread (asyncio.to_thread): the event loop stayed free and ran the other tasks meanwhile."_s,
                   u"From 0 s to 1.5 s compute(count_primes, 1000000) worked on a worker thread too."_s,
                   u"At 2 s the awaiter received all 4 results, in input order: [142913828922, 'Ada is done', 78498, 'Grace is done']."_s,
                   u"Every task had ended by 2 s."_s};
    }
    void bundledExamplesAreToldWordForWord()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, story);
        QCOMPARE(narrationOf(std::get<Scenario>(ScenarioLoader::load(name))), story);
    }

    void longListsAreCutAndNestedCancellationsNamed()
    {
        QByteArray json = "{\"title\": \"Many\", \"tasks\": [";
        for (int i = 0; i < 12; ++i) {
            json += "{\"task\": \"divide\", \"x\": " + QByteArray::number(i) +
                    ", \"y\": " + QByteArray::number(i % 3) +
                    ", \"sleep\": " + QByteArray::number(1 + i % 2) + "},";
        }
        json += "{\"task\": \"gather\", \"label\": \"inner\", \"cancel_after\": 0.5, "
                "\"tasks\": [{\"task\": \"say_hello\", \"name\": \"Zed\", \"sleep\": 1}]}]}";
        const QStringList story =
            narrationOf(std::get<Scenario>(ScenarioLoader::parse(json, u"many"_s)));
        QCOMPARE(story, QStringList(
                            {u"At 0 s the gather started its 13 tasks: divide(0, 0), divide(1, 1), "
                             "divide(2, 2), divide(3, 0) and 9 more. Among them, inner is a "
                             "nested gather, with tasks of its own."_s,
                             u"At 0.5 s say_hello('Zed') was cancelled by the cancel_after of "
                             "inner."_s,
                             u"At 0.5 s the gather raised CancelledError to its awaiter, which "
                             "got no list."_s,
                             u"gather does not cancel the others when it raises: 12 tasks kept "
                             "running (divide(0, 0) until 1 s, raising ZeroDivisionError; "
                             "divide(2, 2) until 1 s, returning 1.0; divide(4, 1) until 1 s, "
                             "returning 4.0; divide(6, 0) until 1 s, raising ZeroDivisionError "
                             "and 8 more), and no one received their outcomes."_s,
                             u"At 1 s divide(0, 0) raised ZeroDivisionError: Cannot divide by "
                             "zero; at 1 s divide(6, 0) raised ZeroDivisionError: Cannot divide "
                             "by zero; at 2 s divide(3, 0) raised ZeroDivisionError: Cannot "
                             "divide by zero; at 2 s divide(9, 0) raised ZeroDivisionError: "
                             "Cannot divide by zero."_s,
                             u"Every task had ended by 2 s."_s}));
    }

    void aRunCancelledByAPersonSaysSo()
    {
        const QStringList story =
            narrationOf(std::get<Scenario>(ScenarioLoader::load(u"basic"_s)), 0.0);
        QVERIFY2(story.contains(u"At 0 s say_hello('Mr. Turtle') and say_hello('Mr. Wolf') were "
                                "cancelled when the run was cancelled."_s),
                 qPrintable(story.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(NarrationTest)
#include "tst_narration.moc"
