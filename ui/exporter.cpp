// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "exporter.h"

#include "atomicfile.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "traceexport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace Exporter {

QString exportTimeline(TimelineView &view, const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QSize size = view.pictureSize(); // every lane at a readable width, whatever the window's
    const QRect target(QPoint(0, 0), size);
    if (suffix == u"png") {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2); // crisp on slides
        image.fill(view.palette().color(QPalette::Base));
        QPainter painter(&image);
        view.paintPicture(painter, target);
        painter.end();
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (!image.save(&buffer, "PNG"))
                return QObject::tr("%1: the PNG could not be encoded").arg(path);
        }
        return Gatherscope::writeFileAtomically(path, bytes);
    }
    if (suffix == u"svg") {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(target);
        generator.setTitle(QStringLiteral("Gatherscope timeline"));
        QPainter painter(&generator);
        view.paintPicture(painter, target);
        painter.end();
        return Gatherscope::writeFileAtomically(path, bytes);
    }
    if (suffix == u"pdf") {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(QStringLiteral("Gatherscope timeline"));
        writer.setPageSize(QPageSize(QSizeF(size) * 0.75, QPageSize::Point)); // 96 dpi → points
        writer.setPageMargins(QMarginsF());
        writer.setResolution(96);
        QPainter painter(&writer);
        view.paintPicture(painter, target);
        painter.end();
        return Gatherscope::writeFileAtomically(path, bytes);
    }
    return QObject::tr("%1: unknown picture type; use .png, .svg or .pdf").arg(path);
}

QString exportTrace(const Gatherscope::EventRecord &record, const QString &path)
{
    return Gatherscope::writeFileAtomically(path, Gatherscope::chromeTraceJson(record));
}

} // namespace Exporter
