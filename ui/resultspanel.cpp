// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "resultspanel.h"

#include "readonlytable.h"
#include "resultmodel.h"
#include "theme.h"

#include <QEvent>

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

ResultsPanel::ResultsPanel(ResultModel *model, QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(makeReadOnlyTable(model, this))
    , m_narration(new QLabel(this))
{
    // Asked at a run's start and end by several signals at once, it fits once.
    m_fit.setSingleShot(true);
    m_fit.setInterval(0);
    connect(&m_fit, &QTimer::timeout, m_table, &QTableView::resizeColumnsToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_table);
    // Fitting the columns lays out the text of the rows it measures: the first hundred tell the
    // widths well enough, and 10,000 would take longer than the run (Qt's default is 1,000).
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    layout->addWidget(m_narration);
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setTextFormat(Qt::PlainText);
    m_narration->setWordWrap(true);
    m_narration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_narration->setToolTip(tr("What happened in the run, in words (gatherscope --headless "
                               "--explain prints the same)"));
    m_narration->hide();
    // What the awaiter received, large above the table: with return_exceptions the list with
    // the exceptions in it, without it the one exception. Relative to the panel's font, so it
    // grows with the window's scale.
    m_summary->setObjectName(QStringLiteral("awaiterReceived"));
    m_summary->setTextFormat(Qt::PlainText);
    connect(model, &ResultModel::summaryChanged, this, [this, model](const QString &summary) {
        m_summary->setText(summary);
        QPalette palette = m_summary->palette();
        palette.setColor(QPalette::WindowText, model->gatherRaised()
                                                   ? Theme::errorColor()
                                                   : this->palette().color(QPalette::WindowText));
        m_summary->setPalette(palette);
    });
    sizeSummary();
    // The columns fit the rows of each run, and again once the gather hands its values over.
    connect(model, &QAbstractItemModel::modelReset, this, &ResultsPanel::fitColumns);
    connect(model, &ResultModel::summaryChanged, this, [this, model] {
        if (model->hasSettled())
            fitColumns();
    });
}

void ResultsPanel::setNarration(const QStringList &sentences)
{
    m_narration->setText(sentences.join(u' '));
    m_narration->setVisible(!sentences.isEmpty());
}

QString ResultsPanel::narration() const
{
    return m_narration->text();
}

void ResultsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        sizeSummary();
    QWidget::changeEvent(event);
}

void ResultsPanel::sizeSummary()
{
    m_summary->setFont(Theme::largeFont(font(), 1.4));
}

void ResultsPanel::fitColumns()
{
    m_fit.start();
}
