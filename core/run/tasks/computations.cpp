// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "computations.h"

#include <vector>

namespace Gatherscope {

namespace {

//! The sieve of Eratosthenes below \a n: true at every prime.
std::vector<bool> primesBelow(std::int64_t n)
{
    std::vector<bool> prime(std::size_t(std::max<std::int64_t>(n, 0)), true);
    for (std::size_t k = 0; k < prime.size() && k < 2; ++k)
        prime[k] = false;
    for (std::size_t k = 2; k * k < prime.size(); ++k) {
        if (!prime[k])
            continue;
        for (std::size_t multiple = k * k; multiple < prime.size(); multiple += k)
            prime[multiple] = false;
    }
    return prime;
}

} // namespace

std::int64_t computeWork(const QString &work, std::int64_t n)
{
    const std::vector<bool> prime = primesBelow(n);
    const bool sum = work == u"sum_primes";
    std::int64_t total = 0;
    for (std::size_t k = 0; k < prime.size(); ++k) {
        if (prime[k])
            total += sum ? std::int64_t(k) : 1;
    }
    return total;
}

} // namespace Gatherscope
