// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenarioreader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <variant>

namespace Gatherscope {

//! Reads and writes scenario files: strict JSON, every error with its place.
class ScenarioLoader {
public:
    using Result = std::variant<Scenario, LoadError>;

    //! Parses \a json; \a source names it in errors.
    static Result parse(const QByteArray &json, const QString &source);
    //! Reads the file at \a path, or the bundled scenario called \a path (`basic`, `advanced`…).
    static Result load(const QString &path);
    //! The bytes of the file at \a path (or of the bundled scenario called \a path), at most
    //! \a maxBytes; refused with the reason when it is missing, a folder, a device or larger.
    //! \a what names the kind of file expected in errors ("scenario file").
    static std::variant<QByteArray, LoadError> readFile(const QString &path, std::int64_t maxBytes,
                                                        const QString &what);
    //! How errors name the file at \a path: a bundled scenario by its name.
    static QString sourceName(const QString &path);
    //! The scenario as indented JSON; parse() reads it back to an equal Scenario.
    static QByteArray toJson(const Scenario &scenario);
    //! Writes atomically (AtomicFile): the old file stays whole if anything fails, a full disk
    //! included.
    //! Returns an error message, or an empty string on success.
    static QString save(const Scenario &scenario, const QString &path);

    //! Names of the scenarios bundled with the program, sorted.
    static QStringList bundledNames();
    //! The resource path of bundled scenario \a name (which may not exist).
    static QString bundledPath(const QString &name);
};

} // namespace Gatherscope
