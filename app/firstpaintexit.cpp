// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "firstpaintexit.h"

#include <QApplication>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

//! Milliseconds since this process started, by the kernel's account (field 22 of
//! /proc/self/stat, in clock ticks since boot, against CLOCK_BOOTTIME); -1 if unreadable.
double msSinceProcessStart()
{
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // The command's name, field 2, may hold spaces: the fields are counted after its ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startMs = fields[19].toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs;
}

} // namespace

bool FirstPaintExit::isAsked()
{
    return qEnvironmentVariableIntValue("GATHERSCOPE_EXIT_AFTER_FIRST_PAINT") == 1;
}

FirstPaintExit::FirstPaintExit(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

bool FirstPaintExit::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == m_window) {
        m_painted = true;
        // Queued: it runs once the paint pass this paint belongs to has ended and been flushed.
        QTimer::singleShot(0, this, &FirstPaintExit::report);
    }
    return false;
}

void FirstPaintExit::report()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const double sinceStart = msSinceProcessStart();
    std::printf("first paint: %.1f ms after process start, monotonic %lld ns\n", sinceStart,
                static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec);
    std::fflush(stdout);
    QApplication::exit(0);
}
