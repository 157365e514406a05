// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariosnapshot.h"

#include <algorithm>
#include <utility>

using Gatherscope::Scenario;
using Gatherscope::TaskSpec;

ScenarioSnapshot::ScenarioSnapshot(Scenario scenario, const ScenarioSnapshot &before)
    : m_settings(std::move(scenario))
{
    std::vector<TaskSpec> tasks = std::exchange(m_settings.tasks, {});
    const Tasks &old = before.tasks();
    const std::size_t common = std::min(tasks.size(), old.size());
    std::size_t front = 0;
    while (front < common && *old[front] == tasks[front])
        ++front;
    std::size_t back = 0;
    while (back < common - front && *old[old.size() - 1 - back] == tasks[tasks.size() - 1 - back])
        ++back;
    if (front == tasks.size() && front == old.size()) {
        m_tasks = before.m_tasks;
        return;
    }
    auto shared = std::make_shared<Tasks>();
    shared->reserve(tasks.size());
    shared->insert(shared->end(), old.begin(), old.begin() + std::ptrdiff_t(front));
    for (std::size_t i = front; i < tasks.size() - back; ++i)
        shared->push_back(std::make_shared<const TaskSpec>(std::move(tasks[i])));
    shared->insert(shared->end(), old.end() - std::ptrdiff_t(back), old.end());
    m_tasks = std::move(shared);
}

Scenario ScenarioSnapshot::scenario() const
{
    Scenario scenario = m_settings;
    scenario.tasks.reserve(tasks().size());
    for (const auto &task : tasks())
        scenario.tasks.push_back(*task);
    return scenario;
}

const ScenarioSnapshot::Tasks &ScenarioSnapshot::tasks() const
{
    static const Tasks none;
    return m_tasks ? *m_tasks : none;
}

bool ScenarioSnapshot::operator==(const ScenarioSnapshot &other) const
{
    return m_settings == other.m_settings &&
           (m_tasks == other.m_tasks ||
            std::equal(tasks().begin(), tasks().end(), other.tasks().begin(), other.tasks().end(),
                       [](const auto &a, const auto &b) { return a == b || *a == *b; }));
}
