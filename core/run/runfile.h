// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runner.h"
#include "scenarioreader.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <variant>

namespace Gatherscope {

//! Run files: a finished run kept to be shown again without running anything (a teacher
//! prepares runs before class). JSON: the version, the scenario (the text of its scenario
//! file), the seed, and the whole record: the task tree and every event.
namespace RunFile {

//! The version written; a file of another one is refused.
constexpr int version = 1;
//! The key that makes a JSON object a run file, its value the version.
inline constexpr char versionKey[] = "gatherscope_run";

//! The finished run of \a runner as the text of a run file.
QByteArray write(const Runner &runner);
//! Reads the text of a run file: the run it holds, finished, its record as it was saved.
//! Refused with the reason when the text is damaged, of another version, or when its record
//! is not the one its scenario and seed make; \a source names it in errors.
std::variant<std::unique_ptr<Runner>, LoadError> read(const QByteArray &json,
                                                      const QString &source);
//! True when \a json (or its start) is a run file of any version, not a scenario, damaged or
//! not: worth reading as one. Its first key says so.
bool isRunFile(const QByteArray &json);
//! True when the file at \a path is a run file (read from its first bytes), not a scenario.
bool isRunFileAt(const QString &path);
//! Reads the file at \a path (errors name the file).
std::variant<std::unique_ptr<Runner>, LoadError> load(const QString &path);
//! Writes the run of \a runner to \a path atomically (an older file stays whole if anything
//! fails): an error message, or an empty string.
QString save(const Runner &runner, const QString &path);

} // namespace RunFile

} // namespace Gatherscope
