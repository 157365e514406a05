// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runcontroller.h"
#include "scenario.h"

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QTableView;
class QTimer;
class ConsoleModel;
class ResultModel;
class ScenarioEditor;
class TimelineModel;
class TimelineWidget;

//! The window: wiring only. The editor edits a Scenario, the RunController runs it, and the
//! timeline, results and console models observe the run's record.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    //! Opens \a pathOrName (a file, or a bundled scenario's name); false (and a message box
    //! unless \a quiet) when it cannot be read.
    bool openScenario(const QString &pathOrName, bool quiet = false);
    //! Saves to \a path atomically; false (with a message box) on failure.
    bool saveScenarioAs(const QString &path);
    QString currentFile() const { return m_file; }

    RunController *runController() const { return m_run; }
    ScenarioEditor *editor() const { return m_editor; }
    TimelineWidget *timeline() const { return m_timeline; }
    TimelineModel *timelineModel() const { return m_timelineModel; }
    ResultModel *resultModel() const { return m_results; }
    ConsoleModel *consoleModel() const { return m_console; }
    QAction *runAction() const { return m_runAction; }
    QAction *instantAction() const { return m_instantAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *stepAction() const { return m_stepAction; }

public Q_SLOTS:
    //! Runs the edited scenario (instantly when the Instant switch is on).
    void runScenario();
    void stepScenario();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    //! True when the loader would open what Save writes; else false, after saying why.
    bool scenarioIsSavable();
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void connectRun();
    void updateRunAvailability();
    void updateTitle();
    void updateStatus();
    void onRunStarted(Gatherscope::Runner *runner);
    void onRunCleared();
    void showEventDetails(int eventIndex);
    bool maybeSave();
    bool save();
    bool saveAs();
    void openDialog();
    void newScenario();
    void addRecentFile(const QString &path);
    void rebuildRecentMenu();
    void exportTimeline();
    void exportTrace();
    void showShortcuts();
    void showAbout();
    void readSettings();
    void writeSettings() const;

    RunController *m_run;
    ScenarioEditor *m_editor;
    TimelineWidget *m_timeline;
    TimelineModel *m_timelineModel;
    ResultModel *m_results;
    ConsoleModel *m_console;
    QTableView *m_resultView = nullptr;
    QTableView *m_consoleView = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_seedLabel = nullptr;
    QLabel *m_eventDetails = nullptr;
    QComboBox *m_speed = nullptr;
    QTimer *m_ticker;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_panelsMenu = nullptr;

    QAction *m_runAction = nullptr;
    QAction *m_instantAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_stepAction = nullptr;
    QAction *m_darkAction = nullptr;

    QString m_file; // empty: an unsaved new scenario, or a bundled example
};
