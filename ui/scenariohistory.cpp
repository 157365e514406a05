// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariohistory.h"

#include "scenariomodel.h"

#include <QUndoCommand>

#include <memory>
#include <utility>

namespace {

//! A field of the form typed into a key at a time.
enum class TypedField { None, Title, Description, Seed, CancelAfter };

//! The field a step from \a before to \a after changed, if it changed that alone.
TypedField typedField(const ScenarioSnapshot &before, const ScenarioSnapshot &after)
{
    if (!before.tasks().sharesAll(after.tasks()))
        return TypedField::None;
    const Gatherscope::ScenarioSettings &a = before.settings();
    const Gatherscope::ScenarioSettings &b = after.settings();
    if (a.returnExceptions != b.returnExceptions || a.report != b.report)
        return TypedField::None;
    const bool title = a.title != b.title;
    const bool description = a.description != b.description;
    const bool seed = a.seed != b.seed;
    const bool cancelAfter = a.cancelAfter != b.cancelAfter;
    if (int(title) + int(description) + int(seed) + int(cancelAfter) != 1)
        return TypedField::None;
    return title         ? TypedField::Title
           : description ? TypedField::Description
           : seed        ? TypedField::Seed
                         : TypedField::CancelAfter;
}

} // namespace

class ScenarioHistory::Step : public QUndoCommand {
public:
    Step(ScenarioHistory *history, ScenarioSnapshot before, ScenarioSnapshot after,
         const QString &what)
        : QUndoCommand(what)
        , m_history(history)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_typing(history->m_typing)
    {}

    void undo() override { m_history->restore(m_before); }
    // Keys typed one after another into one field of the form are one step: an undo gives
    // back what the field held before the typing, not the text less its last character, and
    // typing back what it held leaves no step. QUndoStack merges nothing into the saved step.
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const Step *>(other);
        const TypedField field = typedField(m_before, m_after);
        if (field == TypedField::None || next->m_typing != m_typing ||
            typedField(next->m_before, next->m_after) != field)
            return false;
        m_after = next->m_after;
        setObsolete(m_before == m_after);
        return true;
    }
    void redo() override
    {
        if (std::exchange(m_done, true)) // pushed after the change was made: nothing to do
            m_history->restore(m_after);
    }

private:
    ScenarioHistory *m_history;
    ScenarioSnapshot m_before;
    ScenarioSnapshot m_after;
    quint64 m_typing;
    bool m_done = false;
};

ScenarioHistory::ScenarioHistory(ScenarioModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    forget(); // the model as it is: the history's first snapshot
    connect(model, &ScenarioModel::scenarioEdited, this, &ScenarioHistory::record);
    // Another scenario (opened, new): its history starts here.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        if (!m_restoring)
            forget();
    });
    // Saved: this step is the file.
    connect(model, &ScenarioModel::modifiedChanged, this, [this](bool modified) {
        if (!modified && !m_restoring)
            m_stack.setClean();
    });
    // A restored copy, or the own version kept over a changed file: no step is the file.
    connect(model, &ScenarioModel::savedStateLost, &m_stack, &QUndoStack::resetClean);
    // After an undo or a redo (and a push): modified unless back at the saved step, and no
    // cell holds text that does not read (an undo of a setting leaves the rows as they are; a
    // saved step always reads).
    connect(&m_stack, &QUndoStack::indexChanged, this, [this] {
        if (!m_restoring)
            m_model->setModified(!m_stack.isClean() || !m_model->isValid());
    });
}

ScenarioHistory::~ScenarioHistory()
{
    // The stack clears itself when destroyed, by which time the model may be gone.
    disconnect(&m_stack, nullptr, this, nullptr);
}

void ScenarioHistory::record(const QString &what)
{
    if (m_restoring)
        return;
    // Typing a title into 100,000 tasks: they are as they were, and are not copied to be compared.
    const bool sameTasks = m_model->tasksRevision() == m_currentTasksRevision;
    const ScenarioSnapshot now =
        sameTasks ? m_current.withSettings(m_model->settings()) : snapshotOfChangedTasks();
    m_currentTasksRevision = m_model->tasksRevision();
    if (now == m_current)
        return; // a value that does not read yet: nothing to undo
    m_stack.push(new Step(this, std::exchange(m_current, now), now, what));
}

ScenarioSnapshot ScenarioHistory::snapshotOfChangedTasks() const
{
    // A task edited among 100,000: comparing each in place costs less than copying all of them
    // out of the model (28.8 MB) to compare the copies.
    ScenarioSnapshot::Tasks::Cursor old(m_current.tasks());
    const auto rows = std::size_t(m_model->rowCount());
    const auto same = [&](std::size_t row, const Gatherscope::TaskSpec &before) {
        if (const Gatherscope::TaskSpec *task = m_model->childlessTask(int(row)))
            return before.tasks.empty() && ScenarioSnapshot::identical(*task, before);
        return ScenarioSnapshot::identical(m_model->topLevelTasks(int(row), 1).front(), before);
    };
    const ScenarioSnapshot::Difference changed = ScenarioSnapshot::difference(
        m_current.tasks().size(), rows, [&](auto i, auto row) { return same(row, *old[i]); });
    return {m_model->settings(), m_current, changed.first, changed.removed,
            m_model->topLevelTasks(int(changed.first), int(changed.inserted))};
}

void ScenarioHistory::restore(const ScenarioSnapshot &snapshot)
{
    m_restoring = true;
    if (m_model->tasksRevision() == m_currentTasksRevision) {
        // The model holds m_current's tasks: only those that differ are given back, and the
        // rows around them stay as they are (a view keeps its selection and its scroll).
        const ScenarioSnapshot::Difference difference = m_current.differenceTo(snapshot);
        if (difference.removed > 0 || difference.inserted > 0) {
            std::vector<Gatherscope::TaskSpec> tasks;
            tasks.reserve(difference.inserted);
            for (std::size_t i = 0; i < difference.inserted; ++i)
                tasks.push_back(*snapshot.tasks()[difference.first + i]);
            m_model->replaceTasks(int(difference.first), int(difference.removed), std::move(tasks));
        }
        m_model->setSettings(snapshot.settings());
    } else {
        m_model->setScenario(snapshot.scenario());
    }
    m_current = snapshot;
    m_currentTasksRevision = m_model->tasksRevision();
    m_restoring = false;
}

void ScenarioHistory::forget()
{
    m_stack.clear();
    // The model's shared scenario, each task a pointer into it: no task is copied for the
    // history (the preview's run shares the same copy), and a task edited later is copied
    // alone into the step that changed it.
    const std::shared_ptr<const Gatherscope::Scenario> scenario = m_model->sharedScenario();
    std::vector<ScenarioSnapshot::Tasks::Task> tasks;
    tasks.reserve(scenario->tasks.size());
    for (const Gatherscope::TaskSpec &task : scenario->tasks)
        tasks.emplace_back(scenario, &task);
    m_current = ScenarioSnapshot(m_model->settings(), std::move(tasks));
    m_currentTasksRevision = m_model->tasksRevision();
}
