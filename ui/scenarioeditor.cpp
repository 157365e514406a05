// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioeditor.h"

#include "scenariohistory.h"
#include "scenariomodel.h"
#include "scenariorules.h"
#include "taskcells.h"
#include "taskkinddelegate.h"
#include "theme.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFocusEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Gatherscope;

namespace {
constexpr char helpProperty[] = "gatherscopeHelp";

//! \a text as QPlainTextEdit::toPlainText() gives it back: a no-break space comes back as a
//! space. Compared so, a description that holds one is not rewritten by being shown.
QString shownAsPlainText(QString text)
{
    // As QTextCursor::insertText() takes a line break, and QTextDocument::toPlainText() gives
    // it back.
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    for (QChar &c : text) {
        switch (c.unicode()) {
        case u'\r':
        case QChar::LineSeparator:
        case QChar::ParagraphSeparator:
        case 0xfdd0: // QTextBeginningOfFrame
        case 0xfdd1: // QTextEndOfFrame
            c = u'\n';
            break;
        case QChar::Nbsp:
            c = u' ';
            break;
        default:
            break;
        }
    }
    return text;
}
} // namespace

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new ScenarioModel(this))
    , m_history(new ScenarioHistory(m_model, this))
    , m_view(new QTreeView(this))
    , m_title(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_returnExceptions(new QCheckBox(tr("return_exceptions"), this))
    , m_report(new QComboBox(this))
    , m_seed(new QLineEdit(this))
    , m_cancelAfter(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    m_view->setModel(m_model);
    // Never on a printable key: in front of a class the first keypress meant for the timeline
    // must not become a task's kind. Double-click, F2 or Enter start an edit.
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->installEventFilter(this);
    for (QWidget *field : formFields())
        field->installEventFilter(this);
    m_view->setItemDelegateForColumn(ScenarioModel::KindColumn, new TaskKindDelegate(m_view));
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Fitted to the first hundred rows, not Qt's thousand: the columns are measured again
    // whenever the window's layout moves, during a run too, and a file may hold 100,000 tasks.
    m_view->header()->setResizeContentsPrecision(100);
    m_view->setToolTip(tr("Double-click, F2 or Enter to edit a cell; a bad value turns red"));

    m_returnExceptions->setToolTip(
        tr("Off (asyncio's default): the first exception reaches the awaiter at once and the "
           "other tasks keep running.\nOn: exceptions take their places in the results."));
    m_report->addItem(tr("each: one Result/Error line per task"), int(ReportStyle::Each));
    m_report->addItem(tr("list: the Python repr of the list"), int(ReportStyle::List));
    m_report->setToolTip(tr("How the headless mode and the console print the results"));
    // Names let tests and style sheets find the fields.
    m_title->setObjectName(QStringLiteral("title"));
    m_description->setObjectName(QStringLiteral("description"));
    m_returnExceptions->setObjectName(QStringLiteral("returnExceptions"));
    m_report->setObjectName(QStringLiteral("report"));
    m_seed->setObjectName(QStringLiteral("seed"));
    m_cancelAfter->setObjectName(QStringLiteral("cancelAfter"));
    // Typing stops at the limit the file format sets, rather than leave a title that cannot load.
    m_title->setMaxLength(int(ScenarioRules::maxTextLength));
    m_title->setToolTip(tr("The scenario's title, shown in the window and the console"));
    m_description->setPlaceholderText(tr("what this scenario shows (optional)"));
    m_description->setTabChangesFocus(true); // a description holds no tabs; Tab leaves it
    // Three lines show the bundled descriptions whole; a longer one scrolls.
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 +
                                  2 * m_description->frameWidth() +
                                  int(m_description->document()->documentMargin() * 2));
    m_description->setToolTip(tr("A sentence for whoever opens the file"));
    m_seed->setPlaceholderText(tr("fresh each run"));
    m_cancelAfter->setPlaceholderText(tr("never"));
    // A field's help is its tooltip until its text does not read; then the reason is.
    m_seed->setProperty(helpProperty, tr("A whole number makes random sleeps repeat"));
    m_cancelAfter->setProperty(helpProperty, tr("Cancel the whole gather after so many seconds"));
    markField(m_seed, QString());
    markField(m_cancelAfter, QString());

    auto *form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Description"), m_description);
    form->addRow(QString(), m_returnExceptions);
    form->addRow(tr("Report"), m_report);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Cancel after (s)"), m_cancelAfter);

    auto *bar = new QToolBar(this);
    using Shortcuts::Id;
    const struct {
        TaskSpec::Kind kind;
        QString text;
        Id shortcut;
        QString tip;
    } adders[] = {
        {TaskSpec::Kind::SayHello, tr("+ say_hello"), Id::AddHello, tr("Add a say_hello task")},
        {TaskSpec::Kind::Divide, tr("+ divide"), Id::AddDivide, tr("Add a divide task")},
        {TaskSpec::Kind::Fail, tr("+ fail"), Id::AddFail, tr("Add a task that raises")},
        {TaskSpec::Kind::BlockingSleep, tr("+ blocking_sleep"), Id::AddBlockingSleep,
         tr("Add a task that calls time.sleep: it holds the event loop")},
        {TaskSpec::Kind::Compute, tr("+ compute"), Id::AddCompute,
         tr("Add a task that computes on a worker thread (asyncio.to_thread): the loop goes on")},
        {TaskSpec::Kind::Gather, tr("+ gather"), Id::AddGather, tr("Add a nested gather")},
    };
    for (const auto &adder : adders) {
        bar->addAction(addAction(adder.text, adder.shortcut, adder.tip));
        connect(bar->actions().last(), &QAction::triggered, this,
                [this, kind = adder.kind] { addTask(kind); });
    }
    bar->addSeparator();
    m_remove = addAction(tr("Remove"), Id::Remove, tr("Remove the selected task"));
    m_duplicate = addAction(tr("Duplicate"), Id::Duplicate, tr("Duplicate the selected task"));
    m_up = addAction(tr("Up"), Id::MoveUp, tr("Move the selected task up"));
    m_down = addAction(tr("Down"), Id::MoveDown, tr("Move the selected task down"));
    // Ctrl+arrows, not Alt: in the title and seed fields and in a cell being edited they stay
    // word jumps, as a line edit claims them before any shortcut.
    m_into = addAction(tr("Into gather"), Id::IntoGather,
                       tr("Move the selected task into the gather above it"));
    m_outOf = addAction(tr("Out of gather"), Id::OutOfGather,
                        tr("Move the selected task out of its gather, to just after it"));
    bar->addActions({m_remove, m_duplicate, m_up, m_down, m_into, m_outOf});
    connect(m_remove, &QAction::triggered, this,
            [this] { m_model->removeTask(m_view->currentIndex()); });
    connect(m_duplicate, &QAction::triggered, this,
            [this] { m_view->setCurrentIndex(m_model->duplicateTask(m_view->currentIndex())); });
    connect(m_up, &QAction::triggered, this,
            [this] { m_view->setCurrentIndex(m_model->moveTask(m_view->currentIndex(), -1)); });
    connect(m_down, &QAction::triggered, this,
            [this] { m_view->setCurrentIndex(m_model->moveTask(m_view->currentIndex(), +1)); });
    connect(m_into, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
        const QModelIndex above = current.siblingAtRow(current.row() - 1);
        if (m_model->isGather(above))
            moveCurrentTo(above, m_model->rowCount(above));
    });
    connect(m_outOf, &QAction::triggered, this, [this] {
        const QModelIndex gather = m_view->currentIndex().parent();
        if (gather.isValid())
            moveCurrentTo(gather.parent(), gather.row() + 1);
    });

    m_error->setWordWrap(true);
    m_error->setStyleSheet(
        QStringLiteral("color: %1; font-weight: bold").arg(Theme::errorColor().name()));
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_error);

    connect(m_title, &QLineEdit::textEdited, m_model, &ScenarioModel::setTitle);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        const QString text = m_description->toPlainText();
        if (text != shownAsPlainText(m_model->description())) // not from showSettings()
            m_model->setDescription(text);
    });
    connect(m_returnExceptions, &QCheckBox::toggled, m_model, &ScenarioModel::setReturnExceptions);
    connect(m_report, &QComboBox::activated, this, [this](int index) {
        m_model->setReport(ReportStyle(m_report->itemData(index).toInt()));
    });
    connect(m_seed, &QLineEdit::textEdited, this, &ScenarioEditor::readSeed);
    connect(m_cancelAfter, &QLineEdit::textEdited, this, &ScenarioEditor::readCancelAfter);
    connect(m_model, &ScenarioModel::changed, this, [this] { showSettings(false); });
    // A new scenario, or settings given back by an undo, replace even the field being typed in.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showSettings(true); });
    connect(m_model, &ScenarioModel::settingsReplaced, this, [this] { showSettings(true); });
    connect(m_model, &ScenarioModel::validityChanged, this,
            [this](bool valid, const QString &error) {
                m_error->setText(error);
                m_error->setVisible(!valid);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        for (int row = 0; row < m_model->rowCount(); ++row)
            expandGather(m_model->index(row, 0));
    });
    // What is inserted shows with its tasks (a gather added, or given back by an undo), and the
    // gathers it went into open; the rest stays as it was (expandAll() also opened again what a
    // person had closed, and cost a persistent index a row: expandGather()).
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                openAround(parent);
                for (int row = first; row <= last; ++row)
                    expandGather(m_model->index(row, 0, parent));
            });
    // A task moved keeps its rows as they were: the gathers it went into open.
    connect(m_model, &QAbstractItemModel::rowsMoved, this,
            [this](const QModelIndex &, int, int, const QModelIndex &destination) {
                openAround(destination);
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ScenarioEditor::updateActions);
    // Moves keep the current index but change what Up and Down can do.
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ScenarioEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ScenarioEditor::updateActions);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &ScenarioEditor::updateActions);
    // A kind changed (typed, or given back in its row by an undo): Into gather follows it.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ScenarioEditor::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScenarioEditor::updateActions);
    updateActions();
}

QAction *ScenarioEditor::addAction(const QString &text, Shortcuts::Id shortcut, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setShortcut(Shortcuts::key(shortcut));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(Shortcuts::withKey(tip, shortcut));
    QWidget::addAction(action);
    return action;
}

void ScenarioEditor::addTask(TaskSpec::Kind kind)
{
    static int counter = 0;
    TaskSpec spec;
    switch (kind) {
    case TaskSpec::Kind::SayHello:
        spec = TaskSpec::sayHello(QStringLiteral("Guest %1").arg(++counter), SleepSpec::fixed(1));
        break;
    case TaskSpec::Kind::Divide:
        spec = TaskSpec::divide(PyValue::integer(1), PyValue::integer(2));
        break;
    case TaskSpec::Kind::Fail:
        spec = TaskSpec::fail(QStringLiteral("ValueError"), QStringLiteral("bad input"));
        break;
    case TaskSpec::Kind::BlockingSleep:
        spec = TaskSpec::blockingSleep();
        break;
    case TaskSpec::Kind::Compute:
        spec = TaskSpec::compute(QStringLiteral("sum_primes"), 100'000);
        break;
    case TaskSpec::Kind::Gather:
        spec = TaskSpec::gather({});
        break;
    }
    // Inside the selected gather, else right after the selected task, else at the end.
    const QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    QModelIndex added;
    if (m_model->isGather(current))
        added = m_model->addTask(current, m_model->rowCount(current), spec);
    else if (current.isValid())
        added = m_model->addTask(current.parent(), current.row() + 1, spec);
    else
        added = m_model->addTask({}, m_model->rowCount(), spec);
    m_view->setCurrentIndex(added);
}

void ScenarioEditor::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const bool selected = current.isValid();
    m_remove->setEnabled(selected);
    m_duplicate->setEnabled(selected);
    m_up->setEnabled(selected && current.row() > 0);
    m_down->setEnabled(selected && current.row() + 1 < m_model->rowCount(current.parent()));
    m_into->setEnabled(selected && m_model->isGather(current.siblingAtRow(current.row() - 1)));
    m_outOf->setEnabled(selected && current.parent().isValid());
}

void ScenarioEditor::openAround(const QModelIndex &gather)
{
    for (QModelIndex open = gather; open.isValid(); open = open.parent())
        m_view->expand(open);
}

void ScenarioEditor::expandGather(const QModelIndex &task)
{
    // Not expandAll() nor expandRecursively(): they keep every row they walk as expanded, the
    // tasks that hold none too, a persistent index a row, which the model then moves at each
    // insertion (a task duplicated among 100,000 took 90 ms).
    const int tasks = m_model->rowCount(task);
    if (tasks == 0)
        return;
    m_view->expand(task);
    for (int row = 0; row < tasks; ++row)
        expandGather(m_model->index(row, 0, task));
}

void ScenarioEditor::moveCurrentTo(const QModelIndex &newParent, int row)
{
    const QModelIndex moved = m_model->moveTaskTo(m_view->currentIndex(), newParent, row);
    if (!moved.isValid())
        return;
    m_view->expand(moved.parent());
    m_view->setCurrentIndex(moved);
}

void ScenarioEditor::showSettings(bool replaceTyping)
{
    if (m_title->text() != m_model->title())
        m_title->setText(m_model->title());
    if (m_description->toPlainText() != shownAsPlainText(m_model->description())) {
        m_description->setPlainText(m_model->description()); // its beginning shows
        if (m_description->hasFocus()) // typed in and undone: the caret at its end, as a title's
            m_description->moveCursor(QTextCursor::End);
    }
    m_returnExceptions->setChecked(m_model->returnExceptions());
    m_report->setCurrentIndex(m_report->findData(int(m_model->report())));
    const auto seed = m_model->seed();
    // Rewriting the field being typed in would turn "1." into "1" under the cursor; text that
    // does not read stays beside its error (the model keeps the error) until it is replaced.
    const auto rewritable = [&](QLineEdit *field) {
        return replaceTyping || (!field->hasFocus() && !holdsTextThatDoesNotRead(field));
    };
    if (rewritable(m_seed))
        m_seed->setText(seed ? QString::number(*seed) : QString());
    if (rewritable(m_cancelAfter))
        m_cancelAfter->setText(TaskCells::secondsText(m_model->cancelAfter()));
    if (replaceTyping) { // the new scenario's values all read
        markField(m_seed, QString());
        markField(m_cancelAfter, QString());
    }
}

void ScenarioEditor::readSeed()
{
    std::optional<std::uint64_t> seed;
    const QString error = TaskCells::parseSeed(m_seed->text(), seed);
    m_model->setSettingError(ScenarioRules::Keys::seed, error);
    markField(m_seed, error);
    if (error.isEmpty())
        m_model->setSeed(seed);
}

void ScenarioEditor::readCancelAfter()
{
    std::optional<double> seconds;
    const QString error = TaskCells::parseOptionalSeconds(m_cancelAfter->text(), seconds);
    m_model->setSettingError(ScenarioRules::Keys::cancelAfter, error);
    markField(m_cancelAfter, error);
    if (error.isEmpty())
        m_model->setCancelAfter(seconds);
}

bool ScenarioEditor::holdsTextThatDoesNotRead(const QObject *field) const
{
    std::optional<std::uint64_t> seed;
    std::optional<double> seconds;
    if (field == m_seed)
        return !TaskCells::parseSeed(m_seed->text(), seed).isEmpty();
    if (field == m_cancelAfter)
        return !TaskCells::parseOptionalSeconds(m_cancelAfter->text(), seconds).isEmpty();
    return false; // the title and the description are kept as typed
}

std::array<QWidget *, 4> ScenarioEditor::formFields() const
{
    return {m_title, m_description, m_seed, m_cancelAfter};
}

void ScenarioEditor::markField(QLineEdit *field, const QString &error)
{
    QPalette palette; // nothing set: the field follows the window's palette again
    if (!error.isEmpty())
        palette.setColor(QPalette::Text, Theme::errorColor());
    field->setPalette(palette);
    field->setToolTip(error.isEmpty() ? field->property(helpProperty).toString() : error);
}

bool ScenarioEditor::eventFilter(QObject *watched, QEvent *event)
{
    // It watches the tree and the form's fields (formFields()).
    if (watched != m_view)
        return fieldEvent(watched, event) || QWidget::eventFilter(watched, event);
    // Enter edits the current cell, as F2 does (Qt leaves Enter to the platform's habits). The
    // Enter that commits a cell's editor reaches the view too: then the editor has the focus.
    if (event->type() == QEvent::KeyPress && m_view->hasFocus()) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            m_view->edit(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool ScenarioEditor::fieldEvent(QObject *field, QEvent *event)
{
    switch (event->type()) {
    case QEvent::FocusOut: {
        // What is typed after the focus comes back from another widget is a step of its own,
        // even into the same field. A context menu (its Undo is the field's own, an edit that
        // merges with the typing) or another window is no end of the typing.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
            m_history->endTyping();
        return false;
    }
    case QEvent::ShortcutOverride:
    case QEvent::KeyPress: {
        // Undo and redo in a field are the scenario's, not the field's own: the field's undo
        // was an edit of its own, recorded as a step, and the window stayed modified. Text that
        // does not read (a seed of "x") is no step: the field's own undo takes it back.
        auto *key = static_cast<QKeyEvent *>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        if ((!undo && !key->matches(QKeySequence::Redo)) || holdsTextThatDoesNotRead(field))
            return false;
        if (event->type() == QEvent::ShortcutOverride)
            event->accept(); // the key comes here, as the field's own undo would
        else if (undo)
            m_history->stack()->undo();
        else
            m_history->stack()->redo();
        return true;
    }
    default:
        return false;
    }
}
