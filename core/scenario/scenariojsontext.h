// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Gatherscope {

//! \a scenario (a scenario file's top-level object) as the text of a scenario file.
/*!
 * QJsonDocument writes keys in alphabetical order and one value per line, so a saved scenario
 * would read `"tasks"` before `"title"` and `"sleep"` before `"task"`, spread over a hundred
 * lines. People share these files: this writes them the way the bundled ones are written by
 * hand, with keys in the order the README documents them and each task that holds no other
 * tasks on one line. Keys, strings and numbers are still written by QJsonDocument.
 */
QByteArray scenarioJsonText(const QJsonObject &scenario);

} // namespace Gatherscope
