// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "deadline.h"

#include "gathererrors.h"

namespace Gatherscope {

Deadline::Deadline(std::chrono::milliseconds after)
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, [this] { m_source.request_stop(); });
    m_timer.start(after);
}

std::exception_ptr Deadline::reason()
{
    return std::make_exception_ptr(TimeoutError());
}

} // namespace Gatherscope
