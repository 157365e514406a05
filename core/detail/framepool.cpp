#include "framepool.h"

#include <algorithm>
#include <new>

namespace Gatherscope::detail {

namespace {

//! Stands before every frame: where its memory came from (null: the heap).
struct alignas(std::max_align_t) FrameHeader {
    FramePool *pool;
};

constexpr std::size_t firstChunkSlots = 64;

std::size_t roundUpToHeader(std::size_t size)
{
    return (size + sizeof(FrameHeader) - 1) / sizeof(FrameHeader) * sizeof(FrameHeader);
}

void *frameAfter(FrameHeader *header)
{
    return header + 1;
}

} // namespace

void *FramePool::allocate(FramePool *pool, std::size_t size)
{
    if (pool) {
        if (void *slot = pool->take(size)) {
            auto *header = new (slot) FrameHeader{pool};
            return frameAfter(header);
        }
    }
    auto *header = new (::operator new(sizeof(FrameHeader) + size)) FrameHeader{nullptr};
    return frameAfter(header);
}

void FramePool::deallocate(void *frame) noexcept
{
    auto *header = static_cast<FrameHeader *>(frame) - 1;
    if (FramePool *pool = header->pool)
        pool->giveBack(header);
    else
        ::operator delete(header);
}

void FramePool::release() noexcept
{
    m_held = false;
    deleteIfUnused();
}

void *FramePool::take(std::size_t size)
{
    const std::size_t slotSize = sizeof(FrameHeader) + roundUpToHeader(size);
    if (m_slotSize == 0)
        m_slotSize = slotSize;
    if (slotSize != m_slotSize)
        return nullptr;
    void *slot = m_freeSlots;
    if (slot) {
        m_freeSlots = *static_cast<void **>(slot);
    } else {
        if (m_chunkUsed == m_chunkSlots)
            addChunk();
        slot = m_chunks.back().get() + m_chunkUsed++ * m_slotSize;
    }
    ++m_liveFrames;
    return slot;
}

void FramePool::addChunk()
{
    std::size_t slots = m_chunkSlots ? 2 * m_chunkSlots : firstChunkSlots;
    if (m_slots < m_expectedFrames)
        slots = std::min(slots, m_expectedFrames - m_slots);
    m_chunks.push_back(std::make_unique_for_overwrite<std::byte[]>(slots * m_slotSize));
    m_chunkSlots = slots;
    m_chunkUsed = 0;
    m_slots += slots;
}

void FramePool::giveBack(void *slot) noexcept
{
    m_freeSlots = new (slot) void *(m_freeSlots);
    --m_liveFrames;
    deleteIfUnused();
}

void FramePool::deleteIfUnused() noexcept
{
    if (!m_held && m_liveFrames == 0)
        delete this;
}

} // namespace Gatherscope::detail
