// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "consolemodel.h"

#include <algorithm>
#include <iterator>

#include "consolelines.h"
#include "theme.h"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>

using namespace Gatherscope;

ConsoleModel::ConsoleModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConsoleModel::beginFollowing(const EventRecord *record, ReportStyle report)
{
    Q_UNUSED(record);
    beginResetModel();
    m_report = report;
    m_lines.clear();
    m_raised = false;
}

void ConsoleModel::takeEvent(const TaskEvent &event, int index, bool live)
{
    if (!live) {
        linesOf(event, index, m_lines);
        return;
    }
    std::vector<Line> lines;
    linesOf(event, index, lines);
    insert(std::move(lines));
}

void ConsoleModel::takeEvents(const EventRecord &record, int first, int last)
{
    // A frame's worth of lines in one insertion: the view lays out once.
    std::vector<Line> lines;
    for (int i = first; i <= last; ++i)
        linesOf(record.events()[std::size_t(i)], i, lines);
    insert(std::move(lines));
}

void ConsoleModel::insert(std::vector<Line> lines)
{
    if (lines.empty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(lines.size()) - 1);
    m_lines.insert(m_lines.end(), std::make_move_iterator(lines.begin()),
                   std::make_move_iterator(lines.end()));
    endInsertRows();
}

int ConsoleModel::rowOfEvent(int eventIndex) const
{
    // Lines come in event order: a binary search finds the first of that event's.
    const auto it =
        std::lower_bound(m_lines.begin(), m_lines.end(), eventIndex,
                         [](const Line &line, int index) { return line.eventIndex < index; });
    return it != m_lines.end() && it->eventIndex == eventIndex ? int(it - m_lines.begin()) : -1;
}

int ConsoleModel::eventOfRow(int row) const
{
    return row >= 0 && std::size_t(row) < m_lines.size() ? m_lines[std::size_t(row)].eventIndex
                                                         : -1;
}

void ConsoleModel::caughtUp()
{
    endResetModel();
}

void ConsoleModel::linesOf(const TaskEvent &event, int eventIndex, std::vector<Line> &into)
{
    for (QString &line : consoleLines(event, m_report))
        into.push_back({event.time, std::move(line), m_raised && event.node != 0, eventIndex});
    if (event.node == 0 && event.kind == TaskEvent::Kind::GatherRaised)
        m_raised = true;
}

QString ConsoleModel::text() const
{
    QStringList lines;
    for (const auto &line : m_lines)
        lines << line.text;
    return lines.join(u'\n');
}

int ConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int ConsoleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Line &line = m_lines[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        if (index.column() == TimeColumn)
            return QStringLiteral("%1 s").arg(scenarioTimeToSeconds(line.time), 0, 'f', 3);
        return line.text;
    }
    if (role == Qt::FontRole) {
        // The family alone: the size comes from the view, so the console grows with the
        // window's scale.
        QFont fixed;
        fixed.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
        fixed.setStyleHint(QFont::Monospace);
        return fixed;
    }
    if (role == Qt::ForegroundRole && index.column() == LineColumn &&
        line.text.startsWith(QLatin1String("gather raised")))
        return QBrush(Theme::errorColor());
    if (role == Qt::ToolTipRole && line.afterRaise)
        return tr("Printed after the gather raised: this task kept running.");
    if (role == Qt::TextAlignmentRole && index.column() == TimeColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ConsoleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == TimeColumn ? tr("Time") : tr("Output");
}
