// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The command-line parser on arbitrary arguments: it never crashes, and refuses only with a
// message. The input is the arguments after the program's name, each ended by a NUL byte as in
// argv (so that an argument may hold a newline).

#include "commandline.h"

#include <QCommandLineParser>

#include <cstddef>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments{QStringLiteral("gatherscope")};
    for (const QByteArray &argument : bytes.split('\0'))
        arguments << QString::fromLocal8Bit(argument);
    // A trailing NUL ends the last argument; it does not start an empty one.
    if (bytes.endsWith('\0'))
        arguments.removeLast();

    QCommandLineParser parser;
    addCommandLineOptions(parser);
    const auto line = parseCommandLine(parser, arguments);
    if (const auto *error = std::get_if<QString>(&line); error && error->isEmpty()) {
        std::fputs("fuzz_command_line: refused without a message\n", stderr);
        __builtin_trap();
    }
    return 0;
}
