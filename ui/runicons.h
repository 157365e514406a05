// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QIcon>

//! The run controls' icons, drawn in the palette's button text colour whenever they are shown,
//! so that they stay visible in the dark theme (Fusion's own media icons are dark grey).
namespace RunIcons {

enum class Kind { Run, Instant, Cancel, Pause, Step, StepInstant, Compare };

QIcon icon(Kind kind);

} // namespace RunIcons
