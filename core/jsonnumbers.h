#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace Gatherscope::JsonNumbers {

/*!
 * QJsonDocument keeps no difference between `10` and `10.0`, but Python prints them
 * differently, so a scenario must keep it. Before parsing, every number written with a
 * fraction or an exponent is wrapped in a marked string; after writing, marked strings are
 * unwrapped again.
 */

//! \a json with every float literal outside strings turned into a marked string.
QByteArray markFloats(const QByteArray &json);
//! \a json (as QJsonDocument wrote it) with every marked string turned back into a number.
QByteArray unmarkFloats(const QByteArray &json);
//! A marked string holding \a text (a float literal).
QJsonValue markedFloat(const QString &text);
//! True if \a value is a marked float; \a text receives the literal.
bool isMarkedFloat(const QJsonValue &value, QString *text = nullptr);

} // namespace Gatherscope::JsonNumbers
