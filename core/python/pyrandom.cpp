// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "pyrandom.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>

namespace Gatherscope {

namespace {

// MT19937's constants (Matsumoto and Nishimura, 1998).
constexpr std::size_t middleWord = 397;
constexpr std::uint32_t upperBit = 0x80000000U;
constexpr std::uint32_t lowerBits = 0x7fffffffU;
constexpr std::uint32_t twistMatrix = 0x9908b0dfU;

//! The 32-bit words of \a value, least significant first, as CPython splits an int seed.
std::array<std::uint32_t, 2> wordsOf(std::uint64_t value)
{
    return {std::uint32_t(value), std::uint32_t(value >> 32)};
}

} // namespace

PyRandom::PyRandom(std::uint64_t value)
{
    seed(value);
}

PyRandom::PyRandom(std::span<const std::uint32_t> seedWords)
{
    seed(seedWords);
}

void PyRandom::seed(std::uint64_t value)
{
    seed(std::span<const std::uint32_t>(wordsOf(value)));
}

void PyRandom::seed(std::span<const std::uint32_t> seedWords)
{
    // CPython keys the generator with as many words as the number needs, and at least one
    // (0 is the key [0]). The key's length changes every word of the state, so zero words at
    // the top must go: 5 written as [5, 0] is still the seed 5.
    std::size_t length = seedWords.size();
    while (length > 1 && seedWords[length - 1] == 0)
        --length;
    static constexpr std::array<std::uint32_t, 1> zeroKey{0};
    const std::span<const std::uint32_t> key =
        length == 0 ? std::span<const std::uint32_t>(zeroKey) : seedWords.first(length);

    // The reference generator's seeding by an array: first a state from a fixed number, then
    // the key mixed into it over at least one whole pass, then a second pass that spreads
    // every key word into every state word.
    m_state[0] = 19650218U;
    for (std::size_t i = 1; i < stateSize; ++i) {
        const std::uint32_t previous = m_state[i - 1];
        m_state[i] = 1812433253U * (previous ^ (previous >> 30)) + std::uint32_t(i);
    }
    std::size_t i = 1;
    std::size_t j = 0;
    for (std::size_t k = std::max(stateSize, key.size()); k > 0; --k) {
        const std::uint32_t previous = m_state[i - 1];
        m_state[i] =
            (m_state[i] ^ ((previous ^ (previous >> 30)) * 1664525U)) + key[j] + std::uint32_t(j);
        ++i;
        ++j;
        if (i >= stateSize) {
            m_state[0] = m_state[stateSize - 1];
            i = 1;
        }
        if (j >= key.size())
            j = 0;
    }
    for (std::size_t k = stateSize - 1; k > 0; --k) {
        const std::uint32_t previous = m_state[i - 1];
        m_state[i] =
            (m_state[i] ^ ((previous ^ (previous >> 30)) * 1566083941U)) - std::uint32_t(i);
        ++i;
        if (i >= stateSize) {
            m_state[0] = m_state[stateSize - 1];
            i = 1;
        }
    }
    // Only the top bit of the first word takes part in the recurrence: setting it keeps the
    // state from being all zeros, whatever the key.
    m_state[0] = upperBit;
    m_index = stateSize; // the first draw twists
}

void PyRandom::twist()
{
    // Each word takes the top bit of itself and the low bits of the next; the indices wrap,
    // so the last words mix with the ones already renewed, as the recurrence requires.
    for (std::size_t i = 0; i < stateSize; ++i) {
        const std::uint32_t y =
            (m_state[i] & upperBit) | (m_state[(i + 1) % stateSize] & lowerBits);
        m_state[i] =
            m_state[(i + middleWord) % stateSize] ^ (y >> 1) ^ ((y & 1U) != 0 ? twistMatrix : 0U);
    }
    m_index = 0;
}

std::uint32_t PyRandom::nextWord()
{
    if (m_index >= stateSize)
        twist();
    std::uint32_t y = m_state[m_index++];
    // Tempering, MT19937's fixed mix of the output's bits: the raw state words are poorly
    // spread in their top bits, which getrandbits keeps.
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

std::uint64_t PyRandom::getrandbits(int k)
{
    if (k < 0 || k > 64)
        throw std::invalid_argument("PyRandom::getrandbits: k must be from 0 to 64");
    if (k == 0)
        return 0; // Python draws nothing for no bits
    // As Python does: the top k bits of one word, or for a wider number whole words from the
    // least significant up, the last one shifted down to the bits still wanted.
    if (k <= 32)
        return nextWord() >> (32 - k);
    const std::uint64_t low = nextWord();
    const std::uint64_t high = nextWord() >> (64 - k);
    return low | (high << 32);
}

std::vector<std::uint32_t> PyRandom::getrandbitsWords(std::size_t k)
{
    std::vector<std::uint32_t> words;
    words.reserve((k + 31) / 32);
    for (std::size_t left = k; left > 0; left -= std::min<std::size_t>(left, 32))
        words.push_back(left >= 32 ? nextWord() : nextWord() >> (32 - left));
    return words;
}

std::uint64_t PyRandom::atMost(std::uint64_t max)
{
    // `_randbelow_with_getrandbits(n)` for n = max + 1: k = n.bit_length() bits, drawn again
    // until the number is below n. The bits of n, not of n - 1: for a power of two that is
    // one bit more and more rejected draws, and each draw uses up words of the sequence, so
    // only Python's own choice gives Python's numbers.
    if (max == std::numeric_limits<std::uint64_t>::max()) {
        // n = 2^64 takes 65 bits: the 64 low ones, then a word shifted down to its top bit,
        // which must be 0.
        for (;;) {
            const std::uint64_t low = getrandbits(64);
            if ((nextWord() >> 31) == 0)
                return low;
        }
    }
    const auto k = static_cast<int>(std::bit_width(max + 1)); // 1 to 64
    for (;;) {
        const std::uint64_t r = getrandbits(k);
        if (r <= max)
            return r;
    }
}

std::uint64_t PyRandom::randbelow(std::uint64_t n)
{
    if (n == 0)
        throw std::invalid_argument("PyRandom::randbelow: n must be at least 1");
    return atMost(n - 1);
}

std::int64_t PyRandom::randrange(std::int64_t start, std::int64_t stop)
{
    if (start >= stop)
        throw std::invalid_argument("PyRandom::randrange: empty range");
    // In unsigned arithmetic, where the width of any two int64s is exact and start + offset
    // wraps back into range.
    const std::uint64_t width = std::uint64_t(stop) - std::uint64_t(start);
    return std::int64_t(std::uint64_t(start) + randbelow(width));
}

std::int64_t PyRandom::randint(std::int64_t a, std::int64_t b)
{
    if (a > b)
        throw std::invalid_argument("PyRandom::randint: a is above b");
    // randrange(a, b + 1), without forming b + 1, which overflows for b = INT64_MAX.
    return std::int64_t(std::uint64_t(a) + atMost(std::uint64_t(b) - std::uint64_t(a)));
}

} // namespace Gatherscope
