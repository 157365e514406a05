// The scenario editor's model: round trips, the tree, validation as you type, structure edits.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "scenarioeditor.h"
#include "scenarioloader.h"
#include "scenariomodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace ScenarioModelTestSupport {

QStringList names(const std::vector<TaskSpec> &tasks)
{
    QStringList out;
    for (const auto &task : tasks)
        out << task.displayName();
    return out;
}

} // namespace ScenarioModelTestSupport
using namespace ScenarioModelTestSupport;

class ScenarioModelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyBundledScenarioRoundTrips_data()
    {
        QTest::addColumn<QString>("name");
        const auto all = ScenarioLoader::bundledNames();
        for (const QString &name : all)
            QTest::newRow(qPrintable(name)) << name;
    }
    void everyBundledScenarioRoundTrips()
    {
        QFETCH(QString, name);
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(name));
        QVERIFY(model.isValid());
        QVERIFY(!model.isModified());
        QVERIFY(model.scenario() == bundledScenario(name));
    }

    void nestedGathersAreATree()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"nested"_s));
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex inner = model.index(1, 0);
        QVERIFY(model.isGather(inner));
        QCOMPARE(model.rowCount(inner), 2);
        QCOMPARE(model.index(1, ScenarioModel::ParametersColumn, inner).data().toString(),
                 u"1, 0"_s);
        QCOMPARE(model.index(1, 0, inner).parent(), inner);
        QCOMPARE(model.placeOf(model.index(1, 0, inner)), u"tasks[1].tasks[1]"_s);
        QCOMPARE(model.index(1, ScenarioModel::SleepColumn).flags() & Qt::ItemIsEditable,
                 Qt::ItemFlags());
    }

    void aBadValueIsMarkedAndExplained()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"advanced"_s));
        QSignalSpy validity(&model, &ScenarioModel::validityChanged);
        const QModelIndex parameters = model.index(1, ScenarioModel::ParametersColumn);
        QVERIFY(model.setData(parameters, u"20, zero"_s, Qt::EditRole));
        QVERIFY(!model.isValid());
        QCOMPARE(model.firstError(), u"tasks[1].y: expected a number, got \"zero\""_s);
        QCOMPARE(validity.size(), 1);
        QCOMPARE(validity.first().at(0).toBool(), false);
        QCOMPARE(parameters.data().toString(), u"20, zero"_s); // the typed text stays
        QCOMPARE(parameters.data(Qt::ForegroundRole).value<QBrush>().color(),
                 QColor(0xc6, 0x28, 0x28));
        QCOMPARE(parameters.data(Qt::ToolTipRole).toString(),
                 u"y: expected a number, got \"zero\""_s);
        QVERIFY(model.scenario().tasks[1].y == PyValue::integer(0)); // the last valid value

        QVERIFY(model.setData(parameters, u"10.0, 4"_s, Qt::EditRole));
        QVERIFY(model.isValid());
        QCOMPARE(validity.last().at(0).toBool(), true);
        QVERIFY(model.scenario().tasks[1].x.isFloat()); // 10.0 stays a float
        QCOMPARE(model.scenario().tasks[1].displayName(), u"divide(10.0, 4)"_s);
        QVERIFY(model.isModified());
    }

    void sleepsAndCancellations_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("fixed") << int(ScenarioModel::SleepColumn) << u"2.5"_s << QString();
        QTest::newRow("range") << int(ScenarioModel::SleepColumn) << u"1..3"_s << QString();
        QTest::newRow("range reversed")
            << int(ScenarioModel::SleepColumn) << u"3..1"_s
            << u"tasks[0].sleep: \"min\" (3) is greater than \"max\" (1)"_s;
        QTest::newRow("negative")
            << int(ScenarioModel::SleepColumn) << u"-1"_s
            << u"tasks[0].sleep: expected seconds (a number from 0 to 1000000) "
               "or a range like \"1..3\", got \"-1\""_s;
        QTest::newRow("cancel") << int(ScenarioModel::CancelAfterColumn) << u"0.5"_s << QString();
        QTest::newRow("cancel bad")
            << int(ScenarioModel::CancelAfterColumn) << u"soon"_s
            << u"tasks[0].cancel_after: expected seconds (a number ≥ 0) or nothing, got \"soon\""_s;
        QTest::newRow("kind")
            << int(ScenarioModel::KindColumn) << u"sleep"_s
            << u"tasks[0].task: expected say_hello, divide or gather, got \"sleep\""_s;
    }
    void sleepsAndCancellations()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, error);
        ScenarioModel model;
        model.setScenario(bundledScenario(u"basic"_s));
        QVERIFY(model.setData(model.index(0, column), text, Qt::EditRole));
        QCOMPARE(model.firstError(), error);
        if (!error.isEmpty())
            return;
        const TaskSpec task = model.scenario().tasks[0];
        if (text == u"1..3")
            QCOMPARE(task.sleep, SleepSpec::random(1, 3));
        else if (column == ScenarioModel::SleepColumn)
            QCOMPARE(task.sleep, SleepSpec::fixed(2.5));
        else
            QCOMPARE(task.cancelAfter.value(), 0.5);
    }

    void addRemoveDuplicateMove()
    {
        ScenarioModel model;
        QAbstractItemModelTester tester(&model);
        model.setScenario(bundledScenario(u"basic"_s));
        model.addTask({}, 1, TaskSpec::divide(PyValue::integer(1), PyValue::integer(2)));
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Turtle')", "divide(1, 2)", "say_hello('Mr. Wolf')"}));
        const QModelIndex gather = model.addTask({}, 3, TaskSpec::gather({}));
        model.addTask(gather, 0, TaskSpec::sayHello(u"Owl"_s));
        QCOMPARE(model.scenario().tasks[3].tasks.size(), std::size_t(1));
        model.duplicateTask(model.index(3, 0));
        QCOMPARE(names(model.scenario().tasks).size(), 5);
        QCOMPARE(model.scenario().tasks[4].tasks[0].name, u"Owl"_s); // deep copy
        model.moveTask(model.index(0, 0), +1);
        QCOMPARE(names(model.scenario().tasks).mid(0, 2),
                 strings({"divide(1, 2)", "say_hello('Mr. Turtle')"}));
        model.moveTask(model.index(2, 0), -2);
        QCOMPARE(names(model.scenario().tasks).first(), u"say_hello('Mr. Wolf')"_s);
        model.removeTask(model.index(4, 0));
        model.removeTask(model.index(3, 0));
        QCOMPARE(names(model.scenario().tasks),
                 strings({"say_hello('Mr. Wolf')", "divide(1, 2)", "say_hello('Mr. Turtle')"}));
        QVERIFY(model.isModified());
    }

    void theEditorWiresItsControls()
    {
        ScenarioEditor editor;
        editor.model()->setScenario(bundledScenario(u"basic"_s));
        editor.show();
        QVERIFY(!editor.removeAction()->isEnabled()); // nothing selected
        editor.view()->setCurrentIndex(editor.model()->index(0, 0));
        QVERIFY(editor.removeAction()->isEnabled());
        auto *title = editor.findChild<QLineEdit *>();
        QVERIFY(title);
        title->selectAll();
        QTest::keyClicks(title, u"Turtles"_s);
        QCOMPARE(editor.model()->title(), u"Turtles"_s);
        QVERIFY(editor.model()->isModified());
    }
};

QTEST_MAIN(ScenarioModelTest)
#include "tst_scenariomodel.moc"
