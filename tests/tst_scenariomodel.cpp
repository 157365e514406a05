// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The scenario editor's model: round trips, the tree, validation as you type, structure edits,
// the modified flag; and the editor widget's wiring.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "scenarioeditor.h"
#include "scenarioloader.h"
#include "scenariomodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace {

QStringList names(const std::vector<TaskSpec> &tasks)
{
    QStringList out;
    for (const auto &task : tasks)
        out << task.displayName();
    return out;
}

const QColor errorRed(0xc6, 0x28, 0x28);

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
                              << u"tasks[0].task: expected say_hello, divide or gather, got "
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

    void addRemoveDuplicateMove()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));

        QModelIndex added =
            model.addTask({}, 1, TaskSpec::divide(PyValue::integer(1), PyValue::integer(2)));
        QCOMPARE(added, model.index(1, 0));
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "divide(1, 2)", "say_hello('Mr. Wolf')"}));

        const QPersistentModelIndex gather = model.addTask({}, 3, TaskSpec::gather({}));
        const QModelIndex owl = model.addTask(gather, 0, TaskSpec::sayHello(u"Owl"_s));
        QCOMPARE(owl, model.index(0, 0, gather));
        QCOMPARE(model.addTask(model.index(0, 0), 0, TaskSpec::sayHello(u"Nope"_s)), QModelIndex());
        QCOMPARE(names(model.scenario().tasks[3].tasks), strings({"say_hello('Owl')"}));

        QCOMPARE(model.duplicateTask(model.index(3, 0)).row(), 4);
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "divide(1, 2)", "say_hello('Mr. Wolf')",
                          "gather(1 tasks)", "gather(1 tasks)"}));
        QCOMPARE(names(model.scenario().tasks[4].tasks), strings({"say_hello('Owl')"})); // deep

        QCOMPARE(model.moveTask(model.index(0, 0), +1).row(), 1);
        QCOMPARE(names(model.scenario().tasks).mid(0, 3),
                 strings({"divide(1, 2)", "say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));
        QCOMPARE(model.moveTask(model.index(2, 0), -2).row(), 0);
        QCOMPARE(model.moveTask(model.index(0, 0), -1).row(), 0); // already first
        QCOMPARE(model.moveTask(model.index(4, 0), +1).row(), 4); // already last
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Wolf')", "divide(1, 2)", "say_hello('Mr. Turtle')",
                          "gather(1 tasks)", "gather(1 tasks)"}));

        // Inside a gather, a move stays among its siblings.
        model.addTask(gather, 1, TaskSpec::sayHello(u"Hare"_s));
        model.moveTask(model.index(1, 0, gather), -1);
        QCOMPARE(names(model.scenario().tasks[3].tasks),
                 strings({"say_hello('Hare')", "say_hello('Owl')"}));

        model.removeTask(model.index(0, 0, gather));
        QCOMPARE(names(model.scenario().tasks[3].tasks), strings({"say_hello('Owl')"}));
        model.removeTask(model.index(4, 0));
        model.removeTask(model.index(3, ScenarioModel::SleepColumn)); // any column of the row
        QCOMPARE(names(model.scenario().tasks),
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
        QCOMPARE(names(scenario.tasks), strings({"say_hello('Alice')", "inner gather"}));
        QCOMPARE(names(scenario.tasks[1].tasks),
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
        QCOMPARE(names(scenario.tasks),
                 strings({"say_hello('Alice')", "inner gather", "say_hello('Bob')"}));
        QCOMPARE(names(scenario.tasks[1].tasks), strings({"divide(1, 4)", "divide(1, 0)"}));
        QCOMPARE(scenario.tasks[2].sleep, SleepSpec::fixed(3)); // the last valid value

        // The first task of a gather goes out before a later row of the top level.
        const QModelIndex first = model.moveTaskTo(model.index(0, 0, inner), {}, 0);
        QCOMPARE(first, model.index(0, 0));
        QCOMPARE(names(model.scenario().tasks), strings({"divide(1, 4)", "say_hello('Alice')",
                                                         "inner gather", "say_hello('Bob')"}));
        // A gather moves with its tasks, and never into one of them.
        const QModelIndex innermost = model.addTask(inner, 0, TaskSpec::gather({}));
        QCOMPARE(model.moveTaskTo(inner, innermost, 0), QModelIndex());
        QCOMPARE(model.moveTaskTo(inner, model.index(0, 0), 0), QModelIndex());
        const QModelIndex gather = model.moveTaskTo(inner, {}, 0);
        QCOMPARE(gather, model.index(0, 0));
        QCOMPARE(QModelIndex(inner), gather);
        scenario = model.scenario();
        QCOMPARE(names(scenario.tasks), strings({"inner gather", "divide(1, 4)",
                                                 "say_hello('Alice')", "say_hello('Bob')"}));
        QCOMPARE(names(scenario.tasks[0].tasks), strings({"gather(0 tasks)", "divide(1, 0)"}));
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
        QCOMPARE(names(scenario.tasks),
                 strings({"say_hello('Mr. Turtle')", "say_hello('Mr. Wolf')"}));

        model.setSettingError(u"seed"_s, u"expected a whole number"_s);
        QCOMPARE(model.firstError(), u"seed: expected a whole number"_s);
        model.setSettingError(u"seed"_s, QString());
        QVERIFY(model.isValid());
    }

    void theEditorWiresItsControls()
    {
        ScenarioEditor editor;
        editor.model()->setScenario(bundledScenario(u"basic"_s));
        editor.show();
        QCOMPARE(editor.view()->model(), editor.model());
        QVERIFY(!editor.removeAction()->isEnabled()); // nothing selected
        QVERIFY(!editor.duplicateAction()->isEnabled());
        QVERIFY(editor.removeAction()->toolTip().contains(u"Del"_s));

        editor.view()->setCurrentIndex(editor.model()->index(0, 0));
        QVERIFY(editor.removeAction()->isEnabled());
        QVERIFY(!editor.moveUpAction()->isEnabled()); // first of two
        QVERIFY(editor.moveDownAction()->isEnabled());
        editor.moveDownAction()->trigger();
        QCOMPARE(names(editor.model()->scenario().tasks),
                 strings({"say_hello('Mr. Wolf')", "say_hello('Mr. Turtle')"}));
        QCOMPARE(editor.view()->currentIndex().row(), 1);
        QVERIFY(editor.moveUpAction()->isEnabled());
        QVERIFY(!editor.moveDownAction()->isEnabled()); // now last

        auto *title = editor.findChild<QLineEdit *>(u"title"_s);
        QVERIFY(title);
        QCOMPARE(title->text(), u"Basic example"_s);
        title->selectAll();
        QTest::keyClicks(title, u"Turtles"_s);
        QCOMPARE(editor.model()->title(), u"Turtles"_s);
        QVERIFY(editor.model()->isModified());
    }

    void theEditorMovesTasksIntoAndOutOfGathers()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"nested"_s));
        // Hidden, so the view's own scrolling cannot expand the gather for the editor.
        QAction *into = editor.moveIntoGatherAction();
        QAction *outOf = editor.moveOutOfGatherAction();
        QVERIFY(!into->isEnabled()); // nothing selected
        QVERIFY(!outOf->isEnabled());
        QCOMPARE(into->toolTip(),
                 u"Move the selected task into the gather above it (Ctrl+Right)"_s);
        QCOMPARE(outOf->toolTip(),
                 u"Move the selected task out of its gather, to just after it (Ctrl+Left)"_s);

        const QPersistentModelIndex inner = model->index(1, 0);
        editor.view()->setCurrentIndex(model->index(0, 0));
        QVERIFY(!into->isEnabled());  // nothing above
        QVERIFY(!outOf->isEnabled()); // the top level
        into->trigger();
        outOf->trigger();
        QVERIFY(!model->isModified());
        editor.view()->setCurrentIndex(inner);
        QVERIFY(!into->isEnabled()); // say_hello above it
        QVERIFY(!outOf->isEnabled());

        editor.view()->setCurrentIndex(model->index(2, ScenarioModel::LabelColumn));
        QVERIFY(into->isEnabled());
        QVERIFY(!outOf->isEnabled());
        editor.view()->collapse(inner);
        into->trigger();
        QVERIFY(model->isModified());
        QCOMPARE(names(model->scenario().tasks), strings({"say_hello('Alice')", "inner gather"}));
        QCOMPARE(names(model->scenario().tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "say_hello('Bob')"}));
        QCOMPARE(editor.view()->currentIndex(), model->index(2, 0, inner));
        QVERIFY(editor.view()->isExpanded(inner));
        QVERIFY(!into->isEnabled()); // a divide above it
        QVERIFY(outOf->isEnabled());

        outOf->trigger();
        QCOMPARE(names(model->scenario().tasks),
                 strings({"say_hello('Alice')", "inner gather", "say_hello('Bob')"}));
        QCOMPARE(editor.view()->currentIndex(), model->index(2, 0));
        QVERIFY(into->isEnabled());
        QVERIFY(!outOf->isEnabled());

        editor.view()->setCurrentIndex(model->index(0, 0, inner));
        QVERIFY(!into->isEnabled()); // the first of its gather
        QVERIFY(outOf->isEnabled());
        outOf->trigger();
        QCOMPARE(names(model->scenario().tasks), strings({"say_hello('Alice')", "inner gather",
                                                          "divide(1, 4)", "say_hello('Bob')"}));
        QCOMPARE(names(model->scenario().tasks[1].tasks), strings({"divide(1, 0)"}));
        QCOMPARE(editor.view()->currentIndex(), model->index(2, 0));
        QVERIFY(into->isEnabled());
        QVERIFY(!outOf->isEnabled());
    }

    void theEditorsMoveKeysLeaveTextFieldsAlone()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"nested"_s));
        editor.show();
        QVERIFY(QTest::qWaitForWindowActive(&editor));
        editor.view()->setFocus();
        editor.view()->setCurrentIndex(model->index(2, 0));
        QTest::keyClick(editor.view(), Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(names(model->scenario().tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "say_hello('Bob')"}));

        auto *title = editor.findChild<QLineEdit *>(u"title"_s);
        QVERIFY(title);
        title->setFocus();
        title->setCursorPosition(title->text().size());
        QTest::keyClick(title, Qt::Key_Left, Qt::ControlModifier); // a word back, not a move
        QCOMPARE(title->cursorPosition(), int(title->text().lastIndexOf(u' ') + 1));
        QCOMPARE(names(model->scenario().tasks), strings({"say_hello('Alice')", "inner gather"}));

        editor.view()->setFocus();
        QTest::keyClick(editor.view(), Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(names(model->scenario().tasks),
                 strings({"say_hello('Alice')", "inner gather", "say_hello('Bob')"}));
    }

    void theEditorAddsWhereTheSelectionIs()
    {
        ScenarioEditor editor;
        editor.model()->setScenario(bundledScenario(u"nested"_s));
        QAction *addDivide = nullptr;
        QAction *addSayHello = nullptr;
        const auto actions = editor.actions();
        for (QAction *action : actions) {
            if (action->text() == u"+ divide")
                addDivide = action;
            else if (action->text() == u"+ say_hello")
                addSayHello = action;
        }
        QVERIFY(addDivide && addSayHello);
        QVERIFY(addDivide->toolTip().contains(u"Ctrl+Shift+D"_s));

        const QModelIndex inner = editor.model()->index(1, 0);
        editor.view()->setCurrentIndex(inner); // a gather: add inside it, at its end
        addDivide->trigger();
        QCOMPARE(names(editor.model()->scenario().tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "divide(1, 2)"}));
        QCOMPARE(editor.view()->currentIndex(), editor.model()->index(2, 0, inner));
        QVERIFY(editor.view()->isExpanded(inner));

        editor.view()->setCurrentIndex(editor.model()->index(0, 0, inner)); // a task: after it
        addSayHello->trigger();
        const std::vector<TaskSpec> tasks = editor.model()->scenario().tasks[1].tasks;
        QCOMPARE(tasks.size(), std::size_t(4));
        QCOMPARE(tasks[1].kind, TaskSpec::Kind::SayHello);
        QCOMPARE(editor.view()->currentIndex(), editor.model()->index(1, 0, inner));
    }

    void theEditorValidatesItsFields()
    {
        ScenarioEditor editor;
        editor.model()->setScenario(bundledScenario(u"basic"_s));
        editor.show();
        auto *seed = editor.findChild<QLineEdit *>(u"seed"_s);
        auto *cancelAfter = editor.findChild<QLineEdit *>(u"cancelAfter"_s);
        QVERIFY(seed && cancelAfter);
        QCOMPARE(seed->placeholderText(), u"fresh each run"_s);
        QCOMPARE(cancelAfter->placeholderText(), u"never"_s);
        QLabel *error = nullptr;
        const auto labels = editor.findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (label->wordWrap())
                error = label;
        }
        QVERIFY(error);
        QVERIFY(error->isHidden());

        QTest::keyClicks(seed, u"7x"_s);
        QCOMPARE(editor.model()->firstError(),
                 u"seed: expected a whole number ≥ 0 or nothing, got \"7x\""_s);
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), editor.model()->firstError());
        QCOMPARE(editor.model()->seed(), std::optional<std::uint64_t>(7)); // the last valid one
        QCOMPARE(seed->palette().color(QPalette::Text), errorRed);         // marked like a bad cell
        QCOMPARE(seed->toolTip(), u"expected a whole number ≥ 0 or nothing, got \"7x\""_s);
        QTest::keyClick(seed, Qt::Key_Backspace);
        QVERIFY(editor.model()->isValid());
        QVERIFY(error->isHidden());
        QVERIFY(seed->palette().color(QPalette::Text) != errorRed);
        QCOMPARE(seed->toolTip(), u"A whole number makes random sleeps repeat"_s);

        QTest::keyClicks(cancelAfter, u"-2"_s);
        QCOMPARE(cancelAfter->palette().color(QPalette::Text), errorRed);
        editor.model()->setScenario(bundledScenario(u"basic"_s)); // a new scenario reads fine
        QVERIFY(cancelAfter->palette().color(QPalette::Text) != errorRed);
        QCOMPARE(cancelAfter->text(), QString());

        auto *description = editor.findChild<QLineEdit *>(u"description"_s);
        QVERIFY(description);
        QCOMPARE(description->text(), bundledScenario(u"basic"_s).description);
        description->clear();
        QTest::keyClicks(description, u"Two turtles"_s);
        QCOMPARE(editor.model()->description(), u"Two turtles"_s);

        QTest::keyClicks(cancelAfter, u"1.5"_s);
        QCOMPARE(cancelAfter->text(), u"1.5"_s);
        QCOMPARE(editor.model()->cancelAfter(), std::optional<double>(1.5));

        editor.model()->setScenario(bundledScenario(u"cancel-all"_s));
        QCOMPARE(cancelAfter->text(),
                 QString::number(bundledScenario(u"cancel-all"_s).cancelAfter.value()));
    }
};

QTEST_MAIN(ScenarioModelTest)
#include "tst_scenariomodel.moc"
