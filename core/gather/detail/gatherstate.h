// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "../outcome.h"
#include "../taskfactory.h"
#include "continuation.h"
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

//! One running task of a gather, and what QCoro resumes when it ends.
template<typename T>
struct TaskWatch : Continuation {
    using Continuation::Continuation;
    QCoro::Task<T> task; // until it ends
    GatherCore *gather = nullptr;
};

//! Stores the outcome of the task that \a watch holds, which has ended, and tells the gather.
template<typename T>
void settleTask(TaskWatch<T> &watch, Slot<T> &slot, std::size_t index)
{
    GatherCore *gather = watch.gather;
    std::exception_ptr error;
    {
        // Let go of here: QCoro frees the task's frame once it has resumed its awaiters.
        const QCoro::Task<T> task = std::move(watch.task);
        try {
            if constexpr (std::is_void_v<T>) {
                task.operator co_await().await_resume(); // rethrows what the task raised
                slot.emplace(Outcome<Empty>::fromValue(Empty{}));
            } else {
                slot.emplace(Outcome<T>::fromValue(task.operator co_await().await_resume()));
            }
        } catch (...) {
            error = std::current_exception();
            slot.emplace(Outcome<SlotValue<T>>::fromError(error));
        }
    }
    // This report may be the one that destroys the gather, \a watch and \a slot with it.
    gather->taskFinished(index, std::move(error));
}

//! Makes task \a index with \a factory and awaits it through \a watch, whose Continuation
//! calls settleTask() once the task ends (at once, when it ended while it was made).
/*!
 * No coroutine of the gather's own awaits the task: see Continuation. The factory stays owned
 * by the gather state (a coroutine lambda's captures live in the lambda object, so it must
 * outlive the task it made).
 */
template<typename T, typename Factory>
void startTask(Factory &factory, TaskWatch<T> &watch, Slot<T> &slot, std::size_t index)
{
    try {
        watch.task = invokeFactory(factory, *watch.gather, index);
    } catch (...) { // a factory that throws before it makes a task: that task raised
        const auto error = std::current_exception();
        slot.emplace(Outcome<SlotValue<T>>::fromError(error));
        watch.gather->taskFinished(index, error);
        return;
    }
    if (watch.task.isReady())
        settleTask(watch, slot, index);
    else
        watch.task.operator co_await().await_suspend(watch.handle());
}

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
    {
        m_watches.reserve(m_factories.size()); // never moves: QCoro keeps their addresses
        for (std::size_t i = 0; i < m_factories.size(); ++i)
            m_watches.emplace_back(&ListGatherState::ended);
    }
    std::vector<Slot<Value>> &taskSlots() { return m_slots; }

private:
    void launch(std::size_t index) override
    {
        m_watches[index].gather = this;
        startTask(m_factories[index], m_watches[index], m_slots[index], index);
    }
    static void ended(void *address)
    {
        auto &watch = *static_cast<TaskWatch<Value> *>(static_cast<Continuation *>(address));
        auto &self = *static_cast<ListGatherState *>(watch.gather);
        const auto index = std::size_t(&watch - self.m_watches.data());
        settleTask(watch, self.m_slots[index], index);
    }
    void storeError(std::size_t index, std::exception_ptr error) override
    {
        m_slots[index].emplace(Outcome<SlotValue<Value>>::fromError(std::move(error)));
    }

    std::vector<Factory> m_factories;
    std::vector<Slot<Value>> m_slots;
    std::vector<TaskWatch<Value>> m_watches;
};

//! The state of a gather over a fixed set of factories of different types.
template<typename... Factories>
class TupleGatherState final : public GatherCore {
public:
    TupleGatherState(std::tuple<Factories...> factories, GatherPolicy policy, GatherOptions options)
        : GatherCore(sizeof...(Factories), policy, std::move(options))
        , m_factories(std::move(factories))
        , m_watches(makeWatches(Indices{}))
    {}
    std::tuple<Slot<FactoryResult<Factories>>...> &taskSlots() { return m_slots; }

private:
    using Indices = std::index_sequence_for<Factories...>;
    template<std::size_t I>
    using ValueAt = FactoryResult<std::tuple_element_t<I, std::tuple<Factories...>>>;

    template<std::size_t... I>
    static std::tuple<TaskWatch<FactoryResult<Factories>>...> makeWatches(std::index_sequence<I...>)
    {
        return {TaskWatch<ValueAt<I>>(&TupleGatherState::ended<I>)...};
    }
    void launch(std::size_t index) override
    {
        withIndex(index, Indices{}, [&]<std::size_t I>() {
            auto &watch = std::get<I>(m_watches);
            watch.gather = this;
            startTask(std::get<I>(m_factories), watch, std::get<I>(m_slots), I);
        });
    }
    template<std::size_t I>
    static void ended(void *address)
    {
        auto &watch = *static_cast<TaskWatch<ValueAt<I>> *>(static_cast<Continuation *>(address));
        auto &self = *static_cast<TupleGatherState *>(watch.gather);
        settleTask(watch, std::get<I>(self.m_slots), I);
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
    std::tuple<TaskWatch<FactoryResult<Factories>>...> m_watches;
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
