// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace Gatherscope {

//! Python's `random.Random` (CPython 3.11) for whole numbers: the same seed gives the same
//! numbers as `random.seed(n)` followed by the same calls of `randint`, `randrange` and
//! `getrandbits` in the same order.
/*!
 * A scenario's random sleeps are drawn with it, so that a seed means the same thing here and
 * in the asyncio program the scenario stands for: a reader can check a run with a few lines
 * of Python, and a seed written down today still gives the same sleeps whatever standard
 * library the program is built with (the distributions of <random> are not specified
 * bit for bit).
 *
 * The generator is the 32-bit Mersenne Twister (MT19937), seeded as CPython seeds it from an
 * int; every range is drawn by rejection from just enough random bits, as
 * `Random._randbelow_with_getrandbits` does, so no draw depends on floating point.
 */
class PyRandom {
public:
    //! Seeded as `random.seed(value)`.
    explicit PyRandom(std::uint64_t value);
    //! Seeded as `random.seed(n)`, where \a seedWords are n's 32-bit words, least significant
    //! first (so seeds past 64 bits, like `10**30`, work too). Zero words at the most
    //! significant end do not change n and are ignored; no words at all mean 0.
    explicit PyRandom(std::span<const std::uint32_t> seedWords);

    //! As `random.seed(value)`: starts the sequence again from \a value.
    void seed(std::uint64_t value);
    //! As `random.seed(n)` for the n whose 32-bit words, least significant first, are given.
    void seed(std::span<const std::uint32_t> seedWords);

    //! `random.getrandbits(k)` for 0 ≤ k ≤ 64: a number of k random bits (0 draws nothing).
    std::uint64_t getrandbits(int k);
    //! `random.getrandbits(k)` for any k, as 32-bit words, least significant first
    //! (`(k + 31) / 32` of them; none for k = 0).
    std::vector<std::uint32_t> getrandbitsWords(std::size_t k);
    //! `random._randbelow(n)`: a number in [0, n) for n ≥ 1.
    std::uint64_t randbelow(std::uint64_t n);
    //! `random.randrange(start, stop)`: a number in [start, stop) for start < stop.
    std::int64_t randrange(std::int64_t start, std::int64_t stop);
    //! `random.randint(a, b)`: a number in [a, b] for a ≤ b, any two 64-bit integers (the
    //! whole range has 2^64 numbers, one more than an unsigned 64-bit width can count).
    std::int64_t randint(std::int64_t a, std::int64_t b);

private:
    static constexpr std::size_t stateSize = 624;

    //! MT19937's next output: the tempered next word of the state.
    std::uint32_t nextWord();
    //! Refills the state with its next 624 words.
    void twist();
    //! `_randbelow(max + 1)`, also for max = 2^64 - 1, whose bound does not fit in 64 bits.
    std::uint64_t atMost(std::uint64_t max);

    std::array<std::uint32_t, stateSize> m_state{};
    std::size_t m_index = stateSize;
};

} // namespace Gatherscope
