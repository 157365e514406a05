// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "jsonduplicatekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <vector>

namespace Gatherscope {

namespace {

//! One open object or array, while the text is walked.
struct Level {
    bool isObject = false;
    int index = 0; //!< of the current element, in an array
    QString key;   //!< the current key, in an object
    QSet<QString> keys;
};

//! The text of the string token \a raw (with its quotes), escapes decoded.
QString decodedString(const QByteArray &raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw.mid(1, raw.size() - 2));
    return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
}

qsizetype endOfString(const QByteArray &json, qsizetype quote)
{
    qsizetype i = quote + 1;
    while (i < json.size() && json[i] != '"')
        i += json[i] == '\\' ? 2 : 1;
    return i + 1;
}

qsizetype skipSpace(const QByteArray &json, qsizetype i)
{
    while (i < json.size() && QByteArrayView(" \t\r\n").contains(json[i]))
        ++i;
    return i;
}

QStringList pathOf(const std::vector<Level> &levels)
{
    QStringList path;
    // The innermost level is the object that holds the duplicate: the path leads to it.
    for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
        if (levels[l].isObject)
            path.append(levels[l].key);
        else
            path.append(QStringLiteral("[%1]").arg(levels[l].index));
    }
    return path;
}

} // namespace

std::optional<DuplicateKey> findDuplicateKey(const QByteArray &json)
{
    std::vector<Level> levels;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            levels.push_back(Level{c == '{', 0, {}, {}});
        } else if (c == '}' || c == ']') {
            levels.pop_back();
        } else if (c == ',' && !levels.empty() && !levels.back().isObject) {
            ++levels.back().index;
        } else if (c == '"') {
            const qsizetype end = endOfString(json, i);
            const bool isKey = !levels.empty() && levels.back().isObject &&
                               skipSpace(json, end) < json.size() &&
                               json[skipSpace(json, end)] == ':';
            if (isKey) {
                Level &object = levels.back();
                object.key = decodedString(json.mid(i, end - i));
                if (object.keys.contains(object.key))
                    return DuplicateKey{pathOf(levels), object.key};
                object.keys.insert(object.key);
            }
            i = end - 1;
        }
    }
    return std::nullopt;
}

} // namespace Gatherscope
