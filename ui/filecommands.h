// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QWidget;
class RunFileCommands;
class ScenarioDocument;

//! The File menu's scenario commands and their dialogs: new, open, recent files, the bundled
//! examples, save and save as, and the question before unsaved changes are lost. They act on
//! a ScenarioDocument; the window only places the menu.
class FileCommands : public QObject {
    Q_OBJECT
public:
    //! Dialogs open over \a window.
    FileCommands(ScenarioDocument *document, QWidget *window);

    //! Adds New, Open, Open Recent, Examples, Save and Save As to \a menu.
    void addTo(QMenu *menu);

    //! Run files opened go to \a runs (which shows them), not to the scenario document.
    void setRunFiles(RunFileCommands *runs) { m_runs = runs; }
    //! Opens \a pathOrName (a file, a run file, or a bundled scenario's name); false (and a
    //! message box unless \a quiet) when it cannot be read. Asks nothing about unsaved changes.
    bool open(const QString &pathOrName, bool quiet = false);
    //! Saves to \a path atomically; false (with a message box) on failure.
    bool saveTo(const QString &path);
    //! True when there is nothing unsaved left to lose: nothing was changed, it was saved, or
    //! the person chose to discard it; false when they cancelled.
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void startNew();
    //! Asks about unsaved changes, then opens \a pathOrName.
    bool replaceWith(const QString &pathOrName);

Q_SIGNALS:
    //! A passing note for the status bar ("Saved …").
    void message(const QString &text);

private:
    void rebuildRecentMenu();
    //! Where the file dialogs start: the folder used last.
    QString lastFolder() const;

    ScenarioDocument *m_document;
    QWidget *m_window;
    QMenu *m_recent = nullptr;
    RunFileCommands *m_runs = nullptr;
};
