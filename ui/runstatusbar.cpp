// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runstatusbar.h"

#include <QLabel>

namespace {

QString stateText(RunController::State state)
{
    switch (state) {
    case RunController::State::Idle:
        return QObject::tr("Ready: press F5 to run");
    case RunController::State::Running:
        return QObject::tr("Running");
    case RunController::State::Paused:
        return QObject::tr("Paused");
    case RunController::State::Finished:
        return QObject::tr("Finished");
    }
    return {};
}

} // namespace

RunStatusBar::RunStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_state(new QLabel(this))
    , m_time(new QLabel(this))
    , m_eventDetails(new QLabel(this))
    , m_seed(new QLabel(this))
{
    m_time->setObjectName(QStringLiteral("time"));
    m_eventDetails->setObjectName(QStringLiteral("eventDetails"));
    addWidget(m_state);
    addWidget(m_time);
    addWidget(m_eventDetails, 1);
    addPermanentWidget(m_seed);
    showRun(RunController::State::Idle, Gatherscope::ScenarioTime(0));
}

void RunStatusBar::showRun(RunController::State state, Gatherscope::ScenarioTime now)
{
    m_state->setText(stateText(state));
    m_time->setText(tr("t = %1 s").arg(Gatherscope::scenarioTimeToSeconds(now), 0, 'f', 2));
}

void RunStatusBar::showSeed(const QString &seed)
{
    m_seed->setText(seed);
}

void RunStatusBar::showEventDetails(const QString &details)
{
    m_eventDetails->setText(details);
    m_eventDetails->setToolTip(details);
}
