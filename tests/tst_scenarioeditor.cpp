// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The scenario editor widget: its controls wired to the model, its keys, its fields checked as
// they are typed.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "scenariodocument.h"
#include "scenarioeditor.h"
#include "scenariohistory.h"
#include "scenarioloader.h"
#include "scenariomodel.h"
#include "scenariorules.h"
#include "scenariosnapshot.h"
#include "theme.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <cmath>
#include <map>
#include <random>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace {

const QColor errorRed = Theme::errorColor();

//! An editor holding a bundled scenario, and the parts of it a test of its form reaches for.
struct EditorWith {
    explicit EditorWith(const QString &scenario) { model->setScenario(bundledScenario(scenario)); }

    ScenarioEditor editor;
    ScenarioModel *model = editor.model();
    QUndoStack *history = editor.history()->stack();
    QLineEdit *title = editor.findChild<QLineEdit *>(u"title"_s);
    QLineEdit *seed = editor.findChild<QLineEdit *>(u"seed"_s);
    QPlainTextEdit *description = editor.findChild<QPlainTextEdit *>(u"description"_s);

    //! Shown and active, as a window typed into, and \a text typed into the title.
    bool typedIntoTheTitleShown(const QString &text)
    {
        editor.show();
        if (!QTest::qWaitForWindowActive(&editor))
            return false;
        title->setFocus();
        QTest::keyClicks(title, text);
        return true;
    }
};

//! Random edits of every kind, undos, redos, jumps in the history, saves and other scenarios,
//! one at a time, each followed by what must hold after it (check()).
class HistoryWalk {
public:
    explicit HistoryWalk(unsigned seed)
        : m_random{seed}
    {
        open();
    }

    //! One random step; returns what it did, for a message.
    QString step()
    {
        m_indexBefore = stack()->index();
        m_pushed = false;
        const QModelIndex task = anyTask();
        const QString tooLong(ScenarioRules::maxTextLength + 1, u'x');
        switch (pick(18)) {
        case 0:
            return edit(u"title"_s, [&] { // the form takes no more than a file holds
                m_model->setTitle(oneOf({u"A"_s, u""_s, QString(QChar(0xD800))}));
            });
        case 1:
            return edit(u"description"_s, [&] {
                m_model->setDescription(oneOf({u"d"_s, u"e"_s, tooLong}));
            });
        case 2:
            return edit(u"seed"_s,
                        [&] { m_model->setSeed(pick(2) ? std::optional(pick(3)) : std::nullopt); });
        case 3:
            return edit(u"return_exceptions"_s, [&] { m_model->setReturnExceptions(pick(2)); });
        case 4:
        case 5: {
            if (!task.isValid())
                return {};
            const int column = int(pick(ScenarioModel::ColumnCount));
            const QString text = oneOf({u"say_hello"_s, u"divide"_s, u"L"_s, u"Ann"_s, u"1"_s,
                                        u"-0.0"_s, u"2, 0"_s, u"soon"_s, u""_s});
            return edit(u"cell "_s + text, [&] {
                m_model->setData(task.siblingAtColumn(column), text, Qt::EditRole);
            });
        }
        case 6:
            return edit(u"add"_s, [&] {
                m_model->addTask(m_model->isGather(task) ? task : QModelIndex(), int(pick(2)),
                                 TaskSpec::sayHello(u"New"_s, SleepSpec::fixed(1)));
            });
        case 7:
            return edit(u"duplicate"_s, [&] { m_model->duplicateTask(task); });
        case 8:
            return edit(u"remove"_s, [&] { m_model->removeTask(task); });
        case 9:
            return edit(u"move"_s, [&] { m_model->moveTask(task, pick(2) ? 1 : -1); });
        case 10: {
            const QModelIndex gather = anyTask();
            return edit(u"move into"_s, [&] {
                m_model->moveTaskTo(task, m_model->isGather(gather) ? gather : QModelIndex(),
                                    int(pick(3)));
            });
        }
        case 11:
        case 12:
            stack()->undo();
            return u"undo"_s;
        case 13:
        case 14:
            stack()->redo();
            return u"redo"_s;
        case 15:
            stack()->setIndex(int(pick(unsigned(stack()->count()) + 1)));
            return u"jump"_s;
        case 16:
            if (!m_model->isValid())
                return {};
            m_model->setModified(false);
            return u"save"_s;
        default:
            if (pick(3) != 0)
                return {};
            open();
            return u"open"_s;
        }
    }

    //! At each index the model holds the scenario it held when it first got there; it is valid
    //! when no cell is marked and a file of it loads; it is modified unless it is at the saved
    //! step and valid, and not modified when an undo, a redo or a jump took it there valid.
    void check(const QString &done) const
    {
        const QByteArray json = ScenarioLoader::toJson(m_model->scenario());
        const auto held = m_json.find(stack()->index());
        if (held != m_json.end())
            QVERIFY2(held->second == json, qPrintable(done));
        const bool loads = std::holds_alternative<Scenario>(ScenarioLoader::parse(json, {}));
        QVERIFY2(m_model->isValid() == (loads && !anyCellMarked({})), qPrintable(done));
        if (!stack()->isClean() || !m_model->isValid())
            QVERIFY2(m_model->isModified(), qPrintable(done));
        else if (stack()->index() != m_indexBefore)
            QVERIFY2(!m_model->isModified(), qPrintable(done));
        QVERIFY2(m_editor.findChild<QLineEdit *>(u"title"_s)->text() == m_model->title(),
                 qPrintable(done));
    }

    //! Records what the model holds at the stack's index after an edit that made a step, or
    //! changed the last one (typing into the field it typed into). The steps after it are gone.
    void record()
    {
        if (!m_pushed)
            return;
        m_json.erase(m_json.upper_bound(stack()->index()), m_json.end());
        m_json[stack()->index()] = ScenarioLoader::toJson(m_model->scenario());
    }

private:
    template<typename Edit>
    QString edit(const QString &what, Edit &&change)
    {
        // A step pushed, or merged into the last one (the stack tells its index again, the same,
        // or one less when the merge took the step back to where it began).
        const QMetaObject::Connection told =
            QObject::connect(stack(), &QUndoStack::indexChanged, [this] { m_pushed = true; });
        change();
        QObject::disconnect(told);
        return what;
    }

    void open()
    {
        m_model->setScenario(bundledScenario(oneOf({u"basic"_s, u"nested"_s, u"advanced"_s})));
        m_json = {{stack()->index(), ScenarioLoader::toJson(m_model->scenario())}};
    }

    QModelIndex anyTask()
    {
        QModelIndex task;
        while (m_model->rowCount(task) > 0) {
            task = m_model->index(int(pick(unsigned(m_model->rowCount(task)))), 0, task);
            if (pick(2) == 0)
                break;
        }
        return task;
    }

    bool anyCellMarked(const QModelIndex &parent) const
    {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            for (int column = 0; column < ScenarioModel::ColumnCount; ++column) {
                if (m_model->index(row, column, parent).data(Qt::ForegroundRole).isValid())
                    return true;
            }
            if (anyCellMarked(m_model->index(row, 0, parent)))
                return true;
        }
        return false;
    }

    unsigned pick(unsigned choices) { return m_random() % choices; }
    QString oneOf(std::initializer_list<QString> texts)
    {
        return *(texts.begin() + pick(unsigned(texts.size())));
    }
    QUndoStack *stack() const { return m_editor.history()->stack(); }

    std::mt19937 m_random;
    ScenarioEditor m_editor;
    ScenarioModel *m_model = m_editor.model();
    std::map<int, QByteArray> m_json; // by index of the stack, what the model held there
    int m_indexBefore = 0;
    bool m_pushed = false;
};

} // namespace

class ScenarioEditorTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
        QCOMPARE(taskNames(editor.model()->scenario().tasks),
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
        QCOMPARE(taskNames(model->scenario().tasks),
                 strings({"say_hello('Alice')", "inner gather"}));
        QCOMPARE(taskNames(model->scenario().tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "say_hello('Bob')"}));
        QCOMPARE(editor.view()->currentIndex(), model->index(2, 0, inner));
        QVERIFY(editor.view()->isExpanded(inner));
        QVERIFY(!into->isEnabled()); // a divide above it
        QVERIFY(outOf->isEnabled());

        outOf->trigger();
        QCOMPARE(taskNames(model->scenario().tasks),
                 strings({"say_hello('Alice')", "inner gather", "say_hello('Bob')"}));
        QCOMPARE(editor.view()->currentIndex(), model->index(2, 0));
        QVERIFY(into->isEnabled());
        QVERIFY(!outOf->isEnabled());

        editor.view()->setCurrentIndex(model->index(0, 0, inner));
        QVERIFY(!into->isEnabled()); // the first of its gather
        QVERIFY(outOf->isEnabled());
        outOf->trigger();
        QCOMPARE(taskNames(model->scenario().tasks), strings({"say_hello('Alice')", "inner gather",
                                                              "divide(1, 4)", "say_hello('Bob')"}));
        QCOMPARE(taskNames(model->scenario().tasks[1].tasks), strings({"divide(1, 0)"}));
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
        QCOMPARE(taskNames(model->scenario().tasks[1].tasks),
                 strings({"divide(1, 4)", "divide(1, 0)", "say_hello('Bob')"}));

        auto *title = editor.findChild<QLineEdit *>(u"title"_s);
        QVERIFY(title);
        title->setFocus();
        title->setCursorPosition(title->text().size());
        QTest::keyClick(title, Qt::Key_Left, Qt::ControlModifier); // a word back, not a move
        QCOMPARE(title->cursorPosition(), int(title->text().lastIndexOf(u' ') + 1));
        QCOMPARE(taskNames(model->scenario().tasks),
                 strings({"say_hello('Alice')", "inner gather"}));

        editor.view()->setFocus();
        QTest::keyClick(editor.view(), Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(taskNames(model->scenario().tasks),
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
        QCOMPARE(taskNames(editor.model()->scenario().tasks[1].tasks),
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

    void theEditorAddsEveryKind()
    {
        ScenarioEditor editor;
        editor.model()->setScenario(bundledScenario(u"basic"_s));
        QStringList adders;
        QAction *addFail = nullptr;
        const auto actions = editor.actions();
        for (QAction *action : actions) {
            if (action->text().startsWith(u"+ "_s))
                adders << action->text();
            if (action->text() == u"+ fail")
                addFail = action;
        }
        QCOMPARE(adders, strings({"+ say_hello", "+ divide", "+ fail", "+ blocking_sleep",
                                  "+ compute", "+ gather"}));
        QVERIFY(addFail->toolTip().contains(u"Ctrl+Shift+R"_s));
        addFail->trigger();
        const TaskSpec added = editor.model()->scenario().tasks.back();
        QVERIFY(added == TaskSpec::fail(u"ValueError"_s, u"bad input"_s));
        QCOMPARE(editor.model()->index(2, ScenarioModel::ParametersColumn).data().toString(),
                 u"ValueError: bad input"_s);
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
        // Another setting changed, the field no longer focused: the text that does not read
        // stays beside the error the model keeps (the field was emptied, the error left).
        editor.model()->setTitle(u"Elsewhere"_s);
        QVERIFY(!cancelAfter->hasFocus());
        QCOMPARE(cancelAfter->text(), u"-2"_s);
        QVERIFY(editor.model()->firstError().startsWith(u"cancel_after: "_s));
        editor.model()->setScenario(bundledScenario(u"basic"_s)); // a new scenario reads fine
        QVERIFY(cancelAfter->palette().color(QPalette::Text) != errorRed);
        QCOMPARE(cancelAfter->text(), QString());

        auto *description = editor.findChild<QPlainTextEdit *>(u"description"_s);
        QVERIFY(description);
        QCOMPARE(description->toPlainText(), bundledScenario(u"basic"_s).description);
        description->clear();
        QTest::keyClicks(description, u"Two turtles"_s);
        QTest::keyClick(description, Qt::Key_Return); // a description may take several lines
        QTest::keyClicks(description, u"race"_s);
        QCOMPARE(editor.model()->description(), u"Two turtles\nrace"_s);
        description->setPlainText(QString(ScenarioRules::maxTextLength + 1, u'x'));
        QVERIFY(!editor.model()->isValid());
        QCOMPARE(editor.model()->firstError(),
                 u"description: text too long (10001 characters; at most 10000)"_s);
        description->setPlainText(u"Two turtles"_s);
        QVERIFY(editor.model()->isValid());

        QTest::keyClicks(cancelAfter, u"1.5"_s);
        QCOMPARE(cancelAfter->text(), u"1.5"_s);
        QCOMPARE(editor.model()->cancelAfter(), std::optional<double>(1.5));

        editor.model()->setScenario(bundledScenario(u"cancel-all"_s));
        QCOMPARE(cancelAfter->text(),
                 QString::number(bundledScenario(u"cancel-all"_s).cancelAfter.value()));
    }

    void everyChangeIsUndoneAndRedoneExactly_data()
    {
        QTest::addColumn<int>("change");
        QTest::addColumn<QString>("name");
        const char *names[] = {"Add a task",   "Remove a task",        "Add a task",
                               "Move a task",  "Move a task",          "Edit a cell",
                               "Edit a cell",  "Change a task's kind", "Edit the title",
                               "Edit the seed"};
        const char *rows[] = {"add",         "remove", "duplicate",           "move down",
                              "into gather", "edit",   "invalid, then valid", "kind",
                              "title",       "seed"};
        for (int i = 0; i < 10; ++i)
            QTest::newRow(rows[i]) << i << QString::fromLatin1(names[i]);
    }
    void everyChangeIsUndoneAndRedoneExactly()
    {
        QFETCH(int, change);
        QFETCH(QString, name);
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"nested"_s));
        QUndoStack *history = editor.history()->stack();
        QCOMPARE(history->count(), 0);
        const QByteArray before = ScenarioLoader::toJson(model->scenario());
        const QModelIndex first = model->index(0, 0);
        switch (change) {
        case 0:
            model->addTask({}, 1, TaskSpec::sayHello(u"New"_s));
            break;
        case 1:
            model->removeTask(first);
            break;
        case 2:
            model->duplicateTask(first);
            break;
        case 3:
            model->moveTask(first, +1);
            break;
        case 4: // the first task into the gather after it
            QVERIFY(model->moveTaskTo(first, model->index(1, 0), 0).isValid());
            QCOMPARE(model->scenario().tasks.size(), std::size_t(2));
            break;
        case 5:
            QVERIFY(model->setData(model->index(0, ScenarioModel::ParametersColumn), u"Ann"_s,
                                   Qt::EditRole));
            break;
        case 6: // a value that does not read is no step; the value that reads is one
            QVERIFY(model->setData(model->index(0, ScenarioModel::SleepColumn), u"soon"_s,
                                   Qt::EditRole));
            QCOMPARE(history->count(), 0);
            QVERIFY(model->setData(model->index(0, ScenarioModel::SleepColumn), u"2.5"_s,
                                   Qt::EditRole));
            break;
        case 7:
            QVERIFY(model->setData(model->index(0, ScenarioModel::KindColumn), u"divide"_s,
                                   Qt::EditRole));
            break;
        case 8:
            model->setTitle(u"Renamed"_s);
            break;
        case 9:
            model->setSeed(7);
            break;
        }
        const QByteArray after = ScenarioLoader::toJson(model->scenario());
        QVERIFY(after != before);
        QCOMPARE(history->undoText(), name);
        QVERIFY(model->isModified());
        history->setIndex(0); // undo everything
        QCOMPARE(ScenarioLoader::toJson(model->scenario()), before);
        QVERIFY(!model->isModified()); // back where the file was
        history->setIndex(history->count());
        QCOMPARE(ScenarioLoader::toJson(model->scenario()), after);
        QVERIFY(model->isModified());
    }

    void aSnapshotSharesWhatAnEditLeftAsItWas()
    {
        Scenario scenario;
        scenario.title = u"Five"_s;
        for (const QString &name : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s})
            scenario.tasks.push_back(TaskSpec::sayHello(name, SleepSpec::fixed(1)));
        const ScenarioSnapshot first(scenario, {});
        QVERIFY(first.scenario() == scenario);

        // Another title: the list of tasks is shared whole.
        Scenario renamed = scenario;
        renamed.title = u"Renamed"_s;
        const ScenarioSnapshot second(renamed, first);
        QVERIFY(second.scenario() == renamed);
        QVERIFY(second.tasks().sharesAll(first.tasks()));
        QVERIFY(!(second == first));

        // The middle task edited: the two before it and the two after it are shared.
        Scenario edited = renamed;
        edited.tasks[2].name = u"Changed"_s;
        const ScenarioSnapshot third(edited, second);
        QVERIFY(third.scenario() == edited);
        for (const std::size_t i : {0, 1, 3, 4})
            QCOMPARE(third.tasks()[i].get(), second.tasks()[i].get());
        QVERIFY(third.tasks()[2] != second.tasks()[2]);

        // A task inserted first: every other one shared; the last removed: the rest shared.
        Scenario inserted = edited;
        inserted.tasks.insert(inserted.tasks.begin(), TaskSpec::sayHello(u"New"_s));
        const ScenarioSnapshot fourth(inserted, third);
        QVERIFY(fourth.scenario() == inserted);
        for (std::size_t i = 0; i < 5; ++i)
            QCOMPARE(fourth.tasks()[i + 1].get(), third.tasks()[i].get());
        Scenario removed = inserted;
        removed.tasks.pop_back();
        const ScenarioSnapshot fifth(removed, fourth);
        QVERIFY(fifth.scenario() == removed);
        for (std::size_t i = 0; i < 5; ++i)
            QCOMPARE(fifth.tasks()[i].get(), fourth.tasks()[i].get());

        // Equal is equal content, shared or not; every task removed is no tasks.
        QVERIFY(ScenarioSnapshot(edited, {}) == third);
        QVERIFY(!(ScenarioSnapshot(renamed, {}) == third));
        Scenario emptied = removed;
        emptied.tasks.clear();
        const ScenarioSnapshot none(emptied, fifth);
        QVERIFY(none.tasks().empty());
        Scenario titled;
        titled.title = removed.title;
        QVERIFY(none == ScenarioSnapshot(titled, {}));
        QVERIFY(none.scenario() == titled);
    }

    void aListOfTasksSplicedAnywhereHoldsWhatAVectorWouldAndSharesTheRest()
    {
        // Random splices of a SharedTaskList against a plain vector of the same pointers: the
        // same tasks in the same order after each, and every task far enough from the change
        // still read from the very chunk it was in (the same pointer object, not a copy of it).
        constexpr std::size_t chunk = SharedTaskList::chunkSize;
        std::mt19937 random(20261129);
        const auto below = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n)(random);
        };
        int named = 0;
        const auto tasks = [&](std::size_t n) {
            std::vector<SharedTaskList::Task> made;
            for (std::size_t i = 0; i < n; ++i)
                made.push_back(std::make_shared<const TaskSpec>(
                    TaskSpec::sayHello(QString::number(named++), SleepSpec::fixed(1))));
            return made;
        };
        std::vector<SharedTaskList::Task> expected = tasks(3000);
        SharedTaskList list = SharedTaskList().spliced(0, 0, expected);
        for (int splice = 0; splice < 300; ++splice) {
            const std::size_t first = below(expected.size());
            // Mostly one task changed, as an edit does; sometimes many, or all of them.
            const std::size_t removed =
                splice % 7 == 0 ? below(expected.size() - first)
                                : std::min<std::size_t>(below(1), expected.size() - first);
            std::vector<SharedTaskList::Task> inserted =
                tasks(splice % 5 == 0 ? below(3 * chunk) : below(1));
            const SharedTaskList before = list;
            list = before.spliced(first, removed, inserted);
            expected.erase(expected.begin() + std::ptrdiff_t(first),
                           expected.begin() + std::ptrdiff_t(first + removed));
            expected.insert(expected.begin() + std::ptrdiff_t(first), inserted.begin(),
                            inserted.end());
            QCOMPARE(list.size(), expected.size());
            QCOMPARE(list.empty(), expected.empty());
            // No chunk holds more than chunkSize; none but the last fewer than half of it.
            QVERIFY(list.chunkCount() * chunk >= list.size());
            QVERIFY(list.chunkCount() <= list.size() / (chunk / 2) + 1);
            std::size_t visited = 0;
            list.forEach([&](const SharedTaskList::Task &task) {
                QCOMPARE(task, expected[visited]);
                QCOMPARE(&task, &list[visited]);
                ++visited;
            });
            QCOMPARE(visited, expected.size());
            SharedTaskList::Cursor cursor(list); // from the back, then anywhere
            for (std::size_t i = expected.size(); i-- > 0;)
                QCOMPARE(cursor[i], expected[i]);
            for (int read = 0; read < 20 && !expected.empty(); ++read) {
                const std::size_t i = below(expected.size() - 1);
                QCOMPARE(cursor[i], expected[i]);
            }
            for (std::size_t i = 0; i + chunk < first; ++i)
                QCOMPARE(&list[i], &before[i]);
            for (std::size_t i = first + removed + 2 * chunk; i < before.size(); ++i)
                QCOMPARE(&list[i + inserted.size() - removed], &before[i]);
            if (removed == 0 && inserted.empty())
                QVERIFY(list.sharesAll(before));
            if (expected.size() < 100) { // start again
                expected = tasks(3000);
                list = SharedTaskList().spliced(0, 0, expected);
            }
        }
    }

    void aSnapshotKeepsTheSignOfAZero()
    {
        // -0.0 == 0.0 for C++ as for IEEE, but the editor keeps the -0.0 typed into a divide
        // (which then prints -0.0): it is a change, and a step gives it back as typed.
        Scenario zero;
        zero.title = u"Zero"_s;
        zero.tasks = {TaskSpec::divide(PyValue::floating(0.0), PyValue::integer(2))};
        Scenario negative = zero;
        negative.tasks[0].x = PyValue::floating(-0.0);
        QVERIFY(negative == zero);
        const ScenarioSnapshot before(zero, {});
        const ScenarioSnapshot after(negative, before);
        QVERIFY(!(after == before));
        QVERIFY(std::signbit(after.scenario().tasks[0].x.toFloat()));
        QVERIFY(!std::signbit(before.scenario().tasks[0].x.toFloat()));
    }

    void undoingASettingKeepsTheRowsAsTheyAre()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"nested"_s));
        QUndoStack *history = editor.history()->stack();
        const QPersistentModelIndex second = model->index(1, 0);
        // Text that does not read yet is no step, and stays in its cell.
        const QModelIndex sleep = model->index(0, ScenarioModel::SleepColumn);
        QVERIFY(model->setData(sleep, u"soon"_s, Qt::EditRole));
        QCOMPARE(history->count(), 0);
        const QByteArray before = ScenarioLoader::toJson(model->scenario());
        const quint64 tasks = model->tasksRevision();
        model->setTitle(u"Renamed"_s);
        QCOMPARE(model->tasksRevision(), tasks); // a setting is no change of the tasks

        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy replaced(model, &ScenarioModel::settingsReplaced);
        history->undo();
        QCOMPARE(ScenarioLoader::toJson(model->scenario()), before);
        QCOMPARE(editor.findChild<QLineEdit *>(u"title"_s)->text(), model->title());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(replaced.count(), 1);
        QVERIFY(second.isValid());
        QCOMPARE(second.row(), 1);
        QCOMPARE(model->data(sleep, Qt::EditRole).toString(), u"soon"_s);
        QVERIFY(!model->isValid());
        history->redo();
        QCOMPARE(model->title(), u"Renamed"_s);
        QCOMPARE(resets.count(), 0);
    }

    void undoingATaskGivesBackThatTaskAndLeavesTheOtherRows()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        Scenario scenario;
        scenario.title = u"Five"_s;
        scenario.tasks = {
            TaskSpec::sayHello(u"A"_s), TaskSpec::sayHello(u"B"_s),
            TaskSpec::gather({TaskSpec::sayHello(u"C"_s), TaskSpec::sayHello(u"D"_s)}),
            TaskSpec::sayHello(u"E"_s)};
        model->setScenario(scenario);
        QUndoStack *history = editor.history()->stack();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        const QPersistentModelIndex first = model->index(0, 0);
        const QPersistentModelIndex last = model->index(3, 0);
        const auto json = [&] { return ScenarioLoader::toJson(model->scenario()); };
        const QByteArray before = json();

        // A cell: its task keeps its row, which takes its values back.
        const QModelIndex name = model->index(0, ScenarioModel::ParametersColumn);
        QVERIFY(model->setData(name, u"Ann"_s, Qt::EditRole));
        QVERIFY(model->setData(model->index(1, ScenarioModel::SleepColumn), u"soon"_s,
                               Qt::EditRole)); // does not read: no step, and stays
        history->undo();
        QCOMPARE(json(), before);
        QCOMPARE(model->data(name, Qt::DisplayRole).toString(), u"A"_s);
        QCOMPARE(model->data(model->index(1, ScenarioModel::SleepColumn), Qt::EditRole).toString(),
                 u"soon"_s);
        QVERIFY(first.isValid() && last.isValid());
        history->redo();
        QCOMPARE(model->data(name, Qt::DisplayRole).toString(), u"Ann"_s);
        history->undo();
        QVERIFY(model->setData(model->index(1, ScenarioModel::SleepColumn), u"2"_s, Qt::EditRole));
        history->undo();
        QCOMPARE(json(), before);

        // A task added, then removed by the undo: the rows after it move back.
        model->addTask({}, 1, TaskSpec::sayHello(u"New"_s));
        QCOMPARE(last.row(), 4);
        history->undo();
        QCOMPARE(last.row(), 3);
        QCOMPARE(json(), before);

        // A task inside a gather: the gather is given back with its tasks.
        const QModelIndex gather = model->index(2, 0);
        QVERIFY(model->setData(model->index(1, ScenarioModel::ParametersColumn, gather), u"Dee"_s,
                               Qt::EditRole));
        history->undo();
        QCOMPARE(json(), before);
        QVERIFY(first.isValid());
        QCOMPARE(last.row(), 3);
        QCOMPARE(model->rowCount(model->index(2, 0)), 2);
        history->redo();
        QVERIFY(json().contains("\"Dee\""));
        QCOMPARE(resets.count(), 0);
        QVERIFY(model->isValid());
    }

    void aTitleNoFileCanHoldIsMarkedAgainWhenAnUndoBringsItBack()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"basic"_s));
        const QString tooLong(ScenarioRules::maxTextLength + 1, u'x');
        model->setTitle(tooLong);
        QVERIFY(!model->isValid());
        const QString error = model->firstError();
        QVERIFY2(error.startsWith(u"title: text too long"_s), qPrintable(error));
        model->setSeed(7); // between two edits of the title: they are two steps
        model->setTitle(u"Short"_s);
        QVERIFY(model->isValid());
        editor.history()->stack()->undo();
        QCOMPARE(model->title(), tooLong);
        QCOMPARE(model->firstError(), error); // not saved as a file that would not open again
        editor.history()->stack()->undo();
        QVERIFY(!model->isValid());
        editor.history()->stack()->undo();
        QVERIFY(model->isValid());
    }

    void anUndoToTheSavedStepKeepsTheMarkOfTextThatDoesNotRead()
    {
        // The undo of a setting leaves the rows as they are, text that does not read included:
        // the window is not back at the file, and closing it must still ask.
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"basic"_s));
        const QModelIndex sleep = model->index(0, ScenarioModel::SleepColumn);
        QVERIFY(model->setData(sleep, u"soon"_s, Qt::EditRole));
        QVERIFY(model->isModified());
        model->setTitle(u"Renamed"_s);
        editor.history()->stack()->undo();
        QCOMPARE(model->data(sleep, Qt::EditRole).toString(), u"soon"_s);
        QVERIFY(!model->isValid());
        QVERIFY(model->isModified());
    }

    void aDescriptionWithANoBreakSpaceIsShownAsItIs()
    {
        // QPlainTextEdit gives a no-break space back as a space: shown, the description was
        // rewritten, and an edit recorded that no one made.
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        Scenario scenario = bundledScenario(u"basic"_s);
        scenario.description = u"10\u00a0s"_s;
        model->setScenario(scenario);
        QCOMPARE(model->description(), u"10\u00a0s"_s);
        QVERIFY(!model->isModified());
        QCOMPARE(editor.history()->stack()->count(), 0);
        // Typed into, it takes what the box holds.
        auto *description = editor.findChild<QPlainTextEdit *>(u"description"_s);
        description->setPlainText(u"10 s, edited"_s);
        QCOMPARE(model->description(), u"10 s, edited"_s);
    }

    void aWindowThatHoldsNoFileKeepsItsMarkThroughAnEditAndItsUndo()
    {
        // A copy restored from the autosave, or the own version kept over a file changed on
        // disk, is no file: an edit and its undo must not make the window look saved (closing
        // would not ask, and the autosave would throw a restored copy away).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.json"_s);
        QVERIFY(ScenarioLoader::save(bundledScenario(u"basic"_s), path).isEmpty());
        for (const bool recovered : {true, false}) {
            ScenarioEditor editor;
            ScenarioModel *model = editor.model();
            ScenarioDocument document(model);
            if (recovered) {
                QCOMPARE(document.recover(path, QString()), QString());
            } else {
                QCOMPARE(document.open(path), QString());
                Scenario other = bundledScenario(u"basic"_s);
                other.title = u"Written by someone else"_s;
                QVERIFY(ScenarioLoader::save(other, path).isEmpty());
                document.keepOwnVersion();
            }
            QVERIFY(model->isModified());
            model->setTitle(u"Edited"_s);
            editor.history()->stack()->undo();
            QVERIFY2(model->isModified(), recovered ? "a recovered copy" : "the own version kept");
        }
    }

    void aDescriptionWithLineBreaksOtherThanNewlinesIsShownAsItIs()
    {
        // QPlainTextEdit also gives "\r\n", "\r", U+2028 and U+2029 back as "\n".
        QStringList rewritten;
        for (const char *escaped :
             {"one\\r\\ntwo", "one\\rtwo", "one\\u2028two", "one\\u2029two"}) {
            ScenarioEditor editor;
            ScenarioModel *model = editor.model();
            const Scenario scenario = scenarioFromJson(
                QByteArray("{\"title\": \"t\", \"description\": \"") + escaped +
                "\", \"tasks\": [{\"task\": \"say_hello\", \"name\": \"A\", \"sleep\": 1}]}");
            model->setScenario(scenario);
            if (model->description() != scenario.description || model->isModified() ||
                editor.history()->stack()->count() != 0)
                rewritten << QString::fromLatin1(escaped);
        }
        QVERIFY2(rewritten.isEmpty(), qPrintable(rewritten.join(u", "_s)));
    }
    void anUndoThatMakesTheTaskAboveAGatherAgainOffersToMoveInto()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        Scenario scenario;
        scenario.tasks = {TaskSpec::gather({}), TaskSpec::sayHello(u"T"_s)};
        model->setScenario(scenario);
        QVERIFY(model->setData(model->index(0, ScenarioModel::KindColumn), u"say_hello"_s,
                               Qt::EditRole));
        editor.view()->setCurrentIndex(model->index(1, 0));
        QVERIFY(!editor.moveIntoGatherAction()->isEnabled());
        editor.history()->stack()->undo(); // the task above is a gather again, in its row
        QVERIFY(model->isGather(model->index(0, 0)));
        QCOMPARE(editor.view()->currentIndex().row(), 1);
        QVERIFY(editor.moveIntoGatherAction()->isEnabled());
    }
    void anUndoGivesBackADescriptionWithACarriageReturn()
    {
        // Shown, the description was rewritten; shown again by an undo, rewritten again while
        // the history gave it back: that edit went unrecorded, and the window, marked as the
        // file, held another description than the step.
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        const Scenario file = scenarioFromJson(
            "{\"title\": \"t\", \"description\": \"one\\r\\ntwo\", \"tasks\": []}");
        model->setScenario(file);
        const QByteArray opened = ScenarioLoader::toJson(file);
        QUndoStack *stack = editor.history()->stack();
        while (stack->canUndo())
            stack->undo();
        QCOMPARE(ScenarioLoader::toJson(model->scenario()), opened);
    }

    void everyStepComesBackExactlyWhateverTheOrderOfEditsAndUndos()
    {
        // Random walks through the history (HistoryWalk); GATHERSCOPE_HISTORY_WALKS walks more
        // (scripts/history-walks).
        const int walks = qEnvironmentVariableIntValue("GATHERSCOPE_HISTORY_WALKS");
        for (unsigned seed = 1; seed <= unsigned(walks > 0 ? walks : 40); ++seed) {
            HistoryWalk walk(seed);
            QStringList done;
            for (int step = 0; step < 60; ++step) {
                done << walk.step();
                walk.record();
                walk.check(u"walk %1: "_s.arg(seed) + done.join(u", "_s));
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }

    void keysTypedIntoOneFieldAreOneStep()
    {
        EditorWith basic(u"basic"_s);
        QTest::keyClicks(basic.title, u" one"_s);
        QCOMPARE(basic.history->count(), 1);
        QCOMPARE(basic.history->undoText(), u"Edit the title"_s);
        QTest::keyClicks(basic.seed, u"42"_s); // another field: another step
        QTest::keyClicks(basic.title, u"!"_s); // the title again, after the seed: another step
        QTest::keyClicks(basic.description, u" More."_s);
        QCOMPARE(basic.history->count(), 4);
        QCOMPARE(basic.history->undoText(), u"Edit the description"_s);
        basic.model->setReturnExceptions(true); // not typed: each change is a step
        basic.model->setReturnExceptions(false);
        QCOMPARE(basic.history->count(), 6);
        basic.history->setIndex(4);
        basic.history->undo();
        QCOMPARE(basic.model->description(), bundledScenario(u"basic"_s).description);
        QCOMPARE(basic.model->title(), u"Basic example one!"_s);
        basic.history->undo();
        QCOMPARE(basic.model->title(), u"Basic example one"_s);
        basic.history->undo();
        QCOMPARE(basic.model->seed(), std::nullopt);
        basic.history->undo();
        QCOMPARE(basic.model->title(), u"Basic example"_s);
        QVERIFY(!basic.model->isModified());
        basic.history->redo();
        QCOMPARE(basic.model->title(), u"Basic example one"_s);

        // Typed back to what the last step began with: that step is gone.
        basic.history->setIndex(4);
        basic.model->setModified(false); // saved: the next keys are a step of their own
        QTest::keyClicks(basic.title, u"?"_s);
        QCOMPARE(basic.history->count(), 5);
        QTest::keyClicks(basic.title, u"?"_s);
        QCOMPARE(basic.history->count(), 5);
        QVERIFY(basic.model->isModified());
        QTest::keyClick(basic.title, Qt::Key_Backspace);
        QTest::keyClick(basic.title, Qt::Key_Backspace);
        QCOMPARE(basic.model->title(), u"Basic example one!"_s);
        QCOMPARE(basic.history->count(), 4);
        QVERIFY(basic.history->isClean());
        QVERIFY(!basic.model->isModified());
    }

    void undoInAFieldUndoesTheScenariosLastStep()
    {
        // The field's own undo was an edit of its own: a new step, and the window stayed marked.
        EditorWith basic(u"basic"_s);
        basic.model->setSeed(3);
        QTest::keyClicks(basic.title, u" two"_s);
        QTest::keyClick(basic.title, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(basic.model->title(), u"Basic example"_s);
        QCOMPARE(basic.title->text(), u"Basic example"_s);
        QCOMPARE(basic.history->index(), 1);
        QCOMPARE(basic.history->count(), 2);
        QTest::keyClick(basic.description, Qt::Key_Z, Qt::ControlModifier); // the seed's step
        QCOMPARE(basic.model->seed(), std::nullopt);
        QVERIFY(!basic.model->isModified());
        QTest::keyClick(basic.title, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(basic.model->seed(), std::optional<std::uint64_t>(3));
        QTest::keyClick(basic.description, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(basic.title->text(), u"Basic example two"_s);
        QCOMPARE(basic.history->index(), 2);
    }

    void aGatherShowsItsTasksAndNoOtherRowIsKeptExpanded()
    {
        // expandAll() kept every row as expanded, a persistent index a row that the model moved
        // at each insertion: a task duplicated among 100,000 took 90 ms.
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        QTreeView *view = editor.view();
        model->setScenario(bundledScenario(u"nested"_s)); // Alice, inner gather (2), Bob
        const QModelIndex inner = model->index(1, 0);
        QVERIFY(view->isExpanded(inner));
        QVERIFY(!view->isExpanded(model->index(0, 0)));
        QVERIFY(!view->isExpanded(model->index(0, 0, inner)));

        // Closed by a person, a gather stays closed while tasks are added elsewhere, and opens
        // when one is added into it.
        view->collapse(inner);
        model->addTask({}, 0, TaskSpec::sayHello(u"First"_s));
        const QModelIndex moved = model->index(2, 0);
        QVERIFY(!view->isExpanded(moved));
        QVERIFY(!view->isExpanded(model->index(0, 0)));
        model->addTask(moved, 0, TaskSpec::sayHello(u"Inside"_s));
        QVERIFY(view->isExpanded(moved));
        QVERIFY(!view->isExpanded(model->index(0, 0, moved)));

        // A task moved into a gather with none shows there.
        model->addTask({}, 0, TaskSpec::gather({}));
        view->collapse(model->index(0, 0));
        model->moveTaskTo(model->index(1, 0), model->index(0, 0), 0);
        QVERIFY(view->isExpanded(model->index(0, 0)));
        editor.history()->stack()->undo();
        editor.history()->stack()->undo();

        // A gather given back by an undo comes back open.
        QVERIFY(model->isGather(model->index(2, 0)));
        model->removeTask(model->index(2, 0));
        editor.history()->stack()->undo();
        QVERIFY(model->isGather(model->index(2, 0)));
        QVERIFY(view->isExpanded(model->index(2, 0)));
    }

    void undoInAFieldHoldingTextThatDoesNotReadTakesThatTextBack()
    {
        // "x" in the seed is no step: Ctrl+Z there once undid whatever step came before it.
        EditorWith basic(u"basic"_s);
        basic.model->addTask({}, 1, TaskSpec::sayHello(u"New"_s));
        QTest::keyClicks(basic.seed, u"x"_s);
        QCOMPARE(basic.history->count(), 1);
        QTest::keyClick(basic.seed, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(basic.seed->text(), QString());
        QVERIFY(basic.model->isValid());
        QCOMPARE(basic.model->rowCount(), 3);
        QCOMPARE(basic.history->index(), 1);
        QTest::keyClick(basic.seed, Qt::Key_Z,
                        Qt::ControlModifier); // text that reads: the scenario's
        QCOMPARE(basic.model->rowCount(), 2);
        QCOMPARE(basic.history->index(), 0);
    }

    void typingAfterTheFocusLeftAFieldIsAnotherStep()
    {
        EditorWith basic(u"basic"_s);
        QVERIFY(basic.typedIntoTheTitleShown(u" one"_s));
        basic.editor.view()->setFocus();
        basic.title->setFocus();
        QTest::keyClicks(basic.title, u" two"_s);
        QCOMPARE(basic.history->count(), 2);
        basic.history->undo();
        QCOMPARE(basic.model->title(), u"Basic example one"_s);
        basic.history->redo();

        // Undone in the description, its text comes back with the caret at its end, where the
        // typing was (it was put at the beginning).
        basic.description->setFocus();
        basic.description->moveCursor(QTextCursor::End);
        QTest::keyClicks(basic.description, u" More."_s);
        QCOMPARE(basic.history->count(), 3);
        QTest::keyClick(basic.description, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(basic.description->toPlainText(), bundledScenario(u"basic"_s).description);
        QCOMPARE(basic.description->textCursor().position(),
                 basic.description->toPlainText().size());
    }

    void undoFromAFieldsContextMenuTakesTheTypingBack()
    {
        // The menu's Undo is the field's own: an edit that merges with the typing, which the
        // menu taking the focus did not end. Typed back to where it began, no step is left.
        EditorWith basic(u"basic"_s);
        QVERIFY(basic.typedIntoTheTitleShown(u" one"_s));
        const std::unique_ptr<QMenu> menu(basic.title->createStandardContextMenu());
        menu->popup(basic.title->mapToGlobal(QPoint(5, 5)));
        QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
        QAction *undo = menu->actions().value(0);
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        menu->close();
        QCOMPARE(basic.model->title(), u"Basic example"_s);
        QCOMPARE(basic.history->count(), 0);
        QVERIFY(!basic.model->isModified());

        // Another window in between is no end of the typing either.
        QTest::keyClicks(basic.title, u" two"_s);
        QWidget elsewhere;
        elsewhere.show();
        elsewhere.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&elsewhere));
        basic.editor.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&basic.editor));
        QTest::keyClicks(basic.title, u"!"_s);
        QCOMPARE(basic.history->count(), 1);
        QCOMPARE(basic.model->title(), u"Basic example two!"_s);
    }

    void savingMakesTheCurrentStepTheCleanOne()
    {
        ScenarioEditor editor;
        ScenarioModel *model = editor.model();
        model->setScenario(bundledScenario(u"basic"_s));
        QUndoStack *history = editor.history()->stack();
        model->setTitle(u"One"_s);
        model->setModified(false); // what saving does
        model->setTitle(u"Two"_s);
        QVERIFY(model->isModified());
        history->undo();
        QVERIFY(!model->isModified()); // the saved title
        QCOMPARE(model->title(), u"One"_s);
        history->undo();
        QVERIFY(model->isModified());                       // before the save
        model->setScenario(bundledScenario(u"advanced"_s)); // another scenario: no history
        QCOMPARE(history->count(), 0);
        QVERIFY(!model->isModified());
    }
};

QTEST_MAIN(ScenarioEditorTest)
#include "tst_scenarioeditor.moc"
