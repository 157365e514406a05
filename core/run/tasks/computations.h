// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QString>

#include <cstdint>

namespace Gatherscope {

//! The CPU-bound work a `compute` task hands to a worker thread: \a work (one of
//! ScenarioRules::computations()) of \a n. Pure and thread-safe: it touches nothing shared.
/*!
 * - `sum_primes`: the sum of the primes below \a n;
 * - `count_primes`: how many primes are below \a n.
 * Both sieve, as the Python twin's functions do, and give what they give (Python's ints).
 */
std::int64_t computeWork(const QString &work, std::int64_t n);

} // namespace Gatherscope
