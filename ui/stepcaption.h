// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "eventrecord.h"

#include <QString>

//! One line that says what event \a index of \a record did and, where gather's rules decide
//! what follows, why: "divide(20, 0) raised ZeroDivisionError: Cannot divide by zero;
//! return_exceptions is False, so gather raises it to its caller now; divide(30, 5) keeps
//! running".
QString stepCaption(const Gatherscope::EventRecord &record, int index);
