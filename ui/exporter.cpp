// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "exporter.h"

#include "atomicfile.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "traceexport.h"

#include <QBuffer>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
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

void exportTimelineAsked(QWidget *parent, TimelineView &view)
{
    const QString png = QObject::tr("PNG image (*.png)");
    const QString svg = QObject::tr("SVG drawing (*.svg)");
    const QString pdf = QObject::tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Timeline"), QString(),
        QStringList{png, svg, pdf}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    // A name typed without an ending gets the one of the chosen type.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg   ? QStringLiteral(".svg")
                : filter == pdf ? QStringLiteral(".pdf")
                                : QStringLiteral(".png");
    if (const QString error = exportTimeline(view, path); !error.isEmpty())
        QMessageBox::critical(parent, QObject::tr("Export failed"), error);
}

void exportTraceAsked(QWidget *parent, const Gatherscope::EventRecord *record)
{
    if (!record) {
        QMessageBox::information(parent, QObject::tr("Export Trace"),
                                 QObject::tr("Run the scenario first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        parent, QObject::tr("Export Trace"), QString(), QObject::tr("Chrome trace (*.json)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportTrace(*record, path); !error.isEmpty())
        QMessageBox::critical(parent, QObject::tr("Export failed"), error);
}

void exportPythonAsked(QWidget *parent, const QString &program)
{
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export Python"), QString(),
                                                QObject::tr("Python program (*.py)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".py");
    if (const QString error = Gatherscope::writeFileAtomically(path, program.toUtf8());
        !error.isEmpty())
        QMessageBox::critical(parent, QObject::tr("Export failed"), error);
}

} // namespace Exporter
