// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "resultmodel.h"

#include "pythonrepr.h"
#include "theme.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QStyle>

using namespace Gatherscope;

namespace {

bool isEnd(TaskEvent::Kind kind)
{
    return kind == TaskEvent::Kind::Returned || kind == TaskEvent::Kind::Raised ||
           kind == TaskEvent::Kind::Cancelled;
}

} // namespace

namespace {

//! Characters of the returned list the summary shows: two lines of its large type above the
//! table (10,000 results would not read better, and the table lists them all).
constexpr qsizetype maxSummaryLength = 160;

} // namespace

ResultModel::ResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ResultModel::beginFollowing(const EventRecord *record, ReportStyle report)
{
    beginResetModel();
    m_following = record != nullptr;
    m_recordEvents = record ? record->events().size() : 0;
    m_report = report;
    m_rows.clear();
    m_rowOfNode.clear();
    m_settled = false;
    m_raised = false;
    m_firstFailedRow = -1;
    if (!record)
        return;
    m_rowOfNode.assign(record->nodes().size(), -1);
    for (const auto &node : record->nodes()) {
        if (node.parent == 0) {
            m_rowOfNode[std::size_t(node.id)] = int(m_rows.size());
            m_rows.push_back({node.id, node.label, std::nullopt, false, false});
        }
    }
}

void ResultModel::takeEvent(const TaskEvent &event, int index, bool live)
{
    Q_UNUSED(live); // apply() tells the views of each row it changes; during a reset none look
    if (index == 0 && live && !m_settled)
        setSummary(pendingSummary()); // the run's first event: it is running now
    apply(event);
}

int ResultModel::rowOfNode(int node) const
{
    return node >= 0 && std::size_t(node) < m_rowOfNode.size() ? m_rowOfNode[std::size_t(node)]
                                                               : -1;
}

int ResultModel::nodeOfRow(int row) const
{
    return row >= 0 && std::size_t(row) < m_rows.size() ? m_rows[std::size_t(row)].node : -1;
}

QString ResultModel::pendingSummary() const
{
    return tr("pending: the gather is running");
}

void ResultModel::caughtUp()
{
    endResetModel();
    const bool started = m_following && m_recordEvents > 0;
    setSummary(!m_following ? QString()
               : m_settled  ? m_summary
               : started    ? pendingSummary()
                            : tr("not run yet: F5 runs it"));
}

void ResultModel::apply(const TaskEvent &event)
{
    if (event.node == 0 && (event.kind == TaskEvent::Kind::GatherReturned ||
                            event.kind == TaskEvent::Kind::GatherRaised)) {
        m_settled = true;
        m_raised = event.kind == TaskEvent::Kind::GatherRaised;
        if (m_raised) {
            setSummary(tr("gather raised %1").arg(pythonExceptionLine(event.error)));
        } else {
            // What the awaiter received, whatever the report style: the list itself.
            setSummary(tr("gather returned %1").arg(pythonReprCut(event.value, maxSummaryLength)));
        }
        // Fail-fast: the first task that raised handed its exception to the awaiter.
        if (m_raised && m_firstFailedRow >= 0) {
            Row &first = m_rows[std::size_t(m_firstFailedRow)];
            first.raisedToAwaiter = first.outcome->error == event.error;
        }
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    if (!isEnd(event.kind) || std::size_t(event.node) >= m_rowOfNode.size())
        return;
    const int row = m_rowOfNode[std::size_t(event.node)];
    if (row < 0)
        return;
    if (!m_settled && event.kind != TaskEvent::Kind::Returned && m_firstFailedRow < 0)
        m_firstFailedRow = row;
    m_rows[std::size_t(row)].outcome = event;
    m_rows[std::size_t(row)].afterRaise = m_settled && m_raised;
    if (m_settled)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ResultModel::setSummary(const QString &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    Q_EMIT summaryChanged(summary);
}

bool ResultModel::isShown(const Row &row) const
{
    // asyncio hands results over only when the gather returns or raises.
    return m_settled && row.outcome.has_value();
}

int ResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const bool shown = isShown(row);
    const bool isError = shown && row.outcome->kind != TaskEvent::Kind::Returned;

    if (role == IsErrorRole)
        return isError;
    if (role == IsPendingRole)
        return !shown;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IndexColumn:
            return index.row();
        case TaskColumn:
            return row.task;
        case ResultColumn:
            if (!shown)
                return m_settled ? tr("still running…") : tr("pending…");
            return isError ? pythonExceptionLine(row.outcome->error)
                           : pythonRepr(row.outcome->value);
        case NoteColumn:
            if (row.raisedToAwaiter)
                return tr("raised to the awaiter");
            if (shown && row.afterRaise)
                return tr("arrived after the gather raised (at %1 s)")
                    .arg(scenarioTimeToSeconds(row.outcome->time));
            if (shown)
                return tr("at %1 s").arg(scenarioTimeToSeconds(row.outcome->time));
            return {};
        }
    }
    const bool cancelled = isError && row.outcome->kind == TaskEvent::Kind::Cancelled;
    if (role == Qt::ForegroundRole && index.column() == ResultColumn) {
        if (cancelled) // grey, as on the timeline: a cancellation is not a failure of the task
            return QBrush(Theme::cancelColor());
        if (isError)
            return QBrush(Theme::errorColor());
        if (!shown)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    }
    if (role == Qt::FontRole && isError && index.column() == ResultColumn) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::DecorationRole && index.column() == ResultColumn && isError)
        return QApplication::style()->standardIcon(cancelled ? QStyle::SP_BrowserStop
                                                             : QStyle::SP_MessageBoxCritical);
    if (role == Qt::ToolTipRole) {
        if (!shown)
            return tr("The gather has not handed this result over yet.");
        if (row.raisedToAwaiter)
            return tr("The first exception: the gather raised it to its awaiter at once.");
        if (row.afterRaise)
            return tr(
                "The gather had already raised; this task was not cancelled and kept running.");
        if (m_raised) // fail-fast: the awaiter got the exception instead of a list
            return tr("The gather raised, so its awaiter never received this outcome; the task "
                      "reported it itself.");
        return isError ? tr("With return_exceptions=True the exception takes its task's place.")
                       : tr("The task's value, in input order.");
    }
    return {};
}

QVariant ResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndexColumn:
        return tr("#");
    case TaskColumn:
        return tr("Task");
    case ResultColumn:
        return tr("Result");
    case NoteColumn:
        return tr("When");
    }
    return {};
}
