// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

//! Colours the Python twin as an editor would: keywords, built-ins, strings (f-strings too),
//! numbers and comments, readable on the light and the dark theme. Only what the twin writes.
class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);

    //! The format of a keyword (bold), for tests.
    const QTextCharFormat &keywordFormat() const { return m_rules.front().format; }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules; // later rules win: strings and comments come last
};
