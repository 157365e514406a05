// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QByteArray>

namespace Gatherscope {

//! \a scenario as the text of a scenario file, in the form of the bundled files (see
//! scenarioJsonText()); readScenario() reads it back to an equal Scenario. Numbers are written
//! as Python writes them (`10`, `10.0`, `1e-05`), so a float stays a float.
QByteArray writeScenario(const Scenario &scenario);

} // namespace Gatherscope
