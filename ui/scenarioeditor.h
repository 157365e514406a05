// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"
#include "shortcuts.h"

#include <QWidget>

#include <array>

class QAction;
class ScenarioHistory;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeView;
class ScenarioModel;

//! The scenario editor: the tasks as an editable tree, the top-level settings beside them, and
//! the first problem spelled out. It edits a ScenarioModel and holds no scenario logic.
class ScenarioEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget *parent = nullptr);

    ScenarioModel *model() const { return m_model; }
    //! Undo and redo of every change made here.
    ScenarioHistory *history() const { return m_history; }
    QTreeView *view() const { return m_view; }
    QAction *removeAction() const { return m_remove; }
    QAction *duplicateAction() const { return m_duplicate; }
    QAction *moveUpAction() const { return m_up; }
    QAction *moveDownAction() const { return m_down; }
    QAction *moveIntoGatherAction() const { return m_into; }
    QAction *moveOutOfGatherAction() const { return m_outOf; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    //! An event of a field of the form: the end of its typing, its Undo and Redo keys.
    bool fieldEvent(QObject *field, QEvent *event);
    //! Opens \a gather and the gathers it is in: what was put into it shows.
    void openAround(const QModelIndex &gather);
    //! Opens \a task when it is a gather, and the gathers inside it.
    void expandGather(const QModelIndex &task);
    //! Whether \a field is the seed or cancel_after holding text that does not read.
    bool holdsTextThatDoesNotRead(const QObject *field) const;
    //! The fields of the form typed into: the title, the description, the seed, cancel_after.
    std::array<QWidget *, 4> formFields() const;
    QAction *addAction(const QString &text, Shortcuts::Id shortcut, const QString &tip);
    void addTask(Gatherscope::TaskSpec::Kind kind);
    void updateActions();
    void moveCurrentTo(const QModelIndex &newParent, int row);
    void showSettings(bool replaceTyping);
    void readSeed();
    void readCancelAfter();
    //! Shows a form field's \a error the way a bad cell shows: red text, the reason as tooltip.
    static void markField(QLineEdit *field, const QString &error);

    ScenarioModel *m_model;
    ScenarioHistory *m_history;
    QTreeView *m_view;
    QLineEdit *m_title;
    QPlainTextEdit *m_description; //!< shown in full: several lines
    QCheckBox *m_returnExceptions;
    QComboBox *m_report;
    QLineEdit *m_seed;
    QLineEdit *m_cancelAfter;
    QLabel *m_error;
    QAction *m_remove = nullptr;
    QAction *m_duplicate = nullptr;
    QAction *m_up = nullptr;
    QAction *m_down = nullptr;
    QAction *m_into = nullptr;
    QAction *m_outOf = nullptr;
};
