// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QColor>

//! Light and dark looks: Fusion with one of two palettes (Qt 6.4 has no colour-scheme hint).
namespace Theme {
void apply(bool dark);
bool isDark();
//! An exception, a bad value: one red everywhere (readable on both palettes).
QColor errorColor();
//! A cancellation: grey, apart from the red for colour-blind viewers too (shapes differ also).
QColor cancelColor();
} // namespace Theme
