// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "jsonnumbers.h"

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cstdlib>
#include <cstring>

namespace Gatherscope {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isNumberChar(char c)
{
    return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

bool isHex(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

//! What is wrong with the escape sequence at \a at (a backslash) of \a json; null if nothing.
const char *escapeProblem(const QByteArray &json, qsizetype at)
{
    if (at + 1 >= json.size())
        return nullptr; // the parser reports the unterminated string
    const char next = json[at + 1];
    if (QByteArrayView("\"\\/bfnrt").contains(next))
        return nullptr;
    if (next == 'u') {
        for (qsizetype k = at + 2; k < at + 6; ++k) {
            if (k >= json.size() || !isHex(json[k]))
                return "invalid escape sequence in a string";
        }
        return nullptr;
    }
    return "invalid escape sequence in a string";
}

//! Calls \a onNumber(start, end) for each number token outside strings and copies everything
//! else to \a out; \a onNumber appends what stands for the token. \a onStringError(at, what)
//! is told of what strict JSON forbids inside strings (QJsonDocument lets it pass).
template<typename OnNumber, typename OnStringError>
QByteArray mapNumberTokens(const QByteArray &json, OnNumber onNumber, OnStringError onStringError)
{
    // Everything but the number tokens is copied as it is, a stretch at a time (a character at
    // a time was a tenth of loading a large file).
    QByteArray out;
    out.reserve(json.size());
    const char *text = json.constData();
    qsizetype copiedUpTo = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\n') {
                onStringError(i, "line break inside a string (a closing quote missing?)");
            } else if (static_cast<unsigned char>(c) < 0x20) {
                onStringError(i, "control character in a string (write it as an escape)");
            } else if (c == '\\' && i + 1 < json.size()) {
                if (const char *problem = escapeProblem(json, i))
                    onStringError(i, problem);
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '-' || isDigit(c)) {
            qsizetype end = i;
            while (end < json.size() && isNumberChar(text[end]))
                ++end;
            out.append(text + copiedUpTo, i - copiedUpTo);
            onNumber(out, i, end);
            copiedUpTo = end;
            i = end - 1;
        }
    }
    out.append(text + copiedUpTo, json.size() - copiedUpTo);
    return out;
}

} // namespace

double jsonNumberToDouble(QByteArrayView literal)
{
    // glibc's strtod rounds correctly and gives ±inf past the largest double, as Python does;
    // the "C" locale keeps '.' the decimal point when the application has set another one.
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
    // strtod reads up to a NUL, which a view into a file does not end with.
    char shortCopy[64];
    if (literal.size() >= qsizetype(sizeof shortCopy))
        return strtod_l(literal.toByteArray().constData(), nullptr, cLocale);
    std::memcpy(shortCopy, literal.data(), std::size_t(literal.size()));
    shortCopy[literal.size()] = '\0';
    return strtod_l(shortCopy, nullptr, cLocale);
}

std::optional<PyValue> jsonNumberValue(QByteArrayView literal)
{
    if (literal.contains('.') || literal.contains('e') || literal.contains('E'))
        return PyValue::floating(jsonNumberToDouble(literal)); // 1e400 is inf, as in Python
    // A valid JSON integer: only its size can fail.
    std::int64_t integer = 0;
    const char *end = literal.data() + literal.size();
    if (const auto read = std::from_chars(literal.data(), end, integer);
        read.ec != std::errc() || read.ptr != end)
        return std::nullopt;
    return PyValue::integer(integer);
}

bool isJsonNumber(QByteArrayView token)
{
    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    qsizetype i = 0;
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < token.size() && isDigit(token[i]))
            ++i;
        return i > start;
    };
    if (i < token.size() && token[i] == '-')
        ++i;
    if (i < token.size() && token[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < token.size() && token[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < token.size() && (token[i] == '+' || token[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == token.size();
}

QByteArray JsonNumberTable::takeNumbers(const QByteArray &json)
{
    m_text = json;
    m_literals.clear();
    m_shifts.clear();
    m_firstStrictError.reset();
    qsizetype delta = 0;
    const auto refuse = [this](qsizetype at, const char *what) {
        if (!m_firstStrictError || at < m_firstStrictError->offset)
            m_firstStrictError = StrictError{at, QString::fromLatin1(what)};
    };
    return mapNumberTokens(
        json,
        [&](QByteArray &out, qsizetype start, qsizetype end) {
            const QByteArrayView token(json.constData() + start, end - start);
            if (!isJsonNumber(token)) {
                refuse(start, "illegal number");
                out += token;
                return;
            }
            // The token's index in its place, written without a string of its own.
            char index[24];
            const auto written = std::to_chars(index, index + sizeof index, m_literals.size());
            out.append(index, written.ptr - index);
            m_literals.push_back({start, end - start});
            delta = end - out.size();
            m_shifts.push_back({out.size(), delta});
        },
        refuse);
}

qsizetype JsonNumberTable::originalOffset(qsizetype offset) const
{
    // The last index that ends at or before the offset says how far the text has moved.
    const auto after = std::upper_bound(m_shifts.begin(), m_shifts.end(), offset,
                                        [](qsizetype at, const Shift &s) { return at < s.at; });
    return after == m_shifts.begin() ? offset : offset + std::prev(after)->delta;
}

QByteArrayView JsonNumberTable::literal(const QJsonValue &value) const
{
    if (!value.isDouble())
        return {};
    const qint64 index = value.toInteger(-1);
    if (index < 0 || std::size_t(index) >= m_literals.size())
        return {}; // cannot happen for values parsed from takeNumbers()'s output
    return literalAt(std::size_t(index));
}

QJsonValue JsonNumberTable::add(const QByteArray &literal)
{
    m_literals.push_back({m_text.size(), literal.size()});
    m_text += literal;
    return QJsonValue(qint64(m_literals.size() - 1));
}

QByteArray JsonNumberTable::putNumbers(const QByteArray &json) const
{
    const auto written = [](qsizetype, const char *) {}; // QJsonDocument wrote these strings
    return mapNumberTokens(
        json,
        [&](QByteArray &out, qsizetype start, qsizetype end) {
            bool ok = false;
            const qsizetype index = json.mid(start, end - start).toLongLong(&ok);
            if (ok && index >= 0 && std::size_t(index) < m_literals.size())
                out += literalAt(std::size_t(index));
            else
                out += QByteArrayView(json.constData() + start, end - start);
        },
        written);
}

} // namespace Gatherscope
