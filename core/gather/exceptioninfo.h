// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <exception>
#include <string>

namespace Gatherscope {

//! The type name and message of an exception, for printing and display.
struct ExceptionInfo {
    std::string typeName; //!< Python's name for a PythonError, else the demangled C++ type
    std::string message;  //!< what(); empty for an exception without a message
    //! Python's args is ('',), not (): the repr is `CancelledError('')`, not `CancelledError()`.
    bool emptyMessageIsArgument = false;

    bool operator==(const ExceptionInfo &) const = default;
};

//! Describes the exception held by \a error (which must not be null).
ExceptionInfo describeException(const std::exception_ptr &error);

//! True when \a error holds a CancelledError.
bool isCancellation(const std::exception_ptr &error);

} // namespace Gatherscope
