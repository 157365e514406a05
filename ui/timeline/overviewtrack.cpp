// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "overviewtrack.h"

#include "theme.h"
#include "timelinegeometry.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
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
    setToolTip(tr("The whole run: how many tasks run, sleep, wait on a worker thread and are "
                  "done at each moment. Click to jump there, drag to show a stretch."));
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
    ScenarioTime known{0};
    if (m_view->isLive())
        known = m_view->timelinePainter().now();
    else if (m_view->model())
        known = m_view->model()->endTime();
    return m_counts.caughtUp() ? known : std::min(known, m_counts.readUntil());
}

void OverviewTrack::readCounts(int budget) const
{
    if (!m_stale)
        return;
    if (m_view->model())
        m_counts.read(*m_view->model(), m_view->timelinePainter().now(), budget);
    else
        m_counts = {};
    m_stale = !m_counts.caughtUp();
}

std::vector<std::pair<QString, QColor>> OverviewTrack::summaryParts() const
{
    if (m_counts.total() == 0)
        return {};
    const QLocale locale;
    const ScenarioTime moment = knownUntil();
    const TaskCounts::Counts counts = m_counts.at(moment);
    const Colours series = seriesColours();
    std::vector<std::pair<QString, QColor>> parts{
        {tr("%1 tasks · at %2 s:")
             .arg(locale.toString(m_counts.total()))
             .arg(scenarioTimeToSeconds(moment), 0, 'f', 2),
         QColor()},
        {tr("%1 running").arg(locale.toString(counts.running)), series.running},
        {tr("%1 asleep").arg(locale.toString(counts.sleeping)), series.asleep},
        {tr("%1 done").arg(locale.toString(counts.done)), series.done},
    };
    // Only where a task hands work to a thread: the other scenarios keep their short line.
    if (m_counts.hasWorkers())
        parts.insert(parts.end() - 1,
                     {tr("%1 on a worker").arg(locale.toString(counts.working)), series.working});
    return parts;
}

QString OverviewTrack::summary() const
{
    readCounts();
    const auto parts = summaryParts();
    QStringList counts;
    for (std::size_t i = 1; i < parts.size(); ++i)
        counts << parts[i].first;
    return parts.empty() ? QString() : parts.front().first + u' ' + counts.join(u", ");
}

void OverviewTrack::readCountsForFrame()
{
    // Counting takes the events since the last count and sorts the bars still open (100,000
    // tasks asleep: a few ms): during a run, when the last count was that large, not at every
    // frame but at most every minReadInterval; a small one (a class's run, its replay) at
    // every frame, so the track keeps up with the lanes; once the run is over, at once.
    if (m_stale && m_view->isLive() && m_lastRead.isValid() &&
        m_counts.lastReadSize() >= dearRead && m_lastRead.elapsed() < minReadInterval) {
        scheduleRead(minReadInterval - int(m_lastRead.elapsed()));
        return;
    }
    if (m_stale)
        m_lastRead.start();
    // During a run each count takes what came since the last, at most every minReadInterval:
    // all of it, or the track would fall behind. A whole run not counted yet (a finished one,
    // a file opened, a replay from the start) is read over a few frames, the track filling
    // from the left, rather than hold one frame for all of it.
    readCounts(m_view->isLive() ? std::numeric_limits<int>::max() : eventsPerFrame);
    if (m_stale)
        scheduleRead(0);
}

void OverviewTrack::scheduleRead(int ms)
{
    if (std::exchange(m_readScheduled, true))
        return;
    QTimer::singleShot(ms, this, [this] {
        m_readScheduled = false;
        update();
    });
}

void OverviewTrack::paintEvent(QPaintEvent *)
{
    readCountsForFrame();
    QPainter painter(this);
    const QPalette colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Window));
    const QRectF plot(margin, 2, width() - 2 * margin, height() - 4);
    painter.fillRect(plot, colours.color(QPalette::Base));
    const Colours series = seriesColours();
    if (m_counts.total() > 0) {
        // One column a pixel, stacked from the bottom: done, asleep, on a worker, running.
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
            stack(counts.done, series.done);
            stack(counts.sleeping, series.asleep);
            stack(counts.working, series.working);
            stack(counts.running, series.running);
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
    paintSummary(painter, plot.topLeft() + QPointF(4, 2));
}

OverviewTrack::Colours OverviewTrack::seriesColours() const
{
    Colours series;
    series.running = palette().color(QPalette::Highlight).darker(115);
    series.asleep = palette().color(QPalette::Highlight);
    series.asleep.setAlpha(110);
    series.working = Theme::workerColor();
    series.working.setAlpha(150);
    series.done = Theme::finishColor();
    series.done.setAlpha(120);
    return series;
}

void OverviewTrack::paintSummary(QPainter &painter, QPointF at) const
{
    // The counts at the moment, each after a swatch of its colour: the track's legend too.
    const auto parts = summaryParts();
    if (parts.empty())
        return;
    const QFontMetrics metrics = fontMetrics();
    const int swatch = metrics.ascent() - 2;
    double width = 8;
    for (const auto &[text, colour] : parts)
        width += metrics.horizontalAdvance(text) + (colour.isValid() ? swatch + 12 : 0);
    QColor back = palette().color(QPalette::Base);
    back.setAlpha(210);
    painter.fillRect(QRectF(at, QSizeF(width, metrics.height())), back);
    double x = at.x() + 4;
    for (const auto &[text, colour] : parts) {
        if (colour.isValid()) {
            x += 8;
            painter.fillRect(QRectF(x, at.y() + (metrics.height() - swatch) / 2.0, swatch, swatch),
                             colour);
            x += swatch + 4;
        }
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(x, at.y() + metrics.ascent()), text);
        x += metrics.horizontalAdvance(text);
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
        const QString working =
            m_counts.hasWorkers() ? tr(", %1 on a worker thread").arg(counts.working) : QString();
        QToolTip::showText(help->globalPos(),
                           tr("%1 s: %2 running, %3 asleep%4, %5 done\n%6")
                               .arg(scenarioTimeToSeconds(from), 0, 'f', 2)
                               .arg(counts.running)
                               .arg(counts.sleeping)
                               .arg(working)
                               .arg(counts.done)
                               .arg(toolTip()),
                           this);
        return true;
    }
    return QWidget::event(event);
}
