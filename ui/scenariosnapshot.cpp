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
    Tasks::Cursor old(before.tasks());
    const Difference changed = difference(before.tasks().size(), tasks.size(), [&](auto i, auto j) {
        return identical(*old[i], tasks[j]);
    });
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

ScenarioSnapshot::ScenarioSnapshot(ScenarioSettings settings, std::vector<Tasks::Task> tasks)
    : m_settings(std::move(settings))
    , m_tasks(Tasks().spliced(0, 0, std::move(tasks)))
{}

ScenarioSnapshot::Tasks ScenarioSnapshot::spliced(const ScenarioSnapshot &before, std::size_t first,
                                                  std::size_t removed,
                                                  std::vector<TaskSpec> inserted)
{
    std::vector<Tasks::Task> shared;
    shared.reserve(inserted.size());
    for (TaskSpec &task : inserted)
        shared.push_back(std::make_shared<const TaskSpec>(std::move(task)));
    return before.m_tasks.spliced(first, removed, std::move(shared));
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
    scenario.tasks.reserve(m_tasks.size());
    m_tasks.forEach([&](const Tasks::Task &task) { scenario.tasks.push_back(*task); });
    return scenario;
}

ScenarioSnapshot::Difference ScenarioSnapshot::differenceTo(const ScenarioSnapshot &to) const
{
    if (m_tasks.sharesAll(to.m_tasks))
        return {m_tasks.size(), 0, 0};
    Tasks::Cursor from(m_tasks);
    Tasks::Cursor into(to.m_tasks);
    return difference(m_tasks.size(), to.m_tasks.size(),
                      [&](auto i, auto j) { return from[i] == into[j]; });
}

bool ScenarioSnapshot::sameTasks(const Tasks &a, const Tasks &b)
{
    if (a.size() != b.size())
        return false;
    Tasks::Cursor first(a);
    Tasks::Cursor second(b);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (first[i] != second[i] && !identical(*first[i], *second[i]))
            return false;
    }
    return true;
}

bool ScenarioSnapshot::operator==(const ScenarioSnapshot &other) const
{
    return m_settings == other.m_settings &&
           sameSign(m_settings.cancelAfter, other.m_settings.cancelAfter) &&
           (m_tasks.sharesAll(other.m_tasks) || sameTasks(m_tasks, other.m_tasks));
}
