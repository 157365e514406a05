// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"

namespace Gatherscope {

//! Python's true division `x / y` of two numbers (ints or floats) whose divisor is not zero:
//! always a float, and for two ints the exact quotient rounded once, as Python computes it
//! (`9007199254740993 / 3` is `3002399751580331.0`, where dividing the doubles gives `…0.5`).
double pythonTrueDivide(const PyValue &x, const PyValue &y);

} // namespace Gatherscope
