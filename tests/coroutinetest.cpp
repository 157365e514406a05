// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "coroutinetest.h"

#include "exceptioninfo.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <memory>

namespace GatherscopeTest {

namespace {

// Shared with the watching coroutine, which may outlive a test that timed out.
struct RunState {
    bool done = false;
    std::exception_ptr error;
    QEventLoop *loop = nullptr;
};

QCoro::Task<> watch(QCoro::Task<> task, std::shared_ptr<RunState> state)
{
    try {
        co_await task;
    } catch (...) {
        state->error = std::current_exception();
    }
    state->done = true;
    if (state->loop)
        state->loop->quit();
}

} // namespace

bool runCoroutine(QCoro::Task<> task, std::chrono::milliseconds timeout)
{
    auto state = std::make_shared<RunState>();
    QEventLoop loop;
    auto watcher = watch(std::move(task), state);
    if (!state->done) {
        state->loop = &loop;
        QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
        loop.exec();
        state->loop = nullptr;
    }
    if (state->error) {
        const auto info = Gatherscope::describeException(state->error);
        const auto text = "uncaught " + info.typeName + ": " + info.message;
        QTest::qFail(text.c_str(), __FILE__, __LINE__);
    }
    return state->done;
}

bool processEventsUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!done()) {
        if (elapsed.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

QStringList columnTexts(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *item : list)
        result << QString::fromUtf8(item);
    return result;
}

} // namespace GatherscopeTest
