// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "resultspanel.h"

#include "readonlytable.h"
#include "resultmodel.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

ResultsPanel::ResultsPanel(ResultModel *model, QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(makeReadOnlyTable(model, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    connect(model, &ResultModel::summaryChanged, m_summary, &QLabel::setText);
    connect(model, &ResultModel::summaryChanged, this, &ResultsPanel::fitColumns);
}

void ResultsPanel::fitColumns()
{
    m_table->resizeColumnsToContents();
}
