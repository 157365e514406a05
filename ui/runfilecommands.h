// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QWidget;
class RunController;
class ScenarioDocument;

//! Run files in the window: File ▸ Save Run As… keeps the finished run, and opening a run file
//! shows it again without running anything (its scenario in the editor, as a new document).
class RunFileCommands : public QObject {
    Q_OBJECT
public:
    //! Dialogs open over \a window.
    RunFileCommands(RunController *run, ScenarioDocument *document, QWidget *window);
    //! Adds Save Run As to \a menu.
    void addTo(QMenu *menu);
    //! Shows the run saved at \a path; false (and a message box unless \a quiet) when it cannot
    //! be read. Asks nothing about unsaved changes.
    bool open(const QString &path, bool quiet = false);
    //! Asks where, and saves the finished run there; false when it was not saved.
    bool saveAs();
    //! Saves the finished run to \a path; false (with a message box) on failure.
    bool saveTo(const QString &path);

Q_SIGNALS:
    //! A passing note for the status bar ("Saved the run in …").
    void message(const QString &text);

private:
    RunController *m_run;
    ScenarioDocument *m_document;
    QWidget *m_window;
    QAction *m_save = nullptr;
};
