// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Gathers three tasks with the installed library and prints their results in input order,
// though they finish in the opposite order.

#include <gather.h>

#include <QCoreApplication>
#include <QTimer>

#include <qcoro/qcorotimer.h>

#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

namespace {

QCoro::Task<int> after(std::chrono::milliseconds wait, int value)
{
    co_await QCoro::sleepFor(wait);
    std::printf("finished %d\n", value);
    co_return value;
}

QCoro::Task<> run()
{
    auto first = [] { return after(30ms, 1); };
    auto second = [] { return after(20ms, 2); };
    auto third = [] { return after(10ms, 3); };
    const auto [a, b, c] = co_await Gatherscope::gather(first, second, third);
    std::printf("results %d %d %d\n", a, b, c);
    QCoreApplication::exit(0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTimer::singleShot(0, [] { run(); });
    QTimer::singleShot(10000, [] { QCoreApplication::exit(1); }); // never hang a test
    return QCoreApplication::exec();
}
