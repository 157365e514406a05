// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenariosnapshot.h"

#include <QObject>
#include <QUndoStack>

class ScenarioModel;

//! Undo and redo for every change made in the editor: each change that alters the scenario
//! becomes one step holding the scenario before and after it, named after what was done.
/*!
 * Steps are whole scenarios, not inverse operations: undoing restores exactly the scenario
 * (and so the JSON) it held, whatever the change was. They share what the change left as it
 * was (ScenarioSnapshot). A step that changed settings alone does not copy the tasks out of
 * the model; undone or redone, a step gives back the tasks it changed and leaves the other rows
 * as they are. The stack's clean
 * state is the saved file, so undoing back to it clears the modified mark. Opening or starting
 * another scenario forgets the history.
 */
class ScenarioHistory : public QObject {
    Q_OBJECT
public:
    explicit ScenarioHistory(ScenarioModel *model, QObject *parent = nullptr);
    ~ScenarioHistory() override;

    QUndoStack *stack() { return &m_stack; }
    //! What is typed next is a step of its own, even into the field typed into last (which
    //! the focus has left): keys typed one after another into one field are one step.
    void endTyping() { ++m_typing; }

private:
    class Step;

    void record(const QString &what);
    //! The model after a change of its tasks, sharing with m_current the top-level tasks that
    //! are still the same (compared where the model holds them, not copied out).
    ScenarioSnapshot snapshotOfChangedTasks() const;
    void restore(const ScenarioSnapshot &snapshot);
    void forget();

    ScenarioModel *m_model;
    QUndoStack m_stack;
    ScenarioSnapshot m_current;         // what the model held after the last step
    quint64 m_currentTasksRevision = 0; // the model's tasks are m_current's while it stays
    bool m_restoring = false;
    quint64 m_typing = 0; // the bout of typing a step belongs to (endTyping())
};
