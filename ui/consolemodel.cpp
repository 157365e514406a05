// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "consolemodel.h"

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
    Q_UNUSED(index);
    const QStringList lines = consoleLines(event, m_report);
    if (!live || lines.isEmpty()) {
        append(event, lines);
        return;
    }
    beginInsertRows({}, rowCount(), rowCount() + int(lines.size()) - 1);
    append(event, lines);
    endInsertRows();
}

void ConsoleModel::caughtUp()
{
    endResetModel();
}

void ConsoleModel::append(const TaskEvent &event, const QStringList &lines)
{
    for (const QString &line : lines)
        m_lines.push_back({event.time, line, m_raised && event.node != 0});
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
