// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "timelineview.h"

#include "lanefiltermodel.h"
#include "shortcuts.h"
#include "theme.h"
#include "timelinemodel.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using Gatherscope::ScenarioTime;
using Gatherscope::scenarioTimeToSeconds;

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_lanes(new LaneFilterModel(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame); // level with the lane names beside it
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(m_zoom.geometry().laneHeight);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::geometryChanged);
    connect(&m_zoom, &TimelineZoom::changed, this, [this] {
        viewport()->update();
        Q_EMIT geometryChanged();
    });
    m_painter.setStyle(palette(), font());
    setToolTip(QString()); // tooltips come per event, from viewportEvent()
    setWhatsThis(Shortcuts::timelineHelp());
    connect(m_lanes, &LaneFilterModel::rowsChanged, this, [this] {
        // the rows moved: the hover and selection rings stand elsewhere now
        m_hover.reset();
        updateScrollBars();
        viewport()->update();
    });
}

void TimelineView::setModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_painter.setModel(model);
    m_lanes->setSourceModel(model);
    m_selected.reset();
    m_hover.reset();
    m_range.reset();
    if (model) {
        connect(model, &TimelineModel::timelineChanged, this, [this] {
            updateScrollBars();
            updateExtent();
            viewport()->update();
        });
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_selected.reset();
            m_hover.reset();
            m_range.reset();
            m_painter.invalidateAll();
            m_zoom.fitAll();
        });
        // a live event changes one lane: only its shapes go stale
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                        m_painter.invalidateLane(row);
                });
    }
    updateScrollBars();
    updateExtent();
    fitAll();
    Q_EMIT modelChanged();
}

void TimelineView::setCurrentTime(ScenarioTime time)
{
    m_painter.setNow(time);
    updateExtent();
    viewport()->update();
    Q_EMIT nowChanged();
}

void TimelineView::setLive(bool live)
{
    m_live = live;
    m_painter.setNowLineShown(live);
    viewport()->update();
    Q_EMIT nowChanged();
}

void TimelineView::setPaused(bool paused)
{
    m_paused = paused;
    viewport()->update();
}

void TimelineView::fitAll()
{
    m_zoom.fitAll();
}

void TimelineView::updateExtent()
{
    m_zoom.setExtent(fitEnd(), m_painter.settleLabelRoom());
}

ScenarioTime TimelineView::fitEnd() const
{
    // The horizon, not the latest event: during a live run the bars then grow towards a fixed
    // end instead of the axis shrinking under them.
    return std::max({m_model ? m_model->horizon() : ScenarioTime(0), m_painter.now(),
                     Gatherscope::secondsToScenarioTime(1)});
}

int TimelineView::rowCount() const
{
    return m_model && m_model->laneCount() > 0 ? 1 + int(m_lanes->sourceRows().size()) : 0;
}

int TimelineView::rowOfLane(int lane) const
{
    if (lane == 0)
        return 0;
    const auto &rows = m_lanes->sourceRows();
    // listed rows keep the model's order: a binary search finds one
    const auto found = std::lower_bound(rows.begin(), rows.end(), lane);
    return found != rows.end() && *found == lane ? int(found - rows.begin()) + 1 : -1;
}

int TimelineView::laneOfRow(int row) const
{
    if (row <= 0)
        return row;
    const auto &rows = m_lanes->sourceRows();
    return std::size_t(row) <= rows.size() ? rows[std::size_t(row - 1)] : -1;
}

void TimelineView::scrollToLane(int lane)
{
    const int row = rowOfLane(lane);
    if (row <= 0)
        return; // pinned, or not listed
    const TimelineGeometry &geometry = m_zoom.geometry();
    // Row r is drawn at axis + r × height − scroll, and must sit between the pinned row and
    // the bottom of the viewport.
    const int highest = (row - 1) * geometry.laneHeight;
    const int lowest = geometry.axisHeight + (row + 1) * geometry.laneHeight - viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    if (bar->value() > highest)
        bar->setValue(highest);
    else if (bar->value() < lowest)
        bar->setValue(lowest);
}

void TimelineView::updateScrollBars()
{
    const TimelineGeometry &geometry = m_zoom.geometry();
    const int scrolled = std::max(0, rowCount() - 1);
    const int visible = viewport()->height() - geometry.scrolledTop();
    verticalScrollBar()->setRange(0, std::max(0, scrolled * geometry.laneHeight - visible));
    verticalScrollBar()->setPageStep(std::max(visible, geometry.laneHeight));
}

void TimelineView::setScale(double scale)
{
    m_scale = scale;
    applyRowHeights();
}

void TimelineView::setCompact(bool compact)
{
    m_compact = compact;
    applyRowHeights();
}

void TimelineView::applyRowHeights()
{
    const double lane = m_compact ? 0.5 : 1.0;
    m_painter.setScale(m_compact ? m_scale * 0.6 : m_scale);
    m_painter.invalidateAll();
    m_zoom.setRowHeights(int(std::lround(baseLaneHeight * m_scale * lane)),
                         int(std::lround(baseAxisHeight * m_scale)));
    verticalScrollBar()->setSingleStep(m_zoom.geometry().laneHeight);
    updateScrollBars();
    viewport()->update();
    Q_EMIT rowHeightsChanged();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    m_zoom.setWidth(viewport()->width());
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_painter.setStyle(palette(), font());
        viewport()->update();
    }
    QAbstractScrollArea::changeEvent(event);
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect dirty = event->rect();
    painter.fillRect(dirty, palette().color(QPalette::Base));
    if (!m_model)
        return;
    const TimelineGeometry &geometry = m_zoom.geometry();
    // Only the lanes the dirty rect touches: a hover repaints one or two of them.
    const int scrollY = verticalScrollBar()->value();
    const int first =
        std::max(0, geometry.laneAtY(std::max(dirty.top(), geometry.axisHeight), scrollY));
    const int last = std::min(rowCount() - 1, geometry.laneAtY(dirty.bottom() + 1, scrollY));
    if (last >= 0)
        m_painter.paintContents(painter, geometry, m_lanes->sourceRows(), first, last, scrollY);

    // The overlay: hover and selection rings, and the measured range.
    const auto ringAt = [&](const Hit &hit, const QColor &color, double width) {
        const int row = rowOfLane(hit.lane);
        if (row < 0)
            return; // inside a collapsed gather, or filtered out
        const double x = markerX(hit);
        const double y = geometry.rowY(row, scrollY) + geometry.laneHeight / 2.0;
        if (row > 0 && y < geometry.scrolledTop())
            return; // scrolled under the pinned row
        painter.setPen(QPen(color, width));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(x, y), m_painter.markerRadius() + 4,
                            m_painter.markerRadius() + 4);
    };
    if (m_hover)
        ringAt(*m_hover, palette().color(QPalette::Text), 1);
    if (m_selected)
        ringAt(*m_selected, palette().color(QPalette::Highlight), 2.5);
    if (m_range) {
        const double left = geometry.mapTimeToX(m_range->first);
        const double right = geometry.mapTimeToX(m_range->second);
        QColor band = palette().color(QPalette::Highlight);
        band.setAlpha(45);
        painter.fillRect(QRectF(left, geometry.axisHeight, right - left, viewport()->height()),
                         band);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPointF(std::max(left, 0.0) + 4, geometry.axisHeight + 14),
                         TimelineGeometry::durationText(m_range->second - m_range->first));
    }
    if (m_paused)
        paintPausedOverlay(painter);
}

void TimelineView::paintPausedOverlay(QPainter &painter) const
{
    // Large and half-transparent: the class sees at once that time stands still, and the
    // lanes still read through it.
    const QFont large = Theme::largeFont(font(), 4);
    painter.setFont(large);
    QColor ink = palette().color(QPalette::Text);
    ink.setAlpha(90);
    painter.setPen(ink);
    const QRect area = viewport()->rect().adjusted(0, m_zoom.geometry().axisHeight, 0, 0);
    painter.drawText(area, Qt::AlignCenter, tr("PAUSED"));
    QFont hint = font();
    painter.setFont(hint);
    painter.drawText(area.adjusted(0, QFontMetrics(large).height(), 0, 0), Qt::AlignCenter,
                     tr("Space resumes, F10 steps"));
}

QSize TimelineView::pictureSize() const
{
    return m_painter.pictureSize(m_zoom.geometry());
}

void TimelineView::paintPicture(QPainter &painter, const QRect &target) const
{
    m_painter.paintPicture(painter, target, m_zoom.geometry(), fitEnd());
}

std::optional<TimelineView::Hit> TimelineView::hitTest(QPoint position) const
{
    if (!m_model)
        return std::nullopt;
    const int row =
        laneOfRow(m_zoom.geometry().laneAtY(position.y(), verticalScrollBar()->value()));
    if (row < 0 || row >= m_model->laneCount())
        return std::nullopt;
    const TimelineLane &lane = m_model->lane(row);
    const TimelineGeometry &geometry = m_zoom.geometry();
    const std::vector<double> xs =
        TimelinePainter::markerXs(lane, geometry.microsPerPixel, m_painter.markerSpacing());
    const double shift = double(geometry.start.count()) / geometry.microsPerPixel;
    std::optional<Hit> best;
    double bestDistance = m_painter.markerRadius() + 3;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double distance = std::abs(xs[i] - shift - position.x());
        if (distance <= bestDistance) { // later markers win ties: the end of a task
            bestDistance = distance;
            best = Hit{row, lane.markers[i], i};
        }
    }
    return best;
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto hit = hitTest(help->pos())) {
            QToolTip::showText(
                help->globalPos(),
                tr("%1 s — %2\n%3")
                    .arg(scenarioTimeToSeconds(hit->marker.time))
                    .arg(m_model->lane(hit->lane).label, m_model->markerText(hit->marker)),
                viewport());
        } else if (const QString sleep = sleepAt(help->pos()); !sleep.isEmpty()) {
            QToolTip::showText(help->globalPos(), sleep, viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString TimelineView::sleepAt(QPoint position) const
{
    if (!m_model)
        return {};
    const TimelineGeometry &geometry = m_zoom.geometry();
    const int row = laneOfRow(geometry.laneAtY(position.y(), verticalScrollBar()->value()));
    if (row < 0 || row >= m_model->laneCount())
        return {};
    const TimelineLane &lane = m_model->lane(row);
    const ScenarioTime time = geometry.mapXToTime(position.x());
    for (const TimelineSegment &segment : lane.segments) {
        const ScenarioTime end = segment.end.value_or(segment.plannedEnd.value_or(m_painter.now()));
        if (segment.kind == TimelineSegment::Kind::Running || time < segment.start || time > end)
            continue;
        if (segment.kind == TimelineSegment::Kind::Computing)
            return tr("%1 on a worker thread from %2 s to %3 s (%4): the event loop ran the "
                      "others meanwhile")
                .arg(lane.label)
                .arg(scenarioTimeToSeconds(segment.start))
                .arg(scenarioTimeToSeconds(end))
                .arg(TimelineGeometry::durationText(end - segment.start));
        return tr("%1 asleep from %2 s to %3 s (a sleep of %4)")
            .arg(lane.label)
            .arg(scenarioTimeToSeconds(segment.start))
            .arg(scenarioTimeToSeconds(end))
            .arg(TimelineGeometry::durationText(end - segment.start));
    }
    return {};
}

void TimelineView::selectEvent(int eventIndex)
{
    if (m_model) {
        for (int row = 0; row < m_model->laneCount(); ++row) {
            const auto &markers = m_model->lane(row).markers;
            for (std::size_t i = 0; i < markers.size(); ++i) {
                if (markers[i].eventIndex == eventIndex)
                    return select({row, markers[i], i});
            }
        }
    }
    m_selected.reset();
    viewport()->update();
}

void TimelineView::select(const Hit &hit)
{
    m_lanes->reveal(hit.lane); // a step into a collapsed gather opens it
    m_selected = hit;
    scrollToLane(hit.lane);
    m_zoom.reveal(hit.marker.time);
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
        const auto &markers = m_model->lane(row).markers;
        for (std::size_t i = 0; i < markers.size(); ++i)
            all.push_back({row, markers[i], i});
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

bool TimelineView::handleShortcut(Shortcuts::Id shortcut)
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    const double anchor =
        viewport()->rect().contains(cursor) ? cursor.x() : m_zoom.geometry().width / 2;
    using Shortcuts::Id;
    if (shortcut == Id::ZoomIn) {
        m_zoom.zoomAt(1.5, anchor);
    } else if (shortcut == Id::ZoomOut) {
        m_zoom.zoomAt(1 / 1.5, anchor);
    } else if (shortcut == Id::PanLeft || shortcut == Id::PanRight) {
        m_zoom.pan(m_zoom.geometry().width * (shortcut == Id::PanLeft ? -0.15 : 0.15));
    } else if (shortcut == Id::Fit) {
        if (m_range)
            m_zoom.fitRange(m_range->first, m_range->second);
        else
            fitAll();
    } else if (shortcut == Id::NextEvent) {
        selectAdjacentEvent(+1);
    } else if (shortcut == Id::PreviousEvent) {
        selectAdjacentEvent(-1);
    } else if (shortcut == Id::TimelineHelp) {
        QToolTip::showText(mapToGlobal(QPoint(20, 20)), Shortcuts::timelineHelp(), this);
    } else {
        return false;
    }
    return true;
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (const auto shortcut = Shortcuts::timelineKey(event); shortcut && handleShortcut(*shortcut))
        return;
    // Through the lanes: the first, the last, a page at a time.
    QScrollBar *bar = verticalScrollBar();
    if (event->modifiers() == Qt::NoModifier && event->key() == Qt::Key_Home) {
        bar->setValue(bar->minimum());
        return;
    }
    if (event->modifiers() == Qt::NoModifier && event->key() == Qt::Key_End) {
        bar->setValue(bar->maximum());
        return;
    }
    if (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown) {
        bar->setValue(bar->value() +
                      (event->key() == Qt::Key_PageUp ? -bar->pageStep() : bar->pageStep()));
        return;
    }
    if (event->modifiers() == Qt::NoModifier &&
        (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)) {
        Q_EMIT replayStepAsked(event->key() == Qt::Key_Left ? -1 : +1);
        return;
    }
    if (event->key() == Qt::Key_Escape && (m_range || m_selected)) {
        m_range.reset();
        m_selected.reset();
        viewport()->update();
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        m_zoom.zoomAt(std::pow(1.25, steps), event->position().x());
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
        const ScenarioTime t = m_zoom.geometry().mapXToTime(event->position().x());
        m_range = std::make_pair(t, t);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        if (m_selectingRange) {
            const ScenarioTime from = m_zoom.geometry().mapXToTime(m_dragFrom->x());
            const ScenarioTime to = m_zoom.geometry().mapXToTime(position.x());
            m_range = std::minmax(from, to);
        } else {
            m_zoom.pan(m_dragFrom->x() - position.x());
            verticalScrollBar()->setValue(verticalScrollBar()->value() + m_dragFrom->y() -
                                          position.y());
            m_dragFrom = position;
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

double TimelineView::markerX(const Hit &hit) const
{
    const TimelineGeometry &geometry = m_zoom.geometry();
    const std::vector<double> xs = TimelinePainter::markerXs(
        m_model->lane(hit.lane), geometry.microsPerPixel, m_painter.markerSpacing());
    const double shift = double(geometry.start.count()) / geometry.microsPerPixel;
    return hit.index < xs.size() ? xs[hit.index] - shift : geometry.mapTimeToX(hit.marker.time);
}

QRect TimelineView::ringRect(const Hit &hit) const
{
    const int x = int(markerX(hit));
    const int y =
        m_zoom.geometry().rowY(std::max(rowOfLane(hit.lane), 0), verticalScrollBar()->value()) +
        m_zoom.geometry().laneHeight / 2;
    const int r = int(m_painter.markerRadius()) + 8;
    return {x - r, y - r, 2 * r, 2 * r};
}

void TimelineView::leaveEvent(QEvent *event)
{
    if (m_hover)
        viewport()->update(ringRect(*m_hover));
    m_hover.reset();
    QAbstractScrollArea::leaveEvent(event);
}
