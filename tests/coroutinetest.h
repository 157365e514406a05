// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

// A small harness for coroutine tests, in the manner of QCoro's own (which Debian does not
// install): each test body is a coroutine run on a bounded event loop, and checks inside it use
// co_return-safe macros, since QVERIFY's plain `return` does not compile in a coroutine.

#include <QAbstractItemModel>
#include <QTest>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <functional>
#include <initializer_list>

namespace GatherscopeTest {

//! Runs \a task on an event loop until it finishes (true) or \a timeout passes (false).
//! An exception escaping the task fails the current test with its type and message.
bool runCoroutine(QCoro::Task<> task, std::chrono::milliseconds timeout = std::chrono::seconds(10));

//! Processes events until \a done returns true (true) or \a timeout passes (false).
bool processEventsUntil(const std::function<bool()> &done,
                        std::chrono::milliseconds timeout = std::chrono::seconds(10));

//! The display texts of one column of \a model, top to bottom.
QStringList columnTexts(const QAbstractItemModel &model, int column);

//! A QStringList from plain literals (the strict Qt defines forbid implicit conversions).
QStringList strings(std::initializer_list<const char *> list);

} // namespace GatherscopeTest

#define CO_VERIFY(statement)                                                                       \
    do {                                                                                           \
        if (!QTest::qVerify(static_cast<bool>(statement), #statement, "", __FILE__, __LINE__))     \
            co_return;                                                                             \
    } while (false)

#define CO_COMPARE(actual, expected)                                                               \
    do {                                                                                           \
        if (!QTest::qCompare(actual, expected, #actual, #expected, __FILE__, __LINE__))            \
            co_return;                                                                             \
    } while (false)

#define CO_FAIL(message)                                                                           \
    do {                                                                                           \
        QTest::qFail(message, __FILE__, __LINE__);                                                 \
        co_return;                                                                                 \
    } while (false)

//! A coroutine test in one piece, as QCoro writes its own: `COROUTINE_TEST(name) { ... }`
//! declares the test slot `name()`, which runs the body (the coroutine `name_coro()`) on a
//! bounded event loop. QtTest takes only slots returning void as tests, so the body is not one.
#define COROUTINE_TEST(name)                                                                       \
    void name()                                                                                    \
    {                                                                                              \
        RUN_COROUTINE(name##_coro());                                                              \
    }                                                                                              \
    QCoro::Task<> name##_coro()

//! Runs a coroutine test body; fails the test when it does not finish in time.
#define RUN_COROUTINE(task) QVERIFY2(GatherscopeTest::runCoroutine(task), "coroutine timed out")
