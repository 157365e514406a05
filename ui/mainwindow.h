// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runactions.h"
#include "runcontroller.h"

#include <QMainWindow>
#include <QPointer>

#include "autosave.h"

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QTableView;
class QTimer;
class ConsoleModel;
class FileCommands;
class RunFileCommands;
class CompareWindow;
class ReplayScrubber;
class PresentationMode;
class PythonPanel;
class ScenarioCaption;
class WindowScale;
class ReloadBar;
class ResultModel;
class ResultsPanel;
class RunPresenter;
class RunSession;
class RunStatusBar;
class ScenarioDocument;
class ScenarioEditor;
class TimelineModel;
class TimelineWidget;

//! The window: composition, menus, docks, settings and closing. The document, the run
//! commands, the status bar and the panels are objects of their own; it wires them.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    //! Whether the window takes its layout, speed, clock and theme from the saved settings (and
    //! saves them on closing), or starts from the defaults, the same on every machine.
    enum class Settings { Use, Ignore };

    explicit MainWindow(Settings settings = Settings::Use, QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Opens \a pathOrName (a file, or a bundled scenario's name); false (and a message box
    //! unless \a quiet) when it cannot be read.
    bool openScenario(const QString &pathOrName, bool quiet = false);
    //! Saves to \a path atomically; false (with a message box) on failure.
    bool saveScenarioAs(const QString &path);
    //! Saves the finished run to \a path as a run file (File ▸ Save Run As…).
    bool saveRunAs(const QString &path);
    QString currentFile() const;

    RunController *runController() const { return m_run; }
    ScenarioEditor *editor() const { return m_editor; }
    TimelineWidget *timeline() const { return m_timeline; }
    PythonPanel *pythonPanel() const { return m_python; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    ResultModel *resultModel() const { return m_results; }
    ConsoleModel *consoleModel() const { return m_console; }
    QAction *runAction() const { return m_actions->run(); }
    QAction *instantAction() const { return m_actions->instant(); }
    QAction *stepAction() const { return m_actions->step(); }
    RunSession *session() const { return m_session; }
    void setDarkTheme(bool dark);
    WindowScale *scale() const { return m_scale; }
    PresentationMode *presentation() const { return m_presentation; }

    //! Offers back, in a dialog, the newest scenario a window left unsaved when its program
    //! ended (a crash, a kill); does nothing when there is none or the settings are ignored.
    void offerRecovery();
    //! Opens \a orphan as the file it was a copy of, with its unsaved changes; the error.
    QString restore(const Autosave::Orphan &orphan);
    //! Writes the autosaved copy at once: the program is being stopped (SIGTERM).
    void keepUnsavedChanges();

public Q_SLOTS:
    //! Runs the edited scenario (instantly when the Instant switch is on).
    void runScenario();
    //! Opens the comparison of return_exceptions False and True (Run ▸ Compare); null when the
    //! scenario cannot run.
    CompareWindow *compareReturnExceptions();
    //! The scenario in the editor (run on the virtual clock, with the sleeps of the run shown)
    //! above the scenario or run file at \a path below (File ▸ Compare With…); null, with a
    //! message box unless \a quiet, when either cannot be run.
    CompareWindow *compareWith(const QString &path, bool quiet = false);
    void stepScenario();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    //! Shows \a compare, closing the comparison shown before (one at a time).
    CompareWindow *showComparison(CompareWindow *compare);
    //! The docks' layout as saved: a layout of an older version (without the Python panel) is
    //! not restored, and the default one is used instead.
    static constexpr int layoutVersion = 1;
    void createMenus();
    void addLaneActions(QMenu *view);
    void addTimelineKeys();
    void createToolBar();
    void createDocks();
    void offerReload(bool stillThere);
    void showShortcuts();
    void showAbout();
    void readSettings();
    void useDefaultLayout();
    void writeSettings() const;

    RunController *m_run;
    ScenarioEditor *m_editor;
    ScenarioDocument *m_document;
    FileCommands *m_files;
    RunFileCommands *m_runFiles;
    RunActions *m_actions;
    TimelineWidget *m_timeline;
    TimelineModel *m_timelineModel;
    ResultModel *m_results;
    ConsoleModel *m_console;
    RunSession *m_session;
    ResultsPanel *m_resultsPanel = nullptr;
    PythonPanel *m_python = nullptr;
    QPointer<CompareWindow> m_compare;
    ReplayScrubber *m_scrubber = nullptr;
    ReloadBar *m_reloadBar = nullptr;
    Autosave *m_autosave = nullptr; //!< only when the settings are used
    QTableView *m_consoleView = nullptr;
    RunStatusBar *m_statusBar;
    RunPresenter *m_presenter = nullptr;
    QComboBox *m_speed = nullptr;
    QMenu *m_panelsMenu = nullptr;
    QMenu *m_runMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    ScenarioCaption *m_caption = nullptr;
    QLabel *m_stepCaption = nullptr;
    WindowScale *m_scale = nullptr;
    PresentationMode *m_presentation = nullptr;
    QAction *m_fitAction = nullptr; //!< the timeline's F, also in the View menu
    QAction *m_darkAction = nullptr;
    bool m_useSettings = true;
};
