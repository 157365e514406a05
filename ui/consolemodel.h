// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runsession.h"

#include <QAbstractTableModel>

//! The console: every line the run printed, with its scenario time, exactly as the headless
//! mode prints them (core's consoleLines()). A RunSession feeds it.
class ConsoleModel : public QAbstractTableModel, public RecordFollower {
    Q_OBJECT
public:
    enum Columns { TimeColumn, LineColumn, ColumnCount };

    explicit ConsoleModel(QObject *parent = nullptr);

    void beginFollowing(const Gatherscope::EventRecord *record,
                        Gatherscope::ReportStyle report) override;
    void takeEvent(const Gatherscope::TaskEvent &event, int index, bool live) override;
    void caughtUp() override;
    void takeEvents(const Gatherscope::EventRecord &record, int first, int last) override;
    //! All lines, joined with newlines, as stdout would hold them.
    QString text() const;

    //! The first line event \a eventIndex printed, or -1.
    int rowOfEvent(int eventIndex) const;
    //! The event that printed line \a row, or -1.
    int eventOfRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Line {
        Gatherscope::ScenarioTime time;
        QString text;
        bool afterRaise = false;
        int eventIndex = -1; //!< the record's event that printed it
    };
    //! The lines \a event prints, added to \a into (not yet shown).
    void linesOf(const Gatherscope::TaskEvent &event, int eventIndex, std::vector<Line> &into);
    //! Shows \a lines after the others, in one insertion.
    void insert(std::vector<Line> lines);

    Gatherscope::ReportStyle m_report = Gatherscope::ReportStyle::Each;
    std::vector<Line> m_lines;
    bool m_raised = false;
};
