// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pyvalue.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>
#include <vector>

namespace Gatherscope {

//! The number literals of a scenario file, kept exactly as written.
/*!
 * QJsonDocument turns every number into a double: it keeps no difference between `10` and
 * `10.0` (which Python prints differently), rounds integers past 2^53, and refuses `1e400`
 * (which Python reads as inf). So numbers never pass through it as numbers: reading replaces
 * the k-th number literal of the text by the integer k before QJsonDocument parses it, and
 * writing gives QJsonDocument such an index, replaced by its literal afterwards. An index is a
 * number, so no string a user writes can be taken for one: nothing is marked in-band.
 */
class JsonNumberTable {
public:
    //! What strict JSON (RFC 8259) refuses and QJsonDocument accepts: where, and what.
    struct StrictError {
        qsizetype offset;
        QString what;
    };

    //! Reading: \a json with each valid number literal (outside strings) replaced by its index.
    //! A malformed one (`1.`, `01`, `-`) is left where it stands; firstStrictError() finds it,
    //! and the first raw control character or invalid escape inside a string.
    QByteArray takeNumbers(const QByteArray &json);
    //! The offset in takeNumbers()'s input of \a offset in its output, for error places.
    qsizetype originalOffset(qsizetype offset) const;
    //! The first thing in takeNumbers()'s input that strict JSON refuses, if any.
    const std::optional<StrictError> &firstStrictError() const { return m_firstStrictError; }

    //! The literal that \a value stands for (`10.0`, `-3`, `1e400`); empty if it is not a number.
    //! It stays valid as long as this table does, until the next takeNumbers() or add().
    QByteArrayView literal(const QJsonValue &value) const;

    //! Writing: a value that putNumbers() will write as \a literal (a valid JSON number).
    QJsonValue add(const QByteArray &literal);
    //! \a json, written by QJsonDocument from values made by add(), with each index replaced by
    //! its literal.
    QByteArray putNumbers(const QByteArray &json) const;

private:
    struct Shift {
        qsizetype at;    //!< where, in the output of takeNumbers(), an index ends
        qsizetype delta; //!< original offset minus output offset from there on
    };
    struct Span {
        qsizetype start;
        qsizetype length;
    };
    // Every literal is a span of one text (the file read, or the literals added for writing):
    // a file of 100,000 tasks has as many numbers, and a QByteArray each was an allocation each.
    QByteArray m_text;
    std::vector<Span> m_literals;
    //! Literal \a index of m_literals, as written.
    QByteArrayView literalAt(std::size_t index) const
    {
        return QByteArrayView(m_text.constData() + m_literals[index].start,
                              m_literals[index].length);
    }
    std::vector<Shift> m_shifts;
    std::optional<StrictError> m_firstStrictError;
};

//! \a literal (a valid JSON number) as Python's `json` reads it: an int when it has no fraction
//! and no exponent, else a float (jsonNumberToDouble()); nothing for an int past 64 bits.
std::optional<PyValue> jsonNumberValue(QByteArrayView literal);

//! \a literal (a valid JSON number) as a double, as Python's `json` reads it: correctly
//! rounded, `1e400` is inf and `1e-400` is 0.0, whatever the process's locale.
double jsonNumberToDouble(QByteArrayView literal);

//! True if \a token is a number as strict JSON (RFC 8259) writes it.
bool isJsonNumber(QByteArrayView token);

} // namespace Gatherscope
