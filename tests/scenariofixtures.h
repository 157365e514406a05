// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

// Scenarios for tests: the bundled ones by name, or inline JSON. Both stop the test program
// with the loader's message if the scenario does not load (a broken fixture, not a failure).

#include "scenario.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace GatherscopeTest {

Gatherscope::Scenario bundledScenario(const QString &name);
Gatherscope::Scenario scenarioFromJson(const QByteArray &json);
//! The text of \a tasks say_hello tasks, the i-th named `P<i>` and sleeping 1 + i % 5 seconds,
//! as scripts/bench-headless writes them: a large run for benchmarks and tests of scale.
QByteArray sayHelloFile(int tasks);
//! What each task is called (`say_hello('Mr. Turtle')`), in order: a tree level at a glance.
QStringList taskNames(const std::vector<Gatherscope::TaskSpec> &tasks);

} // namespace GatherscopeTest
