// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinewidget.h"

#include "timelinemodel.h"
#include "timelineview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace {

//! Lane names as tall as the lanes, indented by depth.
class LaneNameDelegate : public QStyledItemDelegate {
public:
    LaneNameDelegate(const TimelineView *view, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_view(view)
    {}
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return {QStyledItemDelegate::sizeHint(option, index).width(),
                m_view->zoom().geometry().laneHeight};
    }
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem indented = option;
        indented.rect.adjust(4 + index.data(TimelineModel::DepthRole).toInt() * 14, 0, 0, 0);
        if (index.row() == 0)
            indented.font.setBold(true);
        QStyledItemDelegate::paint(painter, indented, index);
    }

private:
    const TimelineView *m_view;
};

//! A strip under the lanes that explains every marker shape.
class LegendStrip : public QWidget {
public:
    LegendStrip(const TimelineView *view, QWidget *parent)
        : QWidget(parent)
        , m_view(view)
    {
        setFixedHeight(30);
        setToolTip(tr("Markers: exceptions are red crosses, cancellations grey squares"));
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(rect(), palette().color(QPalette::Base));
        m_view->timelinePainter().paintLegend(painter, rect());
    }

private:
    const TimelineView *m_view;
};

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
    , m_names(new QListView(this))
    , m_view(new TimelineView(this))
{
    m_names->setItemDelegate(new LaneNameDelegate(m_view, m_names));
    m_names->setUniformItemSizes(true);
    m_names->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_names->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_names->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_names->setFrameShape(QFrame::NoFrame);
    m_names->setToolTip(tr("Lanes: the awaiter of the top-level gather, then every task"));

    // A header as tall as the timeline's axis, so that each name sits level with its lane.
    auto *names = new QWidget(this);
    auto *header = new QLabel(tr("Lanes"), names);
    header->setFixedHeight(m_view->zoom().geometry().axisHeight);
    header->setAlignment(Qt::AlignBottom | Qt::AlignLeft);
    header->setIndent(6);
    auto *column = new QVBoxLayout(names);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(header);
    column->addWidget(m_names);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(names);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(splitter, 1);
    layout->addWidget(new LegendStrip(m_view, this));

    // One vertical position for both: the view's scroll bar leads.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_names->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_names->verticalScrollBar(), &QScrollBar::valueChanged, m_view->verticalScrollBar(),
            &QScrollBar::setValue);
}

void TimelineWidget::setModel(TimelineModel *model)
{
    m_names->setModel(model);
    m_view->setModel(model);
    connect(m_names->selectionModel(), &QItemSelectionModel::currentChanged, m_view,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_view->scrollToLane(current.row());
            });
}
