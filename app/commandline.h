// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "runner.h"

#include <QString>
#include <QStringList>

#include <variant>

class QCommandLineParser;

//! What the command line asks for. Only the headless mode's fields are checked and filled in:
//! the window reads the rest from the parser itself (see runGui()).
struct CommandLine {
    enum class Mode { Help, Version, Window, Headless, Python };

    Mode mode = Mode::Window;
    QString scenario;
    Gatherscope::RunOptions options;
    QString tracePath;
    QString runPath;      //!< `--save-run`: where to save the finished run
    bool explain = false; //!< `--explain`: tell what happened on stderr
    //! The window's `--steps N`: start the run paused and step N events; -1 when not given.
    int steps = -1;
};

//! What `--show` may ask the screenshot to show.
inline QStringList showChoices()
{
    return {QStringLiteral("python"), QStringLiteral("compare"), QStringLiteral("replay")};
}

//! Declares the description, the options and the positional SCENARIO on \a parser.
void addCommandLineOptions(QCommandLineParser &parser);

//! Parses \a arguments (the program's name first) with \a parser, set up by
//! addCommandLineOptions(): an error message for the user, or what to do. Never exits the
//! process, unlike QCommandLineParser::process(): `--help` and `--version` are modes here.
std::variant<QString, CommandLine> parseCommandLine(QCommandLineParser &parser,
                                                    const QStringList &arguments);
