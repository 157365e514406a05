#pragma once

class QApplication;

//! Light and dark looks: Fusion with one of two palettes (Qt 6.4 has no colour-scheme hint).
namespace Theme {
void apply(bool dark);
bool isDark();
} // namespace Theme
