// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Theme {

namespace {
bool g_dark = false;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x5f, 0x63, 0x68));
    p.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    p.setColor(QPalette::Highlight, QColor(0x4f, 0x8c, 0xe8));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x8b));
    return p;
}
} // namespace

void apply(bool dark)
{
    g_dark = dark;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
}

bool isDark()
{
    return g_dark;
}

QColor errorColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

QColor finishColor()
{
    return QColor(0x2e, 0x7d, 0x32);
}

QColor workerColor()
{
    return QColor(0x1f, 0x9e, 0x89);
}

QColor cancelColor()
{
    return QColor(0x80, 0x80, 0x80);
}

QFont largeFont(const QFont &base, double factor)
{
    QFont large = base;
    if (large.pointSizeF() > 0)
        large.setPointSizeF(large.pointSizeF() * factor);
    else // a font given in pixels
        large.setPixelSize(int(large.pixelSize() * factor));
    large.setBold(true);
    return large;
}

} // namespace Theme
