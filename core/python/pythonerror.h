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

} // namespace Gatherscope
