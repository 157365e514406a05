// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"

#include <QString>

namespace Gatherscope {

//! Python's `repr(float)`: the shortest text that reads back to the same double, laid out as
//! Python lays it out (`5.0`, `0.3333333333333333`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`).
QString pythonFloatRepr(double value);

//! A number of seconds as a Python program writes it: an int when whole (`2`), else a float
//! (`0.5`).
PyValue pythonSeconds(double seconds);

//! Python's `repr(str)`: quoted with `'` unless the text holds `'` and no `"`, escapes as Python.
QString pythonStringRepr(const QString &text);

//! \a text escaped as `repr(str)` escapes it between \a quote characters: on one line, with no
//! control character left (`\n`, `\x1b`, `\u200b`).
QString pythonEscaped(const QString &text, char16_t quote);

//! Python's `isinstance(error, Exception)`, which the seed article's `Error:` lines test:
//! false for CancelledError, a BaseException since Python 3.8.
bool isInstanceOfException(const ExceptionInfo &error);

//! Python's `str()`: what `print(value)` and an f-string show (`Result: {value}`).
QString pythonStr(const PyValue &value);

//! Python's `repr()`: what a printed list shows of its items
//! (`'Mr. Turtle is done'`, `ZeroDivisionError('Cannot divide by zero')`, `CancelledError()`).
QString pythonRepr(const PyValue &value);
//! pythonRepr() cut to \a maxLength characters and `…` when longer, for places that show a
//! value rather than print it (a trace's arguments, a marker's tooltip): a nested gather's list
//! is written once per level, and whole it would make them as large as depth × tasks.
QString pythonReprCut(const PyValue &value, qsizetype maxLength);

//! Python's `str()` of an exception: its message, but a KeyError's in quotes, as its repr
//! (`str(KeyError('x'))` is `'x'`; `str(KeyError())` is empty).
QString pythonExceptionStr(const ExceptionInfo &error);

//! The last line of a Python traceback: `ZeroDivisionError: Cannot divide by zero`
//! (`KeyError: 'x'`), or just `CancelledError` when its str() is empty.
QString pythonExceptionLine(const ExceptionInfo &error);

} // namespace Gatherscope
