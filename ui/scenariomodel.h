// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QAbstractItemModel>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

//! The editable tree of a scenario's tasks (a gather's tasks are its children), validating as
//! the user types.
/*!
 * A cell keeps the text typed into it; text that does not read is marked (red, a warning icon,
 * the reason as tooltip) and the scenario keeps the last valid value, so scenario() is always
 * runnable data while isValid() says whether the editor agrees with it.
 */
class ScenarioModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Columns {
        KindColumn,
        LabelColumn,
        ParametersColumn,
        SleepColumn,
        CancelAfterColumn,
        ColumnCount
    };

    explicit ScenarioModel(QObject *parent = nullptr);
    ~ScenarioModel() override;

    void setScenario(const Gatherscope::Scenario &scenario);
    Gatherscope::Scenario scenario() const;
    //! The scenario as scenario() makes it, made once a version of it while anyone holds it:
    //! the history's first step, the preview's run and a run share one copy (29 MB at 100,000
    //! tasks) instead of making one each.
    std::shared_ptr<const Gatherscope::Scenario> sharedScenario() const;
    //! Every setting of the scenario, none of its tasks.
    const Gatherscope::ScenarioSettings &settings() const { return m_top; }
    //! Replaces the settings, and keeps the tasks with their rows, their typed text and what a
    //! view shows of them (selection, scroll): what undoing a change of a setting restores.
    //! Emits settingsReplaced(), changed() and validityChanged(), not scenarioEdited().
    void setSettings(const Gatherscope::ScenarioSettings &settings);
    //! Moves on with every change of the tasks (an edit, even of a text that does not read, an
    //! insertion, a removal, a move, another scenario) and with nothing else: while it stays,
    //! the tasks are the same, and what follows the scenario need not copy them out again.
    quint64 tasksRevision() const { return m_tasksRevision; }
    //! What the scenario is now, cheap to keep and compare: what is made of it (a preview, a
    //! program) need not be made again while its version is the same.
    struct Version {
        quint64 tasksRevision;
        //! Moves on with every change of the settings: an undo may bring back a `cancel_after`
        //! of 0.0 where -0.0 stood, which the settings' `==` takes for the same.
        quint64 settingsRevision;
        Gatherscope::ScenarioSettings settings;
        bool operator==(const Version &) const = default;
    };
    Version version() const { return {m_tasksRevision, m_settingsRevision, m_top}; }

    //! Every task, those inside gathers too; counted again only when the tasks changed.
    std::size_t taskCount() const { return checkedTasks().count; }
    bool isValid() const { return firstError().isEmpty(); }
    //! The first problem, as "tasks[1].y: expected a number, got \"zero\""; empty when valid.
    //! The tasks are checked once a change (asked first, at the latest by the change's own
    //! signals), so that asking costs nothing on 10,000 tasks.
    QString firstError() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    //! What the window holds is no file, whatever the history says (a copy restored from the
    //! autosave, the own version kept over a file changed on disk): modified, and no undo
    //! makes it the saved file again (savedStateLost()).
    void markUnsaved();

    QString title() const { return m_top.title; }
    void setTitle(const QString &title);
    QString description() const { return m_top.description; }
    void setDescription(const QString &description);
    bool returnExceptions() const { return m_top.returnExceptions; }
    void setReturnExceptions(bool on);
    Gatherscope::ReportStyle report() const { return m_top.report; }
    void setReport(Gatherscope::ReportStyle report);
    std::optional<std::uint64_t> seed() const { return m_top.seed; }
    void setSeed(std::optional<std::uint64_t> seed);
    std::optional<double> cancelAfter() const { return m_top.cancelAfter; }
    void setCancelAfter(std::optional<double> seconds);
    //! Marks a top-level setting ("seed") as unreadable (the form's own text), or clears it.
    void setSettingError(const QString &setting, const QString &error);

    //! Adds \a spec at \a row under \a parentGather (invalid: the top level); returns its index,
    //! or an invalid one when \a parentGather is not a gather.
    QModelIndex addTask(const QModelIndex &parentGather, int row,
                        const Gatherscope::TaskSpec &spec);
    void removeTask(const QModelIndex &index);
    //! Inserts a deep copy (its last valid values) right after \a index; returns the copy.
    QModelIndex duplicateTask(const QModelIndex &index);
    //! The top-level task at \a row as the model holds it (its last values that read), if it
    //! holds no tasks; else null, and topLevelTasks() makes it whole.
    const Gatherscope::TaskSpec *childlessTask(int row) const;
    //! Top-level tasks [\a first, \a first + \a count), whole: their last values that read, with
    //! the tasks they hold.
    std::vector<Gatherscope::TaskSpec> topLevelTasks(int first, int count) const;
    //! Top-level tasks [\a first, \a first + \a count) give way to \a tasks (an undo gives back
    //! what a step changed): the rows around them stay as they are. A task that holds no tasks,
    //! replaced by one that holds none, keeps its row.
    void replaceTasks(int first, int count, std::vector<Gatherscope::TaskSpec> tasks);
    //! Moves a task \a delta places among its siblings; returns its new index.
    QModelIndex moveTask(const QModelIndex &index, int delta);
    //! Moves \a task, with its tasks, typed text and errors, under \a newParent (invalid: the
    //! top level) before its task at \a row, counted before the move as beginMoveRows() does.
    //! Returns the task's new index; an invalid one when \a newParent is not a gather or is
    //! \a task itself or inside it. A gather moved too deep is allowed and reported as an error.
    QModelIndex moveTaskTo(const QModelIndex &task, const QModelIndex &newParent, int row);
    bool isGather(const QModelIndex &index) const;
    //! "tasks[1].tasks[0]" for a task.
    QString placeOf(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void validityChanged(bool valid, const QString &firstError);
    void modifiedChanged(bool modified);
    //! markUnsaved(): no step of the history is the file any more.
    void savedStateLost();
    //! A top-level setting (title, description, return_exceptions, report, seed, cancel_after)
    //! changed, also through setScenario().
    void changed();
    //! A person changed the scenario (\a what: "Add a task", "Edit a cell"…); not emitted by
    //! setScenario().
    void scenarioEdited(const QString &what);
    //! setSettings() replaced the settings: a form shows them as they are now, over what was
    //! typed.
    void settingsReplaced();

private:
    struct Item;

    Item *itemFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Item *item, int column = 0) const;
    std::unique_ptr<Item> makeItem(const Gatherscope::TaskSpec &spec, Item *parent) const;
    void collect(const Item &item, std::vector<Gatherscope::TaskSpec> &into) const;
    QString firstErrorIn(const Item &item, int depth) const;
    //! What a walk of the tasks finds, kept for the revision it walked.
    struct TasksCheck {
        quint64 revision = ~quint64(0); // none yet: the tasks are walked the first time
        QString firstError;
        std::size_t count = 0;
    };
    //! The tasks walked again only when they changed: typing a title into 100,000 tasks does
    //! not walk them.
    const TasksCheck &checkedTasks() const;
    static std::size_t taskCount(const Item &item);
    //! Takes every setting of \a settings, and marks a text among them that a file could not hold.
    void takeSettings(const Gatherscope::ScenarioSettings &settings);
    //! The tasks changed: called before any view hears of it, so that a slot on rowsInserted
    //! (or any other of the change's signals) that asks taskCount() or isValid() is told of the
    //! tasks as they are now.
    void tasksChanged() { ++m_tasksRevision; }
    //! After the change's own signals: marks the scenario modified, tells of the edit, and of
    //! its validity when that moved.
    void edited(const QString &what);
    template<typename T>
    void updateSetting(T &field, const T &value, const QString &what);

    std::unique_ptr<Item> m_root;
    Gatherscope::ScenarioSettings m_top; // the top-level settings (the tasks live in the tree)
    std::map<QString, QString> m_settingErrors;
    bool m_modified = false;
    QString m_announcedError; // as validityChanged() last told it
    quint64 m_tasksRevision = 0;
    quint64 m_settingsRevision = 0;
    mutable TasksCheck m_tasksCheck;
    mutable std::weak_ptr<const Gatherscope::Scenario> m_shared; // sharedScenario(), if held
    mutable Version m_sharedVersion{};                           // what m_shared is of
};
