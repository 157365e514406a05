// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "signalwatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr std::array watchedSignals{SIGINT, SIGTERM};

//! The write end for the handler; a plain int, as only such may be read in a signal handler.
volatile std::sig_atomic_t writeSocket = -1;

extern "C" void onSignal(int signal)
{
    std::signal(signal, SIG_DFL);
    const auto number = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(writeSocket, &number, 1);
}

} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, m_sockets.data()) != 0)
        return; // no clean stop then: the signals keep their default action
    writeSocket = m_sockets[1];
    m_notifier = new QSocketNotifier(m_sockets[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::readSignal);
    for (const int signal : watchedSignals) {
        struct sigaction action {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(signal, &action, nullptr);
    }
}

SignalWatcher::~SignalWatcher()
{
    for (const int signal : watchedSignals)
        std::signal(signal, SIG_DFL);
    writeSocket = -1;
    for (const int socket : m_sockets) {
        if (socket >= 0)
            ::close(socket);
    }
}

void SignalWatcher::readSignal()
{
    unsigned char number = 0;
    if (::read(m_sockets[0], &number, 1) == 1)
        Q_EMIT caught(number);
}
