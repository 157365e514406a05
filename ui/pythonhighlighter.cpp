// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "pythonhighlighter.h"

#include <QStringList>

namespace {

QTextCharFormat colouredFormat(const QColor &colour, bool bold = false, bool italic = false)
{
    QTextCharFormat result;
    result.setForeground(colour);
    if (bold)
        result.setFontWeight(QFont::Bold);
    result.setFontItalic(italic);
    return result;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    // Mid-tone colours: each reads on a white and on a near-black background.
    const QStringList keywords = {
        QStringLiteral("import"), QStringLiteral("async"),  QStringLiteral("def"),
        QStringLiteral("await"),  QStringLiteral("return"), QStringLiteral("if"),
        QStringLiteral("else"),   QStringLiteral("try"),    QStringLiteral("except"),
        QStringLiteral("for"),    QStringLiteral("in"),     QStringLiteral("as"),
        QStringLiteral("raise"),  QStringLiteral("not"),    QStringLiteral("and")};
    const QStringList builtins = {QStringLiteral("print"),
                                  QStringLiteral("isinstance"),
                                  QStringLiteral("type"),
                                  QStringLiteral("str"),
                                  QStringLiteral("float"),
                                  QStringLiteral("Exception"),
                                  QStringLiteral("ZeroDivisionError")};
    const auto words = [](const QStringList &list) {
        return QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(list.join(u'|')));
    };
    m_rules = {
        {words(keywords), colouredFormat(QColor(0x8e, 0x44, 0xad), true)},
        {words(builtins), colouredFormat(QColor(0x28, 0x7b, 0xb5))},
        {QRegularExpression(QStringLiteral("\\b[0-9][0-9_]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\b")),
         colouredFormat(QColor(0xd3, 0x6a, 0x0c))},
        {QRegularExpression(QStringLiteral("\\bf?(\"([^\"\\\\]|\\\\.)*\"|'([^'\\\\]|\\\\.)*')")),
         colouredFormat(QColor(0x2e, 0x8b, 0x57))},
        {QRegularExpression(QStringLiteral("#.*$")),
         colouredFormat(QColor(0x80, 0x80, 0x80), false, true)},
    };
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : m_rules) {
        for (auto match = rule.pattern.globalMatch(text); match.hasNext();) {
            const QRegularExpressionMatch found = match.next();
            setFormat(int(found.capturedStart()), int(found.capturedLength()), rule.format);
        }
    }
}
