// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QString>

#include <cstdint>
#include <optional>

//! The editor's text form of a task's fields, and the strict reading of it back.
/*!
 * The rules are the scenario file's (ScenarioLoader): numbers finite, sleeps from 0 to 1e6
 * seconds, random sleeps whole numbers with min ≤ max. Each parse returns an error message in
 * the loader's words, or an empty string.
 */
namespace TaskCells {

QString kindText(Gatherscope::TaskSpec::Kind kind);
QString parametersText(const Gatherscope::TaskSpec &spec);
QString sleepText(const Gatherscope::SleepSpec &sleep);
QString secondsText(std::optional<double> seconds);

//! Reads \a text into \a spec's kind; "say_hello", "divide", "fail" or "gather".
QString parseKind(const QString &text, Gatherscope::TaskSpec &spec);
//! say_hello: the name; divide: "x, y"; fail: "KeyError: message" (the message as it is raised,
//! without a KeyError's quotes; "ValueError" alone for an empty one); compute: "sum_primes,
//! 100000"; gather:
//! "return_exceptions=True" or "…False".
//! \a key, when given, names the scenario file's key the error is about ("y"), or stays empty.
QString parseParameters(const QString &text, Gatherscope::TaskSpec &spec, QString *key = nullptr);
//! "2", "0.5", or "1..3" for a random whole number of seconds in [1, 3].
QString parseSleep(const QString &text, Gatherscope::SleepSpec &sleep);
//! Seconds ≥ 0, or empty for none.
QString parseOptionalSeconds(const QString &text, std::optional<double> &seconds);
//! A number the Python way: "10" is an int, "10.0" a float.
QString parseNumber(const QString &text, Gatherscope::PyValue &number);
//! A whole number ≥ 0 that fits the file's integers, or empty for none.
QString parseSeed(const QString &text, std::optional<std::uint64_t> &seed);

} // namespace TaskCells
