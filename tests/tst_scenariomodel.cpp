// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The scenario editor's model: round trips, the tree, validation as you type, structure edits,
// the modified flag.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "scenarioloader.h"
#include "scenariomodel.h"
#include "scenariorules.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace {

const QColor errorRed = Theme::errorColor();

} // namespace

class ScenarioModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBundledScenarioRoundTrips_data()
    {
        QTest::addColumn<QString>("name");
        const auto all = ScenarioLoader::bundledNames();
        QVERIFY(all.contains(u"nested"_s));
        for (const QString &name : all)
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyBundledScenarioRoundTrips()
    {
        QFETCH(QString, name);
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        const Scenario original = bundledScenario(name);
        model.setScenario(original);
        QVERIFY(model.isValid());
        QCOMPARE(model.firstError(), QString());
        QVERIFY(!model.isModified());
        QCOMPARE(model.rowCount(), int(original.tasks.size()));
        QCOMPARE(model.title(), original.title);
        QCOMPARE(model.description(), original.description);
        QVERIFY(model.scenario() == original);
    }

    void nestedGathersAreATree()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"nested"_s));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ScenarioModel::ColumnCount));
        QCOMPARE(columnTexts(model, ScenarioModel::KindColumn),
                 strings({"say_hello", "gather", "say_hello"}));
        QCOMPARE(model.rowCount(model.index(0, 0)), 0);
        const QModelIndex inner = model.index(1, 0);
        QVERIFY(model.isGather(inner));
        QCOMPARE(model.rowCount(inner), 2);
        QCOMPARE(model.index(0, 0, inner).parent(), inner);
        QCOMPARE(model.index(1, 0, inner).parent(), inner);
        QCOMPARE(model.index(1, ScenarioModel::ParametersColumn, inner).data().toString(),
                 u"1, 0"_s);
        QCOMPARE(model.index(1, ScenarioModel::SleepColumn, inner).data().toString(), u"0.5"_s);
        QCOMPARE(model.placeOf(model.index(1, 0, inner)), u"tasks[1].tasks[1]"_s);
        QCOMPARE(model.index(1, ScenarioModel::LabelColumn).data().toString(), u"inner gather"_s);
        // A gather has no sleep; its parameters cell holds its own return_exceptions.
        QCOMPARE(model.index(1, ScenarioModel::SleepColumn).data().toString(), QString());
        QCOMPARE(model.index(1, ScenarioModel::SleepColumn).flags() & Qt::ItemIsEditable,
                 Qt::ItemFlags());
        QCOMPARE(model.index(1, ScenarioModel::ParametersColumn).data().toString(),
                 u"return_exceptions=True"_s);
    }

    void aNameThatCannotBePrintedIsRefusedAsTheLoaderRefusesIt()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        const QString lone = u"Mr. "_s + QChar(0xD800);
        QVERIFY(model.setData(model.index(0, ScenarioModel::ParametersColumn), lone, Qt::EditRole));
        QCOMPARE(model.firstError(), u"tasks[0].name: lone surrogate U+D800 cannot be printed"_s);
        QVERIFY(model.setData(model.index(0, ScenarioModel::ParametersColumn), u"Mr. 😀"_s,
                              Qt::EditRole)); // a pair is one character
        QVERIFY(model.isValid());
        QVERIFY(model.setData(model.index(1, ScenarioModel::LabelColumn), lone, Qt::EditRole));
        QCOMPARE(model.firstError(), u"tasks[1].label: lone surrogate U+D800 cannot be printed"_s);
    }

    void aBadValueIsMarkedAndExplained()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"advanced"_s));
        QCOMPARE(model.scenario().tasks[1].displayName(), u"divide(20, 0)"_s);
        QSignalSpy validity(&model, &ScenarioModel::validityChanged);
        const QModelIndex parameters = model.index(1, ScenarioModel::ParametersColumn);
        QVERIFY(!parameters.data(Qt::ForegroundRole).isValid());

        QVERIFY(model.setData(parameters, u"20, zero"_s, Qt::EditRole));
        const QString error = u"tasks[1].y: expected a number, got \"zero\""_s;
        QVERIFY(!model.isValid());
        QCOMPARE(model.firstError(), error);
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.first().at(0).toBool(), false);
        QCOMPARE(validity.first().at(1).toString(), error);
        QCOMPARE(parameters.data().toString(), u"20, zero"_s); // the typed text stays
        QCOMPARE(parameters.data(Qt::ForegroundRole).value<QBrush>().color(), errorRed);
        QVERIFY(!parameters.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(parameters.data(Qt::ToolTipRole).toString(),
                 u"y: expected a number, got \"zero\""_s);
        QVERIFY(model.scenario().tasks[1].y == PyValue::integer(0)); // the last valid value

        // Another bad edit with the same first error says nothing new.
        QVERIFY(model.setData(parameters, u"20, zero"_s, Qt::EditRole));
        QCOMPARE(validity.size(), 1);

        QVERIFY(model.setData(parameters, u"10.0, 2"_s, Qt::EditRole));
        QVERIFY(model.isValid());
        QCOMPARE(model.firstError(), QString());
        QCOMPARE(validity.size(), 2);
        QCOMPARE(validity.last().at(0).toBool(), true);
        QCOMPARE(validity.last().at(1).toString(), QString());
        QVERIFY(!parameters.data(Qt::ForegroundRole).isValid());
        QVERIFY(model.scenario().tasks[1].x == PyValue::floating(10.0)); // 10.0 stays a float
        QVERIFY(model.scenario().tasks[1].y == PyValue::integer(2));
        QCOMPARE(model.scenario().tasks[1].displayName(), u"divide(10.0, 2)"_s);
        QVERIFY(model.isModified());
    }

    void divideParameters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // displayName() or firstError()
        QTest::newRow("ints") << u"10, 2"_s << u"divide(10, 2)"_s;
        QTest::newRow("floats") << u" 10.0 ,-0.5 "_s << u"divide(10.0, -0.5)"_s;
        QTest::newRow("exponent") << u"1e3, 1"_s << u"divide(1000.0, 1)"_s;
        QTest::newRow("one number")
            << u"20"_s << u"tasks[1]: expected \"x, y\" (two numbers), got \"20\""_s;
        QTest::newRow("bad x") << u"twenty, 1"_s
                               << u"tasks[1].x: expected a number, got \"twenty\""_s;
        QTest::newRow("nan") << u"nan, 1"_s << u"tasks[1].x: expected a number, got \"nan\""_s;
        QTest::newRow("inf") << u"1, inf"_s << u"tasks[1].y: expected a number, got \"inf\""_s;
        QTest::newRow("huge int")
            << u"99999999999999999999, 1"_s
            << u"tasks[1].x: the integer 99999999999999999999 does not fit in 64 bits (from "
               "-9223372036854775808 to 9223372036854775807)"_s;
        QTest::newRow("past the largest float, as Python's json reads it")
            << u"1e400, -1e400"_s << u"divide(inf, -inf)"_s;
        QTest::newRow("friendlier than JSON") << u".5, +2"_s << u"divide(0.5, 2)"_s;
    }
    void divideParameters()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"advanced"_s));
        QVERIFY(model.setData(model.index(1, ScenarioModel::ParametersColumn), text, Qt::EditRole));
        if (model.isValid())
            QCOMPARE(model.scenario().tasks[1].displayName(), expected);
        else
            QCOMPARE(model.firstError(), expected);
    }

    void failParameters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // displayName() or firstError()
        QTest::newRow("KeyError") << u"KeyError: x"_s << u"fail(KeyError, 'x')"_s;
        QTest::newRow("no message") << u" ValueError "_s << u"fail(ValueError, '')"_s;
        QTest::newRow("empty message") << u"ValueError:"_s << u"fail(ValueError, '')"_s;
        QTest::newRow("one space taken")
            << u"RuntimeError:  x: y"_s << u"fail(RuntimeError, ' x: y')"_s;
        QTest::newRow("unknown type")
            << u"ValuError: x"_s
            << u"tasks[0].exception: expected "_s + ScenarioRules::exceptionChoices() +
                   u", got \"ValuError\""_s;
        QTest::newRow("lone surrogate")
            << u"KeyError: \xd800"_s
            << u"tasks[0].message: lone surrogate U+D800 cannot be printed"_s;
    }
    void failParameters()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(model.setData(model.index(0, 0), u"fail"_s, Qt::EditRole));
        QVERIFY(model.isValid()); // a say_hello becomes a fail that raises ValueError('')
        QCOMPARE(model.index(0, ScenarioModel::ParametersColumn).data().toString(),
                 u"ValueError"_s);
        QVERIFY(model.setData(model.index(0, ScenarioModel::ParametersColumn), text, Qt::EditRole));
        if (model.isValid()) {
            QCOMPARE(model.scenario().tasks[0].displayName(), expected);
            return;
        }
        QCOMPARE(model.firstError(), expected);
        const QString tip =
            model.index(0, ScenarioModel::ParametersColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(expected.endsWith(tip), qPrintable(tip)); // which key, and why
    }

    void aBlockingSleepHasNoParameters()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(model.setData(model.index(0, 0), u"blocking_sleep"_s, Qt::EditRole));
        QVERIFY(model.isValid());
        QCOMPARE(model.scenario().tasks[0].displayName(), u"blocking_sleep(1)"_s);
        QCOMPARE(model.index(0, ScenarioModel::ParametersColumn).data().toString(), QString());
        QVERIFY(model.setData(model.index(0, ScenarioModel::SleepColumn), u"2.5"_s, Qt::EditRole));
        QCOMPARE(model.scenario().tasks[0].displayName(), u"blocking_sleep(2.5)"_s);
        QVERIFY(
            model.setData(model.index(0, ScenarioModel::ParametersColumn), u"x"_s, Qt::EditRole));
        QCOMPARE(model.firstError(), u"tasks[0]: blocking_sleep takes no parameters (its seconds "
                                     "are its Sleep), got \"x\""_s);
    }

    void aComputeTakesItsWorkAndSize()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(model.setData(model.index(0, 0), u"compute"_s, Qt::EditRole));
        QVERIFY(model.isValid());
        QCOMPARE(model.scenario().tasks[0].displayName(), u"compute(sum_primes, 100000)"_s);
        const QModelIndex parameters = model.index(0, ScenarioModel::ParametersColumn);
        QCOMPARE(parameters.data().toString(), u"sum_primes, 100000"_s);
        QVERIFY(model.setData(parameters, u" count_primes , 42 "_s, Qt::EditRole));
        QCOMPARE(model.scenario().tasks[0].displayName(), u"compute(count_primes, 42)"_s);
        QVERIFY(model.setData(model.index(0, ScenarioModel::SleepColumn), u"0.5"_s, Qt::EditRole));
        QCOMPARE(model.scenario().tasks[0].sleep, SleepSpec::fixed(0.5));
        QVERIFY(ScenarioLoader::toJson(model.scenario()).contains(R"("cost": 0.5)"));

        QVERIFY(model.setData(parameters, u"fib, 42"_s, Qt::EditRole));
        QCOMPARE(model.firstError(),
                 u"tasks[0].work: expected sum_primes or count_primes, got \"fib\""_s);
        QVERIFY(model.setData(parameters, u"sum_primes, 1e9"_s, Qt::EditRole));
        QCOMPARE(model.firstError(),
                 u"tasks[0].n: expected a whole number from 0 to 10000000, got \"1e9\""_s);
        QVERIFY(model.setData(parameters, u"sum_primes"_s, Qt::EditRole));
        QCOMPARE(model.firstError(),
                 u"tasks[0]: expected \"work, n\" (sum_primes, 100000), got \"sum_primes\""_s);
        QVERIFY(model.setData(parameters, u"sum_primes, 10"_s, Qt::EditRole));
        QVERIFY(model.isValid());
        QVERIFY(model.setData(model.index(0, ScenarioModel::SleepColumn), u"-1"_s, Qt::EditRole));
        QVERIFY2(model.firstError().startsWith(u"tasks[0].cost: "_s),
                 qPrintable(model.firstError()));
    }

    void cellsReadLikeTheLoader_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const int sleep = ScenarioModel::SleepColumn;
        const int cancel = ScenarioModel::CancelAfterColumn;
        QTest::newRow("fixed") << sleep << u"2.5"_s << QString();
        QTest::newRow("whole") << sleep << u"2"_s << QString();
        QTest::newRow("range") << sleep << u"1..3"_s << QString();
        QTest::newRow("range reversed")
            << sleep << u"3..1"_s << u"tasks[0].sleep: \"min\" (3) is greater than \"max\" (1)"_s;
        QTest::newRow("range fraction")
            << sleep << u"1.5..3"_s
            << u"tasks[0].sleep: expected a random range of whole seconds like \"1..3\", "
               "got \"1.5..3\""_s;
        QTest::newRow("negative") << sleep << u"-1"_s
                                  << u"tasks[0].sleep: expected seconds (a number from 0 to "
                                     "1000000) or a range like \"1..3\", got \"-1\""_s;
        QTest::newRow("too long") << sleep << u"1000001"_s
                                  << u"tasks[0].sleep: expected seconds (a number from 0 to "
                                     "1000000) or a range like \"1..3\", got \"1000001\""_s;
        QTest::newRow("cancel") << cancel << u"0.5"_s << QString();
        QTest::newRow("cancel none") << cancel << QString() << QString();
        QTest::newRow("cancel bad")
            << cancel << u"soon"_s
            << u"tasks[0].cancel_after: expected seconds (a number ≥ 0) or nothing, got \"soon\""_s;
        QTest::newRow("cancel negative")
            << cancel << u"-2"_s
            << u"tasks[0].cancel_after: expected seconds (a number ≥ 0) or nothing, got \"-2\""_s;
        QTest::newRow("kind") << int(ScenarioModel::KindColumn) << u"sleep"_s
                              << u"tasks[0].task: expected say_hello, divide, fail, "
                                 u"blocking_sleep, compute or gather, got "
                                 "\"sleep\""_s;
    }
    void cellsReadLikeTheLoader()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, error);
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        const TaskSpec before = model.scenario().tasks[0];
        QVERIFY(model.setData(model.index(0, column), text, Qt::EditRole));
        QCOMPARE(model.index(0, column).data().toString(), text);
        QCOMPARE(model.firstError(), error);
        QCOMPARE(model.isValid(), error.isEmpty());
        const TaskSpec task = model.scenario().tasks[0];
        if (!error.isEmpty()) {
            QVERIFY(task == before); // the last valid values stay
            QCOMPARE(model.index(0, column).data(Qt::ForegroundRole).value<QBrush>().color(),
                     errorRed);
            QVERIFY(error.endsWith(model.index(0, column).data(Qt::ToolTipRole).toString()));
            return;
        }
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == u"range")
            QCOMPARE(task.sleep, SleepSpec::random(1, 3));
        else if (tag == u"fixed")
            QCOMPARE(task.sleep, SleepSpec::fixed(2.5));
        else if (tag == u"whole")
            QCOMPARE(task.sleep, SleepSpec::fixed(2));
        else if (tag == u"cancel")
            QCOMPARE(task.cancelAfter, std::optional<double>(0.5));
        else
            QCOMPARE(task.cancelAfter, std::optional<double>());
    }

    void changingTheKindKeepsWhatItCan()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"nested"_s));
        QVERIFY(
            model.setData(model.index(0, ScenarioModel::LabelColumn), u"first"_s, Qt::EditRole));
        QVERIFY(model.setData(model.index(0, 0), u"divide"_s, Qt::EditRole));
        TaskSpec task = model.scenario().tasks[0];
        QCOMPARE(task.kind, TaskSpec::Kind::Divide);
        QCOMPARE(task.label, u"first"_s);
        QCOMPARE(task.sleep, SleepSpec::fixed(1));
        QCOMPARE(model.index(0, ScenarioModel::ParametersColumn).data().toString(), u"0, 1"_s);
        QVERIFY(model.setData(model.index(0, 0), u"say_hello"_s, Qt::EditRole));
        QCOMPARE(model.scenario().tasks[0].name, u"Alice"_s); // the name came back

        // A gather with tasks keeps its kind until they are gone.
        QVERIFY(model.setData(model.index(1, 0), u"say_hello"_s, Qt::EditRole));
        QCOMPARE(model.firstError(),
                 u"tasks[1].task: remove this gather's tasks before changing its kind"_s);
        QVERIFY(model.isGather(model.index(1, 0)));
        QVERIFY(model.setData(model.index(1, 0), u"gather"_s, Qt::EditRole));
        QVERIFY(model.isValid());
    }

    void whoeverHearsAChangeOfTheTasksIsToldOfThemAsTheyAreNow()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"advanced"_s));
        const std::size_t tasks = model.taskCount();
        const QModelIndex parameters = model.index(1, ScenarioModel::ParametersColumn);
        // What a slot on each of the change's own signals is told.
        QStringList heard;
        const auto hear = [&](const char *signal) {
            heard << u"%1: %2 tasks, %3"_s.arg(QLatin1StringView(signal))
                         .arg(model.taskCount())
                         .arg(model.isValid() ? u"valid"_s : model.firstError());
        };
        connect(&model, &QAbstractItemModel::dataChanged, this, [&] { hear("dataChanged"); });
        connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] { hear("rowsRemoved"); });
        connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { hear("rowsInserted"); });

        QVERIFY(model.setData(parameters, u"20, zero"_s, Qt::EditRole));
        model.removeTask(model.index(1, 0));
        model.addTask({}, 0, TaskSpec::sayHello(u"Owl"_s));
        const QString error = u"tasks[1].y: expected a number, got \"zero\""_s;
        QCOMPARE(heard, QStringList({u"dataChanged: %1 tasks, %2"_s.arg(tasks).arg(error),
                                     u"rowsRemoved: %1 tasks, valid"_s.arg(tasks - 1),
                                     u"rowsInserted: %1 tasks, valid"_s.arg(tasks)}));
    }

    void theScenarioIsSharedOnceAVersionWhileItIsHeld()
    {
        ScenarioModel model;
        model.setScenario(bundledScenario(u"basic"_s));
        auto shared = model.sharedScenario();
        QVERIFY(*shared == model.scenario());
        QCOMPARE(model.sharedScenario().get(), shared.get()); // no second copy

        model.setTitle(u"Retitled"_s);
        auto retitled = model.sharedScenario();
        QVERIFY(retitled != shared);
        QCOMPARE(retitled->title, u"Retitled"_s);
        QCOMPARE(shared->title, u"Basic example"_s); // what its holders run stays as it was

        QVERIFY(
            model.setData(model.index(0, ScenarioModel::ParametersColumn), u"Owl"_s, Qt::EditRole));
        const auto renamed = model.sharedScenario();
        QVERIFY(renamed != retitled);
        QCOMPARE(renamed->tasks[0].name, u"Owl"_s);
        QCOMPARE(retitled->tasks[0].name, u"Mr. Turtle"_s);

        // An undo gives back settings whole: a cancel_after of 0.0 where -0.0 stood, which the
        // settings' `==` takes for the same, is another version all the same.
        model.setCancelAfter(-0.0);
        const auto negativeZero = model.sharedScenario();
        QVERIFY(std::signbit(*negativeZero->cancelAfter));
        ScenarioSettings settings = model.settings();
        settings.cancelAfter = 0.0;
        model.setSettings(settings);
        QVERIFY(!std::signbit(*model.sharedScenario()->cancelAfter));
    }

    void addRemoveDuplicateMove()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        QCOMPARE(taskNames(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));

        QModelIndex added =
            model.addTask({}, 1, TaskSpec::divide(PyValue::integer(1), PyValue::integer(2)));
        QCOMPARE(added, model.index(1, 0));
        QCOMPARE(taskNames(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "divide(1, 2)", "say_hello('Mr. Wolf')"}));

        const QPersistentModelIndex gather = model.addTask({}, 3, TaskSpec::gather({}));
        const QModelIndex owl = model.addTask(gather, 0, TaskSpec::sayHello(u"Owl"_s));
        QCOMPARE(owl, model.index(0, 0, gather));
        QCOMPARE(model.addTask(model.index(0, 0), 0, TaskSpec::sayHello(u"Nope"_s)), QModelIndex());
        QCOMPARE(taskNames(model.scenario().tasks[3].tasks), strings({"say_hello('Owl')"}));

        QCOMPARE(model.duplicateTask(model.index(3, 0)).row(), 4);
        QCOMPARE(taskNames(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "divide(1, 2)", "say_hello('Mr. Wolf')",
                          "gather(1 tasks)", "gather(1 tasks)"}));
        QCOMPARE(taskNames(model.scenario().tasks[4].tasks), strings({"say_hello('Owl')"})); // deep

        QCOMPARE(model.moveTask(model.index(0, 0), +1).row(), 1);
        QCOMPARE(taskNames(model.scenario().tasks).mid(0, 3),
                 strings({"divide(1, 2)", "say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));
        QCOMPARE(model.moveTask(model.index(2, 0), -2).row(), 0);
        QCOMPARE(model.moveTask(model.index(0, 0), -1).row(), 0); // already first
        QCOMPARE(model.moveTask(model.index(4, 0), +1).row(), 4); // already last
        QCOMPARE(taskNames(model.scenario().tasks),
                 strings({"say_hello('Mr. Wolf')", "divide(1, 2)", "say_hello('Mr. Turtle')",
                          "gather(1 tasks)", "gather(1 tasks)"}));

        // Inside a gather, a move stays among its siblings.
        model.addTask(gather, 1, TaskSpec::sayHello(u"Hare"_s));
        model.moveTask(model.index(1, 0, gather), -1);
        QCOMPARE(taskNames(model.scenario().tasks[3].tasks),
                 strings({"say_hello('Hare')", "say_hello('Owl')"}));

        model.removeTask(model.index(0, 0, gather));
        QCOMPARE(taskNames(model.scenario().tasks[3].tasks), strings({"say_hello('Owl')"}));
        model.removeTask(model.index(4, 0));
        model.removeTask(model.index(3, ScenarioModel::SleepColumn)); // any column of the row
        QCOMPARE(taskNames(model.scenario().tasks),
                 strings({"say_hello('Mr. Wolf')", "divide(1, 2)", "say_hello('Mr. Turtle')"}));
        QVERIFY(model.isModified());
    }

    void movingIntoAndOutOfAGather()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"nested"_s));
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        const QPersistentModelIndex inner = model.index(1, 0);
        const QPersistentModelIndex bob = model.index(2, 0);

        // Refused: under a task that is not a gather, into itself, into its own gather.
        QCOMPARE(model.moveTaskTo(bob, model.index(0, 0), 0), QModelIndex());
        QCOMPARE(model.moveTaskTo(inner, inner, 0), QModelIndex());
        QCOMPARE(model.moveTaskTo({}, inner, 0), QModelIndex());
        // Where it already is: nothing moves.
        QCOMPARE(model.moveTaskTo(bob, {}, 2), QModelIndex(bob));
        QCOMPARE(model.moveTaskTo(bob, {}, 3), QModelIndex(bob));
        QCOMPARE(moved.size(), 0);
        QVERIFY(!model.isModified());

        // Into the gather above it, as its last task; any column of the row will do.
        const QModelIndex into =
            model.moveTaskTo(model.index(2, ScenarioModel::SleepColumn), inner, 2);
        QCOMPARE(into, model.index(2, 0, inner));
        QCOMPARE(QModelIndex(bob), into);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.last().at(0).value<QModelIndex>(), QModelIndex());
        QCOMPARE(moved.last().at(1).toInt(), 2);
        QCOMPARE(moved.last().at(3).value<QModelIndex>(), QModelIndex(inner));
        QCOMPARE(moved.last().at(4).toInt(), 2);
        QVERIFY(model.isModified());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.placeOf(bob), u"tasks[1].tasks[2]"_s);
        Scenario scenario = model.scenario();
        QCOMPARE(taskNames(scenario.tasks), strings({"say_hello('Alice')", "inner gather"}));
        QCOMPARE(taskNames(scenario.tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "say_hello('Bob')"}));

        // A task keeps what was typed into it, and its error follows it to its new place.
        QVERIFY(model.setData(bob.sibling(bob.row(), ScenarioModel::SleepColumn), u"soon"_s,
                              Qt::EditRole));
        const QString sleepError =
            u".sleep: expected seconds (a number from 0 to 1000000) or a range like \"1..3\", "
            "got \"soon\""_s;
        QCOMPARE(model.firstError(), u"tasks[1].tasks[2]"_s + sleepError);
        QSignalSpy validity(&model, &ScenarioModel::validityChanged);

        // Out of its gather, to just after it.
        const QModelIndex out = model.moveTaskTo(bob, inner.parent(), inner.row() + 1);
        QCOMPARE(out, model.index(2, 0));
        QCOMPARE(QModelIndex(bob), out);
        QCOMPARE(moved.size(), 2);
        QCOMPARE(model.index(2, ScenarioModel::SleepColumn).data().toString(), u"soon"_s);
        QCOMPARE(model.index(2, ScenarioModel::SleepColumn)
                     .data(Qt::ForegroundRole)
                     .value<QBrush>()
                     .color(),
                 errorRed);
        QCOMPARE(model.firstError(), u"tasks[2]"_s + sleepError);
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.last().at(1).toString(), model.firstError());
        scenario = model.scenario();
        QCOMPARE(taskNames(scenario.tasks),
                 strings({"say_hello('Alice')", "inner gather", "say_hello('Bob')"}));
        QCOMPARE(taskNames(scenario.tasks[1].tasks), strings({"divide(1, 4)", "divide(1, 0)"}));
        QCOMPARE(scenario.tasks[2].sleep, SleepSpec::fixed(3)); // the last valid value

        // The first task of a gather goes out before a later row of the top level.
        const QModelIndex first = model.moveTaskTo(model.index(0, 0, inner), {}, 0);
        QCOMPARE(first, model.index(0, 0));
        QCOMPARE(taskNames(model.scenario().tasks), strings({"divide(1, 4)", "say_hello('Alice')",
                                                             "inner gather", "say_hello('Bob')"}));
        // A gather moves with its tasks, and never into one of them.
        const QModelIndex innermost = model.addTask(inner, 0, TaskSpec::gather({}));
        QCOMPARE(model.moveTaskTo(inner, innermost, 0), QModelIndex());
        QCOMPARE(model.moveTaskTo(inner, model.index(0, 0), 0), QModelIndex());
        const QModelIndex gather = model.moveTaskTo(inner, {}, 0);
        QCOMPARE(gather, model.index(0, 0));
        QCOMPARE(QModelIndex(inner), gather);
        scenario = model.scenario();
        QCOMPARE(taskNames(scenario.tasks), strings({"inner gather", "divide(1, 4)",
                                                     "say_hello('Alice')", "say_hello('Bob')"}));
        QCOMPARE(taskNames(scenario.tasks[0].tasks), strings({"gather(0 tasks)", "divide(1, 0)"}));
    }

    void gathersNestAsDeepAsTheLoaderAllows()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        QPersistentModelIndex parent;
        for (int depth = 0; depth < 64; ++depth)
            parent = model.addTask(parent, 0, TaskSpec::gather({}));
        QVERIFY(model.isValid());
        QVERIFY(std::holds_alternative<Scenario>(
            ScenarioLoader::parse(ScenarioLoader::toJson(model.scenario()), u"test"_s)));

        model.addTask(parent, 0, TaskSpec::gather({}));
        const auto loaded =
            ScenarioLoader::parse(ScenarioLoader::toJson(model.scenario()), u"test"_s);
        QVERIFY(std::holds_alternative<LoadError>(loaded));
        const LoadError &error = std::get<LoadError>(loaded);
        const QString tooDeep = error.place + u": "_s + error.message;
        QCOMPARE(model.firstError(), tooDeep);

        // A move is not refused past the limit either: validation reports it the same way.
        const QPersistentModelIndex deepest = model.index(0, 0, parent);
        const QModelIndex out = model.moveTaskTo(deepest, parent.parent(), parent.row() + 1);
        QCOMPARE(out, model.index(1, 0, parent.parent()));
        QVERIFY(model.isValid());
        const QModelIndex in = model.moveTaskTo(deepest, parent, 0);
        QCOMPARE(in, model.index(0, 0, parent));
        QCOMPARE(model.firstError(), tooDeep);
    }

    void theModifiedFlag()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy modified(&model, &ScenarioModel::modifiedChanged);
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(!model.isModified());
        QCOMPARE(modified.size(), 0);

        model.setTitle(model.title()); // no change, not modified
        QVERIFY(!model.isModified());
        QVERIFY(model.setData(model.index(0, ScenarioModel::LabelColumn), u"a"_s, Qt::EditRole));
        QVERIFY(model.isModified());
        QCOMPARE(modified.size(), 1);
        QCOMPARE(modified.last().at(0).toBool(), true);
        QVERIFY(model.setData(model.index(0, ScenarioModel::LabelColumn), u"b"_s, Qt::EditRole));
        QCOMPARE(modified.size(), 1); // already modified

        model.setModified(false); // saved
        QCOMPARE(modified.size(), 2);
        QCOMPARE(modified.last().at(0).toBool(), false);
        model.removeTask(model.index(0, 0));
        QVERIFY(model.isModified());
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(!model.isModified());
        QCOMPARE(modified.size(), 4);
    }

    void topLevelSettings()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy changed(&model, &ScenarioModel::changed);
        model.setScenario(bundledScenario(u"basic"_s));
        QCOMPARE(changed.size(), 1);
        model.setTitle(u"T"_s);
        model.setDescription(u"D"_s);
        model.setReturnExceptions(true);
        model.setReport(ReportStyle::Each); // basic prints a list
        model.setSeed(42);
        model.setCancelAfter(2.5);
        model.setCancelAfter(2.5); // the same again says nothing
        QCOMPARE(changed.size(), 7);
        const Scenario scenario = model.scenario();
        QCOMPARE(scenario.title, u"T"_s);
        QCOMPARE(scenario.description, u"D"_s);
        QVERIFY(scenario.returnExceptions);
        QCOMPARE(scenario.report, ReportStyle::Each);
        QCOMPARE(scenario.seed, std::optional<std::uint64_t>(42));
        QCOMPARE(scenario.cancelAfter, std::optional<double>(2.5));
        QCOMPARE(taskNames(scenario.tasks),
                 strings({"say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));

        model.setSettingError(u"seed"_s, u"expected a whole number"_s);
        QCOMPARE(model.firstError(), u"seed: expected a whole number"_s);
        model.setSettingError(u"seed"_s, QString());
        QVERIFY(model.isValid());
    }
};

QTEST_MAIN(ScenarioModelTest)
#include "tst_scenariomodel.moc"
