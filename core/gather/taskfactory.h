// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <qcoro/qcorotask.h>

#include <concepts>
#include <stop_token>
#include <type_traits>

namespace Gatherscope {

//! True for `QCoro::Task<T>`, whatever T (our own trait: QCoro's is internal API).
template<typename T>
struct IsQCoroTask : std::false_type {};
template<typename T>
struct IsQCoroTask<QCoro::Task<T>> : std::true_type {};
template<typename T>
inline constexpr bool isQCoroTask = IsQCoroTask<std::remove_cvref_t<T>>::value;

//! A callable that makes one task: `QCoro::Task<T> f()` or `QCoro::Task<T> f(std::stop_token)`,
//! where the token is that task's cancellation.
template<typename F>
concept TaskFactory = (std::invocable<F &> && isQCoroTask<std::invoke_result_t<F &>>) ||
                      (std::invocable<F &, std::stop_token> &&
                       isQCoroTask<std::invoke_result_t<F &, std::stop_token>>);

} // namespace Gatherscope
