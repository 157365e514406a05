// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runpresenter.h"

#include "runactions.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "scenariomodel.h"
#include "stepcaption.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QAction>
#include <QLabel>
#include <QTimer>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

//! A title typed into 100,000 tasks is not previewed again a keystroke at a time (each took
//! 90 ms): the top lane takes the new name once the typing has paused this long. So are the
//! edits of a scenario larger than previewAtOnceTasks.
constexpr int previewPauseMs = 250;
//! Previewed again in about 5 ms: at once after each edit. 100,000 tasks took 45 ms, so that a
//! task moved with Alt+Down held, or a seed typed, fell behind the keys.
constexpr std::size_t previewAtOnceTasks = 10'000;

} // namespace

RunPresenter::RunPresenter(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_ticker(new QTimer(this))
    , m_previewLater(new QTimer(this))
{
    RunController *run = parts.run;
    connect(parts.actions->run(), &QAction::triggered, this, &RunPresenter::runScenario);
    connect(parts.actions->runInstantly(), &QAction::triggered, this, [this] { start(true); });
    connect(parts.actions->cancel(), &QAction::triggered, run, &RunController::cancel);
    connect(parts.actions->pause(), &QAction::triggered, run, &RunController::setPaused);
    connect(parts.actions->step(), &QAction::triggered, this, &RunPresenter::stepScenario);
    connect(parts.actions->stepInstant(), &QAction::triggered, this, &RunPresenter::stepInstant);
    connect(parts.session, &RunSession::eventShown, this, &RunPresenter::eventShown);
    connect(parts.scenario, &ScenarioModel::validityChanged, this, &RunPresenter::updateActions);
    connect(parts.actions->instant(), &QAction::toggled, this, &RunPresenter::updateActions);
    connect(run, &RunController::runStarted, this, &RunPresenter::runStarted);
    connect(run, &RunController::runCleared, this, &RunPresenter::runCleared);
    connect(run, &RunController::stateChanged, this, [this] {
        if (m_parts.run->isActive())
            m_ticker->start();
        else
            m_ticker->stop();
        const bool paused = m_parts.run->state() == RunController::State::Paused;
        m_parts.timeline->setLive(m_parts.run->isActive());
        m_parts.timeline->setPaused(paused);
        // Paused, events wait to be shown one step at a time; resumed, they all flow again. A
        // run that ends while some are held keeps them for the steps still to come.
        if (paused) {
            m_parts.session->setHolding(true);
        } else if (m_parts.run->state() == RunController::State::Running) {
            m_parts.session->setHolding(false);
            m_parts.stepCaption->clear();
            m_parts.stepCaption->hide();
        }
        updateActions();
        updateStatus();
    });
    connect(run, &RunController::runFinished, this, [this] {
        m_parts.session->flush(); // the last frame's events, before anyone reads the models
        // No fitAll(): the view already shows the whole run unless a person zoomed, and then
        // it keeps their zoom; the axis does not jump when the run ends.
        // (The results fit their columns themselves, when the gather hands its values over.)
        m_parts.timeline->setCurrentTime(m_parts.run->currentTime());
        updateStatus();
    });
    connect(parts.timeline, &TimelineView::eventSelected, this, &RunPresenter::showEventDetails);
    // The preview follows the scenario as it is edited (or its settings are given back by an
    // undo), while no run is shown.
    connect(parts.scenario, &ScenarioModel::scenarioEdited, this, &RunPresenter::scenarioChanged);
    connect(parts.scenario, &ScenarioModel::changed, this, &RunPresenter::scenarioChanged);
    connect(parts.scenario, &QAbstractItemModel::modelReset, this, &RunPresenter::showPreview);
    m_previewLater->setSingleShot(true);
    m_previewLater->setInterval(previewPauseMs);
    connect(m_previewLater, &QTimer::timeout, this, &RunPresenter::showPreview);
    // A live run repaints its growing bars, the now line and the status bar's time once a
    // frame (runStarted() sets how often).
    m_ticker->setInterval(RunSession::frameMs);
    connect(m_ticker, &QTimer::timeout, this, &RunPresenter::updateStatus);
    updateActions();
    updateStatus();
    showPreview();
}

void RunPresenter::showPreview()
{
    m_previewLater->stop();
    if (m_parts.run->runner())
        return; // a run is shown: it stays until the next one or until it is cleared
    m_parts.session->follow(nullptr, ReportStyle::Each); // before the old preview goes
    m_preview.reset();
    m_previewOf.reset();
    const ScenarioModel *model = m_parts.scenario;
    if (!model->isValid())
        return;
    m_preview = std::make_unique<Runner>(model->sharedScenario(), RunOptions{});
    m_previewOf = model->version();
    m_parts.session->follow(&m_preview->record(), m_preview->scenario().report);
}

void RunPresenter::scenarioChanged()
{
    if (!m_parts.scenario->isValid()) {
        if (m_previewOf)
            showPreview(); // which takes away the preview of a scenario that no longer reads
        return;
    }
    if (m_previewOf && m_previewOf->tasksRevision == m_parts.scenario->tasksRevision()) {
        const ScenarioSettings &shown = m_previewOf->settings;
        ScenarioSettings now = m_parts.scenario->settings();
        now.description = shown.description; // no preview shows it
        if (now == shown)
            return;
        now.title = shown.title; // the title alone changed: the top lane's name, a bit later
        if (now == shown) {
            m_previewLater->start();
            return;
        }
    }
    if (m_parts.scenario->taskCount() > previewAtOnceTasks)
        m_previewLater->start();
    else
        showPreview();
}

void RunPresenter::runStarted(Runner *runner)
{
    const ReportStyle report = runner->scenario().report;
    // On the virtual clock no time is to be followed: frames only show progress, and fewer of
    // them leave the run its time (a real-time run gets one a screen refresh).
    const int frameMs = runner->clock().mode() == ScenarioClock::Mode::Virtual
                            ? RunSession::instantFrameMs
                            : RunSession::frameMs;
    m_parts.session->setFrameInterval(frameMs);
    m_ticker->setInterval(frameMs);
    m_parts.session->follow(&runner->record(), report);
    m_previewLater->stop();
    m_preview.reset();
    m_previewOf.reset();
    m_parts.statusBar->showSeed(runner->usesRandomSleeps() ? tr("seed %1").arg(runner->seed())
                                                           : QString());
    m_parts.timeline->setCurrentTime(ScenarioTime(0));
    m_parts.statusBar->showEventDetails(QString());
    m_parts.timeline->setFocus(); // F5 from the editor: the keys now steer the timeline
}

void RunPresenter::runCleared()
{
    // A run is cleared when another scenario replaces the shown one: that one's preview comes
    // with it (the model's reset), so none is built here of the scenario on its way out.
    m_parts.session->follow(nullptr, ReportStyle::Each);
    m_parts.statusBar->showSeed(QString());
    m_parts.statusBar->showEventDetails(QString());
    m_parts.timeline->setCurrentTime(ScenarioTime(0));
    updateStatus();
}

void RunPresenter::showEventDetails(int eventIndex)
{
    const Runner *runner = m_parts.run->runner();
    if (!runner || eventIndex < 0 || std::size_t(eventIndex) >= runner->record().events().size())
        return;
    const TaskEvent &event = runner->record().events()[std::size_t(eventIndex)];
    const TaskNode &node = runner->record().nodes()[std::size_t(event.node)];
    const TimelineMarker *marker = nullptr;
    for (const auto &candidate : m_parts.timelineModel->lane(event.node).markers) {
        if (candidate.eventIndex == eventIndex)
            marker = &candidate;
    }
    const QString what =
        marker ? m_parts.timelineModel->markerText(*marker) : eventKindName(event.kind);
    const QString place = runner->record().placeOf(event.node);
    const QString details =
        tr("%1 s — %2%3 — %4")
            .arg(scenarioTimeToSeconds(event.time))
            .arg(node.label, place.isEmpty() ? QString() : u" ("_s + place + u')', what);
    m_parts.statusBar->showEventDetails(details);
}

void RunPresenter::runScenario()
{
    start(m_parts.actions->instant()->isChecked());
}

void RunPresenter::start(bool instantly)
{
    ScenarioModel *model = m_parts.scenario;
    if (!model->isValid())
        return;
    // A new run replaces the one in progress: RunController stops the old one first.
    m_parts.run->start(model->sharedScenario(), instantly);
}

void RunPresenter::stepScenario()
{
    if (m_parts.session->releaseNext())
        return; // one of the instant's events was still held (also after the run ended)
    if (!m_parts.run->isActive()) {
        // Stepping needs the real clock: the virtual one never waits to be told.
        if (!m_parts.scenario->isValid())
            return;
        m_parts.run->start(m_parts.scenario->sharedScenario(), false, true);
        return; // paused at 0 s, after the tasks' first steps
    }
    m_parts.session->passNextRecorded();
    m_parts.run->step();
}

void RunPresenter::stepInstant()
{
    const bool held = m_parts.session->heldCount() > 0;
    if (!held && !m_parts.run->isActive()) {
        stepScenario(); // starts a run, paused at 0 s
        return;
    }
    // What the instant has shown so far and what it still records, all at once; with nothing
    // held, the instant is the clock's next.
    m_parts.session->releaseAll();
    m_parts.session->passInstant();
    if (!held)
        m_parts.run->step();
}

void RunPresenter::eventShown(int index)
{
    const Runner *runner = m_parts.run->runner();
    if (!runner || !m_parts.session->isHolding())
        return; // a run going by itself: no captions
    m_parts.stepCaption->setText(
        tr("%1 s: %2")
            .arg(scenarioTimeToSeconds(runner->record().events().head(std::size_t(index)).time))
            .arg(stepCaption(runner->record(), index)));
    m_parts.stepCaption->show();
    m_parts.timeline->selectEvent(index);
}

void RunPresenter::updateActions()
{
    m_parts.actions->update(m_parts.scenario->firstError(), m_parts.run->isActive(),
                            m_parts.run->state() == RunController::State::Paused);
}

void RunPresenter::updateStatus()
{
    const ScenarioTime now = m_parts.run->currentTime();
    m_parts.statusBar->showRun(m_parts.run->state(), now);
    if (m_parts.run->isActive())
        m_parts.timeline->setCurrentTime(now);
}
