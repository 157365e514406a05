// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runcontroller.h"
#include "scenariomodel.h"

#include <QObject>

#include <memory>
#include <optional>

class QLabel;
class QTimer;
class RunActions;
class RunSession;
class RunStatusBar;
class TimelineModel;
class TimelineView;

//! Connects a run to what shows it: the run commands start, step, pause and cancel it; as it
//! goes, its record feeds the models (through the RunSession), the timeline follows its clock
//! and the status bar its state; the selected event is described there.
class RunPresenter : public QObject {
    Q_OBJECT
public:
    struct Parts {
        RunController *run;
        RunActions *actions;
        ScenarioModel *scenario;
        RunSession *session;
        TimelineModel *timelineModel;
        TimelineView *timeline;
        RunStatusBar *statusBar;
        QLabel *stepCaption; //!< what the last step showed, and why
    };
    explicit RunPresenter(const Parts &parts, QObject *parent = nullptr);

    //! Runs the edited scenario (instantly when the Instant switch is on).
    void runScenario();
    //! Shows the run's next event alone, with its caption (the run pauses); before a run,
    //! starts one paused at 0 s.
    void stepScenario();
    //! Shows every event of the run's next instant at once.
    void stepInstant();

private:
    //! Before any run (and after one is cleared): the lanes of the edited scenario, every task
    //! at 0 s with its planned sleep as a ghost, from a run that is built but never started.
    void showPreview();
    //! The scenario changed: the preview follows at once what a run reads of it (once the edits
    //! pause, when the scenario is large), and the title (its top lane's name) once the typing
    //! pauses; it never shows the description.
    void scenarioChanged();
    //! Starts a run of the edited scenario: \a instantly on the virtual clock.
    void start(bool instantly);
    void runStarted(Gatherscope::Runner *runner);
    void runCleared();
    void showEventDetails(int eventIndex);
    //! While stepping: the caption of event \a index, selected on the timeline.
    void eventShown(int index);
    void updateActions();
    void updateStatus();

    Parts m_parts;
    std::unique_ptr<Gatherscope::Runner> m_preview;
    //! What the shown preview was made of.
    std::optional<ScenarioModel::Version> m_previewOf;
    QTimer *m_ticker;
    QTimer *m_previewLater; // the preview follows when the edits pause (a title, many tasks)
};
