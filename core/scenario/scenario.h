// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace Gatherscope {

//! How long a task sleeps: a fixed number of seconds, or a random whole number in [min, max]
//! (Python's `random.randint(min, max)`).
struct SleepSpec {
    double seconds = 0;
    std::optional<std::int64_t> randomMin;
    std::optional<std::int64_t> randomMax;

    static SleepSpec fixed(double seconds) { return {seconds, {}, {}}; }
    static SleepSpec random(std::int64_t min, std::int64_t max) { return {0, min, max}; }
    bool isRandom() const { return randomMin.has_value(); }
    bool operator==(const SleepSpec &) const = default;
};

//! One task of a scenario, as the file describes it. Plain data.
struct TaskSpec {
    enum class Kind { SayHello, Divide, Fail, BlockingSleep, Compute, Gather };

    Kind kind = Kind::SayHello;
    QString label;                     //!< display name; empty means derived from the task
    std::optional<double> cancelAfter; //!< seconds: cancel this task alone then

    QString name;                                     //!< say_hello
    PyValue x = PyValue::integer(0);                  //!< divide (int or float)
    PyValue y = PyValue::integer(1);                  //!< divide (int or float)
    QString exception = QStringLiteral("ValueError"); //!< fail: a Python exception type
    QString message;                                  //!< fail: its argument
    QString work = QStringLiteral("sum_primes");      //!< compute: what it computes
    std::int64_t size = 100'000;                      //!< compute: the work's n
    //! Every kind but gather: a sleep, a blocking_sleep's hold on the loop, a compute's cost
    //! (the seconds the virtual clock counts for its work; the file's `"cost"`).
    SleepSpec sleep = SleepSpec::random(1, 3);
    bool returnExceptions = false; //!< gather
    std::vector<TaskSpec> tasks;   //!< gather

    static TaskSpec sayHello(QString name, SleepSpec sleep = SleepSpec::random(1, 3));
    static TaskSpec divide(PyValue x, PyValue y, SleepSpec sleep = SleepSpec::fixed(1));
    static TaskSpec fail(QString exception, QString message, SleepSpec sleep = SleepSpec::fixed(1));
    //! `time.sleep(seconds)` inside a coroutine: holds the event loop for \a sleep.
    static TaskSpec blockingSleep(SleepSpec sleep = SleepSpec::fixed(1));
    //! CPU-bound \a work (`sum_primes`) of \a size on a worker thread, declared to take \a cost.
    static TaskSpec compute(QString work, std::int64_t size, SleepSpec cost = SleepSpec::fixed(1));
    static TaskSpec gather(std::vector<TaskSpec> tasks, bool returnExceptions = false);

    //! The label, or a name derived from the task (`say_hello('Mr. Wolf')`, `divide(10, 2)`,
    //! `fail(KeyError, 'x')`, `blocking_sleep(2)`, `compute(sum_primes, 100000)`).
    QString displayName() const;
    bool operator==(const TaskSpec &) const = default;
};

//! How the top-level gather's result is printed.
enum class ReportStyle {
    Each, //!< one line per result: `Result: …` or `Error: …`
    List, //!< one line, the Python repr of the list
};

//! Every field of a scenario but its tasks: what an editor's form shows, what one step of its
//! history may change alone while 100,000 tasks stay as they were.
struct ScenarioSettings {
    QString title;
    QString description;
    bool returnExceptions = false;
    ReportStyle report = ReportStyle::Each;
    std::optional<std::uint64_t> seed;
    std::optional<double> cancelAfter; //!< seconds: cancel the whole gather then

    bool operator==(const ScenarioSettings &) const = default;
};

//! A whole scenario file. Plain data; ScenarioLoader reads and writes it.
struct Scenario : ScenarioSettings {
    std::vector<TaskSpec> tasks;

    bool operator==(const Scenario &) const = default;
};

} // namespace Gatherscope
