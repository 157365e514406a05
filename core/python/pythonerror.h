// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "gathererrors.h"

namespace Gatherscope {

//! ZeroDivisionError, as raised by the `divide` demo task.
class ZeroDivisionError : public PythonError {
public:
    explicit ZeroDivisionError(const std::string &message)
        : PythonError("ZeroDivisionError", message)
    {}
};

//! What a `fail` task raises: Python's `raise Type(message)`, one argument even when empty.
class RaisedError : public PythonError {
public:
    RaisedError(const std::string &typeName, const std::string &message)
        : PythonError(typeName, message, true)
    {}
};

} // namespace Gatherscope
