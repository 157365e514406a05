// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"
#include "scenario.h"
#include "taskcontext.h"

#include <qcoro/qcorotask.h>

namespace Gatherscope {

//! The coroutine of a task of \a spec's kind (not a gather), sleeping \a sleep: the seed's
//! `say_hello` and `divide`, and `fail`, `blocking_sleep` and `compute` (demotasks.cpp tells
//! what each prints and returns). Await it at once, while \a context and \a spec live: the
//! coroutine holds references to both.
QCoro::Task<PyValue> runDemoTask(const TaskContext &context, const TaskSpec &spec, LoopTime sleep);

} // namespace Gatherscope
