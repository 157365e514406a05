// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"
#include "scenario.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <initializer_list>
#include <vector>

//! A model that shows a run's record: the timeline, the results and the console.
class RecordFollower {
public:
    //! Shows \a record from now on (null: nothing): forget what was shown and begin a reset.
    virtual void beginFollowing(const Gatherscope::EventRecord *record,
                                Gatherscope::ReportStyle report) = 0;
    //! Event \a index of the record. \a live: it just happened, so tell the views; otherwise it
    //! is replayed inside the reset.
    virtual void takeEvent(const Gatherscope::TaskEvent &event, int index, bool live) = 0;
    //! Every event recorded so far has been given: end the reset.
    virtual void caughtUp() = 0;
    //! Events \a first to \a last of \a record, recorded since the last ones given, at once:
    //! a frame's worth of a live run, so a model tells its views once, not once an event. By
    //! default, one at a time.
    virtual void takeEvents(const Gatherscope::EventRecord &record, int first, int last)
    {
        for (int i = first; i <= last; ++i)
            takeEvent(record.events()[std::size_t(i)], i, true);
    }

protected:
    ~RecordFollower() = default;
};

//! Feeds the models of the window from one run's record: on follow() each forgets the old run
//! and takes the events recorded so far, then every new event as it is recorded.
class RunSession : public QObject {
    Q_OBJECT
public:
    RunSession(std::initializer_list<RecordFollower *> followers, QObject *parent = nullptr);

    //! Shows \a record (null: nothing) in every model, live from now on. A live run's events
    //! reach the models in batches, one a frame, so that thousands of tasks never mean one
    //! repaint an event.
    void follow(const Gatherscope::EventRecord *record, Gatherscope::ReportStyle report);
    //! Gives the models what is waiting for the next frame now (the run has ended).
    void flush();
    static constexpr int frameMs = 16;        //!< a live run: a frame as often as a screen
    static constexpr int instantFrameMs = 50; //!< a run on the virtual clock: its progress
    //! How often the models take the events recorded meanwhile, in ms.
    void setFrameInterval(int ms) { m_frame.setInterval(ms); }
    int frameInterval() const { return m_frame.interval(); }

    //! Stepping through a paused run: while holding, recorded events wait to be released one
    //! at a time (F10) or an instant at a time (Shift+F10). Holding off releases them all.
    void setHolding(bool holding);
    bool isHolding() const { return m_holding; }
    //! Recorded events not shown yet.
    int heldCount() const;
    //! Shows the next held event; false when none is held.
    bool releaseNext();
    //! Shows every held event.
    void releaseAll();
    //! The next event recorded is shown at once (the first of a step of the clock).
    void passNextRecorded() { m_passNext = true; }
    //! Every event recorded is shown at once until the next release (a step of an instant).
    void passInstant() { m_passInstant = true; }

    //! Replays a finished run to the moment after its first \a count events: the models show
    //! exactly those (back: each starts over and takes them again; forward: the next ones in
    //! one batch).
    void replayTo(std::size_t count);
    //! How many of the record's events the models hold.
    std::size_t shownCount() const { return m_shown; }

Q_SIGNALS:
    //! Event \a index of the record was shown live (not replayed by follow()).
    void eventShown(int index);

private:
    void recorded();
    void showUpTo(std::size_t count);
    //! Each model forgets what it showed and takes the record's first \a count events again
    //! (none without a record).
    void startOver(std::size_t count);

    std::vector<RecordFollower *> m_followers;
    QPointer<const Gatherscope::EventRecord> m_record;
    std::size_t m_shown = 0; //!< events given to the followers
    Gatherscope::ReportStyle m_report = Gatherscope::ReportStyle::Each;
    bool m_holding = false;
    bool m_passNext = false;
    bool m_passInstant = false;
    QTimer m_frame; //!< the next batch of a live run
};
