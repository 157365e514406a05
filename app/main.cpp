// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "guirun.h"
#include "headlessrun.h"

#include "atomicfile.h"
#include "scenarioloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstring>

#include <cstdio>
#include <memory>
#include <optional>

using namespace Gatherscope;

namespace {

constexpr int usageError = 2;

int fail(const QString &message)
{
    std::fprintf(stderr, "gatherscope: %s\n", qPrintable(message));
    return usageError;
}

struct CommandLine {
    QString scenario;
    RunOptions options;
    QString tracePath;
};

//! Reads the command line; an error message, or the parsed options.
std::variant<QString, CommandLine> parseCommandLine(QCommandLineParser &parser)
{
    CommandLine line;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return QStringLiteral("give exactly one SCENARIO (a file, or one of: %1); see --help")
            .arg(ScenarioLoader::bundledNames().join(QStringLiteral(", ")));
    line.scenario = positional.first();
    line.options.clockMode = parser.isSet(QStringLiteral("instant")) ? ScenarioClock::Mode::Virtual
                                                                     : ScenarioClock::Mode::Real;
    if (parser.isSet(QStringLiteral("speed"))) {
        bool ok = false;
        line.options.speed = parser.value(QStringLiteral("speed")).toDouble(&ok);
        // Written so that NaN, which compares false with everything, is refused too.
        if (!ok || !(line.options.speed >= 0.01 && line.options.speed <= 1000))
            return QStringLiteral("--speed takes a number from 0.01 to 1000, not \"%1\"")
                .arg(parser.value(QStringLiteral("speed")));
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        line.options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return QStringLiteral("--seed takes a whole number ≥ 0, not \"%1\"")
                .arg(parser.value(QStringLiteral("seed")));
    }
    if (parser.isSet(QStringLiteral("return-exceptions"))) {
        const QString value = parser.value(QStringLiteral("return-exceptions"));
        if (value != u"true" && value != u"false")
            return QStringLiteral("--return-exceptions takes true or false, not \"%1\"").arg(value);
        line.options.returnExceptions = value == u"true";
    }
    line.tracePath = parser.value(QStringLiteral("trace"));
    if (!line.tracePath.isEmpty() && isSameFile(line.tracePath, line.scenario))
        return QStringLiteral("--trace %1 is the scenario itself; the trace would overwrite it")
            .arg(line.tracePath);
    return line;
}

bool hasArgument(int argc, char *argv[], const char *name)
{
    const std::size_t length = std::strlen(name);
    return std::any_of(argv + 1, argv + argc, [&](const char *argument) {
        return std::strncmp(argument, name, length) == 0 &&
               (argument[length] == '\0' || argument[length] == '=');
    });
}

//! The headless mode, the help and the version need no display; the window does.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (hasArgument(argc, argv, "--headless") || hasArgument(argc, argv, "--help") ||
        hasArgument(argc, argv, "-h") || hasArgument(argc, argv, "--version") ||
        hasArgument(argc, argv, "-v"))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A screenshot needs no screen: render offscreen when there is none.
    if (hasArgument(argc, argv, "--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const auto app = makeApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Gatherscope"));
    QCoreApplication::setApplicationName(QStringLiteral("gatherscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // Lets a desktop (Wayland especially) match the window to its installed entry and icon.
    if (qobject_cast<QGuiApplication *>(app.get()))
        QGuiApplication::setDesktopFileName(QStringLiteral("org.gatherscope.Gatherscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Gatherscope: Python's asyncio.gather, made visible.\n\n"
            "Without --headless it opens a window with SCENARIO (default: basic). "
            "--headless runs SCENARIO (a JSON file, or the name of a bundled scenario: %1) and "
            "prints exactly what the equivalent Python program prints, line by line as it "
            "happens. Exit status: 0 when the gather returned, 1 when it raised, 2 for bad "
            "input or usage.")
            .arg(ScenarioLoader::bundledNames().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("headless"), QStringLiteral("Run without a window and print to stdout.")},
        {QStringLiteral("instant"),
         QStringLiteral(
             "Run on the virtual clock: no waiting, same output, always the same order.")},
        {QStringLiteral("speed"), QStringLiteral("Scenario seconds per real second (default 1)."),
         QStringLiteral("X")},
        {QStringLiteral("seed"),
         QStringLiteral("Seed for random sleeps (overrides the file; without any, a fresh seed is "
                        "drawn and printed on stderr)."),
         QStringLiteral("N")},
        {QStringLiteral("return-exceptions"),
         QStringLiteral("Override the scenario's return_exceptions."),
         QStringLiteral("true|false")},
        {QStringLiteral("trace"),
         QStringLiteral("Write the run as Chrome Trace Event JSON (opens in Perfetto)."),
         QStringLiteral("FILE.json")},
        {QStringLiteral("dark"), QStringLiteral("Open the window (or take the screenshot) in the "
                                                "dark theme.")},
        {QStringLiteral("screenshot"),
         QStringLiteral("Run SCENARIO in the window, save a PNG of it when every task has ended, "
                        "and exit. Needs no display."),
         QStringLiteral("OUT.png")},
    });
    parser.addPositionalArgument(QStringLiteral("SCENARIO"),
                                 QStringLiteral("A scenario file, or a bundled scenario's name."));
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("gatherscope %s\n", PROJECT_VERSION);
        return 0;
    }
    if (!parser.isSet(QStringLiteral("headless")))
        return runGui(parser);

    const auto line = parseCommandLine(parser);
    if (const auto *error = std::get_if<QString>(&line))
        return fail(*error);
    const auto &command = std::get<CommandLine>(line);
    auto loaded = ScenarioLoader::load(command.scenario);
    if (const auto *error = std::get_if<LoadError>(&loaded))
        return fail(error->toString());

    HeadlessRun run(std::get<Scenario>(std::move(loaded)), command.options, command.tracePath);
    if (!run.start())
        return 2;
    return QCoreApplication::exec();
}
