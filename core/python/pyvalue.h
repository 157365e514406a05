// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "exceptioninfo.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

namespace Gatherscope {

//! A value as a scenario's tasks produce it: what Python would hold.
/*!
 * `int` and `float` stay apart (Python prints `10` and `10.0` differently); a nested gather
 * gives a list, whose items may be exceptions when it returns them (`return_exceptions`).
 *
 * A value is cheap to copy: a list is shared, never copied, as it passes from a gather to the
 * record, to the gather above it and into that one's list. Nested 63 deep around 100,000
 * tasks, copying made the run take three times the memory of the same tasks unnested.
 */
class PyValue {
public:
    using List = std::vector<PyValue>;

    PyValue()
        : m_value(std::int64_t(0))
    {}
    static PyValue integer(std::int64_t value) { return PyValue(value); }
    static PyValue floating(double value) { return PyValue(value); }
    static PyValue string(QString value) { return PyValue(std::move(value)); }
    static PyValue list(List items)
    {
        return PyValue(std::make_shared<const List>(std::move(items)));
    }
    static PyValue exception(ExceptionInfo error)
    {
        return PyValue(std::make_shared<const ExceptionInfo>(std::move(error)));
    }
    //! An exception already shared elsewhere (an event's), shared once more, not copied.
    static PyValue exception(std::shared_ptr<const ExceptionInfo> error)
    {
        return PyValue(std::move(error));
    }

    bool isInteger() const { return std::holds_alternative<std::int64_t>(m_value); }
    bool isFloat() const { return std::holds_alternative<double>(m_value); }
    bool isString() const { return std::holds_alternative<QString>(m_value); }
    bool isList() const { return std::holds_alternative<SharedList>(m_value); }
    bool isException() const { return std::holds_alternative<SharedException>(m_value); }

    std::int64_t toInteger() const { return std::get<std::int64_t>(m_value); }
    double toFloat() const { return std::get<double>(m_value); }
    //! The number as a double, whether it is an int or a float.
    double toNumber() const { return isFloat() ? toFloat() : double(toInteger()); }
    const QString &toString() const { return std::get<QString>(m_value); }
    const List &toList() const { return *std::get<SharedList>(m_value); }
    const ExceptionInfo &toException() const { return *std::get<SharedException>(m_value); }
    const std::shared_ptr<const ExceptionInfo> &sharedException() const
    {
        return std::get<SharedException>(m_value);
    }

    //! Equal values: lists item by item, not by where they are stored.
    bool operator==(const PyValue &other) const
    {
        if (isList() && other.isList())
            return toList() == other.toList();
        if (isException() && other.isException())
            return toException() == other.toException();
        return m_value == other.m_value;
    }

private:
    template<typename T>
    explicit PyValue(T value)
        : m_value(std::move(value))
    {}

    using SharedList = std::shared_ptr<const List>;
    // Shared, as a list is: an exception is rare among values, and held in place its two
    // strings made every value (a scenario's numbers, every result) 80 bytes instead of 32.
    using SharedException = std::shared_ptr<const ExceptionInfo>;
    std::variant<std::int64_t, double, QString, SharedList, SharedException> m_value;
};

} // namespace Gatherscope
