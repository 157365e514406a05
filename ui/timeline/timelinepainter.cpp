// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelinepainter.h"

#include "theme.h"
#include "timelinemodel.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

using Gatherscope::ScenarioTime;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TimelinePainter", text);
}

} // namespace

void TimelinePainter::setModel(const TimelineModel *model)
{
    m_model = model;
    invalidateAll();
}

void TimelinePainter::setStyle(const QPalette &palette, const QFont &font)
{
    Colors &c = m_colors;
    c.base = palette.color(QPalette::Base);
    c.window = palette.color(QPalette::Window);
    c.text = palette.color(QPalette::Text);
    c.axis = palette.color(QPalette::Mid);
    c.grid = palette.color(QPalette::Mid);
    c.grid.setAlpha(60);
    c.running = palette.color(QPalette::Highlight);
    c.sleeping = c.running;
    c.sleeping.setAlpha(70);
    c.worker = Theme::workerColor();
    c.awaiter = QColor(0x8e, 0x6c, 0xc4);
    c.finish = Theme::finishColor();
    c.exception = Theme::errorColor();
    c.cancel = Theme::cancelColor();
    m_font = font;
}

void TimelinePainter::invalidateAll()
{
    m_shapes.clear();
    m_shapesScale = 0;
}

void TimelinePainter::invalidateLane(int row)
{
    if (row >= 0 && std::size_t(row) < m_shapes.size())
        m_shapes[std::size_t(row)].reset();
}

QString TimelinePainter::settleLabel() const
{
    if (!m_model || !m_model->settleTime())
        return {};
    return m_model->gatherRaised() ? tr("gather raised %1").arg(m_model->raisedType())
                                   : tr("gather returned");
}

QFont TimelinePainter::settleLabelFont() const
{
    QFont bold = m_font;
    bold.setBold(true);
    return bold;
}

double TimelinePainter::settleLabelRoom() const
{
    const QString label = settleLabel();
    // Fitted, the label stands right of the settle line and never over the awaiter's bar.
    return label.isEmpty() ? 0 : QFontMetrics(settleLabelFont()).horizontalAdvance(label) + 16;
}

void TimelinePainter::paintContents(QPainter &painter, const TimelineGeometry &geometry,
                                    const std::vector<int> &listedRows, int first, int last,
                                    int scrollY) const
{
    paint(painter, geometry, {listedRows, first, last, scrollY}, 0, true);
}

void TimelinePainter::paint(QPainter &painter, const TimelineGeometry &geometry, const Rows &rows,
                            int labelWidth, bool cached) const
{
    if (!m_model || m_model->laneCount() == 0)
        return;
    const Colors &c = m_colors;
    painter.setRenderHint(QPainter::Antialiasing);
    const int top = geometry.axisHeight;
    const int bottom = geometry.rowY(rows.last, rows.scrollY) + geometry.laneHeight;
    const auto sourceRow = [&](int row) {
        return row == 0 ? 0 : rows.listed[std::size_t(row - 1)];
    };

    // Grid lines at the ticks, then the lanes, clipped below the axis.
    painter.save();
    painter.setClipRect(QRectF(labelWidth, top, geometry.width, 1e6));
    for (const ScenarioTime tick : geometry.ticks()) {
        const double x = labelWidth + geometry.mapTimeToX(tick);
        painter.setPen(c.grid);
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    // The scrolled rows pass under the pinned awaiter's.
    painter.save();
    painter.setClipRect(QRectF(labelWidth, geometry.scrolledTop(), geometry.width, 1e6));
    // (from the first row showing under the pinned one: the rows scrolled past are not drawn)
    const int firstScrolled =
        std::max({rows.first, 1, geometry.laneAtY(geometry.scrolledTop(), rows.scrollY)});
    for (int row = firstScrolled; row <= rows.last; ++row) {
        const int y = geometry.rowY(row, rows.scrollY);
        if (row % 2 == 1)
            painter.fillRect(QRectF(labelWidth, y, geometry.width, geometry.laneHeight), c.grid);
        paintLane(painter, geometry, sourceRow(row), y, labelWidth, cached);
    }
    painter.restore();
    if (rows.first == 0) {
        paintLane(painter, geometry, 0, top, labelWidth, cached);
        painter.setPen(c.axis);
        painter.drawLine(QPointF(labelWidth, geometry.scrolledTop() - 0.5),
                         QPointF(labelWidth + geometry.width, geometry.scrolledTop() - 0.5));
    }
    paintSettleLine(painter, geometry, labelWidth, top, bottom);
    if (m_nowLineShown)
        paintNowLine(painter, geometry, labelWidth, top, bottom);
    painter.restore();

    if (labelWidth > 0) {
        painter.setPen(c.text);
        for (int row = rows.first; row <= rows.last; ++row) {
            const TimelineLane &lane = m_model->lane(sourceRow(row));
            const int y = geometry.rowY(row, rows.scrollY);
            const QRect box(6 + lane.depth * 14, y, labelWidth - 12 - lane.depth * 14,
                            geometry.laneHeight);
            QFont font = m_font;
            font.setBold(row == 0);
            painter.setFont(font);
            painter.drawText(
                box, Qt::AlignVCenter | Qt::AlignLeft,
                painter.fontMetrics().elidedText(lane.label, Qt::ElideRight, box.width()));
        }
        painter.setFont(m_font);
    }
    paintAxis(painter, geometry, labelWidth, int(geometry.width));
}

void TimelinePainter::paintAxis(QPainter &painter, const TimelineGeometry &geometry, int x0,
                                int width) const
{
    const Colors &c = m_colors;
    const QRectF axis(x0, 0, width, geometry.axisHeight);
    painter.fillRect(axis, c.window);
    painter.setPen(c.axis);
    painter.drawLine(axis.bottomLeft(), axis.bottomRight());
    const auto step = geometry.tickStep();
    painter.setPen(c.text);
    for (const ScenarioTime tick : geometry.ticks()) {
        const double x = x0 + geometry.mapTimeToX(tick);
        painter.drawLine(QPointF(x, geometry.axisHeight - 6), QPointF(x, geometry.axisHeight));
        painter.drawText(QRectF(x + 3, 0, 90, geometry.axisHeight - 4),
                         Qt::AlignBottom | Qt::AlignLeft, TimelineGeometry::tickLabel(tick, step));
    }
}

std::vector<double> TimelinePainter::markerXs(const TimelineLane &lane, double microsPerPixel,
                                              double spacing)
{
    std::vector<double> xs;
    xs.reserve(lane.markers.size());
    for (std::size_t i = 0; i < lane.markers.size(); ++i) {
        const bool sameInstant = i > 0 && lane.markers[i].time == lane.markers[i - 1].time;
        xs.push_back(sameInstant ? xs.back() + spacing
                                 : double(lane.markers[i].time.count()) / microsPerPixel);
    }
    return xs;
}

TimelinePainter::LaneShapes TimelinePainter::buildShapes(const TimelineLane &lane,
                                                         double microsPerPixel, double spacing)
{
    const auto toX = [microsPerPixel](ScenarioTime time) {
        return double(time.count()) / microsPerPixel;
    };
    LaneShapes shapes;
    shapes.bars.reserve(lane.segments.size());
    for (const TimelineSegment &segment : lane.segments) {
        shapes.bars.push_back({segment.kind, toX(segment.start),
                               segment.end ? std::optional(toX(*segment.end)) : std::nullopt});
    }
    const std::vector<double> xs = markerXs(lane, microsPerPixel, spacing);
    shapes.markers.reserve(lane.markers.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        shapes.markers.emplace_back(xs[i], lane.markers[i].kind);
    return shapes;
}

const TimelinePainter::LaneShapes &TimelinePainter::cachedShapes(int row,
                                                                 double microsPerPixel) const
{
    if (m_shapesScale != microsPerPixel || m_shapes.size() != std::size_t(m_model->laneCount())) {
        m_shapes.assign(std::size_t(m_model->laneCount()), std::nullopt);
        m_shapesScale = microsPerPixel;
    }
    auto &shapes = m_shapes[std::size_t(row)];
    if (!shapes)
        shapes = buildShapes(m_model->lane(row), microsPerPixel, markerSpacing());
    return *shapes;
}

void TimelinePainter::paintLane(QPainter &painter, const TimelineGeometry &geometry, int row, int y,
                                int x0, bool cached) const
{
    const Colors &c = m_colors;
    // A picture at its own zoom builds its shapes apart: the view's stay cached.
    LaneShapes ownShapes;
    if (!cached)
        ownShapes = buildShapes(m_model->lane(row), geometry.microsPerPixel, markerSpacing());
    const LaneShapes &shapes = cached ? cachedShapes(row, geometry.microsPerPixel) : ownShapes;
    const bool isGather = m_model->lane(row).isGather;
    const double offset = x0 - double(geometry.start.count()) / geometry.microsPerPixel;
    const double nowX = double(m_now.count()) / geometry.microsPerPixel;
    const double barTop = y + geometry.laneHeight * 0.25;
    const double barHeight = geometry.laneHeight * 0.5;
    const double visibleLeft = x0 - 10;
    const double visibleRight = x0 + geometry.width + 10;
    for (const LaneShapes::Bar &shape : shapes.bars) {
        const double left = offset + shape.left;
        // an open bar grows to the current time
        const double right = offset + shape.right.value_or(std::max(nowX, shape.left));
        if (right < visibleLeft || left > visibleRight)
            continue;
        const QRectF bar(std::max(left, visibleLeft), barTop,
                         std::max(std::min(right, visibleRight) - std::max(left, visibleLeft), 1.5),
                         barHeight);
        if (shape.kind == TimelineSegment::Kind::Sleeping) {
            // Asleep: a light, hatched bar, so it reads apart from running in greyscale too.
            painter.fillRect(bar, c.sleeping);
            painter.fillRect(bar, QBrush(c.running, Qt::BDiagPattern));
        } else if (shape.kind == TimelineSegment::Kind::Computing) {
            paintWorkerBar(painter, bar);
        } else {
            painter.fillRect(bar, isGather ? c.awaiter : c.running);
        }
    }
    paintGhosts(painter, geometry, m_model->lane(row), y, x0);
    const double mid = y + geometry.laneHeight / 2.0;
    for (const auto &[markerX, kind] : shapes.markers) {
        const double x = offset + markerX;
        if (x < visibleLeft || x > visibleRight)
            continue;
        paintMarker(painter, kind, QPointF(x, mid));
    }
}

void TimelinePainter::paintWorkerBar(QPainter &painter, const QRectF &bar) const
{
    // Waiting on a worker thread: cross-hatched in a colour of its own, and said in words where
    // there is room, so that a class sees the work left the event loop.
    QColor fill = m_colors.worker;
    fill.setAlpha(90);
    painter.fillRect(bar, fill);
    painter.fillRect(bar, QBrush(m_colors.worker, Qt::DiagCrossPattern));
    const QString text = tr("worker thread");
    if (bar.width() < painter.fontMetrics().horizontalAdvance(text) + 8)
        return;
    painter.save();
    painter.setPen(m_colors.text);
    painter.drawText(bar.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter.restore();
}

void TimelinePainter::paintGhosts(QPainter &painter, const TimelineGeometry &geometry,
                                  const TimelineLane &lane, int y, int x0) const
{
    // What is planned and has not happened yet, outlined and never filled, so that a class can
    // predict what comes next: the rest of each sleep, and each `cancel_after` as a flag.
    const auto toX = [&](ScenarioTime time) { return x0 + geometry.mapTimeToX(time); };
    const double barTop = y + geometry.laneHeight * 0.25;
    const double barHeight = geometry.laneHeight * 0.5;
    QColor outline = m_colors.text;
    outline.setAlpha(130);
    painter.save();
    // Cosmetic: the raster engine dashes a cosmetic pen many times faster than a wide one, and
    // each visible lane has its ghost in every frame of a run.
    QPen dashed(outline, std::max(1.0, std::round(1.2 * m_scale)), Qt::DashLine);
    dashed.setCosmetic(true);
    painter.setPen(dashed);
    painter.setBrush(Qt::NoBrush);
    for (const TimelineGhost &ghost : lane.ghosts(m_now)) {
        const double x = toX(ghost.from);
        if (ghost.kind == TimelineGhost::Kind::Sleep) {
            painter.drawRect(QRectF(x, barTop, toX(ghost.to) - x, barHeight));
            continue;
        }
        // A flag on a pole: where the cancellation will come, if the task is still going.
        QColor cancel = m_colors.cancel;
        cancel.setAlpha(200);
        painter.save();
        painter.setPen(QPen(cancel, 1.5 * m_scale));
        const double poleTop = y + geometry.laneHeight * 0.1;
        painter.drawLine(QPointF(x, poleTop), QPointF(x, y + geometry.laneHeight * 0.9));
        QPolygonF flag;
        flag << QPointF(x, poleTop) << QPointF(x + 9 * m_scale, poleTop + 4 * m_scale)
             << QPointF(x, poleTop + 8 * m_scale);
        painter.setBrush(cancel);
        painter.drawPolygon(flag);
        painter.restore();
    }
    painter.restore();
}

void TimelinePainter::paintNowLine(QPainter &painter, const TimelineGeometry &geometry, int x0,
                                   int top, int bottom) const
{
    const double x = x0 + geometry.mapTimeToX(m_now);
    if (x < x0 || x > x0 + geometry.width)
        return;
    painter.save();
    painter.setPen(QPen(m_colors.running.darker(120), 2 * m_scale));
    painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    // The time in large type at the top of the line, where every eye in the room can find it.
    const QFont large = Theme::largeFont(m_font, 1.6);
    painter.setFont(large);
    const QString text =
        QStringLiteral("%1 s").arg(Gatherscope::scenarioTimeToSeconds(m_now), 0, 'f', 2);
    const QFontMetrics metrics(large);
    QRectF box(x + 4, top + 2, metrics.horizontalAdvance(text) + 10, metrics.height() + 2);
    if (box.right() > x0 + geometry.width) // near the right edge: on the line's left
        box.moveRight(x - 4);
    QColor back = m_colors.base;
    back.setAlpha(220);
    painter.setPen(Qt::NoPen);
    painter.setBrush(back);
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(m_colors.running.darker(140));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

void TimelinePainter::paintMarker(QPainter &painter, TimelineMarker::Kind kind, QPointF at) const
{
    const Colors &c = m_colors;
    const double r = markerRadius();
    painter.save();
    switch (kind) {
    case TimelineMarker::Kind::Start: {
        QPainterPath triangle;
        triangle.moveTo(at.x() - r * 0.6, at.y() - r);
        triangle.lineTo(at.x() + r, at.y());
        triangle.lineTo(at.x() - r * 0.6, at.y() + r);
        triangle.closeSubpath();
        painter.fillPath(triangle, c.text);
        break;
    }
    case TimelineMarker::Kind::Wake:
        painter.setPen(QPen(c.text, 1.5));
        painter.setBrush(c.base);
        painter.drawEllipse(at, r * 0.6, r * 0.6);
        break;
    case TimelineMarker::Kind::Print:
        painter.setPen(QPen(c.text, 1.2));
        painter.drawLine(at + QPointF(0, -r * 1.2), at + QPointF(0, -r * 0.4));
        break;
    case TimelineMarker::Kind::Finish:
    case TimelineMarker::Kind::GatherReturn:
        painter.setPen(QPen(c.base, 1.2));
        painter.setBrush(c.finish);
        painter.drawEllipse(at, r, r);
        break;
    case TimelineMarker::Kind::Exception:
    case TimelineMarker::Kind::GatherRaise:
        // A cross: exceptions differ from cancellations by shape as well as by colour.
        painter.setPen(QPen(c.exception, 3, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at + QPointF(-r, -r), at + QPointF(r, r));
        painter.drawLine(at + QPointF(-r, r), at + QPointF(r, -r));
        break;
    case TimelineMarker::Kind::Cancel:
        painter.setPen(QPen(c.cancel.darker(130), 1.5));
        painter.setBrush(c.cancel);
        painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        painter.setPen(QPen(c.base, 1.5));
        painter.drawLine(at + QPointF(-r + 2, r - 2), at + QPointF(r - 2, -r + 2));
        break;
    }
    painter.restore();
}

void TimelinePainter::paintSettleLine(QPainter &painter, const TimelineGeometry &geometry, int x0,
                                      int top, int bottom) const
{
    if (!m_model || !m_model->settleTime())
        return;
    const Colors &c = m_colors;
    const double x = x0 + geometry.mapTimeToX(*m_model->settleTime());
    const bool raised = m_model->gatherRaised();
    QPen pen(raised ? c.exception : c.finish, 2, raised ? Qt::DashLine : Qt::SolidLine);
    painter.setPen(pen);
    painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    const QString text = settleLabel();
    painter.setPen(raised ? c.exception : c.finish);
    painter.setFont(settleLabelFont());
    // Beside the line, on whichever side has room for the words, on a backdrop of its own so
    // that it reads over the awaiter's bar too.
    const QFontMetrics metrics = painter.fontMetrics();
    const int textWidth = metrics.horizontalAdvance(text);
    const bool fitsRight = x + 5 + textWidth <= x0 + geometry.width;
    const QPointF baseline(fitsRight ? x + 5 : x - 5 - textWidth, top + 13);
    const QRectF backdrop(baseline.x() - 3, baseline.y() - metrics.ascent() - 1, textWidth + 6,
                          metrics.height() + 2);
    painter.fillRect(backdrop, c.base);
    painter.drawText(baseline, text);
    painter.setFont(m_font);
}

void TimelinePainter::paintLegend(QPainter &painter, const QRect &area) const
{
    const Colors &c = m_colors;
    struct Item {
        TimelineMarker::Kind kind;
        QString text;
    };
    const Item items[] = {{TimelineMarker::Kind::Start, tr("start")},
                          {TimelineMarker::Kind::Print, tr("print")},
                          {TimelineMarker::Kind::Wake, tr("wake")},
                          {TimelineMarker::Kind::Finish, tr("value")},
                          {TimelineMarker::Kind::Exception, tr("exception")},
                          {TimelineMarker::Kind::Cancel, tr("cancelled")}};
    double x = area.left() + 10;
    const double y = area.center().y();
    painter.setPen(c.text);
    for (const Item &item : items) {
        paintMarker(painter, item.kind, QPointF(x, y));
        painter.setPen(c.text);
        painter.drawText(QPointF(x + 10, y + 4), item.text);
        x += 22 + painter.fontMetrics().horizontalAdvance(item.text);
    }
    painter.fillRect(QRectF(x, y - 5, 24, 10), c.running);
    painter.drawText(QPointF(x + 30, y + 4), tr("running"));
    x += 40 + painter.fontMetrics().horizontalAdvance(tr("running"));
    painter.fillRect(QRectF(x, y - 5, 24, 10), c.sleeping);
    painter.fillRect(QRectF(x, y - 5, 24, 10), QBrush(c.running, Qt::BDiagPattern));
    painter.drawText(QPointF(x + 30, y + 4), tr("asleep"));
    x += 40 + painter.fontMetrics().horizontalAdvance(tr("asleep"));
    paintWorkerBar(painter, QRectF(x, y - 5, 24, 10)); // too narrow for its words
    painter.drawText(QPointF(x + 30, y + 4), tr("on a worker thread"));
    x += 40 + painter.fontMetrics().horizontalAdvance(tr("on a worker thread"));
    painter.fillRect(QRectF(x, y - 5, 24, 10), c.awaiter);
    painter.drawText(QPointF(x + 30, y + 4), tr("awaiter waiting"));
    x += 40 + painter.fontMetrics().horizontalAdvance(tr("awaiter waiting"));
    // The line across every lane where the top-level gather settled, drawn as it is there.
    const auto settleLine = [&](bool raised, const QString &text) {
        painter.setPen(
            QPen(raised ? c.exception : c.finish, 2, raised ? Qt::DashLine : Qt::SolidLine));
        painter.drawLine(QPointF(x + 4, y - 9), QPointF(x + 4, y + 9));
        painter.setPen(c.text);
        painter.drawText(QPointF(x + 12, y + 4), text);
        x += 28 + painter.fontMetrics().horizontalAdvance(text);
    };
    settleLine(false, tr("gather returned"));
    settleLine(true, tr("gather raised"));
}

QSize TimelinePainter::pictureSize(const TimelineGeometry &geometry) const
{
    const int lanes = m_model ? m_model->laneCount() : 0;
    return {1600, geometry.axisHeight + lanes * geometry.laneHeight + legendHeight + 8};
}

TimelineGeometry TimelinePainter::pictureGeometry(const QRect &target, TimelineGeometry geometry,
                                                  ScenarioTime end) const
{
    geometry.width = target.width() - labelGutter - 10;
    geometry.fit(ScenarioTime(0), end, settleLabelRoom());
    return geometry;
}

int TimelinePainter::cachedLaneCount() const
{
    return int(std::count_if(m_shapes.begin(), m_shapes.end(),
                             [](const auto &shapes) { return shapes.has_value(); }));
}

void TimelinePainter::paintPicture(QPainter &painter, const QRect &target,
                                   TimelineGeometry geometry, ScenarioTime end) const
{
    painter.save();
    painter.translate(target.topLeft());
    painter.fillRect(QRect(QPoint(0, 0), target.size()), m_colors.base);
    if (m_model && m_model->laneCount() > 0) {
        geometry = pictureGeometry(target, geometry, end);
        // Every lane in its place, none pinned or hidden: a picture does not scroll.
        const int last = m_model->laneCount() - 1;
        std::vector<int> listed(static_cast<std::size_t>(last));
        std::iota(listed.begin(), listed.end(), 1);
        painter.setClipRect(QRect(QPoint(0, 0), target.size()));
        paint(painter, geometry, {listed, 0, last, 0}, labelGutter, false);
        const int legendTop = geometry.axisHeight + (last + 1) * geometry.laneHeight + 4;
        paintLegend(painter,
                    QRect(labelGutter, legendTop, target.width() - labelGutter, legendHeight));
    }
    painter.restore();
}
