#include "jsonnumbers.h"

#include <QRegularExpression>

namespace Gatherscope::JsonNumbers {

namespace {
const QString marker = QStringLiteral("\u0001float:");

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}
} // namespace

QByteArray markFloats(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size() + json.size() / 8);
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < json.size())
                out += json[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            out += c;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype end = i;
            while (end < json.size() && isNumberChar(json[end]))
                ++end;
            const QByteArray token = json.mid(i, end - i);
            const bool isFloat = token.contains('.') || token.contains('e') || token.contains('E');
            // A malformed token is left alone, so the parser reports it where it stands.
            bool valid = false;
            token.toDouble(&valid);
            if (isFloat && valid)
                out += "\"\\u0001float:" + token + '"';
            else
                out += token;
            i = end - 1;
            continue;
        }
        out += c;
    }
    return out;
}

QByteArray unmarkFloats(const QByteArray &json)
{
    static const QRegularExpression pattern(QStringLiteral("\"\\\\u0001float:([^\"]*)\""));
    return QString::fromUtf8(json).replace(pattern, QStringLiteral("\\1")).toUtf8();
}

QJsonValue markedFloat(const QString &text)
{
    return QJsonValue(marker + text);
}

bool isMarkedFloat(const QJsonValue &value, QString *text)
{
    if (!value.isString() || !value.toString().startsWith(marker))
        return false;
    if (text)
        *text = value.toString().mid(marker.size());
    return true;
}

} // namespace Gatherscope::JsonNumbers
