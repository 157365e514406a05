// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <cstddef>

namespace Gatherscope::detail {

//! Memory for the coroutine frames of one gather's TaskEndCalls.
/*!
 * A frame of its own from the heap for every task meant one `malloc` and one `free` per task,
 * and with many tasks suspended at once glibc spent much of its time coalescing the freed
 * frames with the tasks' own frames around them (perf, one gather of 100,000 suspending tasks:
 * about a third of all samples in `unlink_chunk`). The pool hands out slots of one size, in
 * order, from chunks of 16 slots doubling up to 256 (never more than the gather can have
 * alive), and frees a chunk once every slot it handed out has come back: a task that runs long
 * holds one chunk, not the whole gather's memory. A slot given back right after it was handed
 * out is handed out again. A frame of another size comes from the heap.
 *
 * A TaskEndCall's frame is freed after it has reported to the gather, and that report may be the
 * one that destroys the gather: so the gather does not own the pool outright; it lets go of it
 * with release(), and the pool deletes itself once its last frame is gone too.
 * One thread only, as the gather. Under AddressSanitizer, slots not handed out are poisoned.
 */
class FramePool {
public:
    //! A pool held by its creator until release(), for at most about \a expectedFrames at once.
    static FramePool *create(std::size_t expectedFrames) { return new FramePool(expectedFrames); }
    //! The creator lets go; the pool goes when its last frame does.
    void release() noexcept;

    //! Room for a frame of \a size bytes: from the pool when \a pool is not null, else the heap.
    static void *allocate(FramePool *pool, std::size_t size);
    //! Frees \a frame, wherever allocate() took it from.
    static void deallocate(void *frame) noexcept;

    struct Chunk;

private:
    explicit FramePool(std::size_t expectedFrames);
    void *take(std::size_t size);
    void giveBack(Chunk *chunk, void *slot) noexcept;
    Chunk *newChunk();
    void freeChunk(Chunk *chunk) noexcept;
    void deleteIfUnused() noexcept;

    std::size_t m_expectedFrames; // no chunk is larger
    std::size_t m_nextChunkSlots;
    std::size_t m_slotSize = 0;   // header included; set by the first frame
    Chunk *m_current = nullptr;   // where slots are handed out from
    std::size_t m_liveChunks = 0; // the current one and those with frames still alive
    bool m_held = true;
};

} // namespace Gatherscope::detail
