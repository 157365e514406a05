// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "jsonduplicatekeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <vector>

namespace Gatherscope {

namespace {

//! A key as written, with its quotes: compared as bytes unless escapes make it take decoding.
struct RawKey {
    QByteArrayView raw;
    bool escaped = false;
};

//! One open object or array, while the text is walked. Levels are kept and reused: a file of
//! 100,000 tasks opens 100,000 objects, and this walk should cost little beside the parse.
struct Level {
    bool isObject = false;
    int index = 0;            //!< of the current element, in an array
    std::vector<RawKey> keys; //!< in an object, in the order written
    QSet<QString> decoded;    //!< past a few keys: every key, decoded, to look up at once

    void open(bool object)
    {
        isObject = object;
        index = 0;
        keys.clear();
        decoded.clear();
    }
};

//! Keys an object looks through one by one before it keeps a hash of them.
constexpr std::size_t keysScanned = 16;

//! The text of the string token \a raw (with its quotes), escapes decoded.
QString decodedString(QByteArrayView raw)
{
    if (!raw.contains('\\'))
        return QString::fromUtf8(raw.sliced(1, raw.size() - 2));
    return QJsonDocument::fromJson("[" + raw.toByteArray() + ']').array().at(0).toString();
}

bool sameKey(const RawKey &a, const RawKey &b)
{
    if (!a.escaped && !b.escaped)
        return a.raw == b.raw;
    return decodedString(a.raw) == decodedString(b.raw);
}

//! True if \a key is already among \a object's keys; adds it either way.
bool addKey(Level &object, const RawKey &key)
{
    if (object.keys.size() < keysScanned) {
        for (const RawKey &seen : object.keys) {
            if (sameKey(seen, key))
                return true;
        }
        object.keys.push_back(key);
        if (object.keys.size() == keysScanned) {
            for (const RawKey &seen : object.keys)
                object.decoded.insert(decodedString(seen.raw));
        }
        return false;
    }
    object.keys.push_back(key);
    const QString text = decodedString(key.raw);
    if (object.decoded.contains(text))
        return true;
    object.decoded.insert(text);
    return false;
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

QStringList pathOf(const std::vector<Level> &levels, std::size_t depth)
{
    QStringList path;
    // The innermost level is the object that holds the duplicate: the path leads to it.
    for (std::size_t l = 0; l + 1 < depth; ++l) {
        if (levels[l].isObject)
            path.append(decodedString(levels[l].keys.back().raw));
        else
            path.append(QStringLiteral("[%1]").arg(levels[l].index));
    }
    return path;
}

} // namespace

std::optional<DuplicateKey> findDuplicateKey(const QByteArray &json)
{
    std::vector<Level> levels;
    std::size_t depth = 0; // levels[0, depth) are open
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '{' || c == '[') {
            if (depth == levels.size())
                levels.emplace_back();
            levels[depth++].open(c == '{');
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth > 0 && !levels[depth - 1].isObject) {
            ++levels[depth - 1].index;
        } else if (c == '"') {
            const qsizetype end = endOfString(json, i);
            const bool isKey = depth > 0 && levels[depth - 1].isObject &&
                               skipSpace(json, end) < json.size() &&
                               json[skipSpace(json, end)] == ':';
            if (isKey) {
                const QByteArrayView raw = QByteArrayView(json).sliced(i, end - i);
                if (addKey(levels[depth - 1], RawKey{raw, raw.contains('\\')}))
                    return DuplicateKey{pathOf(levels, depth), decodedString(raw)};
            }
            i = end - 1;
        }
    }
    return std::nullopt;
}

} // namespace Gatherscope
