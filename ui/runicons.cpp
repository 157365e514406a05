// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runicons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace RunIcons {

namespace {

class RunIconEngine final : public QIconEngine {
public:
    explicit RunIconEngine(Kind kind)
        : m_kind(kind)
    {}

    QIconEngine *clone() const override { return new RunIconEngine(m_kind); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent); // QIconEngine's own leaves it unfilled
        QPainter painter(&pixmap);
        paint(&painter, pixmap.rect(), mode, state);
        return pixmap;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        const QColor colour = palette.color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::ButtonText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        // Shapes on a 16 × 16 grid, scaled to the rect.
        const double side = std::min(rect.width(), rect.height());
        painter->translate(rect.center().x() + 0.5 - side / 2, rect.center().y() + 0.5 - side / 2);
        painter->scale(side / 16, side / 16);
        const auto triangle = [painter](double left, double right) {
            painter->drawPolygon(QPolygonF{{left, 3}, {right, 8}, {left, 13}});
        };
        switch (m_kind) {
        case Kind::Run:
            triangle(4, 13);
            break;
        case Kind::Instant:
            triangle(2, 8.5);
            triangle(8, 14.5);
            break;
        case Kind::Cancel:
            painter->drawRect(QRectF(3.5, 3.5, 9, 9));
            break;
        case Kind::Pause:
            painter->drawRect(QRectF(4, 3, 3, 10));
            painter->drawRect(QRectF(9, 3, 3, 10));
            break;
        case Kind::Step:
            triangle(3, 10.5);
            painter->drawRect(QRectF(11, 3, 2.5, 10));
            break;
        case Kind::Compare: // two lanes, one above the other, on one axis
            painter->drawRect(QRectF(2, 3, 12, 3.5));
            painter->drawRect(QRectF(2, 9.5, 7, 3.5));
            break;
        case Kind::StepInstant: // the step's, with a second triangle: everything at once
            triangle(1, 6);
            triangle(6, 11);
            painter->drawRect(QRectF(11.5, 3, 2.5, 10));
            break;
        }
        painter->restore();
    }

private:
    Kind m_kind;
};

} // namespace

QIcon icon(Kind kind)
{
    return QIcon(new RunIconEngine(kind));
}

} // namespace RunIcons
