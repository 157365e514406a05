// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runcontroller.h"

using namespace Gatherscope;

RunController::RunController(QObject *parent)
    : QObject(parent)
{}

RunController::~RunController() = default;

ScenarioTime RunController::currentTime() const
{
    if (!m_runner)
        return ScenarioTime(0);
    const auto &events = m_runner->record().events();
    if (m_state == State::Finished && !events.empty())
        return events.back().time; // the wall clock goes on, the run does not
    return m_runner->clock().displayTime();
}

void RunController::start(std::shared_ptr<const Scenario> scenario, bool instant, bool paused)
{
    RunOptions options;
    options.clockMode = instant ? ScenarioClock::Mode::Virtual : ScenarioClock::Mode::Real;
    options.speed = m_speed;
    auto next = std::make_unique<Runner>(std::move(scenario), options);
    connect(next.get(), &Runner::finished, this, [this, runner = next.get()] {
        if (runner != m_runner.get())
            return;
        setState(State::Finished);
        Q_EMIT runFinished(runner);
    });
    takeOver(std::move(next));
    setState(State::Running);
    m_runner->start();
    if (paused)
        setPaused(true);
}

void RunController::show(std::unique_ptr<Runner> finished)
{
    takeOver(std::move(finished)); // the views take its whole record
    setState(State::Finished);
    Q_EMIT runFinished(m_runner.get());
}

void RunController::takeOver(std::unique_ptr<Runner> next)
{
    // Views move to the new record first; only then does the old run go (it cancels what is
    // left of it and unwinds on its own).
    auto previous = std::exchange(m_runner, std::move(next));
    Q_EMIT runStarted(m_runner.get());
    previous.reset();
}

void RunController::clear()
{
    if (!m_runner)
        return;
    auto previous = std::move(m_runner);
    Q_EMIT runCleared();
    previous.reset();
    setState(State::Idle);
}

void RunController::unwind()
{
    if (!m_runner || m_runner->state() != Runner::State::Running)
        return;
    const QPointer<const EventRecord> record = &m_runner->record();
    clear();
    awaitUnwound(record);
}

void RunController::cancel()
{
    if (!isActive())
        return;
    if (m_state == State::Paused)
        setPaused(false);
    m_runner->cancel();
}

void RunController::setPaused(bool paused)
{
    if (!isActive())
        return;
    m_runner->clock().setPaused(paused);
    setState(paused ? State::Paused : State::Running);
}

void RunController::step()
{
    if (!isActive())
        return;
    setPaused(true);
    m_runner->clock().stepToNextEvent();
}

void RunController::setSpeed(double speed)
{
    m_speed = speed;
    if (m_runner)
        m_runner->clock().setSpeed(speed);
}

void RunController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
