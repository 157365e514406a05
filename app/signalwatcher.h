// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>

#include <array>

class QSocketNotifier;

//! Turns SIGINT and SIGTERM into a Qt signal, delivered by the event loop.
/*!
 * A POSIX signal handler may do almost nothing (no allocation, no Qt, no stdio), so it only
 * writes the signal's number into a socket pair; a QSocketNotifier reads it in the event loop,
 * where the program can stop cleanly: complete lines, no half-written file. The handler then
 * gives the signal back its default action, so a second Ctrl+C ends a program that hangs.
 * One watcher at a time.
 */
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    //! The exit status a shell reports for a program killed by \a signal: 128 + its number.
    static int exitStatusFor(int signal) { return 128 + signal; }

Q_SIGNALS:
    //! SIGINT or SIGTERM arrived.
    void caught(int signal);

private:
    void readSignal();

    std::array<int, 2> m_sockets{-1, -1};
    QSocketNotifier *m_notifier = nullptr;
};
