// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "overviewtrack.h"

#include "timelinegeometry.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <utility>

using Gatherscope::ScenarioTime;
using Gatherscope::scenarioTimeToSeconds;

OverviewTrack::OverviewTrack(TimelineView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setFixedHeight(baseHeight);
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole run: how many tasks run, sleep and are done at each moment. Click "
                  "to jump there, drag to show a stretch."));
    const auto stale = [this] {
        m_stale = true;
        update();
    };
    connect(view, &TimelineView::modelChanged, this, [this, stale] {
        if (TimelineModel *model = m_view->model()) {
            connect(model, &TimelineModel::timelineChanged, this, stale);
            connect(model, &QAbstractItemModel::modelReset, this, stale);
        }
        stale();
    });
    connect(view, &TimelineView::nowChanged, this, stale);
    connect(view, &TimelineView::geometryChanged, this, qOverload<>(&QWidget::update));
    connect(view, &TimelineView::rowHeightsChanged, this,
            [this] { setFixedHeight(int(std::lround(baseHeight * m_view->scale()))); });
}

ScenarioTime OverviewTrack::span() const
{
    return std::max(m_view->fitEnd(), ScenarioTime(1));
}

ScenarioTime OverviewTrack::timeAt(double x) const
{
    const double plot = std::max(width() - 2.0 * margin, 1.0);
    return ScenarioTime(std::llround((x - margin) / plot * double(span().count())));
}

double OverviewTrack::xOf(ScenarioTime time) const
{
    const double plot = std::max(width() - 2.0 * margin, 1.0);
    return margin + double(time.count()) / double(span().count()) * plot;
}

ScenarioTime OverviewTrack::knownUntil() const
{
    if (m_view->isLive())
        return m_view->timelinePainter().now();
    return m_view->model() ? m_view->model()->endTime() : ScenarioTime(0);
}

void OverviewTrack::readCounts() const
{
    if (!m_stale)
        return;
    m_stale = false;
    if (m_view->model())
        m_counts.read(*m_view->model(), m_view->timelinePainter().now());
    else
        m_counts = {};
}

QString OverviewTrack::summary() const
{
    readCounts();
    if (m_counts.total() == 0)
        return {};
    const QLocale locale;
    const ScenarioTime at = knownUntil();
    const TaskCounts::Counts counts = m_counts.at(at);
    return tr("%1 tasks · at %2 s: %3 running, %4 asleep, %5 done")
        .arg(locale.toString(m_counts.total()))
        .arg(scenarioTimeToSeconds(at), 0, 'f', 2)
        .arg(locale.toString(counts.running), locale.toString(counts.sleeping),
             locale.toString(counts.done));
}

void OverviewTrack::paintEvent(QPaintEvent *)
{
    readCounts();
    QPainter painter(this);
    const QPalette colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Window));
    const QRectF plot(margin, 2, width() - 2 * margin, height() - 4);
    painter.fillRect(plot, colours.color(QPalette::Base));
    if (m_counts.total() > 0) {
        // One column a pixel, stacked from the bottom: done, asleep, running.
        QColor done = colours.color(QPalette::Mid);
        done.setAlpha(140);
        QColor asleep = colours.color(QPalette::Highlight);
        asleep.setAlpha(80);
        const QColor running = colours.color(QPalette::Highlight);
        const double perTask = plot.height() / m_counts.total();
        const int right = int(std::min(plot.right(), xOf(knownUntil()) + 1));
        for (int x = int(plot.left()); x < right; ++x) {
            const TaskCounts::Counts counts = m_counts.in(timeAt(x), timeAt(x + 1));
            double y = plot.bottom();
            const auto stack = [&](int count, const QColor &colour) {
                const double h = std::min(count * perTask, y - plot.top());
                if (h <= 0)
                    return;
                painter.fillRect(QRectF(x, y - h, 1, h), colour);
                y -= h;
            };
            stack(counts.done, done);
            stack(counts.sleeping, asleep);
            stack(counts.running, running);
        }
    }
    // The stretch the lanes show, once they show less than everything.
    if (m_view->zoom().isUserZoomed()) {
        const TimelineGeometry &geometry = m_view->zoom().geometry();
        const double left = std::max(xOf(geometry.start), plot.left());
        const double right = std::min(xOf(geometry.start + geometry.duration()), plot.right());
        QColor shown = colours.color(QPalette::Highlight);
        shown.setAlpha(40);
        painter.setPen(QPen(colours.color(QPalette::Highlight).darker(130), 1.5));
        painter.setBrush(shown);
        painter.drawRect(QRectF(left, plot.top(), std::max(right - left, 2.0), plot.height()));
    }
    if (m_view->isLive()) {
        const double x = xOf(m_view->timelinePainter().now());
        painter.setPen(QPen(colours.color(QPalette::Highlight).darker(120), 2));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
    const QString text = summary();
    if (!text.isEmpty()) {
        const QFontMetrics metrics = fontMetrics();
        const QRectF box(plot.left() + 4, plot.top() + 2, metrics.horizontalAdvance(text) + 8,
                         metrics.height());
        QColor back = colours.color(QPalette::Base);
        back.setAlpha(200);
        painter.fillRect(box, back);
        painter.setPen(colours.color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, text);
    }
}

void OverviewTrack::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_pressX = event->position().x();
}

void OverviewTrack::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressX)
        return;
    const double from = std::exchange(m_pressX, std::nullopt).value();
    const double to = event->position().x();
    if (std::abs(to - from) < 4)
        m_view->zoom().centreOn(timeAt(to));
    else
        m_view->zoom().fitRange(timeAt(std::min(from, to)), timeAt(std::max(from, to)));
}

bool OverviewTrack::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        readCounts();
        auto *help = static_cast<QHelpEvent *>(event);
        const ScenarioTime from = timeAt(help->pos().x());
        const TaskCounts::Counts counts = m_counts.in(from, timeAt(help->pos().x() + 1));
        QToolTip::showText(help->globalPos(),
                           tr("%1 s: %2 running, %3 asleep, %4 done\n%5")
                               .arg(scenarioTimeToSeconds(from), 0, 'f', 2)
                               .arg(counts.running)
                               .arg(counts.sleeping)
                               .arg(counts.done)
                               .arg(toolTip()),
                           this);
        return true;
    }
    return QWidget::event(event);
}
