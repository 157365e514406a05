// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariosnapshot.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

using Gatherscope::PyValue;
using Gatherscope::Scenario;
using Gatherscope::ScenarioSettings;
using Gatherscope::TaskSpec;

namespace {

// `==` takes -0.0 for 0.0, as IEEE does; the editor keeps the -0.0 that was typed (a divide
// of it prints -0.0), so a step must not give it back as 0.0. These compare the signs of the
// numbers that `==` already found equal.
bool sameSign(double a, double b)
{
    return std::signbit(a) == std::signbit(b);
}

bool sameSign(const std::optional<double> &a, const std::optional<double> &b)
{
    return !a || !b || sameSign(*a, *b);
}

bool sameSign(const PyValue &a, const PyValue &b)
{
    return !a.isFloat() || !b.isFloat() || sameSign(a.toFloat(), b.toFloat());
}

bool sameSigns(const TaskSpec &a, const TaskSpec &b)
{
    return sameSign(a.x, b.x) && sameSign(a.y, b.y) && sameSign(a.sleep.seconds, b.sleep.seconds) &&
           sameSign(a.cancelAfter, b.cancelAfter) &&
           std::equal(a.tasks.begin(), a.tasks.end(), b.tasks.begin(), b.tasks.end(), sameSigns);
}

} // namespace

bool ScenarioSnapshot::identical(const TaskSpec &a, const TaskSpec &b)
{
    return a == b && sameSigns(a, b);
}

ScenarioSnapshot::ScenarioSnapshot(Scenario scenario, const ScenarioSnapshot &before)
    : m_settings(std::move(static_cast<ScenarioSettings &>(scenario)))
{
    std::vector<TaskSpec> &tasks = scenario.tasks;
    const Tasks &old = before.tasks();
    const Difference changed = difference(
        old.size(), tasks.size(), [&](auto i, auto j) { return identical(*old[i], tasks[j]); });
    const auto first = tasks.begin() + std::ptrdiff_t(changed.first);
    m_tasks = spliced(before, changed.first, changed.removed,
                      {std::make_move_iterator(first),
                       std::make_move_iterator(first + std::ptrdiff_t(changed.inserted))});
}

ScenarioSnapshot::ScenarioSnapshot(ScenarioSettings settings, const ScenarioSnapshot &before,
                                   std::size_t first, std::size_t removed,
                                   std::vector<TaskSpec> inserted)
    : m_settings(std::move(settings))
    , m_tasks(spliced(before, first, removed, std::move(inserted)))
{}

std::shared_ptr<const ScenarioSnapshot::Tasks>
ScenarioSnapshot::spliced(const ScenarioSnapshot &before, std::size_t first, std::size_t removed,
                          std::vector<TaskSpec> inserted)
{
    if (removed == 0 && inserted.empty())
        return before.m_tasks;
    const Tasks &old = before.tasks();
    auto tasks = std::make_shared<Tasks>();
    tasks->reserve(old.size() - removed + inserted.size());
    tasks->insert(tasks->end(), old.begin(), old.begin() + std::ptrdiff_t(first));
    for (TaskSpec &task : inserted)
        tasks->push_back(std::make_shared<const TaskSpec>(std::move(task)));
    tasks->insert(tasks->end(), old.begin() + std::ptrdiff_t(first + removed), old.end());
    return tasks;
}

ScenarioSnapshot ScenarioSnapshot::withSettings(const ScenarioSettings &settings) const
{
    ScenarioSnapshot snapshot = *this;
    snapshot.m_settings = settings;
    return snapshot;
}

Scenario ScenarioSnapshot::scenario() const
{
    Scenario scenario{m_settings, {}};
    scenario.tasks.reserve(tasks().size());
    for (const auto &task : tasks())
        scenario.tasks.push_back(*task);
    return scenario;
}

ScenarioSnapshot::Difference ScenarioSnapshot::differenceTo(const ScenarioSnapshot &to) const
{
    const Tasks &from = tasks();
    const Tasks &into = to.tasks();
    return difference(from.size(), into.size(), [&](auto i, auto j) { return from[i] == into[j]; });
}

const ScenarioSnapshot::Tasks &ScenarioSnapshot::tasks() const
{
    static const Tasks none;
    return m_tasks ? *m_tasks : none;
}

bool ScenarioSnapshot::operator==(const ScenarioSnapshot &other) const
{
    return m_settings == other.m_settings &&
           sameSign(m_settings.cancelAfter, other.m_settings.cancelAfter) &&
           (m_tasks == other.m_tasks ||
            std::equal(tasks().begin(), tasks().end(), other.tasks().begin(), other.tasks().end(),
                       [](const auto &a, const auto &b) { return a == b || identical(*a, *b); }));
}
