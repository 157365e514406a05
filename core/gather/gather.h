// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

/*!
 * \file gather.h
 * `gather`: Python's `asyncio.gather` for QCoro.
 *
 * \code{.cpp}
 * // Variadic form: a tuple, in input order, whatever order the tasks finish in.
 * auto [hello, quotient] = co_await gather([] { return sayHello("Mr. Turtle"); },
 *                                          [] { return divide(10, 2); });
 *
 * // Range form: a std::vector. With ReturnExceptions each slot is an Outcome<T>.
 * std::vector<std::function<QCoro::Task<double>()>> work = ...;
 * for (const auto &slot : co_await gather<GatherPolicy::ReturnExceptions>(work))
 *     slot.hasValue() ? use(slot.value()) : report(slot.errorMessage());
 * \endcode
 *
 * **Why factories, not tasks.** `QCoro::Task` starts eagerly: calling a coroutine runs it to
 * its first suspension. `gather(f(), g())` would start `f` and `g` in an order C++ leaves
 * unspecified, before gather could see them. So gather takes callables that *make* the tasks
 * and calls them itself, one after the other, in input order: the start order is guaranteed,
 * a concurrency window can hold tasks back, and a task cancelled before its turn never runs.
 * A factory may take a `std::stop_token` (its task's cancellation) or nothing. Gather keeps
 * every factory alive until its task has finished, so coroutine lambdas may use their captures.
 *
 * **A GCC 12 trap.** GCC 12.2 destroys twice a lambda with by-copy captures that is written
 * inside a `co_await` expression: `co_await gather([f = x] { ... })` is a double free
 * (AddressSanitizer shows it). Name the factory first (`auto make = [f = x] { ... };
 * co_await gather(make);`) or capture by reference.
 *
 * **Semantics** (asyncio's, as its documentation states them):
 * - Results come in input order; `void` tasks give Empty.
 * - FailFast (the default, `return_exceptions=False`): the first exception reaches the awaiter
 *   as that same exception (rethrown from its `std::exception_ptr`, type and message kept).
 *   The other tasks keep running and are not cancelled; their later values and exceptions are
 *   not lost: GatherOptions::observer is told of each.
 * - ReturnExceptions (`return_exceptions=True`): an exception takes its task's place, as an
 *   Outcome holding the `std::exception_ptr`.
 * - Beyond asyncio: FailFastCancel (raise at once and stop the rest) and CancelAndJoin
 *   (asyncio.TaskGroup: stop the rest, wait for all of them, then raise the first exception);
 *   GatherOptions::maxConcurrency (a window, like folly's collectAllWindowed). A timeout is
 *   asyncio's: a Deadline stops GatherOptions::stopToken and GatherOptions::stopReason makes
 *   the awaiter see TimeoutError.
 * - The awaiter is always resumed from the Qt event loop (EventLoopQueue), never from inside
 *   the stack of the task that finished last or raised: tasks ready at the same moment all run
 *   before the awaiter continues, and long chains cannot recurse. Empty input returns at once.
 *
 * **Cancellation** follows asyncio as far as C++ allows. Stopping GatherOptions::stopToken
 * cancels the gather: stop is requested on every task still running, tasks not yet started
 * never start, and the awaiter sees CancelledError: with FailFast as soon as the first task
 * reports its cancellation, with ReturnExceptions once every task has finished (asyncio's
 * `_GatheringFuture`). Cancelling a gather that has already returned or raised does nothing.
 * Stopping `taskStopTokens[i]` cancels task i alone: it counts as if it raised CancelledError
 * (FailFast: the awaiter sees it; ReturnExceptions: it takes the slot) and the gather itself is
 * not cancelled. Every Gatherscope task and ScenarioClock::sleep raises CancelledError at its
 * next suspension once its token stops. **A task that ignores its token simply runs on:** its
 * value or exception counts as usual, and the gather waits for it wherever it would wait for
 * any task (so a cancelled ReturnExceptions gather raises only after it ends).
 *
 * **Threads.** A gather, its tasks and its awaiter live on one thread, the one whose event loop
 * resumes them. `std::stop_source::request_stop()` runs the stop callbacks on the thread that
 * calls it, so stop the tokens a gather watches on that same thread too; from another thread,
 * post the request there (`QMetaObject::invokeMethod(object, [&] { source.request_stop(); })`).
 *
 * **Lifetime.** The state is shared by the awaiting coroutine and by every running task, so
 * destroying the returned Task (QCoro detaches a running task) or the object that started the
 * gather never frees memory a task still uses; the tasks run to their end and the state goes
 * with the last of them. Deliver results to a QObject with `QCoro::connect(task, obj, ...)`
 * so that nothing is called on an object already destroyed. asyncio runs an awaitable given
 * twice only once; a factory always makes a fresh task, so gather has no such case.
 */

#include "deadline.h"
#include "detail/gatherstate.h"
#include "gatheroptions.h"
#include "outcome.h"
#include "taskfactory.h"

#include <qcoro/qcorotask.h>

#include <ranges>
#include <tuple>
#include <type_traits>
#include <vector>

namespace Gatherscope {

//! What one slot of a gather's result is under \a Policy: a value, or an Outcome.
template<GatherPolicy Policy, typename T>
using GatherSlot = std::conditional_t<Policy == GatherPolicy::ReturnExceptions,
                                      Outcome<detail::SlotValue<T>>, detail::SlotValue<T>>;

namespace detail {

template<GatherPolicy Policy, typename V>
auto takeSlot(std::optional<Outcome<V>> &slot)
{
    if constexpr (Policy == GatherPolicy::ReturnExceptions)
        return std::move(*slot);
    else
        return std::move(*slot).value();
}

template<GatherPolicy Policy, typename Factory>
QCoro::Task<std::vector<GatherSlot<Policy, FactoryResult<Factory>>>>
awaitList(std::shared_ptr<ListGatherState<Factory>> state)
{
    co_await SettledAwaiter{state.get()};
    std::vector<GatherSlot<Policy, FactoryResult<Factory>>> results;
    results.reserve(state->count());
    for (auto &slot : state->taskSlots())
        results.push_back(takeSlot<Policy>(slot));
    co_return results;
}

template<GatherPolicy Policy, typename... Factories>
QCoro::Task<std::tuple<GatherSlot<Policy, FactoryResult<Factories>>...>>
awaitTuple(std::shared_ptr<TupleGatherState<Factories...>> state)
{
    co_await SettledAwaiter{state.get()};
    co_return std::apply(
        [](auto &...taskSlots) {
            return std::tuple<GatherSlot<Policy, FactoryResult<Factories>>...>(
                takeSlot<Policy>(taskSlots)...);
        },
        state->taskSlots());
}

} // namespace detail

//! Runs the tasks made by \a factories concurrently; a `std::vector` of results in input order.
template<GatherPolicy Policy = GatherPolicy::FailFast, std::ranges::input_range Range>
requires TaskFactory<std::ranges::range_value_t<Range>>
auto gather(Range &&factories, GatherOptions options = {})
{
    using Factory = std::ranges::range_value_t<Range>;
    std::vector<Factory> list;
    if constexpr (std::ranges::sized_range<Range>)
        list.reserve(std::ranges::size(factories));
    for (auto &&factory : factories) {
        if constexpr (std::is_rvalue_reference_v<Range &&>)
            list.push_back(std::move(factory));
        else
            list.push_back(factory);
    }
    auto state = std::make_shared<detail::ListGatherState<Factory>>(std::move(list), Policy,
                                                                    std::move(options));
    state->start();
    return detail::awaitList<Policy>(std::move(state));
}

//! Runs one task per factory concurrently; a `std::tuple` of results in input order.
template<GatherPolicy Policy = GatherPolicy::FailFast, TaskFactory... Factories>
auto gather(GatherOptions options, Factories &&...factories)
{
    using State = detail::TupleGatherState<std::decay_t<Factories>...>;
    auto state = std::make_shared<State>(
        std::tuple<std::decay_t<Factories>...>(std::forward<Factories>(factories)...), Policy,
        std::move(options));
    state->start();
    return detail::awaitTuple<Policy>(std::move(state));
}

//! The variadic form with default options: `co_await gather(f, g, h)`.
template<GatherPolicy Policy = GatherPolicy::FailFast, TaskFactory First, TaskFactory... Rest>
auto gather(First &&first, Rest &&...rest)
{
    return gather<Policy>(GatherOptions{}, std::forward<First>(first), std::forward<Rest>(rest)...);
}

} // namespace Gatherscope
