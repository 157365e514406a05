// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "pythonrepr.h"

#include <limits>

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>

namespace Gatherscope {

QString pythonFloatRepr(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");

    // Shortest round-trip digits in scientific form ("d.ddde±x"), then Python's layout:
    // positional for exponents in [-4, 16), scientific otherwise (float_repr_style 'short').
    char buffer[64];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
    const std::string text(buffer, end);
    const auto ePos = text.find('e');
    const bool negative = text[0] == '-';
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < ePos; ++i) {
        if (text[i] != '.')
            digits += text[i];
    }
    const int exponent = std::atoi(text.c_str() + ePos + 1);

    // Built with appends only: GCC 12 warns falsely (-Wrestrict) on "x" + std::string.
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        const auto point = std::size_t(exponent) + 1; // digits before the decimal point
        if (exponent < 0) {
            out.append("0.").append(std::size_t(-exponent - 1), '0').append(digits);
        } else if (point >= digits.size()) {
            out.append(digits).append(point - digits.size(), '0').append(".0");
        } else {
            out.append(digits, 0, point).append(1, '.').append(digits, point);
        }
    } else {
        out.append(digits, 0, 1);
        if (digits.size() > 1)
            out.append(1, '.').append(digits, 1);
        const int magnitude = std::abs(exponent);
        out.append(exponent < 0 ? "e-" : "e+");
        if (magnitude < 10)
            out.append(1, '0');
        out.append(std::to_string(magnitude));
    }
    return QString::fromStdString(out);
}

PyValue pythonSeconds(double seconds)
{
    if (seconds == std::floor(seconds) && std::abs(seconds) < 1e15)
        return PyValue::integer(std::int64_t(seconds));
    return PyValue::floating(seconds);
}

namespace {

//! Python's str.isprintable() for one code point: what repr() leaves as it is.
bool isPrintable(char32_t c)
{
    if (c == U' ')
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

//! Appends the repr of \a text to \a out: in single quotes, unless only double ones avoid
//! escapes.
void appendStringRepr(QString &out, const QString &text)
{
    const bool useDouble = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"'));
    const char16_t quote = useDouble ? u'"' : u'\'';
    out += QChar(quote) + pythonEscaped(text, quote) + QChar(quote);
}

} // namespace

QString pythonStringRepr(const QString &text)
{
    QString out;
    appendStringRepr(out, text);
    return out;
}

QString pythonEscaped(const QString &text, char16_t quote)
{
    // Most text (a task's name, a printed line) is printable ASCII with nothing to escape: it is
    // returned as it is, shared, not built again character by character.
    const auto plain = [quote](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c.unicode() != quote && c != u'\\';
    };
    if (std::all_of(text.begin(), text.end(), plain))
        return text;
    QString out;
    out.reserve(text.size());
    const auto hex = [&out](const char *prefix, char32_t c, int width) {
        out +=
            QLatin1String(prefix) + QStringLiteral("%1").arg(uint(c), width, 16, QLatin1Char('0'));
    };
    for (const char32_t c : text.toUcs4()) {
        if (c == quote || c == U'\\') {
            out += QLatin1Char('\\');
            out += QChar(char16_t(c));
        } else if (c == U'\n') {
            out += QLatin1String("\\n");
        } else if (c == U'\r') {
            out += QLatin1String("\\r");
        } else if (c == U'\t') {
            out += QLatin1String("\\t");
        } else if (isPrintable(c)) {
            out += QStringView(QChar::fromUcs4(c)); // no temporary QString per character
        } else if (c < 0x100) {
            hex("\\x", c, 2);
        } else if (c < 0x10000) {
            hex("\\u", c, 4);
        } else {
            hex("\\U", c, 8);
        }
    }
    return out;
}

QString pythonExceptionStr(const ExceptionInfo &error)
{
    QString message = QString::fromStdString(error.message);
    // KeyError.__str__ is repr(args[0]) when it has exactly one argument.
    if (error.typeName == "KeyError" && (!message.isEmpty() || error.emptyMessageIsArgument))
        return pythonStringRepr(message);
    return message;
}

QString pythonExceptionLine(const ExceptionInfo &error)
{
    const QString type = QString::fromStdString(error.typeName);
    const QString message = pythonExceptionStr(error);
    return message.isEmpty() ? type : type + QStringLiteral(": ") + message;
}

bool isInstanceOfException(const ExceptionInfo &error)
{
    return error.typeName != "CancelledError";
}

QString pythonStr(const PyValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isException())
        return pythonExceptionStr(value.toException());
    return pythonRepr(value);
}

namespace {

//! Appends the repr of \a value to \a out, stopping once \a out is longer than \a limit: one
//! buffer for a whole nested list, and no work past what a cut repr shows.
void appendRepr(QString &out, const PyValue &value, qsizetype limit)
{
    if (value.isInteger()) {
        out += QString::number(value.toInteger());
    } else if (value.isFloat()) {
        out += pythonFloatRepr(value.toFloat());
    } else if (value.isString()) {
        // Appended where it goes: the list of a 100,000-task run holds as many strings.
        appendStringRepr(out, value.toString());
    } else if (value.isException()) {
        const auto &error = value.toException();
        const QString message = QString::fromStdString(error.message);
        const bool noArguments = message.isEmpty() && !error.emptyMessageIsArgument;
        out += QString::fromStdString(error.typeName) + QLatin1Char('(');
        if (!noArguments)
            appendStringRepr(out, message);
        out += QLatin1Char(')');
    } else {
        out += QLatin1Char('[');
        bool first = true;
        for (const auto &item : value.toList()) {
            if (out.size() > limit)
                return;
            if (!first)
                out += QLatin1String(", ");
            first = false;
            appendRepr(out, item, limit);
        }
        out += QLatin1Char(']');
    }
}

} // namespace

QString pythonRepr(const PyValue &value)
{
    QString out;
    appendRepr(out, value, std::numeric_limits<qsizetype>::max());
    return out;
}

QString pythonReprCut(const PyValue &value, qsizetype maxLength)
{
    QString out;
    appendRepr(out, value, maxLength);
    if (out.size() <= maxLength)
        return out;
    out.truncate(maxLength);
    return out + QChar(0x2026); // …
}

} // namespace Gatherscope
