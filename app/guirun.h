// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

class QCommandLineParser;

//! The window mode: opens SCENARIO (a file or a bundled name; `basic` without one). With
//! `--screenshot OUT.png` it runs the scenario, saves a picture of the window once every task
//! has ended and exits (0 on success, 2 on failure). With \a steps ≥ 0 (`--steps N`) the run
//! starts paused and steps that many events, and the screenshot is taken then.
int runGui(const QCommandLineParser &parser, int steps);
