// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "sharedtasklist.h"

#include <QtGlobal>

#include <algorithm>
#include <iterator>
#include <utility>

SharedTaskList::SharedTaskList(std::shared_ptr<const Index> index)
    : m_index(std::move(index))
{}

std::size_t SharedTaskList::size() const
{
    return m_index ? m_index->ends.back() : 0;
}

const SharedTaskList::Task &SharedTaskList::operator[](std::size_t i) const
{
    return Cursor(*this)[i];
}

const SharedTaskList::Task &SharedTaskList::Cursor::operator[](std::size_t i)
{
    Q_ASSERT(i < m_list.size());
    if (i < m_start || i >= m_end) {
        m_chunk = m_list.chunkOf(i);
        m_start = m_list.startOf(m_chunk);
        m_end = m_list.m_index->ends[m_chunk];
    }
    return (*m_list.m_index->chunks[m_chunk])[i - m_start];
}

std::size_t SharedTaskList::chunkOf(std::size_t i) const
{
    const auto &ends = m_index->ends;
    return std::size_t(std::upper_bound(ends.begin(), ends.end(), i) - ends.begin());
}

std::size_t SharedTaskList::startOf(std::size_t c) const
{
    return c == 0 ? 0 : m_index->ends[c - 1];
}

SharedTaskList SharedTaskList::spliced(std::size_t first, std::size_t removed,
                                       std::vector<Task> inserted) const
{
    Q_ASSERT(first + removed <= size());
    if (removed == 0 && inserted.empty())
        return *this;
    const std::size_t chunks = m_index ? m_index->chunks.size() : 0;
    // The chunks the change touches, [from, to): from the one that holds `first` (the last one
    // when tasks are added at the end) to the one that holds the last task removed.
    std::size_t from = 0;
    std::size_t to = 0;
    if (chunks > 0) {
        from = std::min(chunkOf(first), chunks - 1);
        to = (removed > 0 ? chunkOf(first + removed - 1) : from) + 1;
    }
    // Their tasks as the change leaves them.
    Chunk changed;
    const auto append = [&](std::size_t c, std::size_t begin, std::size_t end) {
        const Chunk &chunk = *m_index->chunks[c];
        changed.insert(changed.end(), chunk.begin() + std::ptrdiff_t(begin),
                       chunk.begin() + std::ptrdiff_t(end));
    };
    for (std::size_t c = from; c < to; ++c) {
        const std::size_t start = startOf(c);
        const std::size_t count = m_index->chunks[c]->size();
        const std::size_t keptBefore = std::clamp(first, start, start + count) - start;
        const std::size_t keptAfter = std::clamp(first + removed, start, start + count) - start;
        append(c, 0, keptBefore);
        if (c == from) // `first` is in it, or at its end
            changed.insert(changed.end(), std::make_move_iterator(inserted.begin()),
                           std::make_move_iterator(inserted.end()));
        append(c, keptAfter, count);
    }
    if (chunks == 0)
        changed = std::move(inserted);
    // Too few to stand alone: the next chunk joins them, so that no chunk but the last is small.
    for (; changed.size() < chunkSize / 2 && to < chunks; ++to)
        append(to, 0, m_index->chunks[to]->size());

    auto index = std::make_shared<Index>();
    const auto changedChunks = (changed.size() + chunkSize - 1) / chunkSize;
    index->chunks.reserve(chunks - (to - from) + changedChunks);
    if (m_index)
        index->chunks.assign(m_index->chunks.begin(),
                             m_index->chunks.begin() + std::ptrdiff_t(from));
    // Split evenly: 257 tasks make chunks of 129 and 128, never of 256 and 1.
    for (std::size_t k = 0, taken = 0; k < changedChunks; ++k) {
        const std::size_t end = changed.size() * (k + 1) / changedChunks;
        index->chunks.push_back(std::make_shared<const Chunk>(
            std::make_move_iterator(changed.begin() + std::ptrdiff_t(taken)),
            std::make_move_iterator(changed.begin() + std::ptrdiff_t(end))));
        taken = end;
    }
    if (m_index)
        index->chunks.insert(index->chunks.end(), m_index->chunks.begin() + std::ptrdiff_t(to),
                             m_index->chunks.end());
    if (index->chunks.empty())
        return {};
    index->ends.reserve(index->chunks.size());
    std::size_t total = 0;
    for (const auto &chunk : index->chunks)
        index->ends.push_back(total += chunk->size());
    return SharedTaskList(std::move(index));
}
