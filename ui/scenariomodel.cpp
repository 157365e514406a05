// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariomodel.h"

#include "scenariorules.h"
#include "taskcells.h"
#include "theme.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QStyle>

using namespace Gatherscope;

struct ScenarioModel::Item {
    TaskSpec spec;                          // the last valid values
    std::array<QString, ColumnCount> text;  // what the user typed
    std::array<QString, ColumnCount> error; // why a text does not read
    std::array<QString, ColumnCount> key;   // the file's key an error is about ("y")
    Item *parent = nullptr;
    std::vector<std::unique_ptr<Item>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i) {
            if (parent->children[i].get() == this)
                return int(i);
        }
        return 0;
    }
    void refreshText()
    {
        text[KindColumn] = TaskCells::kindText(spec.kind);
        text[LabelColumn] = spec.label;
        text[ParametersColumn] = TaskCells::parametersText(spec);
        text[SleepColumn] =
            spec.kind == TaskSpec::Kind::Gather ? QString() : TaskCells::sleepText(spec.sleep);
        text[CancelAfterColumn] = TaskCells::secondsText(spec.cancelAfter);
        error.fill(QString());
        key.fill(QString());
    }
};

ScenarioModel::ScenarioModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Item>())
{}

ScenarioModel::~ScenarioModel() = default;

std::unique_ptr<ScenarioModel::Item> ScenarioModel::makeItem(const TaskSpec &spec,
                                                             Item *parent) const
{
    auto item = std::make_unique<Item>();
    item->spec = spec;
    item->spec.tasks.clear(); // children live in the tree
    item->parent = parent;
    item->refreshText();
    for (const auto &child : spec.tasks)
        item->children.push_back(makeItem(child, item.get()));
    return item;
}

void ScenarioModel::setScenario(const Scenario &scenario)
{
    beginResetModel();
    takeSettings(scenario);
    m_root = std::make_unique<Item>();
    for (const auto &task : scenario.tasks)
        m_root->children.push_back(makeItem(task, m_root.get()));
    tasksChanged();
    m_announcedError = firstError();
    endResetModel();
    Q_EMIT changed();
    Q_EMIT validityChanged(m_announcedError.isEmpty(), m_announcedError);
    setModified(false);
}

void ScenarioModel::setSettings(const ScenarioSettings &settings)
{
    takeSettings(settings);
    m_announcedError = firstError();
    Q_EMIT settingsReplaced();
    Q_EMIT changed();
    Q_EMIT validityChanged(m_announcedError.isEmpty(), m_announcedError);
}

void ScenarioModel::takeSettings(const ScenarioSettings &settings)
{
    m_top = settings;
    ++m_settingsRevision;
    m_settingErrors.clear();
    // A text no file can hold may come back with an undo: it is marked as when it was typed.
    const auto markText = [this](const QString &key, const QString &text) {
        if (QString problem = ScenarioRules::textProblem(text); !problem.isEmpty())
            m_settingErrors[key] = std::move(problem);
    };
    markText(ScenarioRules::Keys::title, m_top.title);
    markText(ScenarioRules::Keys::description, m_top.description);
}

void ScenarioModel::collect(const Item &item, std::vector<TaskSpec> &into) const
{
    into.reserve(into.size() + item.children.size()); // 100,000 specs of 288 bytes, moved once
    for (const auto &child : item.children) {
        TaskSpec spec = child->spec;
        collect(*child, spec.tasks);
        into.push_back(std::move(spec));
    }
}

Scenario ScenarioModel::scenario() const
{
    Scenario scenario{m_top, {}};
    collect(*m_root, scenario.tasks);
    return scenario;
}

std::shared_ptr<const Scenario> ScenarioModel::sharedScenario() const
{
    if (auto shared = m_shared.lock(); shared && m_sharedVersion == version())
        return shared;
    auto shared = std::make_shared<const Scenario>(scenario());
    m_shared = shared;
    m_sharedVersion = version();
    return shared;
}

QString ScenarioModel::firstErrorIn(const Item &item, int depth) const
{
    // The place (`tasks[1].tasks[2]`) is spelled for the task in error only: every edit of
    // 100,000 tasks spelled as many places that no one read.
    for (const auto &child : item.children) {
        for (std::size_t column = 0; column < ColumnCount; ++column) {
            if (child->error[column].isEmpty())
                continue;
            const QString place = placeOf(indexFor(child.get()));
            const QString &key = child->key[column];
            return (key.isEmpty() ? place : place + u'.' + key) + QStringLiteral(": ") +
                   child->error[column];
        }
        if (child->spec.kind == TaskSpec::Kind::Gather && depth >= ScenarioRules::maxNesting)
            return placeOf(indexFor(child.get())) + QStringLiteral(": ") +
                   ScenarioRules::nestedTooDeeply();
        QString inner = firstErrorIn(*child, depth + 1);
        if (!inner.isEmpty())
            return inner;
    }
    return {};
}

QString ScenarioModel::firstError() const
{
    if (!m_settingErrors.empty())
        return m_settingErrors.begin()->first + QStringLiteral(": ") +
               m_settingErrors.begin()->second;
    return checkedTasks().firstError;
}

const ScenarioModel::TasksCheck &ScenarioModel::checkedTasks() const
{
    if (m_tasksCheck.revision != m_tasksRevision) {
        m_tasksCheck = {m_tasksRevision, firstErrorIn(*m_root, 0), taskCount(*m_root)};
        if (m_tasksCheck.firstError.isEmpty() && m_tasksCheck.count > ScenarioRules::maxTasks)
            m_tasksCheck.firstError = ScenarioRules::tooManyTasks();
    }
    return m_tasksCheck;
}

std::size_t ScenarioModel::taskCount(const Item &item)
{
    std::size_t count = item.children.size();
    for (const auto &child : item.children)
        count += taskCount(*child);
    return count;
}

void ScenarioModel::edited(const QString &what)
{
    setModified(true);
    QString error = firstError();
    const bool validityMoved = error != m_announcedError;
    m_announcedError = std::move(error);
    Q_EMIT scenarioEdited(what);
    if (validityMoved)
        Q_EMIT validityChanged(m_announcedError.isEmpty(), m_announcedError);
}

void ScenarioModel::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ScenarioModel::markUnsaved()
{
    setModified(true);
    Q_EMIT savedStateLost();
}

void ScenarioModel::setTitle(const QString &title)
{
    setSettingError(ScenarioRules::Keys::title, ScenarioRules::textProblem(title));
    updateSetting(m_top.title, title, tr("Edit the title"));
}

void ScenarioModel::setDescription(const QString &description)
{
    setSettingError(ScenarioRules::Keys::description, ScenarioRules::textProblem(description));
    updateSetting(m_top.description, description, tr("Edit the description"));
}

void ScenarioModel::setReturnExceptions(bool on)
{
    updateSetting(m_top.returnExceptions, on, tr("Change return_exceptions"));
}

void ScenarioModel::setReport(ReportStyle report)
{
    updateSetting(m_top.report, report, tr("Change the report"));
}

void ScenarioModel::setSeed(std::optional<std::uint64_t> seed)
{
    updateSetting(m_top.seed, seed, tr("Edit the seed"));
}

void ScenarioModel::setCancelAfter(std::optional<double> seconds)
{
    updateSetting(m_top.cancelAfter, seconds, tr("Edit cancel_after"));
}

template<typename T>
void ScenarioModel::updateSetting(T &field, const T &value, const QString &what)
{
    if (field == value)
        return;
    field = value;
    ++m_settingsRevision;
    Q_EMIT changed();
    edited(what);
}

void ScenarioModel::setSettingError(const QString &setting, const QString &error)
{
    const auto known = m_settingErrors.find(setting);
    if ((known == m_settingErrors.end() ? QString() : known->second) == error)
        return; // nothing new to say: no edit to record
    if (error.isEmpty())
        m_settingErrors.erase(setting);
    else
        m_settingErrors[setting] = error;
    edited(tr("Change a setting"));
}

ScenarioModel::Item *ScenarioModel::itemFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Item *>(index.internalPointer()) : m_root.get();
}

QModelIndex ScenarioModel::indexFor(const Item *item, int column) const
{
    if (!item || item == m_root.get())
        return {};
    return createIndex(item->row(), column, item);
}

QModelIndex ScenarioModel::index(int row, int column, const QModelIndex &parent) const
{
    const Item *parentItem = itemFor(parent);
    if (row < 0 || column < 0 || column >= ColumnCount ||
        std::size_t(row) >= parentItem->children.size())
        return {};
    return createIndex(row, column, parentItem->children[std::size_t(row)].get());
}

QModelIndex ScenarioModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexFor(itemFor(child)->parent);
}

int ScenarioModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(itemFor(parent)->children.size());
}

int ScenarioModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ScenarioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item &item = *itemFor(index);
    const auto column = std::size_t(index.column());
    const QString &error = item.error[column];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return item.text[column];
    case Qt::ForegroundRole:
        if (!error.isEmpty())
            return QBrush(Theme::errorColor());
        return {};
    case Qt::DecorationRole:
        if (!error.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::ToolTipRole:
        if (!error.isEmpty() && column == ParametersColumn &&
            (item.spec.kind == TaskSpec::Kind::Divide || item.spec.kind == TaskSpec::Kind::Fail ||
             item.spec.kind == TaskSpec::Kind::Compute) &&
            !item.key[column].isEmpty())
            return QString(item.key[column] + QStringLiteral(": ") + error); // which number
        if (!error.isEmpty())
            return error;
        switch (index.column()) {
        case KindColumn:
            return ScenarioRules::kindChoices();
        case LabelColumn:
            return tr("A display name (optional)");
        case ParametersColumn:
            switch (item.spec.kind) {
            case TaskSpec::Kind::SayHello:
                return tr("The name to greet");
            case TaskSpec::Kind::Divide:
                return tr("x, y: 10 is an int, 10.0 a float, as in Python");
            case TaskSpec::Kind::Fail:
                return tr("The exception it raises and its message: KeyError: x");
            case TaskSpec::Kind::BlockingSleep:
                return tr("None: time.sleep(Sleep) holds the event loop");
            case TaskSpec::Kind::Compute:
                return tr("The work and its n: sum_primes, 100000 (or count_primes); it runs "
                          "on a worker thread through asyncio.to_thread");
            case TaskSpec::Kind::Gather:
                return tr("return_exceptions=True or False for this nested gather");
            }
            return {};
        case SleepColumn:
            if (item.spec.kind == TaskSpec::Kind::BlockingSleep)
                return tr("Seconds of time.sleep, or a random whole number like 1..3: the "
                          "event loop is held that long");
            if (item.spec.kind == TaskSpec::Kind::Compute)
                return tr("Its cost: the seconds the virtual clock counts for the work (the "
                          "real clock takes what it takes), or a random whole number like 1..3");
            return tr("Seconds, or a random whole number of seconds like 1..3");
        case CancelAfterColumn:
            return tr("Cancel this task alone after so many seconds (empty: never)");
        }
    }
    return {};
}

bool ScenarioModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Item &item = *itemFor(index);
    const auto column = std::size_t(index.column());
    const QString text = value.toString();
    TaskSpec spec = item.spec;
    QString error;
    QString key;
    switch (index.column()) {
    case KindColumn: {
        error = TaskCells::parseKind(text, spec);
        key = ScenarioRules::Keys::task;
        if (error.isEmpty() && spec.kind != item.spec.kind) {
            if (item.spec.kind == TaskSpec::Kind::Gather && !item.children.empty())
                error = tr("remove this gather's tasks before changing its kind");
            else {
                item.spec.kind = spec.kind; // keep what it can, show the rest afresh
                item.refreshText();
                tasksChanged();
                Q_EMIT dataChanged(this->index(index.row(), 0, index.parent()),
                                   this->index(index.row(), ColumnCount - 1, index.parent()));
                edited(tr("Change a task's kind"));
                return true;
            }
        }
        break;
    }
    case LabelColumn:
        spec.label = text;
        error = ScenarioRules::textProblem(text);
        key = ScenarioRules::Keys::label;
        break;
    case ParametersColumn:
        error = TaskCells::parseParameters(text, spec, &key);
        break;
    case SleepColumn:
        if (spec.kind == TaskSpec::Kind::Gather)
            return false;
        error = TaskCells::parseSleep(text, spec.sleep);
        key = ScenarioRules::secondsKey(item.spec.kind);
        break;
    case CancelAfterColumn:
        error = TaskCells::parseOptionalSeconds(text, spec.cancelAfter);
        key = ScenarioRules::Keys::cancelAfter;
        break;
    }
    item.text[column] = text;
    item.error[column] = error;
    item.key[column] = key;
    if (error.isEmpty())
        item.spec = spec;
    tasksChanged();
    Q_EMIT dataChanged(index, index);
    edited(tr("Edit a cell"));
    return true;
}

Qt::ItemFlags ScenarioModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!(index.column() == SleepColumn && isGather(index)))
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ScenarioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Task");
    case LabelColumn:
        return tr("Label");
    case ParametersColumn:
        return tr("Parameters");
    case SleepColumn:
        return tr("Sleep (s)");
    case CancelAfterColumn:
        return tr("Cancel after (s)");
    }
    return {};
}

bool ScenarioModel::isGather(const QModelIndex &index) const
{
    return index.isValid() && itemFor(index)->spec.kind == TaskSpec::Kind::Gather;
}

QString ScenarioModel::placeOf(const QModelIndex &index) const
{
    QString place;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
        place =
            QStringLiteral("tasks[%1]").arg(i.row()) + (place.isEmpty() ? QString() : u'.' + place);
    return place;
}

QModelIndex ScenarioModel::addTask(const QModelIndex &parentGather, int row, const TaskSpec &spec)
{
    if (parentGather.isValid() && !isGather(parentGather))
        return {};
    Item *parent = itemFor(parentGather.siblingAtColumn(0));
    row = std::clamp(row, 0, int(parent->children.size()));
    beginInsertRows(parentGather.siblingAtColumn(0), row, row);
    parent->children.insert(parent->children.begin() + row, makeItem(spec, parent));
    tasksChanged();
    endInsertRows();
    edited(tr("Add a task"));
    return index(row, 0, parentGather.siblingAtColumn(0));
}

void ScenarioModel::removeTask(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex parentIndex = index.parent();
    Item *parent = itemFor(parentIndex);
    beginRemoveRows(parentIndex, index.row(), index.row());
    parent->children.erase(parent->children.begin() + index.row());
    tasksChanged();
    endRemoveRows();
    edited(tr("Remove a task"));
}

const TaskSpec *ScenarioModel::childlessTask(int row) const
{
    const Item &item = *m_root->children.at(std::size_t(row));
    return item.children.empty() ? &item.spec : nullptr;
}

std::vector<TaskSpec> ScenarioModel::topLevelTasks(int first, int count) const
{
    std::vector<TaskSpec> tasks;
    tasks.reserve(std::size_t(count));
    for (int row = first; row < first + count; ++row) {
        const Item &item = *m_root->children.at(std::size_t(row));
        tasks.push_back(item.spec);
        collect(item, tasks.back().tasks);
    }
    return tasks;
}

void ScenarioModel::replaceTasks(int first, int count, std::vector<TaskSpec> tasks)
{
    auto &rows = m_root->children;
    first = std::clamp(first, 0, int(rows.size()));
    count = std::clamp(count, 0, int(rows.size()) - first);
    const auto holdsNone = [&](std::size_t i) {
        return rows[std::size_t(first) + i]->children.empty() && tasks[i].tasks.empty();
    };
    bool inPlace = std::size_t(count) == tasks.size();
    for (std::size_t i = 0; inPlace && i < tasks.size(); ++i)
        inPlace = holdsNone(i);
    if (inPlace) {
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            Item &item = *rows[std::size_t(first) + i];
            item.spec = std::move(tasks[i]);
            item.refreshText();
        }
        tasksChanged();
        if (count > 0)
            Q_EMIT dataChanged(index(first, 0), index(first + count - 1, ColumnCount - 1));
    } else {
        if (count > 0) {
            beginRemoveRows({}, first, first + count - 1);
            rows.erase(rows.begin() + first, rows.begin() + first + count);
            tasksChanged();
            endRemoveRows();
        }
        if (!tasks.empty()) {
            beginInsertRows({}, first, first + int(tasks.size()) - 1);
            for (std::size_t i = 0; i < tasks.size(); ++i)
                rows.insert(rows.begin() + first + std::ptrdiff_t(i),
                            makeItem(tasks[i], m_root.get()));
            tasksChanged();
            endInsertRows();
        }
    }
    edited(tr("Replace tasks"));
}

QModelIndex ScenarioModel::duplicateTask(const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    TaskSpec copy = itemFor(index)->spec;
    collect(*itemFor(index), copy.tasks);
    return addTask(index.parent(), index.row() + 1, copy);
}

QModelIndex ScenarioModel::moveTask(const QModelIndex &index, int delta)
{
    if (!index.isValid())
        return index;
    const int from = index.row();
    const int to = std::clamp(from + delta, 0, rowCount(index.parent()) - 1);
    return moveTaskTo(index, index.parent(), to > from ? to + 1 : to);
}

QModelIndex ScenarioModel::moveTaskTo(const QModelIndex &task, const QModelIndex &newParent,
                                      int row)
{
    const QModelIndex source = task.siblingAtColumn(0);
    const QModelIndex destination = newParent.siblingAtColumn(0);
    if (!source.isValid() || (destination.isValid() && !isGather(destination)))
        return {};
    for (QModelIndex above = destination; above.isValid(); above = above.parent()) {
        if (above == source)
            return {}; // a gather cannot hold itself
    }
    // Nesting deeper than ScenarioRules::maxNesting is not refused: like addTask() and setData(),
    // the move happens and validation names the gather, so the person sees why and can move it
    // back.
    const QModelIndex sourceParent = source.parent();
    Item *from = itemFor(sourceParent);
    Item *to = itemFor(destination);
    const int fromRow = source.row();
    row = std::clamp(row, 0, int(to->children.size()));
    if (from == to && (row == fromRow || row == fromRow + 1))
        return source; // already there
    if (!beginMoveRows(sourceParent, fromRow, fromRow, destination, row))
        return {};
    auto item = std::move(from->children[std::size_t(fromRow)]);
    from->children.erase(from->children.begin() + fromRow);
    if (from == to && row > fromRow)
        --row; // the task's own place has gone
    Item *moved = item.get();
    moved->parent = to;
    to->children.insert(to->children.begin() + row, std::move(item));
    tasksChanged();
    endMoveRows();
    edited(tr("Move a task"));
    return indexFor(moved);
}
