// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"

#include <QByteArray>

namespace Gatherscope {

//! The record as Chrome Trace Event JSON, for Perfetto and chrome://tracing.
/*!
 * One track (thread) per task, named by its label and indented by depth; each task's life and
 * each of its sleeps as complete (`X`) slices; printed lines, exceptions and cancellations as
 * instant events; a flow arrow from each gather to each of its tasks. Timestamps are scenario
 * microseconds.
 */
QByteArray chromeTraceJson(const EventRecord &record);

} // namespace Gatherscope
