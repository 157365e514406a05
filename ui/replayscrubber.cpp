// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "replayscrubber.h"

#include "runcontroller.h"
#include "runner.h"
#include "runsession.h"
#include "timelineview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>

using namespace Gatherscope;

ReplayScrubber::ReplayScrubber(RunController *run, RunSession *session, TimelineView *timeline,
                               QWidget *parent)
    : QWidget(parent)
    , m_run(run)
    , m_session(session)
    , m_timeline(timeline)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_where(new QLabel(this))
{
    setObjectName(QStringLiteral("replayScrubber"));
    m_slider->setToolTip(tr("Replay the run to any moment: drag, or press Left and Right on the "
                            "timeline to move one event at a time"));
    m_slider->setFocusPolicy(Qt::NoFocus); // the keys are the timeline's
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(new QLabel(tr("Replay"), this));
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_where);
    connect(m_slider, &QSlider::valueChanged, this, &ReplayScrubber::replayTo);
    connect(run, &RunController::runFinished, this, &ReplayScrubber::runFinished);
    connect(run, &RunController::runStarted, this, &ReplayScrubber::runGone);
    connect(run, &RunController::runCleared, this, &ReplayScrubber::runGone);
    connect(timeline, &TimelineView::replayStepAsked, this, &ReplayScrubber::step);
    runGone();
}

void ReplayScrubber::runFinished()
{
    const Runner *runner = m_run->runner();
    const int events = runner ? int(runner->record().events().size()) : 0;
    const QSignalBlocker quiet(m_slider); // at the end already: nothing to replay
    m_slider->setRange(0, events);
    m_slider->setValue(events);
    setEnabled(events > 0);
    showWhere();
}

void ReplayScrubber::runGone()
{
    const QSignalBlocker quiet(m_slider);
    m_slider->setRange(0, 0);
    setEnabled(false);
    m_where->setText(tr("after a run"));
}

void ReplayScrubber::replayTo(int count)
{
    const Runner *runner = m_run->runner();
    if (!isEnabled() || !runner || m_run->isActive())
        return;
    if (m_slider->value() != count) {
        m_slider->setValue(count); // comes back here through valueChanged
        return;
    }
    m_session->replayTo(std::size_t(count));
    const auto &events = runner->record().events();
    const bool atEnd = count == int(events.size());
    // Before the end a now line stands where the replay is, with what is planned after it
    // drawn ahead as ghosts.
    m_timeline->setLive(!atEnd);
    m_timeline->setCurrentTime(count > 0 ? events.head(std::size_t(count) - 1).time
                                         : ScenarioTime(0));
    if (count > 0)
        m_timeline->selectEvent(count - 1);
    showWhere();
}

void ReplayScrubber::step(int direction)
{
    if (isEnabled())
        replayTo(std::clamp(m_slider->value() + direction, 0, m_slider->maximum()));
}

void ReplayScrubber::showWhere()
{
    const Runner *runner = m_run->runner();
    const int count = m_slider->value();
    const ScenarioTime time = runner && count > 0
                                  ? runner->record().events().head(std::size_t(count) - 1).time
                                  : ScenarioTime(0);
    const QLocale locale;
    m_where->setText(tr("event %1 of %2 · %3 s")
                         .arg(locale.toString(count), locale.toString(m_slider->maximum()))
                         .arg(scenarioTimeToSeconds(time), 0, 'f', 2));
}
