// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QColor>
#include <QFont>

//! Light and dark looks: Fusion with one of two palettes (Qt 6.4 has no colour-scheme hint).
namespace Theme {
void apply(bool dark);
bool isDark();
//! An exception, a bad value: one red everywhere (readable on both palettes).
QColor errorColor();
//! A value returned, a gather that returned: one green everywhere.
QColor finishColor();
//! A cancellation: grey, apart from the red for colour-blind viewers too (shapes differ also).
QColor cancelColor();
//! Waiting on a worker thread: a teal of its own, off the loop, on another thread.
QColor workerColor();
//! \a base bold and \a factor times its size: what the back of a room must read (a caption,
//! the awaiter's result, the time on the now line), growing with the window's scale.
QFont largeFont(const QFont &base, double factor);
} // namespace Theme
