// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "eventlist.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace Gatherscope {

void EventList::append(const TaskEvent &event)
{
    Stored stored;
    stored.head = {event.time, event.until, event.node, event.kind};
    // Empty fields are not kept: read back, they are the defaults they compare equal to.
    const bool hasText = !event.text.isEmpty();
    const bool hasValue = !(event.value == PyValue());
    const bool hasError = event.error.shared() != nullptr;
    if (hasText || hasValue || hasError) {
        if (m_extras.size() > std::numeric_limits<std::uint32_t>::max() - 3)
            throw std::length_error("a run's record holds at most 2^32 texts, values and errors");
        stored.firstExtra = std::uint32_t(m_extras.size());
    }
    if (hasText) {
        stored.extras |= Text;
        m_extras.push_back(PyValue::string(event.text));
    }
    if (hasValue) {
        stored.extras |= Value;
        m_extras.push_back(event.value);
    }
    if (hasError) {
        stored.extras |= Error;
        m_extras.push_back(PyValue::exception(event.error.shared()));
    }
    m_events.push_back(stored);
}

TaskEvent EventList::operator[](std::size_t index) const
{
    const Stored &stored = m_events[index];
    TaskEvent event;
    event.time = stored.head.time;
    event.until = stored.head.until;
    event.node = stored.head.node;
    event.kind = stored.head.kind;
    if (stored.extras == 0)
        return event;
    auto extra = m_extras.begin() + std::ptrdiff_t(stored.firstExtra);
    if (stored.extras & Text)
        event.text = (extra++)->toString();
    if (stored.extras & Value)
        event.value = *extra++;
    if (stored.extras & Error)
        event.error = EventError((extra++)->sharedException());
    return event;
}

bool EventList::operator==(const EventList &other) const
{
    return std::equal(begin(), end(), other.begin(), other.end());
}

std::vector<TaskEvent> EventList::toVector() const
{
    return {begin(), end()};
}

} // namespace Gatherscope
