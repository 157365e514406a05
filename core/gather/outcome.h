// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "exceptioninfo.h"

#include <exception>
#include <utility>
#include <variant>

namespace Gatherscope {

//! The placeholder that stands in a gather's result for a task that returns `void`.
struct Empty {
    bool operator==(const Empty &) const = default;
};

//! One slot of a gather with `return_exceptions = true`: the task's value, or what it raised.
/*!
 * asyncio puts the exception object itself into the result list; C++ keeps it as a
 * `std::exception_ptr`, so the original type can still be caught by rethrowing it.
 */
template<typename T>
class Outcome {
public:
    //! A slot holding \a value.
    static Outcome fromValue(T value) { return Outcome(std::in_place_index<0>, std::move(value)); }
    //! A slot holding the exception \a error (must not be null).
    static Outcome fromError(std::exception_ptr error)
    {
        return Outcome(std::in_place_index<1>, std::move(error));
    }

    bool hasValue() const noexcept { return m_slot.index() == 0; }
    //! The value; rethrows the stored exception when there is none.
    const T &value() const &
    {
        rethrowIfError();
        return std::get<0>(m_slot);
    }
    T &&value() &&
    {
        rethrowIfError();
        return std::get<0>(std::move(m_slot));
    }
    //! The exception, or null when the slot holds a value.
    std::exception_ptr error() const noexcept
    {
        return hasValue() ? std::exception_ptr() : std::get<1>(m_slot);
    }
    //! Python's name for the exception's type (`"ZeroDivisionError"`); empty for a value.
    std::string errorTypeName() const { return hasValue() ? std::string() : info().typeName; }
    //! The exception's message; empty for a value.
    std::string errorMessage() const { return hasValue() ? std::string() : info().message; }

private:
    template<std::size_t I, typename V>
    Outcome(std::in_place_index_t<I> tag, V &&v)
        : m_slot(tag, std::forward<V>(v))
    {}
    void rethrowIfError() const
    {
        if (!hasValue())
            std::rethrow_exception(std::get<1>(m_slot));
    }
    ExceptionInfo info() const { return describeException(std::get<1>(m_slot)); }

    std::variant<T, std::exception_ptr> m_slot;
};

} // namespace Gatherscope
