// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <cstddef>
#include <memory>
#include <vector>

//! A list of shared tasks that shares itself in chunks: a copy changed at one place holds new
//! pointers for the chunk around that place alone.
/*!
 * The undo history keeps a list of the top-level tasks for every step. As one vector of
 * pointers, a task renamed among 100,000 made a step of 1.6 MB (16 bytes a task), and a
 * thousand such edits held 1.6 GB. In chunks of at most chunkSize tasks, a step holds the
 * chunk it changed and the list of chunks: 14 KB at 100,000 tasks, and at most 23 KB however
 * the chunks were split since.
 *
 * Copying a list copies one pointer. Every chunk but the last holds at least chunkSize / 2
 * tasks, whatever was spliced where, so the list of chunks stays short.
 */
class SharedTaskList {
public:
    using Task = std::shared_ptr<const Gatherscope::TaskSpec>;
    static constexpr std::size_t chunkSize = 256;

    SharedTaskList() = default;

    std::size_t size() const;
    bool empty() const { return size() == 0; }
    //! How many chunks hold the tasks: from size() / chunkSize up to size() / (chunkSize / 2) + 1.
    std::size_t chunkCount() const { return m_index ? m_index->chunks.size() : 0; }
    //! Task \a i: a reference into the chunk that holds it, the same object in every list that
    //! shares the chunk. A search among the chunks: a scan reads with a Cursor.
    const Task &operator[](std::size_t i) const;

    //! This list with \a removed tasks from \a first on giving way to \a inserted. The chunks
    //! that hold none of the changed places are shared with this list; with nothing to change,
    //! the copy shares everything.
    SharedTaskList spliced(std::size_t first, std::size_t removed,
                           std::vector<Task> inserted) const;

    //! Reads a list's tasks by index, and fast when each index read is next to the one before
    //! (a scan from either end): it keeps the chunk it read last. The list outlives it.
    class Cursor {
    public:
        explicit Cursor(const SharedTaskList &list)
            : m_list(list)
        {}
        const Task &operator[](std::size_t i);

    private:
        const SharedTaskList &m_list;
        std::size_t m_chunk = 0;
        std::size_t m_start = 0; // the chunk's first task
        std::size_t m_end = 0;   // one past its last
    };

    //! Calls \a visit with each task, in order.
    template<typename Visit>
    void forEach(Visit &&visit) const
    {
        if (!m_index)
            return;
        for (const auto &chunk : m_index->chunks) {
            for (const Task &task : *chunk)
                visit(task);
        }
    }

    //! Whether both lists are one and the same: then they hold the same tasks without looking.
    bool sharesAll(const SharedTaskList &other) const { return m_index == other.m_index; }

private:
    using Chunk = std::vector<Task>;
    struct Index {
        std::vector<std::shared_ptr<const Chunk>> chunks;
        std::vector<std::size_t> ends; // ends[c]: how many tasks chunks 0 to c hold together
    };

    explicit SharedTaskList(std::shared_ptr<const Index> index);
    //! The chunk that holds task \a i.
    std::size_t chunkOf(std::size_t i) const;
    //! The first task of chunk \a c.
    std::size_t startOf(std::size_t c) const;

    std::shared_ptr<const Index> m_index; // null: no tasks
};
