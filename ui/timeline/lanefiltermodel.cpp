// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "lanefiltermodel.h"

#include "timelinemodel.h"

LaneFilterModel::LaneFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // What is listed depends on names and nesting, which a run never changes: a live event
    // need not run the filter again.
    setDynamicSortFilter(false);
}

void LaneFilterModel::setSourceModel(QAbstractItemModel *source)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(source);
    if (source) {
        // Connected after the proxy's own handlers: its rows are already rebuilt then.
        connect(source, &QAbstractItemModel::modelReset, this, &LaneFilterModel::restructure);
        connect(source, &QAbstractItemModel::rowsInserted, this, &LaneFilterModel::restructure);
        connect(source, &QAbstractItemModel::rowsRemoved, this, &LaneFilterModel::restructure);
    }
    restructure();
}

void LaneFilterModel::setNameFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    refilter();
}

int LaneFilterModel::nodeOf(int sourceRow) const
{
    return sourceModel()->index(sourceRow, 0).data(TimelineModel::NodeRole).toInt();
}

bool LaneFilterModel::isGatherRow(int sourceRow) const
{
    return std::size_t(sourceRow) < m_subtreeEnd.size() &&
           m_subtreeEnd[std::size_t(sourceRow)] > sourceRow + 1;
}

bool LaneFilterModel::isCollapsed(int sourceRow) const
{
    return isGatherRow(sourceRow) && m_collapsedNodes.count(nodeOf(sourceRow)) > 0;
}

void LaneFilterModel::setCollapsed(int sourceRow, bool collapsed)
{
    if (sourceRow <= 0 || !isGatherRow(sourceRow) || isCollapsed(sourceRow) == collapsed)
        return;
    if (collapsed)
        m_collapsedNodes.insert(nodeOf(sourceRow));
    else
        m_collapsedNodes.erase(nodeOf(sourceRow));
    refilter();
}

void LaneFilterModel::setAllCollapsed(bool collapsed)
{
    m_collapsedNodes.clear();
    if (collapsed) {
        for (int row = 1; row < int(m_subtreeEnd.size()); ++row) {
            if (isGatherRow(row))
                m_collapsedNodes.insert(nodeOf(row));
        }
    }
    refilter();
}

void LaneFilterModel::reveal(int sourceRow)
{
    if (sourceRow <= 0 || std::size_t(sourceRow) >= m_parentRow.size())
        return;
    bool changed = false;
    if (!m_filter.isEmpty() && !filterAcceptsRow(sourceRow, {})) {
        m_filter.clear();
        changed = true;
    }
    for (int row = m_parentRow[std::size_t(sourceRow)]; row > 0;
         row = m_parentRow[std::size_t(row)])
        changed = m_collapsedNodes.erase(nodeOf(row)) > 0 || changed;
    if (changed)
        refilter();
}

int LaneFilterModel::taskCount(int sourceRow) const
{
    if (std::size_t(sourceRow) >= m_subtreeEnd.size())
        return 0;
    return m_subtreeEnd[std::size_t(sourceRow)] - sourceRow - 1;
}

QVariant LaneFilterModel::data(const QModelIndex &index, int role) const
{
    const int row = mapToSource(index).row();
    if (role != Qt::DisplayRole || !isGatherRow(row))
        return QSortFilterProxyModel::data(index, role);
    const QString name = QSortFilterProxyModel::data(index, role).toString();
    if (!isCollapsed(row))
        return QString(QStringLiteral("▾ ") + name);
    const int tasks = taskCount(row);
    return tasks == 1 ? tr("▸ %1 (1 task inside)").arg(name)
                      : tr("▸ %1 (%2 tasks inside)").arg(name).arg(tasks);
}

bool LaneFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceRow == 0)
        return false; // the awaiter: pinned above the rows
    if (!m_filter.isEmpty()) {
        // A search finds lanes inside collapsed gathers too.
        const QString name =
            sourceModel()->index(sourceRow, 0, sourceParent).data(Qt::DisplayRole).toString();
        return name.contains(m_filter, Qt::CaseInsensitive);
    }
    return !insideCollapsed(sourceRow);
}

bool LaneFilterModel::insideCollapsed(int sourceRow) const
{
    if (m_collapsedNodes.empty() || std::size_t(sourceRow) >= m_parentRow.size())
        return false;
    for (int row = m_parentRow[std::size_t(sourceRow)]; row > 0;
         row = m_parentRow[std::size_t(row)]) {
        if (m_collapsedNodes.count(nodeOf(row)) > 0)
            return true;
    }
    return false;
}

void LaneFilterModel::readStructure()
{
    // Lanes come depth first, each gather's tasks right after it one level deeper: a stack of
    // the gathers still open gives every row its gather and every gather its last row.
    const int count = sourceModel() ? sourceModel()->rowCount() : 0;
    m_parentRow.assign(std::size_t(count), -1);
    m_subtreeEnd.assign(std::size_t(count), 0);
    // The lanes read straight from a TimelineModel: 10,000 variants a run are not free.
    const auto *lanes = qobject_cast<const TimelineModel *>(sourceModel());
    std::vector<std::pair<int, int>> open; // (row, depth)
    for (int row = 0; row < count; ++row) {
        const int depth = lanes
                              ? lanes->lane(row).depth
                              : sourceModel()->index(row, 0).data(TimelineModel::DepthRole).toInt();
        while (!open.empty() && open.back().second >= depth) {
            m_subtreeEnd[std::size_t(open.back().first)] = row;
            open.pop_back();
        }
        m_parentRow[std::size_t(row)] = open.empty() ? -1 : open.back().first;
        open.emplace_back(row, depth);
    }
    for (const auto &[row, depth] : open)
        m_subtreeEnd[std::size_t(row)] = count;
}

void LaneFilterModel::restructure()
{
    readStructure();
    refilter();
}

void LaneFilterModel::refilter()
{
    invalidateFilter();
    m_rows.clear();
    m_rows.reserve(std::size_t(rowCount()));
    if (m_filter.isEmpty() && m_collapsedNodes.empty()) {
        // Every lane but the awaiter's, in order: no need to ask the proxy for each.
        for (int row = 1; row <= rowCount(); ++row)
            m_rows.push_back(row);
    } else {
        for (int row = 0; row < rowCount(); ++row)
            m_rows.push_back(mapToSource(index(row, 0)).row());
    }
    Q_EMIT rowsChanged();
}
