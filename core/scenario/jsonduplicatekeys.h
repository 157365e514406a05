// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Gatherscope {

//! A key written twice in one JSON object, and the way to that object.
struct DuplicateKey {
    //! From the top: a key (`tasks`) or an index in brackets (`[2]`) for each level.
    QStringList path;
    QString key;
};

//! The first key that \a json (valid JSON) writes twice in one object, if any.
/*!
 * QJsonDocument keeps the last of two equal keys and says nothing, so a scenario file with
 * `"sleep"` twice would run with a value its author may not have meant. Keys compare as
 * decoded text: `"a"` and `"\u0061"` are the same key.
 */
std::optional<DuplicateKey> findDuplicateKey(const QByteArray &json);

} // namespace Gatherscope
