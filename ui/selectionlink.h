// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>

#include <functional>

class ConsoleModel;
class QTableView;
class ResultModel;
class TimelineView;
namespace Gatherscope {
class EventRecord;
}

//! The three views agree on what is selected: an event chosen on the timeline (a click, a step
//! of F10) selects the line it printed in the console and its task's row in the results; a
//! console line selects the event that printed it; a result row selects how its task ended.
class SelectionLink : public QObject {
    Q_OBJECT
public:
    struct Views {
        TimelineView *timeline;
        QTableView *console;
        ConsoleModel *consoleModel;
        QTableView *results;
        ResultModel *resultModel;
    };
    //! \a record gives the run shown (or null).
    SelectionLink(const Views &views, std::function<const Gatherscope::EventRecord *()> record,
                  QObject *parent);

private:
    void timelineSelected(int eventIndex);
    void consoleSelected(int row);
    void resultSelected(int row);

    Views m_views;
    std::function<const Gatherscope::EventRecord *()> m_record;
    bool m_linking = false; //!< one selection is being passed on: the others do not echo it
};
