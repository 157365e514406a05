// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The results and console models of the window, fed by a real run.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "consolemodel.h"
#include "resultmodel.h"
#include "runner.h"
#include "scenarioloader.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

class ResultModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resultsArePendingUntilTheGatherReturns()
    {
        ResultModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        Runner runner(bundledScenario(u"advanced"_s), RunOptions{});
        modelSession.follow(&runner.record(), runner.scenario().report);
        QCOMPARE(columnTexts(model, ResultModel::TaskColumn),
                 strings({"divide(10, 2)", "divide(20, 0)", "divide(30, 5)"}));
        QCOMPARE(columnTexts(model, ResultModel::ResultColumn),
                 strings({"pending…", "pending…", "pending…"}));
        QCOMPARE(model.summary(), u"not run yet: F5 runs it"_s);

        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        modelSession.flush(); // the first frame of the live run
        QCOMPARE(model.summary(), u"pending: the gather is running"_s); // its first event
        QVERIFY(finished.wait(5000));
        QCOMPARE(columnTexts(model, ResultModel::ResultColumn),
                 strings({"5.0", "ZeroDivisionError: Cannot divide by zero", "6.0"}));
        QCOMPARE(model.index(1, ResultModel::ResultColumn).data(ResultModel::IsErrorRole).toBool(),
                 true);
        QCOMPARE(model.index(0, ResultModel::ResultColumn).data(ResultModel::IsErrorRole).toBool(),
                 false);
        QCOMPARE(model.index(1, ResultModel::ResultColumn)
                     .data(Qt::ForegroundRole)
                     .value<QBrush>()
                     .color(),
                 Theme::errorColor());
        QCOMPARE(columnTexts(model, ResultModel::NoteColumn),
                 strings({"at 1 s", "at 1 s", "at 1 s"}));
        QCOMPARE(model.summary(),
                 u"gather returned [5.0, ZeroDivisionError('Cannot divide by zero'), 6.0]"_s);
        QCOMPARE(model.index(1, ResultModel::ResultColumn).data(Qt::ToolTipRole).toString(),
                 u"With return_exceptions=True the exception takes its task's place."_s);
    }

    void afterAFailFastRaiseLaterOutcomesAreMarked()
    {
        ResultModel model;
        RunSession modelSession({&model});
        QAbstractItemModelTester tester(&model);
        Runner runner(scenarioFromJson(R"({"title": "t", "tasks": [
            {"task": "divide", "x": 30, "y": 5, "sleep": 1},
            {"task": "divide", "x": 20, "y": 0, "sleep": 2},
            {"task": "say_hello", "name": "Ada", "sleep": 3}]})"),
                      RunOptions{});
        modelSession.follow(&runner.record(), runner.scenario().report);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.summary(), u"gather raised ZeroDivisionError: Cannot divide by zero"_s);
        QVERIFY(model.gatherRaised());
        QCOMPARE(columnTexts(model, ResultModel::ResultColumn),
                 strings({"6.0", "ZeroDivisionError: Cannot divide by zero", "'Ada is done'"}));
        QCOMPARE(columnTexts(model, ResultModel::NoteColumn),
                 strings({"at 1 s", "raised to the awaiter",
                          "arrived after the gather raised (at 3 s)"}));
        const auto tip = [&](int row) {
            return model.index(row, ResultModel::ResultColumn).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(tip(0), u"The gather raised, so its awaiter never received this outcome; the "
                         "task reported it itself."_s);
        QCOMPARE(tip(1), u"The first exception: the gather raised it to its awaiter at once."_s);
        QCOMPARE(tip(2), u"The gather had already raised; this task was not cancelled and kept "
                         "running."_s);
    }

    void reportListShowsTheReprLine()
    {
        ResultModel model;
        RunSession modelSession({&model});
        Runner runner(bundledScenario(u"basic"_s), RunOptions{});
        modelSession.follow(&runner.record(), runner.scenario().report);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.summary(), u"gather returned ['Mr. Turtle is done', 'Mr. Wolf is done']"_s);
        modelSession.follow(nullptr, ReportStyle::Each);
        QCOMPARE(model.rowCount(), 0);
    }

    void theConsoleHoldsExactlyWhatHeadlessPrints_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"basic", "advanced", "fail-fast", "nested", "cancel", "classroom"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void theConsoleHoldsExactlyWhatHeadlessPrints()
    {
        QFETCH(QString, name);
        ConsoleModel console;
        RunSession consoleSession({&console});
        QAbstractItemModelTester tester(&console);
        Runner runner(bundledScenario(name), RunOptions{});
        consoleSession.follow(&runner.record(), runner.scenario().report);
        QSignalSpy finished(&runner, &Runner::finished);
        runner.start();
        QVERIFY(finished.wait(5000));
        QFile expected(QStringLiteral(TEST_DATA_DIR "/expected/") + name + u".txt"_s);
        QVERIFY(expected.open(QIODevice::ReadOnly));
        QCOMPARE(console.text() + u'\n', QString::fromUtf8(expected.readAll()));
        QCOMPARE(console.index(0, ConsoleModel::TimeColumn).data().toString(), u"0.000 s"_s);
    }
};

QTEST_MAIN(ResultModelTest)
#include "tst_resultmodel.moc"
