// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "selectionlink.h"

#include "consolemodel.h"
#include "eventrecord.h"
#include "resultmodel.h"
#include "timelineview.h"

#include <QItemSelectionModel>
#include <QScopedValueRollback>
#include <QTableView>

SelectionLink::SelectionLink(const Views &views,
                             std::function<const Gatherscope::EventRecord *()> record,
                             QObject *parent)
    : QObject(parent)
    , m_views(views)
    , m_record(std::move(record))
{
    connect(views.timeline, &TimelineView::eventSelected, this, &SelectionLink::timelineSelected);
    connect(views.console->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { consoleSelected(current.row()); });
    connect(views.results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { resultSelected(current.row()); });
}

namespace {

//! The results row of \a node: a nested task's result is part of its top-level task's.
int resultRowOf(const ResultModel &results, const Gatherscope::EventRecord &record, int node)
{
    while (node > 0 && results.rowOfNode(node) < 0)
        node = record.nodes()[std::size_t(node)].parent;
    return results.rowOfNode(node);
}

void selectRow(QTableView *view, int row)
{
    if (row < 0) {
        view->selectionModel()->clearSelection();
        return;
    }
    view->selectRow(row);
    view->scrollTo(view->model()->index(row, 0));
}

} // namespace

void SelectionLink::timelineSelected(int eventIndex)
{
    const Gatherscope::EventRecord *record = m_record();
    if (m_linking || !record || eventIndex < 0 ||
        std::size_t(eventIndex) >= record->events().size())
        return;
    const QScopedValueRollback linking(m_linking, true);
    selectRow(m_views.console, m_views.consoleModel->rowOfEvent(eventIndex));
    selectRow(m_views.results, resultRowOf(*m_views.resultModel, *record,
                                           record->events().head(std::size_t(eventIndex)).node));
}

void SelectionLink::consoleSelected(int row)
{
    if (m_linking)
        return;
    const QScopedValueRollback linking(m_linking, true);
    const int event = m_views.consoleModel->eventOfRow(row);
    if (event >= 0) {
        m_views.timeline->selectEvent(event);
        const Gatherscope::EventRecord *record = m_record();
        if (record)
            selectRow(m_views.results, resultRowOf(*m_views.resultModel, *record,
                                                   record->events().head(std::size_t(event)).node));
    }
}

void SelectionLink::resultSelected(int row)
{
    const Gatherscope::EventRecord *record = m_record();
    const int node = m_views.resultModel->nodeOfRow(row);
    if (m_linking || !record || node < 0)
        return;
    const QScopedValueRollback linking(m_linking, true);
    // How the task ended: its last event (none yet while it runs).
    const auto &events = record->events();
    for (int i = int(events.size()) - 1; i >= 0; --i) {
        if (events.head(std::size_t(i)).node == node) {
            m_views.timeline->selectEvent(i);
            selectRow(m_views.console, m_views.consoleModel->rowOfEvent(i));
            return;
        }
    }
}
