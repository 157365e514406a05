// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace Gatherscope::ScenarioRules {

//! The limits of a scenario, checked by the reader and the editor alike.
//! Room for a million tasks (a say_hello takes about 50 bytes); read with this bound whatever
//! the file claims, so that /dev/zero or an endless pipe cannot fill the memory.
constexpr std::int64_t maxFileBytes = std::int64_t{64} * 1024 * 1024;
constexpr int maxNesting = 64;
constexpr double maxSeconds = 1e6;
//! Tasks in one scenario, gathers included, at every level.
constexpr int maxTasks = 1'000'000;
//! Characters (Unicode code points) in one string: a title, description, name or label.
constexpr qsizetype maxTextLength = 10'000;

//! The keys of a scenario file, as the reader, the writer and the editor name them.
namespace Keys {
inline const QString title = QStringLiteral("title");
inline const QString description = QStringLiteral("description");
inline const QString returnExceptions = QStringLiteral("return_exceptions");
inline const QString report = QStringLiteral("report");
inline const QString seed = QStringLiteral("seed");
inline const QString cancelAfter = QStringLiteral("cancel_after");
inline const QString tasks = QStringLiteral("tasks");
inline const QString task = QStringLiteral("task");
inline const QString name = QStringLiteral("name");
inline const QString x = QStringLiteral("x");
inline const QString exception = QStringLiteral("exception");
inline const QString message = QStringLiteral("message");
inline const QString y = QStringLiteral("y");
inline const QString sleep = QStringLiteral("sleep");
inline const QString label = QStringLiteral("label");
inline const QString min = QStringLiteral("min");
inline const QString max = QStringLiteral("max");
inline const QString work = QStringLiteral("work");
inline const QString size = QStringLiteral("n");
inline const QString cost = QStringLiteral("cost");
} // namespace Keys

//! The values of `"task"`.
namespace Kinds {
inline const QString sayHello = QStringLiteral("say_hello");
inline const QString divide = QStringLiteral("divide");
inline const QString fail = QStringLiteral("fail");
inline const QString blockingSleep = QStringLiteral("blocking_sleep");
inline const QString compute = QStringLiteral("compute");
inline const QString gather = QStringLiteral("gather");
} // namespace Kinds

//! The value of `"task"` for \a kind (`say_hello`).
QString kindName(TaskSpec::Kind kind);
//! The kind whose `"task"` value is \a name; none for another name.
std::optional<TaskSpec::Kind> kindNamed(const QString &name);
//! Every kind, in the order the editor lists them.
const std::vector<TaskSpec::Kind> &kinds();
//! The values of `"task"` for a message: `say_hello, divide, fail or gather`.
QString kindChoices();

//! The Python exception types a `fail` task may raise: built-in subclasses of Exception that
//! take one argument and print it as every other one does, but KeyError, which quotes it.
const QStringList &exceptionTypes();
//! What a `fail` task's exception must be, for a message: `an exception type (Exception, …)`.
QString exceptionChoices();

//! What a `compute` task may compute (`"work"`): functions of its `"n"`, pure and CPU-bound.
const QStringList &computations();
//! What a `compute` task's work must be, for a message: `sum_primes or count_primes`.
QString computationChoices();
//! The largest `"n"` of a compute: a sieve of ten million takes a worker tens of milliseconds
//! (and Python's twin a few seconds), so a class never waits long.
constexpr std::int64_t maxComputeSize = 10'000'000;
//! What a compute's `"n"` must be, for a message.
QString computeSizeChoices();
//! Where in a task the file keeps its seconds: `"cost"` for a compute, `"sleep"` for others.
QString secondsKey(TaskSpec::Kind kind);

//! The values of `"report"`.
namespace Reports {
inline const QString each = QStringLiteral("each");
inline const QString list = QStringLiteral("list");
} // namespace Reports

//! True if \a seconds may be a sleep or a `cancel_after`: from 0 to maxSeconds.
constexpr bool isValidSeconds(double seconds)
{
    return seconds >= 0 && seconds <= maxSeconds;
}

//! The message for a gather deeper than maxNesting.
QString nestedTooDeeply();
//! The message for a random sleep whose min is above its max.
QString minAboveMax(std::int64_t min, std::int64_t max);

//! Why the integer written as \a literal is refused: Python's ints have no bound, ours have 64
//! bits, and rounding it would print a number that is not in the file.
QString integerTooLarge(const QString &literal);

//! The message for a scenario with more than maxTasks tasks.
QString tooManyTasks();

//! Why \a text cannot be a scenario's string; empty if it can. It is too long (past
//! maxTextLength), or it cannot be printed as Python prints it (a lone surrogate: Python's print
//! raises UnicodeEncodeError on a UTF-8 terminal, and the file could not be saved back).
QString textProblem(const QString &text);

} // namespace Gatherscope::ScenarioRules
