// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QSortFilterProxyModel>

#include <set>
#include <vector>

//! Which lanes of a TimelineModel are listed under the pinned awaiter: every task's, except
//! those inside a collapsed gather and, while a filter is typed, those whose name does not
//! match it. The lane names and the lanes themselves both show this model's rows.
/*!
 * The awaiter's lane (source row 0) is never among the rows: it stays pinned above them. A
 * gather's name says whether it is collapsed (▸) or open (▾), and how many tasks a collapsed
 * one hides. Collapsed gathers are remembered by node, so a new run of the same scenario keeps
 * them. Paints nothing.
 */
class LaneFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LaneFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;

    //! Shows only lanes whose name contains \a text, in any case; empty shows all.
    void setNameFilter(const QString &text);
    QString nameFilter() const { return m_filter; }

    bool isCollapsed(int sourceRow) const;
    void setCollapsed(int sourceRow, bool collapsed);
    void toggleCollapsed(int sourceRow) { setCollapsed(sourceRow, !isCollapsed(sourceRow)); }
    //! Collapses (or opens) every nested gather.
    void setAllCollapsed(bool collapsed);
    //! Makes \a sourceRow listed: opens the gathers around it, and drops a filter it fails.
    void reveal(int sourceRow);

    //! The source rows listed, in order: what the lanes show under the pinned awaiter.
    const std::vector<int> &sourceRows() const { return m_rows; }
    //! How many tasks the gather of \a sourceRow holds, nested ones included.
    int taskCount(int sourceRow) const;

    QVariant data(const QModelIndex &index, int role) const override;

Q_SIGNALS:
    //! The listed rows changed (a filter typed, a gather collapsed, a new run).
    void rowsChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void restructure();
    void readStructure();
    void refilter();
    bool insideCollapsed(int sourceRow) const;
    bool isGatherRow(int sourceRow) const;
    int nodeOf(int sourceRow) const;

    QString m_filter;
    std::set<int> m_collapsedNodes;
    std::vector<int> m_parentRow;  //!< each source row's gather's row (-1 for the awaiter)
    std::vector<int> m_subtreeEnd; //!< one past the last source row inside each row's gather
    std::vector<int> m_rows;
};
