// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Soak: one process runs a 1,000-task scenario again and again, as a class does all morning,
// headless and through the window's models. Every record must be whole and memory flat.
// GATHERSCOPE_SOAK_RUNS sets the count (100 here; scripts/soak runs more).

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "consolelines.h"
#include "consolemodel.h"
#include "resultmodel.h"
#include "runner.h"
#include "runsession.h"
#include "timelinemodel.h"

#include <QSignalSpy>
#include <QTest>

#include <fstream>
#include <unistd.h>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace {

//! A thousand tasks: say_hello and divide (one in seven divides by zero), a nested gather of
//! a hundred, random sleeps with a seed, return_exceptions so every result is listed.
Scenario thousandTasks()
{
    QByteArray tasks;
    for (int i = 0; i < 900; ++i) {
        tasks += i % 7 == 0 ? QByteArray(R"({"task": "divide", "x": 1, "y": 0, "sleep": 1},)")
                            : QByteArray(R"({"task": "say_hello", "name": "T)") +
                                  QByteArray::number(i) + R"(", "sleep": {"min": 1, "max": 5}},)";
    }
    QByteArray inner;
    for (int i = 0; i < 99; ++i)
        inner += R"({"task": "divide", "x": 6, "y": 3, "sleep": 0.5},)";
    inner.chop(1);
    tasks += R"({"task": "gather", "return_exceptions": true, "tasks": [)" + inner + "]}";
    return scenarioFromJson(R"({"title": "soak", "return_exceptions": true, "seed": 3,
                              "tasks": [)" +
                            tasks + "]}");
}

constexpr int divisionsAtTop = 129;              // i % 7 == 0 for i in 0..899
constexpr int helloTasks = 900 - divisionsAtTop; // each prints Hello and Goodbye
constexpr int divisions = divisionsAtTop + 99;   // each prints "Dividing x by y"
constexpr int topLevelTasks = 900 + 1;           // the nested gather is one result
constexpr int expectedConsoleLines = 2 * helloTasks + divisions + topLevelTasks;

//! Resident memory of this process, in KiB.
long residentKiB()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int soakRuns()
{
    const int runs = qEnvironmentVariableIntValue("GATHERSCOPE_SOAK_RUNS");
    return runs > 0 ? runs : 100;
}

//! ASan keeps freed memory in quarantine (up to 256 MiB), so memory cannot look flat there;
//! the runs still check every record, and LeakSanitizer checks for leaks at exit.
constexpr bool memoryCanBeMeasured =
#if defined(__SANITIZE_ADDRESS__)
    false;
#else
    true;
#endif

//! Growth allowed from the tenth run to the last: allocator slack, not a leak per run.
constexpr long allowedGrowthKiB = 4096;

//! Says how memory went (scripts/soak shows it), and checks it stayed flat.
bool memoryStayedFlat(const char *what, long afterWarmUp)
{
    const long now = residentKiB();
    qInfo("%s: %ld KiB resident after run 10, %ld KiB after run %d", what, afterWarmUp, now,
          soakRuns());
    return !memoryCanBeMeasured || soakRuns() <= 10 || now - afterWarmUp < allowedGrowthKiB;
}

} // namespace

class SoakTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headlessRunsStayWholeAndFlat()
    {
        const Scenario scenario = thousandTasks();
        long afterWarmUp = 0;
        QStringList first;
        for (int run = 0; run < soakRuns(); ++run) {
            Runner runner(scenario, RunOptions{});
            QStringList lines;
            connect(&runner.record(), &EventRecord::eventRecorded, &runner,
                    [&lines](const TaskEvent &event) {
                        lines += consoleLines(event, ReportStyle::Each);
                    });
            QSignalSpy finished(&runner, &Runner::finished);
            runner.start();
            QVERIFY(finished.count() == 1 || finished.wait(10000));
            QCOMPARE(runner.state(), Runner::State::Finished);
            if (run == 0)
                first = lines;
            else
                QCOMPARE(lines, first); // the same whole output every time
            if (run == 9)
                afterWarmUp = residentKiB();
        }
        QCOMPARE(first.size(), expectedConsoleLines);
        QVERIFY(memoryStayedFlat("headless", afterWarmUp));
    }

    void windowModelsStayWholeAndFlat()
    {
        const Scenario scenario = thousandTasks();
        TimelineModel timeline;
        ResultModel results;
        ConsoleModel console;
        RunSession session({&timeline, &results, &console});
        long afterWarmUp = 0;
        for (int run = 0; run < soakRuns(); ++run) {
            auto runner = std::make_unique<Runner>(scenario, RunOptions{});
            session.follow(&runner->record(), scenario.report);
            QSignalSpy finished(runner.get(), &Runner::finished);
            runner->start();
            QVERIFY(finished.count() == 1 || finished.wait(10000));
            QCOMPARE(timeline.laneCount(), 1 + 1000);
            QCOMPARE(results.rowCount(), topLevelTasks);
            QCOMPARE(console.rowCount(), expectedConsoleLines);
            session.follow(nullptr, scenario.report); // as the window does before the next run
            runner.reset();
            if (run == 9)
                afterWarmUp = residentKiB();
        }
        QVERIFY(memoryStayedFlat("window models", afterWarmUp));
    }
};

QTEST_MAIN(SoakTest)
#include "tst_soak.moc"
