// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "framepool.h"

#include <algorithm>
#include <new>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define GATHERSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GATHERSCOPE_ASAN 1
#endif
#endif
#ifdef GATHERSCOPE_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace Gatherscope::detail {

namespace {

// Coroutine frames get what a plain `operator new(size)` guarantees, on every platform.
constexpr std::size_t frameAlignment = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
constexpr std::size_t firstChunkSlots = 16;
constexpr std::size_t maxChunkSlots = 256;

constexpr std::size_t roundUp(std::size_t size)
{
    return (size + frameAlignment - 1) / frameAlignment * frameAlignment;
}

//! Stands before every frame: the chunk its memory belongs to (null: the heap).
struct alignas(frameAlignment) FrameHeader {
    FramePool::Chunk *chunk;
};
static_assert(sizeof(FrameHeader) % frameAlignment == 0);

void *frameAfter(FrameHeader *header)
{
    return header + 1;
}

// Slots not handed out are off limits: AddressSanitizer reports a coroutine that touches its frame
// after freeing it, as it would for a frame of its own.
void poison([[maybe_unused]] void *memory, [[maybe_unused]] std::size_t size)
{
#ifdef GATHERSCOPE_ASAN
    ASAN_POISON_MEMORY_REGION(memory, size);
#endif
}

void unpoison([[maybe_unused]] void *memory, [[maybe_unused]] std::size_t size)
{
#ifdef GATHERSCOPE_ASAN
    ASAN_UNPOISON_MEMORY_REGION(memory, size);
#endif
}

} // namespace

struct FramePool::Chunk {
    FramePool *pool;
    std::size_t slots;
    std::size_t handedOut = 0; // slots [0, handedOut) have been handed out
    std::size_t live = 0;      // of which not given back yet

    static constexpr std::size_t headerSize() { return roundUp(sizeof(Chunk)); }
    std::byte *slot(std::size_t index)
    {
        return reinterpret_cast<std::byte *>(this) + headerSize() + index * pool->m_slotSize;
    }
};

FramePool::FramePool(std::size_t expectedFrames)
    : m_expectedFrames(std::max<std::size_t>(expectedFrames, 1))
    , m_nextChunkSlots(firstChunkSlots)
{}

void *FramePool::allocate(FramePool *pool, std::size_t size)
{
    if (pool) {
        if (void *frame = pool->take(size))
            return frame;
    }
    auto *header = new (::operator new(sizeof(FrameHeader) + size)) FrameHeader{nullptr};
    return frameAfter(header);
}

void FramePool::deallocate(void *frame) noexcept
{
    auto *header = static_cast<FrameHeader *>(frame) - 1;
    if (Chunk *chunk = header->chunk)
        chunk->pool->giveBack(chunk, header);
    else
        ::operator delete(header);
}

void FramePool::release() noexcept
{
    m_held = false;
    if (m_current && m_current->live == 0)
        freeChunk(std::exchange(m_current, nullptr));
    deleteIfUnused();
}

void *FramePool::take(std::size_t size)
{
    const std::size_t slotSize = sizeof(FrameHeader) + roundUp(size);
    if (m_slotSize == 0)
        m_slotSize = slotSize;
    if (slotSize != m_slotSize)
        return nullptr;
    if (!m_current || m_current->handedOut == m_current->slots) {
        Chunk *full = std::exchange(m_current, newChunk());
        if (full && full->live == 0)
            freeChunk(full);
    }
    std::byte *slot = m_current->slot(m_current->handedOut++);
    ++m_current->live;
    unpoison(slot, m_slotSize);
    return frameAfter(new (slot) FrameHeader{m_current});
}

void FramePool::giveBack(Chunk *chunk, void *slot) noexcept
{
    --chunk->live;
    poison(slot, m_slotSize);
    if (chunk == m_current) {
        // A task that finished at once gives its slot back before the next is taken.
        if (slot == chunk->slot(chunk->handedOut - 1))
            --chunk->handedOut;
        if (chunk->live == 0 && !m_held)
            freeChunk(std::exchange(m_current, nullptr));
    } else if (chunk->live == 0) {
        freeChunk(chunk);
    }
    deleteIfUnused();
}

FramePool::Chunk *FramePool::newChunk()
{
    const std::size_t slots = std::min(m_nextChunkSlots, m_expectedFrames);
    void *memory = ::operator new(Chunk::headerSize() + slots * m_slotSize);
    auto *chunk = new (memory) Chunk{this, slots};
    poison(chunk->slot(0), slots * m_slotSize);
    m_nextChunkSlots = std::min(2 * m_nextChunkSlots, maxChunkSlots);
    ++m_liveChunks;
    return chunk;
}

void FramePool::freeChunk(Chunk *chunk) noexcept
{
    unpoison(chunk->slot(0), chunk->slots * m_slotSize);
    chunk->~Chunk();
    ::operator delete(chunk);
    --m_liveChunks;
}

void FramePool::deleteIfUnused() noexcept
{
    if (!m_held && m_liveChunks == 0)
        delete this;
}

} // namespace Gatherscope::detail
