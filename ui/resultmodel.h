// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runsession.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

//! The ordered results of the top-level gather: one row per task, in input order.
/*!
 * A row stays pending while the gather runs and shows its value or exception once the gather
 * returns, as asyncio hands them over. When a fail-fast gather raises, the rows of tasks that
 * are still running fill in later, marked as arriving after the gather raised. A RunSession
 * feeds it.
 */
class ResultModel : public QAbstractTableModel, public RecordFollower {
    Q_OBJECT
public:
    enum Columns { IndexColumn, TaskColumn, ResultColumn, NoteColumn, ColumnCount };
    enum Roles { IsErrorRole = Qt::UserRole, IsPendingRole };

    explicit ResultModel(QObject *parent = nullptr);

    void beginFollowing(const Gatherscope::EventRecord *record,
                        Gatherscope::ReportStyle report) override;
    void takeEvent(const Gatherscope::TaskEvent &event, int index, bool live) override;
    void caughtUp() override;

    //! One line about the gather itself: pending, its repr (`report: list`), or what it raised.
    QString summary() const { return m_summary; }
    //! The row of top-level task \a node, or -1 (the gather itself, a nested task).
    int rowOfNode(int node) const;
    //! The node of the task in \a row, or -1.
    int nodeOfRow(int row) const;
    bool gatherRaised() const { return m_raised; }
    //! True once the gather has returned or raised: the values are handed over.
    bool hasSettled() const { return m_settled; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void summaryChanged(const QString &summary);

private:
    struct Row {
        int node = 0;
        QString task;
        std::optional<Gatherscope::TaskEvent> outcome; // how the task ended, once it has
        bool afterRaise = false;                       // it ended after the gather raised
        bool raisedToAwaiter = false;                  // its exception is the gather's
    };

    void apply(const Gatherscope::TaskEvent &event);
    void setSummary(const QString &summary);
    bool isShown(const Row &row) const;

    bool m_following = false;
    std::size_t m_recordEvents = 0; //!< recorded when following began
    QString pendingSummary() const;
    Gatherscope::ReportStyle m_report = Gatherscope::ReportStyle::Each;
    std::vector<Row> m_rows;
    std::vector<int> m_rowOfNode; // node id -> row, -1 for nodes that are not top-level tasks
    int m_firstFailedRow = -1;
    bool m_settled = false;
    bool m_raised = false;
    QString m_summary;
};
