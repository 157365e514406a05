// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"
#include "scenario.h"

#include <QObject>
#include <QPointer>

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

protected:
    ~RecordFollower() = default;
};

//! Feeds the models of the window from one run's record: on follow() each forgets the old run
//! and takes the events recorded so far, then every new event as it is recorded.
class RunSession : public QObject {
    Q_OBJECT
public:
    RunSession(std::initializer_list<RecordFollower *> followers, QObject *parent = nullptr);

    //! Shows \a record (null: nothing) in every model, live from now on.
    void follow(const Gatherscope::EventRecord *record, Gatherscope::ReportStyle report);

private:
    std::vector<RecordFollower *> m_followers;
    QPointer<const Gatherscope::EventRecord> m_record;
};
