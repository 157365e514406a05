// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "../outcome.h"
#include "../taskfactory.h"
#include "gathercore.h"
#include "taskendcall.h"

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

//! Tells \a gather the outcome of \a task, which has ended: a value goes into \a slot.
template<typename T>
void settleTask(QCoro::Task<T> &task, Slot<T> &slot, GatherCore &gather, std::size_t index) noexcept
{
    std::exception_ptr error;
    {
        // Let go of here: QCoro frees the task's frame once it has resumed its awaiters.
        const QCoro::Task<T> ended = std::move(task);
        try {
            if constexpr (std::is_void_v<T>) {
                ended.operator co_await().await_resume(); // rethrows what the task raised
                slot.emplace(Outcome<Empty>::fromValue(Empty{}));
            } else {
                slot.emplace(Outcome<T>::fromValue(ended.operator co_await().await_resume()));
            }
        } catch (...) {
            error = std::current_exception();
        }
    }
    // This report may be the one that destroys the gather, \a task and \a slot with it.
    gather.taskFinished(index, std::move(error));
}

//! Makes task \a index of \a owner with \a factory into \a task; `owner->taskEnded(index)`
//! settles it once it ends (at once, when it ended while it was made).
/*!
 * The factory stays owned by the gather state (a coroutine lambda's captures live in the
 * lambda object, so it must outlive the task it made). noexcept, as the end of a task is: an
 * observer that throws ends the program wherever the task ended.
 */
template<typename Owner, typename Factory, typename T>
void startTask(Owner &owner, Factory &factory, QCoro::Task<T> &task, Slot<T> &slot,
               std::size_t index) noexcept
{
    try {
        task = invokeFactory(factory, owner, index);
    } catch (...) { // a factory that throws before it makes a task: that task raised
        owner.taskFinished(index, std::current_exception());
        return;
    }
    if (task.isReady())
        settleTask(task, slot, owner, index);
    else
        task.operator co_await().await_suspend(callTaskEnded(&owner, index).handle);
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
        , m_tasks(m_factories.size())
    {}
    std::vector<Slot<Value>> &taskSlots() { return m_slots; }
    //! Task \a index has ended (its TaskEndCall).
    void taskEnded(std::size_t index) { settleTask(m_tasks[index], m_slots[index], *this, index); }

private:
    void launch(std::size_t index) override
    {
        startTask(*this, m_factories[index], m_tasks[index], m_slots[index], index);
    }
    void storeError(std::size_t index, std::exception_ptr error) override
    {
        m_slots[index].emplace(Outcome<SlotValue<Value>>::fromError(std::move(error)));
    }

    std::vector<Factory> m_factories;
    std::vector<Slot<Value>> m_slots;
    std::vector<QCoro::Task<Value>> m_tasks; // each until it ends
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
    //! Task \a index has ended (its TaskEndCall).
    void taskEnded(std::size_t index)
    {
        withIndex(index, Indices{}, [&]<std::size_t I>() {
            settleTask(std::get<I>(m_tasks), std::get<I>(m_slots), *this, I);
        });
    }

private:
    using Indices = std::index_sequence_for<Factories...>;

    void launch(std::size_t index) override
    {
        withIndex(index, Indices{}, [&]<std::size_t I>() {
            startTask(*this, std::get<I>(m_factories), std::get<I>(m_tasks), std::get<I>(m_slots),
                      I);
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
    std::tuple<QCoro::Task<FactoryResult<Factories>>...> m_tasks; // each until it ends
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
