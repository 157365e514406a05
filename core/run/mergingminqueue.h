// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <iterator>
#include <vector>

namespace Gatherscope {

//! A min-queue (the least first, by `operator>`) for a clock's timers.
/*!
 * A binary heap of a million timers misses the cache on most of its levels at every pop: half
 * of the time of a million sleepers on the virtual clock went to `std::pop_heap`. Timers mostly
 * come in bulk before they are due (a gather's tasks all go to sleep in the first turn), so this
 * queue keeps most of them in one sorted run, taken from its front in order, and keeps those
 * pushed since in a heap beside it. Once that heap has grown past mergeAt and past what is left
 * of the run, it is sorted and merged into the run. Both are passes through memory in order,
 * and each element is merged again only when the run has at least doubled, so about log n
 * times; a pop from the run reads the next element, already in the cache.
 *
 * Equal elements come out in no particular order: give T a total order (the clock's timers
 * have one, their deadline and then the order they were registered in).
 */
template<typename T>
class MergingMinQueue {
public:
    //! The heap is merged into the run only from this size on: below it, a heap is cheap.
    static constexpr std::size_t mergeAt = 4096;

    bool empty() const { return m_next == m_run.size() && m_heap.empty(); }
    std::size_t size() const { return m_run.size() - m_next + m_heap.size(); }

    //! The least element. The queue must not be empty.
    const T &top() const { return topIsInRun() ? m_run[m_next] : m_heap.front(); }

    //! The element that top() will give after one pop(), or null: to ask the memory for it.
    const T *second() const
    {
        const T *rival = nullptr; // the least of the part top() is not in
        const T *after = nullptr; // the next one in the part top() is in
        if (topIsInRun()) {
            rival = m_heap.empty() ? nullptr : &m_heap.front();
            after = m_next + 1 < m_run.size() ? &m_run[m_next + 1] : nullptr;
        } else {
            rival = m_next < m_run.size() ? &m_run[m_next] : nullptr;
            if (m_heap.size() > 1)
                after = m_heap.size() > 2 && m_heap[1] > m_heap[2] ? &m_heap[2] : &m_heap[1];
        }
        if (!rival || !after)
            return rival ? rival : after;
        return *after > *rival ? rival : after;
    }

    void push(const T &value)
    {
        m_heap.push_back(value);
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        if (m_heap.size() >= mergeAt && m_heap.size() > m_run.size() - m_next)
            mergeHeapIntoRun();
    }

    //! Drops the least element. The queue must not be empty.
    void pop()
    {
        if (!topIsInRun()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
            m_heap.pop_back();
        } else if (++m_next == m_run.size()) {
            m_run.clear();
            m_next = 0;
        }
    }

    void clear()
    {
        m_run.clear();
        m_next = 0;
        m_heap.clear();
    }

private:
    static bool less(const T &a, const T &b) { return b > a; }

    bool topIsInRun() const
    {
        return m_next < m_run.size() && (m_heap.empty() || !(m_run[m_next] > m_heap.front()));
    }

    void mergeHeapIntoRun()
    {
        std::sort(m_heap.begin(), m_heap.end(), less);
        std::vector<T> merged;
        merged.reserve(size());
        std::merge(m_run.begin() + std::ptrdiff_t(m_next), m_run.end(), m_heap.begin(),
                   m_heap.end(), std::back_inserter(merged), less);
        m_run = std::move(merged);
        m_next = 0;
        m_heap.clear();
    }

    std::vector<T> m_run; // ascending; m_run[m_next] is its least element not yet taken
    std::size_t m_next = 0;
    std::vector<T> m_heap; // pushed since the last merge: a min-heap
};

} // namespace Gatherscope
