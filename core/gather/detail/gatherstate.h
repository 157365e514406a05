// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "../outcome.h"
#include "../taskfactory.h"
#include "detachedtask.h"
#include "gathercore.h"

#include <qcoro/qcorotask.h>

#include <concepts>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace Gatherscope {

namespace detail {

//! Calls \a factory, with the stop token of task \a index when it takes one.
template<typename F>
auto invokeFactory(F &factory, GatherCore &core, std::size_t index)
{
    if constexpr (std::invocable<F &, std::stop_token>)
        return factory(core.tokenFor(index));
    else
        return factory();
}

//! The T of the `QCoro::Task<T>` that factory F makes.
template<typename F>
using FactoryResult = typename decltype(invokeFactory(std::declval<F &>(),
                                                      std::declval<GatherCore &>(), 0))::value_type;

//! What a task's slot holds: its value, with `void` replaced by Empty.
template<typename T>
using SlotValue = std::conditional_t<std::is_void_v<T>, Empty, T>;

template<typename T>
using Slot = std::optional<Outcome<SlotValue<T>>>;

// GCC 12 takes the frame's `operator new(size, core, ...)` for a placement new and warns that
// the frame is freed with the usual `operator delete(void *, size)`, which is the pairing that
// the standard prescribes for coroutine frames ([dcl.fct.def.coroutine]).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
//! Drives one task: makes it, awaits it, stores its outcome, tells the core.
/*!
 * The factory stays owned by the gather state (a coroutine lambda's captures live in the
 * lambda object, so it must outlive the task it made). The core keeps itself alive while any
 * task runs, so the driver holds plain pointers: its frame stays small and it pays no atomic
 * reference counting per task.
 */
template<typename T, typename Factory>
DetachedTask driveTask(GatherCore *core, std::size_t index, Slot<T> *slot, Factory *factory)
{
    try {
        if constexpr (std::is_void_v<T>) {
            co_await invokeFactory(*factory, *core, index);
            slot->emplace(Outcome<Empty>::fromValue(Empty{}));
        } else {
            slot->emplace(Outcome<T>::fromValue(co_await invokeFactory(*factory, *core, index)));
        }
    } catch (...) {
        slot->emplace(Outcome<SlotValue<T>>::fromError(std::current_exception()));
        core->taskFinished(index, std::current_exception());
        co_return;
    }
    core->taskFinished(index, nullptr);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

//! Calls `fn.template operator()<I>()` for the I equal to the runtime \a index.
template<std::size_t... I, typename Fn>
void withIndex(std::size_t index, std::index_sequence<I...>, Fn &&fn)
{
    // Cast: for a gather of no tasks the fold is a lone `false`, an unused value.
    static_cast<void>(((index == I ? (fn.template operator()<I>(), true) : false) || ...));
}

//! The state of a gather over a list of factories of one type.
template<typename Factory>
class ListGatherState final : public GatherCore {
public:
    using Value = FactoryResult<Factory>;

    ListGatherState(std::vector<Factory> factories, GatherPolicy policy, GatherOptions options)
        : GatherCore(factories.size(), policy, std::move(options))
        , m_factories(std::move(factories))
        , m_slots(m_factories.size())
    {}
    std::vector<Slot<Value>> &taskSlots() { return m_slots; }

private:
    void launch(std::size_t index) override
    {
        driveTask<Value>(this, index, &m_slots[index], &m_factories[index]);
    }
    void storeError(std::size_t index, std::exception_ptr error) override
    {
        m_slots[index].emplace(Outcome<SlotValue<Value>>::fromError(std::move(error)));
    }

    std::vector<Factory> m_factories;
    std::vector<Slot<Value>> m_slots;
};

//! The state of a gather over a fixed set of factories of different types.
template<typename... Factories>
class TupleGatherState final : public GatherCore {
public:
    TupleGatherState(std::tuple<Factories...> factories, GatherPolicy policy, GatherOptions options)
        : GatherCore(sizeof...(Factories), policy, std::move(options))
        , m_factories(std::move(factories))
    {}
    std::tuple<Slot<FactoryResult<Factories>>...> &taskSlots() { return m_slots; }

private:
    using Indices = std::index_sequence_for<Factories...>;

    void launch(std::size_t index) override
    {
        withIndex(index, Indices{}, [&]<std::size_t I>() {
            using Value = FactoryResult<std::tuple_element_t<I, std::tuple<Factories...>>>;
            driveTask<Value>(this, index, &std::get<I>(m_slots), &std::get<I>(m_factories));
        });
    }
    void storeError(std::size_t index, std::exception_ptr error) override
    {
        withIndex(index, Indices{}, [&]<std::size_t I>() {
            auto &slot = std::get<I>(m_slots);
            using Stored = typename std::remove_reference_t<decltype(slot)>::value_type;
            slot.emplace(Stored::fromError(std::move(error)));
        });
    }

    std::tuple<Factories...> m_factories;
    std::tuple<Slot<FactoryResult<Factories>>...> m_slots;
};

//! Suspends the awaiter of a gather until it settles; resumes it through the event loop.
struct SettledAwaiter {
    GatherCore *core;
    bool await_ready() const noexcept { return core->count() == 0; }
    void await_suspend(std::coroutine_handle<> awaiter) const { core->resumeWhenSettled(awaiter); }
    void await_resume() const
    {
        if (core->failure())
            std::rethrow_exception(core->failure());
    }
};

} // namespace detail
} // namespace Gatherscope
