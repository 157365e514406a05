// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "scenario.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace Gatherscope {

//! Why a scenario could not be read: the file, the place in it, and what was expected.
struct LoadError {
    QString source;  //!< the file name (or what stands for it)
    QString place;   //!< `tasks[3].tasks[0].y`; empty for the file as a whole
    int line = 0;    //!< 1-based, for JSON syntax errors; 0 otherwise
    int column = 0;  //!< 1-based, with line
    QString message; //!< what was wrong / expected

    //! `file.json:3:14: message` or `file.json: tasks[1].y: message`.
    QString toString() const;
};

//! Parses the text of a scenario file: strict JSON, numbers exactly as written, every error
//! with its place; \a source names the file in errors.
std::variant<Scenario, LoadError> readScenario(const QByteArray &json, const QString &source);

} // namespace Gatherscope
