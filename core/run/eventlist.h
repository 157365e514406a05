// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "taskevent.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace Gatherscope {

//! The events of a run, kept in 32 bytes each, read back as TaskEvent values.
/*!
 * Most events carry nothing but their time, task and kind (and a sleep its end); only some carry
 * a printed text, a value or an exception. Kept as TaskEvents (96 bytes, most of it those three
 * fields left empty) the 600,000 events of 100,000 `say_hello` tasks took 58 MB. Here an event
 * keeps its Head in place, and what it carries besides waits in a table beside the events, one
 * PyValue (32 bytes) for each field it has, in the order text, value, error.
 *
 * `operator[]` and the iterators build each TaskEvent when it is read (a copy, not a reference
 * into the list). What reads every event of a big run and needs no more than its head (the
 * overview's counts) reads head(), which is a reference.
 */
class EventList {
public:
    //! The part of an event that every event has.
    struct Head {
        ScenarioTime time{0};
        ScenarioTime until{0}; //!< a sleep's or a computation's end; 0 for the other kinds
        int node = 0;
        TaskEvent::Kind kind = TaskEvent::Kind::Started;
    };

    class const_iterator;

    void append(const TaskEvent &event);
    void reserve(std::size_t count) { m_events.reserve(count); }

    std::size_t size() const { return m_events.size(); }
    bool empty() const { return m_events.empty(); }
    const Head &head(std::size_t index) const { return m_events[index].head; }
    TaskEvent operator[](std::size_t index) const;
    TaskEvent front() const { return (*this)[0]; }
    TaskEvent back() const { return (*this)[size() - 1]; }

    const_iterator begin() const;
    const_iterator end() const;

    //! The same events, in the same order (the fields compared, not how they are stored).
    bool operator==(const EventList &other) const;
    //! A copy as plain TaskEvents, for comparing with what a test expects.
    std::vector<TaskEvent> toVector() const;

private:
    enum Extra : std::uint8_t { Text = 1, Value = 2, Error = 4 };
    struct Stored {
        Head head;
        std::uint32_t firstExtra = 0; //!< its first field in m_extras, when it has any
        std::uint8_t extras = 0;      //!< which fields it has: Extra bits
    };
    static_assert(sizeof(Stored) <= 32, "an event is kept in at most 32 bytes (issue #11)");

    std::vector<Stored> m_events;
    std::vector<PyValue> m_extras;
};

//! Walks an EventList; reading gives a TaskEvent by value.
/*!
 * A random-access iterator to C++20 (`std::ranges` algorithms, `it + n`, `it - n`), an input
 * iterator to the classic algorithms, since reading it gives a value, not a reference: with
 * those, `std::prev` and a negative `std::advance` would never end, and `std::lower_bound` reads
 * every event. Use the `std::ranges` forms, or `it - n`.
 */
class EventList::const_iterator {
public:
    using iterator_concept = std::random_access_iterator_tag;
    using iterator_category = std::input_iterator_tag;
    using value_type = TaskEvent;
    using difference_type = std::ptrdiff_t;
    using reference = TaskEvent;

    //! What `->` reads through: the event built for it, kept until the expression ends.
    struct Arrow {
        TaskEvent event;
        const TaskEvent *operator->() const { return &event; }
    };

    const_iterator() = default;
    const_iterator(const EventList *list, std::size_t index)
        : m_list(list)
        , m_index(index)
    {}

    TaskEvent operator*() const { return (*m_list)[m_index]; }
    Arrow operator->() const { return Arrow{**this}; }
    TaskEvent operator[](difference_type offset) const { return *(*this + offset); }

    const_iterator &operator++()
    {
        ++m_index;
        return *this;
    }
    const_iterator operator++(int)
    {
        const_iterator before = *this;
        ++m_index;
        return before;
    }
    const_iterator &operator--()
    {
        --m_index;
        return *this;
    }
    const_iterator operator--(int)
    {
        const_iterator before = *this;
        --m_index;
        return before;
    }
    const_iterator &operator+=(difference_type offset)
    {
        m_index = std::size_t(difference_type(m_index) + offset);
        return *this;
    }
    const_iterator &operator-=(difference_type offset) { return *this += -offset; }
    friend const_iterator operator+(const_iterator it, difference_type offset)
    {
        return it += offset;
    }
    friend const_iterator operator+(difference_type offset, const_iterator it)
    {
        return it += offset;
    }
    friend const_iterator operator-(const_iterator it, difference_type offset)
    {
        return it -= offset;
    }
    friend difference_type operator-(const const_iterator &a, const const_iterator &b)
    {
        return difference_type(a.m_index) - difference_type(b.m_index);
    }
    friend bool operator==(const const_iterator &a, const const_iterator &b)
    {
        return a.m_index == b.m_index;
    }
    friend auto operator<=>(const const_iterator &a, const const_iterator &b)
    {
        return a.m_index <=> b.m_index;
    }

private:
    const EventList *m_list = nullptr;
    std::size_t m_index = 0;
};

static_assert(std::random_access_iterator<EventList::const_iterator>);

inline EventList::const_iterator EventList::begin() const
{
    return {this, 0};
}

inline EventList::const_iterator EventList::end() const
{
    return {this, size()};
}

} // namespace Gatherscope
