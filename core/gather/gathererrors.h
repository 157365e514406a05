// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <stdexcept>
#include <string>

namespace Gatherscope {

//! An exception that carries the name of the Python exception type it stands for.
/*!
 * Gatherscope prints errors the way Python does (`ZeroDivisionError: Cannot divide by zero`),
 * so every error raised by a task or by the gather machinery knows its Python type name.
 */
class PythonError : public std::runtime_error {
public:
    //! \a emptyMessageIsArgument: raised as `Type('')`, not `Type()` (see ExceptionInfo).
    PythonError(std::string typeName, const std::string &message,
                bool emptyMessageIsArgument = false)
        : std::runtime_error(message)
        , m_typeName(std::move(typeName))
        , m_message(message)
        , m_emptyMessageIsArgument(emptyMessageIsArgument)
    {}

    //! The Python type name, e.g. `"ZeroDivisionError"`.
    const std::string &typeName() const noexcept { return m_typeName; }
    //! The message whole: what() ends at a NUL character, Python's str does not.
    const std::string &message() const noexcept { return m_message; }
    bool emptyMessageIsArgument() const noexcept { return m_emptyMessageIsArgument; }

private:
    std::string m_typeName;
    std::string m_message;
    bool m_emptyMessageIsArgument;
};

//! asyncio.CancelledError: a task or a gather was cancelled.
class CancelledError : public PythonError {
public:
    CancelledError()
        : PythonError("CancelledError", std::string())
    {}
};

//! TimeoutError: a Deadline ran out; what it wrapped has been cancelled.
class TimeoutError : public PythonError {
public:
    TimeoutError()
        : PythonError("TimeoutError", std::string())
    {}
};

} // namespace Gatherscope
