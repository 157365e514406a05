// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinewidget.h"

#include "lanefiltermodel.h"
#include "overviewtrack.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
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
    , m_overview(new OverviewTrack(m_view, this))
    , m_filter(new QLineEdit(this))
    , m_awaiterName(new QLabel(this))
{
    m_names->setModel(m_view->lanes());
    m_names->setItemDelegate(new LaneNameDelegate(m_view, m_names));
    m_names->setUniformItemSizes(true);
    m_names->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_names->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_names->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_names->setFrameShape(QFrame::NoFrame);
    m_names->setToolTip(tr("Every task's lane. A nested gather collapses and opens with Left "
                           "and Right, Enter or a double-click."));
    m_names->installEventFilter(this);

    m_filter->setPlaceholderText(tr("Filter lanes"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the lanes whose name contains this (Ctrl+L)"));
    connect(m_filter, &QLineEdit::textChanged, m_view->lanes(), &LaneFilterModel::setNameFilter);
    // a step into a filtered-out lane drops the filter: the box says so
    connect(m_view->lanes(), &LaneFilterModel::rowsChanged, this, [this] {
        if (m_filter->text() != m_view->lanes()->nameFilter())
            m_filter->setText(m_view->lanes()->nameFilter());
    });

    QFont bold = m_awaiterName->font();
    bold.setBold(true);
    m_awaiterName->setFont(bold);
    m_awaiterName->setIndent(4);
    m_awaiterName->setToolTip(tr("The awaiter of the top-level gather, pinned: it waits from the "
                                 "gather's start until it returns or raises."));

    // The filter box as tall as the axis and the awaiter's name as its lane, so that each name
    // sits level with its lane.
    auto *names = new QWidget(this);
    auto *column = new QVBoxLayout(names);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_filter);
    column->addWidget(m_awaiterName);
    column->addWidget(m_names);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(names);
    splitter->addWidget(m_view);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_overview);
    layout->addWidget(splitter, 1);
    layout->addWidget(new LegendStrip(m_view, this));

    // One vertical position for both: the view's scroll bar leads.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, m_names->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_names->verticalScrollBar(), &QScrollBar::valueChanged, m_view->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_names, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        m_view->lanes()->toggleCollapsed(m_view->lanes()->mapToSource(index).row());
    });
    connect(m_view, &TimelineView::rowHeightsChanged, this, &TimelineWidget::matchRowHeights);
    matchRowHeights();
}

void TimelineWidget::setModel(TimelineModel *model)
{
    m_view->setModel(model);
    connect(m_names->selectionModel(), &QItemSelectionModel::currentChanged, m_view,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_view->scrollToLane(m_view->lanes()->mapToSource(current).row());
            });
    connect(model, &QAbstractItemModel::modelReset, this, &TimelineWidget::showAwaiterName);
    showAwaiterName();
}

void TimelineWidget::showAwaiterName()
{
    const TimelineModel *model = m_view->model();
    m_awaiterName->setText(model && model->laneCount() > 0 ? model->lane(0).label : QString());
}

void TimelineWidget::matchRowHeights()
{
    const TimelineGeometry &geometry = m_view->zoom().geometry();
    m_filter->setFixedHeight(geometry.axisHeight);
    m_awaiterName->setFixedHeight(geometry.laneHeight);
    m_names->doItemsLayout(); // the delegate's rows changed height
}

bool TimelineWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_names && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QModelIndex current = m_names->currentIndex();
        if (current.isValid() && (key->key() == Qt::Key_Left || key->key() == Qt::Key_Right)) {
            m_view->lanes()->setCollapsed(m_view->lanes()->mapToSource(current).row(),
                                          key->key() == Qt::Key_Left);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
