// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"
#include "sharedtasklist.h"

#include <algorithm>
#include <memory>
#include <vector>

//! A scenario as the undo history keeps it: each top-level task (a nested gather whole) is
//! shared with the snapshot taken before it when the edit between them left that task as it
//! was, and the list of them chunk by chunk (SharedTaskList).
/*!
 * A step of the history holds the scenario before and after an edit. Held whole, a step of
 * 100,000 tasks was two copies of them (56 MB): a few renames of the title took the window past
 * 1 GB. Shared, a step holds what the edit changed, and the chunk of pointers around it
 * (SharedTaskList): 14 to 23 KB for a task renamed among 100,000, where one pointer a task was
 * 1.6 MB.
 */
class ScenarioSnapshot {
public:
    using Tasks = SharedTaskList;

    ScenarioSnapshot() = default;
    //! \a scenario, sharing with \a before the tasks that are equal to theirs (identical()): the
    //! ones before the first that differs and after the last that does, so that an insertion or
    //! a removal shares the rest too. Nothing of the tasks changed: the whole list is shared.
    ScenarioSnapshot(Gatherscope::Scenario scenario, const ScenarioSnapshot &before);
    //! \a settings, and the tasks of \a before with \a removed of them from \a first on
    //! replaced by \a inserted: made by whoever knows which tasks changed, without the others.
    ScenarioSnapshot(Gatherscope::ScenarioSettings settings, const ScenarioSnapshot &before,
                     std::size_t first, std::size_t removed,
                     std::vector<Gatherscope::TaskSpec> inserted);
    //! \a settings and \a tasks, shared with no snapshot before it: the first of a history.
    ScenarioSnapshot(Gatherscope::ScenarioSettings settings, std::vector<Tasks::Task> tasks);
    //! This snapshot's tasks, all shared, with \a settings: a step that changed a setting alone,
    //! made without reading the tasks.
    ScenarioSnapshot withSettings(const Gatherscope::ScenarioSettings &settings) const;

    //! The scenario, whole.
    Gatherscope::Scenario scenario() const;
    const Gatherscope::ScenarioSettings &settings() const { return m_settings; }
    //! The top-level tasks; a task is shared with other snapshots while it is the same.
    const Tasks &tasks() const { return m_tasks; }
    //! Where \a to differs from this snapshot: `removed` tasks from `first` on give way to
    //! `inserted` of \a to's; the tasks before and after are shared by the two.
    struct Difference {
        std::size_t first = 0;
        std::size_t removed = 0;
        std::size_t inserted = 0;
    };
    Difference differenceTo(const ScenarioSnapshot &to) const;
    //! Where a list of \a to items differs from one of \a from items, given \a same(i, j):
    //! whether item i of the first is item j of the second. The items before the difference
    //! and after it are the same, and as many as can be.
    template<typename Same>
    static Difference difference(std::size_t from, std::size_t to, Same &&same)
    {
        const std::size_t common = std::min(from, to);
        std::size_t front = 0;
        while (front < common && same(front, front))
            ++front;
        std::size_t back = 0;
        while (back < common - front && same(from - 1 - back, to - 1 - back))
            ++back;
        return {front, from - front - back, to - front - back};
    }
    //! Equal settings and equal tasks (shared ones are not compared), their numbers written
    //! alike: -0.0 is not 0.0 here.
    bool operator==(const ScenarioSnapshot &other) const;
    //! Equal, and each number written alike: `==` takes -0.0 for 0.0, the editor does not.
    static bool identical(const Gatherscope::TaskSpec &a, const Gatherscope::TaskSpec &b);

private:
    //! Each task of \a a is \a b's, shared or identical().
    static bool sameTasks(const Tasks &a, const Tasks &b);
    //! The tasks of \a before, \a removed of them from \a first on replaced by \a inserted.
    static Tasks spliced(const ScenarioSnapshot &before, std::size_t first, std::size_t removed,
                         std::vector<Gatherscope::TaskSpec> inserted);

    Gatherscope::ScenarioSettings m_settings;
    Tasks m_tasks;
};
