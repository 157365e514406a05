// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "truedivide.h"

#include <bit>
#include <cmath>
#include <cstdint>

namespace Gatherscope {

namespace {

// GCC's and Clang's 128-bit integer (__extension__: not ISO C++, so -Wpedantic would warn).
__extension__ typedef unsigned __int128 UInt128;

constexpr std::uint64_t exactInDouble = std::uint64_t(1) << 53;

std::uint64_t magnitude(std::int64_t value)
{
    // Through unsigned arithmetic, so that INT64_MIN has a magnitude too.
    return value < 0 ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
}

//! a / b for b > 0, rounded once to the nearest double (ties to even).
double divideExactly(std::uint64_t a, std::uint64_t b)
{
    if (a <= exactInDouble && b <= exactInDouble) // both exact: IEEE division rounds once
        return double(a) / double(b);
    // Shift a so that its top bit is bit 127: the quotient then has at least 64 bits, eleven
    // more than a double keeps, and a non-zero remainder can only push it off a tie.
    const int shift = 64 + std::countl_zero(a);
    const UInt128 numerator = UInt128(a) << shift;
    UInt128 quotient = numerator / b;
    if (numerator % b != 0)
        quotient |= 1; // sticky bit
    return std::ldexp(static_cast<double>(quotient), -shift);
}

} // namespace

double pythonTrueDivide(const PyValue &x, const PyValue &y)
{
    if (!x.isInteger() || !y.isInteger())
        return x.toNumber() / y.toNumber();
    const std::int64_t a = x.toInteger();
    const std::int64_t b = y.toInteger();
    const bool negative = (a < 0) != (b < 0);
    if (a == 0)
        return negative ? -0.0 : 0.0; // Python: 0 / -5 is -0.0
    const double quotient = divideExactly(magnitude(a), magnitude(b));
    return negative ? -quotient : quotient;
}

} // namespace Gatherscope
