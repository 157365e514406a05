// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <chrono>
#include <cmath>

namespace Gatherscope {

//! Time inside a scenario, counted from the start of the run, as events are stamped with it.
using ScenarioTime = std::chrono::microseconds;
//! asyncio's loop time: float seconds. The clock keeps deadlines in it, so that they are
//! computed and ordered exactly as asyncio computes and orders them (`time() + delay`).
using LoopTime = std::chrono::duration<double>;

//! Converts seconds (as scenario files write them) to scenario time, rounded to a microsecond.
inline ScenarioTime secondsToScenarioTime(double seconds)
{
    return ScenarioTime(std::llround(seconds * 1e6));
}

//! Converts scenario time to seconds.
inline double scenarioTimeToSeconds(ScenarioTime time)
{
    return double(time.count()) / 1e6;
}

} // namespace Gatherscope
