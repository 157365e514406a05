#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace Gatherscope::detail {

//! Memory for the coroutine frames of one gather's task drivers.
/*!
 * A frame of its own from the heap for every driver meant one `malloc` and one `free` per task,
 * and with many tasks suspended at once glibc spent most of its time coalescing the freed
 * drivers with the tasks' own frames around them (perf, one gather of 100,000 suspending tasks:
 * about a third of all samples in `unlink_chunk`). The pool hands out slots of one size from
 * chunks that double as they fill (up to the number of frames the gather can have alive at
 * once) and reuses freed slots first, so a gather whose tasks finish
 * at once keeps reusing one slot. A frame of another size (the variadic form drives tasks of
 * several types) comes from the heap.
 *
 * A driver's frame is freed after it has reported to the gather, and that report may be the
 * one that destroys the gather: so the gather does not own the pool outright; it lets go of it
 * with release(), and the pool deletes itself once its last frame is gone too.
 * One thread only, as the gather.
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

private:
    explicit FramePool(std::size_t expectedFrames)
        : m_expectedFrames(expectedFrames)
    {}
    void addChunk();
    void *take(std::size_t size);
    void giveBack(void *slot) noexcept;
    void deleteIfUnused() noexcept;

    std::size_t m_expectedFrames; // chunks stop doubling past it, so they leave no slack
    std::size_t m_slotSize = 0;   // header included; set by the first frame
    std::size_t m_slots = 0;      // in all chunks
    std::vector<std::unique_ptr<std::byte[]>> m_chunks;
    std::size_t m_chunkSlots = 0; // slots in the newest chunk
    std::size_t m_chunkUsed = 0;  // of which handed out at least once
    void *m_freeSlots = nullptr;  // given back, linked through their first bytes
    std::size_t m_liveFrames = 0;
    bool m_held = true;
};

} // namespace Gatherscope::detail
