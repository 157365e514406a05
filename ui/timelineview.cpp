// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelineview.h"

#include "shortcuts.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using Gatherscope::ScenarioTime;
using Gatherscope::scenarioTimeToSeconds;

namespace {

constexpr int labelGutter = 230; // lane names in exported pictures
constexpr int legendHeight = 34;
constexpr double markerRadius = 5.5;

} // namespace

struct TimelineView::Colors {
    QColor base, text, axis, grid, running, sleeping, awaiter, finish, exception, cancel, hover;
};

TimelineView::Colors TimelineView::colors() const
{
    const QPalette p = palette();
    Colors c;
    c.base = p.color(QPalette::Base);
    c.text = p.color(QPalette::Text);
    c.axis = p.color(QPalette::Mid);
    c.grid = p.color(QPalette::Mid);
    c.grid.setAlpha(60);
    c.running = p.color(QPalette::Highlight);
    c.sleeping = c.running;
    c.sleeping.setAlpha(70);
    c.awaiter = QColor(0x8e, 0x6c, 0xc4);
    c.finish = QColor(0x2e, 0x7d, 0x32);
    c.exception = Theme::errorColor();
    c.cancel = Theme::cancelColor();
    c.hover = p.color(QPalette::Text);
    c.hover.setAlpha(40);
    return c;
}

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame); // level with the lane names beside it
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(m_geometry.laneHeight);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::geometryChanged);
    setToolTip(QString()); // tooltips come per event, from viewportEvent()
    setWhatsThis(Shortcuts::timelineHelp());
}

void TimelineView::setModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_selected.reset();
    m_hover.reset();
    m_range.reset();
    if (model) {
        connect(model, &TimelineModel::timelineChanged, this, [this] {
            updateScrollBars();
            if (!m_userZoomed)
                fitAll();
            viewport()->update();
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_selected.reset();
            m_hover.reset();
            m_range.reset();
            m_userZoomed = false;
            invalidateShapes();
        });
        // a live event changes one lane: only its shapes go stale
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                        if (std::size_t(row) < m_shapes.size())
                            m_shapes[std::size_t(row)].reset();
                    }
                });
    }
    invalidateShapes();
    updateScrollBars();
    fitAll();
}

void TimelineView::setCurrentTime(ScenarioTime time)
{
    m_now = time;
    if (!m_userZoomed)
        fitAll();
    viewport()->update();
}

void TimelineView::fitAll()
{
    m_geometry.fit(ScenarioTime(0), fitEnd(), settleLabelRoom());
    m_userZoomed = false;
    geometryUpdated();
}

QString TimelineView::settleLabel() const
{
    if (!m_model || !m_model->settleTime())
        return {};
    return m_model->gatherRaised() ? tr("gather raised %1").arg(m_model->raisedType())
                                   : tr("gather returned");
}

QFont TimelineView::settleLabelFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

double TimelineView::settleLabelRoom() const
{
    const QString label = settleLabel();
    // Fitted, the label stands right of the settle line and never over the awaiter's bar.
    return label.isEmpty() ? 0 : QFontMetrics(settleLabelFont()).horizontalAdvance(label) + 16;
}

ScenarioTime TimelineView::fitEnd() const
{
    // The horizon, not the latest event: during a live run the bars then grow towards a fixed
    // end instead of the axis shrinking under them.
    return std::max({m_model ? m_model->horizon() : ScenarioTime(0), m_now,
                     Gatherscope::secondsToScenarioTime(1)});
}

int TimelineView::firstVisibleLane() const
{
    return verticalScrollBar()->value() / m_geometry.laneHeight;
}

void TimelineView::scrollToLane(int lane)
{
    const int top = lane * m_geometry.laneHeight;
    const int visible = viewport()->height() - m_geometry.axisHeight;
    if (top < verticalScrollBar()->value())
        verticalScrollBar()->setValue(top);
    else if (top + m_geometry.laneHeight > verticalScrollBar()->value() + visible)
        verticalScrollBar()->setValue(top + m_geometry.laneHeight - visible);
}

void TimelineView::updateScrollBars()
{
    const int lanes = m_model ? m_model->laneCount() : 0;
    const int visible = viewport()->height() - m_geometry.axisHeight;
    verticalScrollBar()->setRange(0, std::max(0, lanes * m_geometry.laneHeight - visible));
    verticalScrollBar()->setPageStep(std::max(visible, m_geometry.laneHeight));
}

void TimelineView::geometryUpdated()
{
    if (m_userZoomed) { // zoom and pan stay within the run, as fitting everything shows it
        TimelineGeometry everything = m_geometry;
        everything.fit(ScenarioTime(0), fitEnd(), settleLabelRoom());
        m_geometry.constrainTo(everything);
    }
    viewport()->update();
    Q_EMIT geometryChanged();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    m_geometry.width = viewport()->width();
    updateScrollBars();
    if (!m_userZoomed)
        fitAll();
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect dirty = event->rect();
    painter.fillRect(dirty, palette().color(QPalette::Base));
    if (!m_model)
        return;
    // Only the lanes the dirty rect touches: a hover repaints one or two of them.
    const int scrollY = verticalScrollBar()->value();
    const int first =
        std::max(0, m_geometry.laneAtY(std::max(dirty.top(), m_geometry.axisHeight), scrollY));
    const int last =
        std::min(m_model->laneCount() - 1, m_geometry.laneAtY(dirty.bottom() + 1, scrollY));
    paintContents(painter, m_geometry, first, last, scrollY, 0);

    // The overlay: hover and selection rings, and the measured range.
    const auto ringAt = [&](const Hit &hit, const QColor &color, double width) {
        const double x = m_geometry.mapTimeToX(hit.marker.time);
        const double y = m_geometry.axisHeight + hit.lane * m_geometry.laneHeight - scrollY +
                         m_geometry.laneHeight / 2.0;
        painter.setPen(QPen(color, width));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(x, y), markerRadius + 4, markerRadius + 4);
    };
    if (m_hover)
        ringAt(*m_hover, palette().color(QPalette::Text), 1);
    if (m_selected)
        ringAt(*m_selected, palette().color(QPalette::Highlight), 2.5);
    if (m_range) {
        const double left = m_geometry.mapTimeToX(m_range->first);
        const double right = m_geometry.mapTimeToX(m_range->second);
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(45);
        painter.fillRect(QRectF(left, m_geometry.axisHeight, right - left, viewport()->height()),
                         band);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(std::max(left, 0.0) + 4, m_geometry.axisHeight + 14),
                         TimelineGeometry::durationText(m_range->second - m_range->first));
    }
}

void TimelineView::paintContents(QPainter &painter, const TimelineGeometry &geometry, int firstLane,
                                 int lastLane, int scrollY, int labelWidth) const
{
    const Colors c = colors();
    painter.setRenderHint(QPainter::Antialiasing);
    const int top = geometry.axisHeight;
    const int bottom = top + (lastLane + 1) * geometry.laneHeight - scrollY;

    // Grid lines at the ticks, then the lanes, clipped below the axis.
    painter.save();
    painter.setClipRect(QRectF(labelWidth, top, geometry.width, 1e6));
    const auto step = geometry.tickStep();
    for (const ScenarioTime tick : geometry.ticks()) {
        const double x = labelWidth + geometry.mapTimeToX(tick);
        painter.setPen(c.grid);
        painter.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    Q_UNUSED(step);
    for (int row = firstLane; row <= lastLane; ++row) {
        const int y = top + row * geometry.laneHeight - scrollY;
        if (row % 2 == 1)
            painter.fillRect(QRectF(labelWidth, y, geometry.width, geometry.laneHeight), c.grid);
        paintLane(painter, geometry, row, y, labelWidth, c);
    }
    paintSettleLine(painter, geometry, labelWidth, top, bottom, c);
    painter.restore();

    if (labelWidth > 0) {
        painter.setPen(c.text);
        for (int row = firstLane; row <= lastLane; ++row) {
            const TimelineLane &lane = m_model->lane(row);
            const int y = top + row * geometry.laneHeight - scrollY;
            const QRect box(6 + lane.depth * 14, y, labelWidth - 12 - lane.depth * 14,
                            geometry.laneHeight);
            QFont font = painter.font();
            font.setBold(row == 0);
            painter.setFont(font);
            painter.drawText(
                box, Qt::AlignVCenter | Qt::AlignLeft,
                painter.fontMetrics().elidedText(lane.label, Qt::ElideRight, box.width()));
        }
        painter.setFont(QFont());
    }
    paintAxis(painter, geometry, labelWidth, int(geometry.width));
}

void TimelineView::paintAxis(QPainter &painter, const TimelineGeometry &geometry, int x0,
                             int width) const
{
    const Colors c = colors();
    const QRectF axis(x0, 0, width, geometry.axisHeight);
    painter.fillRect(axis, palette().color(QPalette::Window));
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

TimelineView::LaneShapes TimelineView::buildShapes(const TimelineLane &lane, double microsPerPixel)
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
    shapes.markers.reserve(lane.markers.size());
    for (const TimelineMarker &marker : lane.markers)
        shapes.markers.emplace_back(toX(marker.time), marker.kind);
    return shapes;
}

void TimelineView::invalidateShapes()
{
    m_shapes.clear();
    m_shapesScale = 0;
}

const TimelineView::LaneShapes &TimelineView::laneShapes(int row, double microsPerPixel,
                                                         LaneShapes &scratch) const
{
    if (microsPerPixel != m_geometry.microsPerPixel) { // an export at its own zoom
        scratch = buildShapes(m_model->lane(row), microsPerPixel);
        return scratch;
    }
    if (m_shapesScale != microsPerPixel || m_shapes.size() != std::size_t(m_model->laneCount())) {
        m_shapes.assign(std::size_t(m_model->laneCount()), std::nullopt);
        m_shapesScale = microsPerPixel;
    }
    auto &cached = m_shapes[std::size_t(row)];
    if (!cached)
        cached = buildShapes(m_model->lane(row), microsPerPixel);
    return *cached;
}

void TimelineView::paintLane(QPainter &painter, const TimelineGeometry &geometry, int row, int y,
                             int x0, const Colors &c) const
{
    LaneShapes scratch;
    const LaneShapes &shapes = laneShapes(row, geometry.microsPerPixel, scratch);
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
        } else {
            painter.fillRect(bar, isGather ? c.awaiter : c.running);
        }
    }
    const double mid = y + geometry.laneHeight / 2.0;
    for (const auto &[markerX, kind] : shapes.markers) {
        const double x = offset + markerX;
        if (x < visibleLeft || x > visibleRight)
            continue;
        paintMarker(painter, kind, QPointF(x, mid), c);
    }
}

void TimelineView::paintMarker(QPainter &painter, TimelineMarker::Kind kind, QPointF at,
                               const Colors &c)
{
    const double r = markerRadius;
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

void TimelineView::paintSettleLine(QPainter &painter, const TimelineGeometry &geometry, int x0,
                                   int top, int bottom, const Colors &c) const
{
    if (!m_model || !m_model->settleTime())
        return;
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
    painter.setFont(QFont());
}

void TimelineView::paintLegend(QPainter &painter, const QRect &area, const Colors &c) const
{
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
        paintMarker(painter, item.kind, QPointF(x, y), c);
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
    painter.fillRect(QRectF(x, y - 5, 24, 10), c.awaiter);
    painter.drawText(QPointF(x + 30, y + 4), tr("a gather's awaiter waiting"));
}

void TimelineView::paintLegend(QPainter &painter, const QRect &area) const
{
    paintLegend(painter, area, colors());
}

QSize TimelineView::exportSize() const
{
    const int lanes = m_model ? m_model->laneCount() : 0;
    return {1600, m_geometry.axisHeight + lanes * m_geometry.laneHeight + legendHeight + 8};
}

void TimelineView::render(QPainter *painter, const QRect &target, bool allLanes)
{
    painter->save();
    painter->translate(target.topLeft());
    painter->fillRect(QRect(QPoint(0, 0), target.size()), palette().color(QPalette::Base));
    if (m_model && m_model->laneCount() > 0) {
        TimelineGeometry geometry = m_geometry;
        const int labelWidth = allLanes ? labelGutter : 0;
        geometry.width = target.width() - labelWidth - 10;
        if (allLanes)
            geometry.fit(ScenarioTime(0), fitEnd(), settleLabelRoom());
        const int first = allLanes ? 0 : firstVisibleLane();
        const int scrollY = allLanes ? 0 : verticalScrollBar()->value();
        const int last = allLanes ? m_model->laneCount() - 1
                                  : std::min(m_model->laneCount() - 1,
                                             (scrollY + target.height()) / geometry.laneHeight);
        painter->setClipRect(QRect(QPoint(0, 0), target.size()));
        paintContents(*painter, geometry, first, last, scrollY, labelWidth);
        if (allLanes) {
            const int legendTop = geometry.axisHeight + (last + 1) * geometry.laneHeight + 4;
            paintLegend(*painter,
                        QRect(labelWidth, legendTop, target.width() - labelWidth, legendHeight),
                        colors());
        }
    }
    painter->restore();
}

std::optional<TimelineView::Hit> TimelineView::hitTest(QPoint position) const
{
    if (!m_model)
        return std::nullopt;
    const int row = m_geometry.laneAtY(position.y(), verticalScrollBar()->value());
    if (row < 0 || row >= m_model->laneCount())
        return std::nullopt;
    const TimelineLane &lane = m_model->lane(row);
    std::optional<Hit> best;
    double bestDistance = markerRadius + 3;
    for (const TimelineMarker &marker : lane.markers) {
        const double distance = std::abs(m_geometry.mapTimeToX(marker.time) - position.x());
        if (distance <= bestDistance) { // later markers win ties: the end of a task
            bestDistance = distance;
            best = Hit{row, marker};
        }
    }
    return best;
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto hit = hitTest(help->pos())) {
            QToolTip::showText(help->globalPos(),
                               tr("%1 s — %2\n%3")
                                   .arg(scenarioTimeToSeconds(hit->marker.time))
                                   .arg(m_model->lane(hit->lane).label, hit->marker.text),
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::select(const Hit &hit)
{
    m_selected = hit;
    scrollToLane(hit.lane);
    const double x = m_geometry.mapTimeToX(hit.marker.time);
    if (x < 0 || x > m_geometry.width)
        m_geometry.pan(x - m_geometry.width / 2);
    viewport()->update();
    Q_EMIT eventSelected(hit.marker.eventIndex);
}

void TimelineView::selectAdjacentEvent(int direction)
{
    if (!m_model)
        return;
    // Every marker in (time, lane) order; step from the selected one.
    std::vector<Hit> all;
    for (int row = 0; row < m_model->laneCount(); ++row) {
        for (const auto &marker : m_model->lane(row).markers)
            all.push_back({row, marker});
    }
    if (all.empty())
        return;
    std::stable_sort(all.begin(), all.end(), [](const Hit &a, const Hit &b) {
        return a.marker.eventIndex < b.marker.eventIndex;
    });
    const auto current = std::find_if(all.begin(), all.end(), [this](const Hit &hit) {
        return m_selected && hit.marker.eventIndex == m_selected->marker.eventIndex &&
               hit.marker.kind == m_selected->marker.kind;
    });
    std::ptrdiff_t index = current == all.end()
                               ? (direction > 0 ? 0 : std::ptrdiff_t(all.size()) - 1)
                               : (current - all.begin()) + direction;
    index = std::clamp<std::ptrdiff_t>(index, 0, std::ptrdiff_t(all.size()) - 1);
    select(all[std::size_t(index)]);
}

void TimelineView::zoomAt(double factor, double x)
{
    m_geometry.zoom(factor, x);
    m_userZoomed = true;
    geometryUpdated();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    const double anchor = viewport()->rect().contains(cursor) ? cursor.x() : m_geometry.width / 2;
    using Shortcuts::Id;
    const std::optional<Id> shortcut = Shortcuts::timelineKey(event);
    if (shortcut == Id::ZoomIn) {
        zoomAt(1.5, anchor);
    } else if (shortcut == Id::ZoomOut) {
        zoomAt(1 / 1.5, anchor);
    } else if (shortcut == Id::PanLeft || shortcut == Id::PanRight) {
        m_geometry.pan(m_geometry.width * (shortcut == Id::PanLeft ? -0.15 : 0.15));
        m_userZoomed = true;
        geometryUpdated();
    } else if (shortcut == Id::Fit) {
        if (m_range) {
            m_geometry.fit(m_range->first, m_range->second);
            m_userZoomed = true;
            geometryUpdated();
        } else {
            fitAll();
        }
    } else if (shortcut == Id::NextEvent) {
        selectAdjacentEvent(+1);
    } else if (shortcut == Id::PreviousEvent) {
        selectAdjacentEvent(-1);
    } else if (shortcut == Id::TimelineHelp) {
        QToolTip::showText(mapToGlobal(QPoint(20, 20)), Shortcuts::timelineHelp(), this);
        Q_EMIT shortcutsRequested();
    } else if (event->key() == Qt::Key_Escape && (m_range || m_selected)) {
        m_range.reset();
        m_selected.reset();
        viewport()->update();
    } else {
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        zoomAt(std::pow(1.25, steps), event->position().x());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    setFocus();
    m_dragFrom = event->position().toPoint();
    m_selectingRange = event->modifiers() & Qt::ShiftModifier;
    if (m_selectingRange) {
        const ScenarioTime t = m_geometry.mapXToTime(event->position().x());
        m_range = std::make_pair(t, t);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        if (m_selectingRange) {
            const ScenarioTime from = m_geometry.mapXToTime(m_dragFrom->x());
            const ScenarioTime to = m_geometry.mapXToTime(position.x());
            m_range = std::minmax(from, to);
        } else {
            m_geometry.pan(m_dragFrom->x() - position.x());
            verticalScrollBar()->setValue(verticalScrollBar()->value() + m_dragFrom->y() -
                                          position.y());
            m_dragFrom = position;
            m_userZoomed = true;
            geometryUpdated();
        }
        viewport()->update();
        return;
    }
    const auto hover = hitTest(position);
    const bool changed =
        hover.has_value() != m_hover.has_value() ||
        (hover && m_hover && hover->marker.eventIndex != m_hover->marker.eventIndex);
    if (changed) { // the hover ring is the only thing that changed
        if (m_hover)
            viewport()->update(ringRect(*m_hover));
        if (hover)
            viewport()->update(ringRect(*hover));
    }
    m_hover = hover;
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragFrom)
        return;
    const bool click = (event->position().toPoint() - *m_dragFrom).manhattanLength() < 4;
    if (m_selectingRange && click)
        m_range.reset();
    if (!m_selectingRange && click) {
        if (const auto hit = hitTest(event->position().toPoint()))
            select(*hit);
    }
    m_dragFrom.reset();
    m_selectingRange = false;
    viewport()->update();
}

QRect TimelineView::ringRect(const Hit &hit) const
{
    const int x = int(m_geometry.mapTimeToX(hit.marker.time));
    const int y = m_geometry.axisHeight + hit.lane * m_geometry.laneHeight -
                  verticalScrollBar()->value() + m_geometry.laneHeight / 2;
    const int r = int(markerRadius) + 8;
    return {x - r, y - r, 2 * r, 2 * r};
}

void TimelineView::leaveEvent(QEvent *event)
{
    if (m_hover)
        viewport()->update(ringRect(*m_hover));
    m_hover.reset();
    QAbstractScrollArea::leaveEvent(event);
}
