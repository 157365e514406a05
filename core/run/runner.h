// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"
#include "scenario.h"
#include "scenarioclock.h"

#include <QObject>
#include <QPointer>

#include <cstdint>
#include <memory>
#include <optional>

namespace Gatherscope {

namespace detail {
struct RunState;
}

//! How to run a scenario; each field left empty keeps the scenario file's choice.
struct RunOptions {
    ScenarioClock::Mode clockMode = ScenarioClock::Mode::Virtual;
    double speed = 1.0;
    std::optional<std::uint64_t> seed;
    std::optional<bool> returnExceptions;
    //! False: the record tells each event (EventRecord::eventRecorded) and forgets it, as a
    //! headless run that only prints them needs; true: it keeps them all.
    bool keepEvents = true;
};

//! Turns a Scenario into a run: builds the tree of tasks, awaits the top-level gather on the
//! run's ScenarioClock, and records every event in its EventRecord.
/*!
 * A run goes on until every task has ended, also after the top-level gather raised: the
 * record shows the tasks that kept running. Destroying a Runner mid-run cancels what is left;
 * its tasks unwind on later turns of the event loop without touching the destroyed Runner.
 */
class Runner : public QObject {
    Q_OBJECT
public:
    enum class State { Ready, Running, Finished };

    Runner(Scenario scenario, RunOptions options, QObject *parent = nullptr);
    //! Runs \a scenario, shared with whoever else holds it: a window's preview and its run
    //! need no copy of 100,000 tasks each.
    Runner(std::shared_ptr<const Scenario> scenario, RunOptions options, QObject *parent = nullptr);
    ~Runner() override;

    const Scenario &scenario() const;
    //! The seed the random sleeps were drawn with (the file's, the option's or a fresh one).
    std::uint64_t seed() const;
    //! True when the seed was drawn fresh (neither the file nor the options gave one).
    bool seedIsFresh() const;
    //! True when some sleep of the scenario is random (so the seed matters).
    bool usesRandomSleeps() const;
    const EventRecord &record() const;
    ScenarioClock &clock();
    State state() const { return m_state; }
    //! After the run: true if the top-level gather raised instead of returning.
    bool gatherRaised() const;

    //! Takes \a events as its record instead of running (a run file's): the run is finished,
    //! as the one that recorded them was. Only before start().
    void restore(const std::vector<TaskEvent> &events);

public Q_SLOTS:
    //! Starts the run (once).
    void start();
    //! Cancels the top-level gather, as `gather_future.cancel()` would.
    void cancel();

Q_SIGNALS:
    //! Every task has ended; the record is complete.
    void finished();

private:
    std::shared_ptr<detail::RunState> m_run;
    State m_state = State::Ready;
};

//! Turns the event loop until \a record is gone, for at most five seconds. A Runner destroyed
//! mid-run leaves its cancelled tasks to unwind on later turns, the last of them letting go of
//! the record: at the program's end, when nothing else turns the loop, this lets them.
void awaitUnwound(const QPointer<const EventRecord> &record);

} // namespace Gatherscope
