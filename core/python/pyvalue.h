// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "exceptioninfo.h"

#include <QString>

#include <cstdint>
#include <variant>
#include <vector>

namespace Gatherscope {

//! A value as a scenario's tasks produce it: what Python would hold.
/*!
 * `int` and `float` stay apart (Python prints `10` and `10.0` differently); a nested gather
 * gives a list, whose items may be exceptions when it returns them (`return_exceptions`).
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
    static PyValue list(List items) { return PyValue(std::move(items)); }
    static PyValue exception(ExceptionInfo error) { return PyValue(std::move(error)); }

    bool isInteger() const { return std::holds_alternative<std::int64_t>(m_value); }
    bool isFloat() const { return std::holds_alternative<double>(m_value); }
    bool isString() const { return std::holds_alternative<QString>(m_value); }
    bool isList() const { return std::holds_alternative<List>(m_value); }
    bool isException() const { return std::holds_alternative<ExceptionInfo>(m_value); }

    std::int64_t toInteger() const { return std::get<std::int64_t>(m_value); }
    double toFloat() const { return std::get<double>(m_value); }
    //! The number as a double, whether it is an int or a float.
    double toNumber() const { return isFloat() ? toFloat() : double(toInteger()); }
    const QString &toString() const { return std::get<QString>(m_value); }
    const List &toList() const { return std::get<List>(m_value); }
    const ExceptionInfo &toException() const { return std::get<ExceptionInfo>(m_value); }

    bool operator==(const PyValue &) const = default;

private:
    template<typename T>
    explicit PyValue(T value)
        : m_value(std::move(value))
    {}

    std::variant<std::int64_t, double, QString, List, ExceptionInfo> m_value;
};

} // namespace Gatherscope
