// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runner.h"

#include <QObject>

#include <memory>

//! Owns the window's current run and carries out the run commands (no widgets here).
/*!
 * Starting a run while another is active stops the old one first, so two runs never mix:
 * views switch to the new record before the old Runner is destroyed.
 */
class RunController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Finished };
    Q_ENUM(State)

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::Paused; }
    Gatherscope::Runner *runner() const { return m_runner.get(); }
    //! The scenario time to show now: continuous while a real-time run goes, the time of the
    //! last event once it has finished.
    Gatherscope::ScenarioTime currentTime() const;
    double speed() const { return m_speed; }

    //! Shows \a finished, a run already over (a run file's), as a run that just ended.
    void show(std::unique_ptr<Gatherscope::Runner> finished);

public Q_SLOTS:
    //! Runs \a scenario: on the virtual clock when \a instant, else in real time at speed();
    //! \a paused: stop the clock right after the tasks' first steps (to step through it).
    void start(std::shared_ptr<const Gatherscope::Scenario> scenario, bool instant,
               bool paused = false);
    //! Drops the current run (cancelling what is left of it); the views show nothing.
    void clear();
    //! For the program's end, once the event loop has stopped: drops a run still going and
    //! turns the loop until its cancelled tasks have unwound, so that nothing is left behind.
    void unwind();
    //! Cancels the top-level gather (asyncio's `cancel()`); tasks end in CancelledError.
    void cancel();
    void setPaused(bool paused);
    //! Handles the next instant of the clock at once (pausing first).
    void step();
    void setSpeed(double speed);

Q_SIGNALS:
    //! A new run began; its record is complete only after runFinished().
    void runStarted(Gatherscope::Runner *runner);
    //! The run is gone: views let go of its record.
    void runCleared();
    void stateChanged(RunController::State state);
    void runFinished(Gatherscope::Runner *runner);

private:
    //! \a next becomes the run shown (runStarted()), the one before it goes.
    void takeOver(std::unique_ptr<Gatherscope::Runner> next);
    void setState(State state);

    std::unique_ptr<Gatherscope::Runner> m_runner;
    State m_state = State::Idle;
    double m_speed = 1.0;
};
