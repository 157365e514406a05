// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "commandline.h"

#include "atomicfile.h"
#include "scenarioloader.h"

#include <QCommandLineParser>
#include <QFileInfo>

using namespace Gatherscope;

namespace {

constexpr int maxSteps = 1000000;

//! The one SCENARIO the headless mode and --python need: an error message, or its name.
std::variant<QString, CommandLine> takeScenario(const QCommandLineParser &parser, CommandLine line)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return QStringLiteral("give exactly one SCENARIO (a file, or one of: %1); see --help")
            .arg(ScenarioLoader::bundledNames().join(QStringLiteral(", ")));
    line.scenario = positional.first();
    return line;
}

//! The headless mode's options, checked: an error message, or \a line filled in.
std::variant<QString, CommandLine> parseHeadless(const QCommandLineParser &parser, CommandLine line)
{
    auto taken = takeScenario(parser, std::move(line));
    if (std::holds_alternative<QString>(taken))
        return taken;
    line = std::get<CommandLine>(std::move(taken));
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
    line.explain = parser.isSet(QStringLiteral("explain"));
    line.tracePath = parser.value(QStringLiteral("trace"));
    if (!line.tracePath.isEmpty() && isSameFile(line.tracePath, line.scenario))
        return QStringLiteral("--trace %1 is the scenario itself; the trace would overwrite it")
            .arg(line.tracePath);
    line.runPath = parser.value(QStringLiteral("save-run"));
    if (!line.runPath.isEmpty() && isSameFile(line.runPath, line.scenario))
        return QStringLiteral("--save-run %1 is the scenario itself; the run would overwrite it")
            .arg(line.runPath);
    if (!line.runPath.isEmpty() && !line.tracePath.isEmpty() &&
        (QFileInfo(line.runPath).absoluteFilePath() ==
             QFileInfo(line.tracePath).absoluteFilePath() ||
         isSameFile(line.runPath, line.tracePath)))
        return QStringLiteral("--save-run and --trace name the same file, %1").arg(line.runPath);
    return line;
}

//! The window's own options that need checking.
std::variant<QString, CommandLine> parseWindow(const QCommandLineParser &parser, CommandLine line)
{
    if (parser.isSet(QStringLiteral("steps"))) {
        bool ok = false;
        line.steps = parser.value(QStringLiteral("steps")).toInt(&ok);
        if (!ok || line.steps < 0 || line.steps > maxSteps)
            return QStringLiteral("--steps takes a whole number from 0 to %1, not \"%2\"")
                .arg(maxSteps)
                .arg(parser.value(QStringLiteral("steps")));
    }
    const QString show = parser.value(QStringLiteral("show"));
    if (parser.isSet(QStringLiteral("show")) && !showChoices().contains(show))
        return QStringLiteral("--show takes one of %1, not \"%2\"")
            .arg(showChoices().join(QStringLiteral(", ")), show);
    return line;
}

} // namespace

void addCommandLineOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral(
            "Gatherscope: Python's asyncio.gather, made visible.\n\n"
            "Without --headless it opens a window with SCENARIO (default: basic). "
            "--headless runs SCENARIO (a JSON file, or the name of a bundled scenario: %1) and "
            "prints exactly what the equivalent Python program prints, line by line as it "
            "happens; given a run file (--save-run, or File > Save Run in the window) it prints "
            "what that run printed. Exit status: 0 when the gather returned, 1 when it raised, "
            "2 for bad input or usage.")
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
        {QStringLiteral("save-run"),
         QStringLiteral("With --headless: save the finished run as a run file, to open in the "
                        "window or print again with --headless FILE.json."),
         QStringLiteral("FILE.json")},
        {QStringLiteral("explain"),
         QStringLiteral("With --headless: after the run, tell what happened in a few sentences "
                        "on stderr (who raised, what the awaiter received, what kept running).")},
        {QStringLiteral("python"),
         QStringLiteral("Print the Python twin of SCENARIO: the asyncio program that prints what "
                        "--headless prints, and exits with the same status.")},
        {QStringLiteral("dark"), QStringLiteral("Open the window (or take the screenshot) in the "
                                                "dark theme.")},
        {QStringLiteral("presentation"),
         QStringLiteral("Open the window (or take the screenshot) in presentation mode: large, "
                        "the editor hidden.")},
        {QStringLiteral("steps"),
         QStringLiteral("Start the run paused and step N events, as F10 does (the screenshot is "
                        "taken then, with the caption of the last step)."),
         QStringLiteral("N")},
        {QStringLiteral("show"),
         QStringLiteral("With --screenshot: what the picture shows once the run is over: "
                        "python (the Python tab, with where each task ended), compare (the "
                        "return_exceptions comparison) or replay (the run replayed to half its "
                        "time)."),
         QStringLiteral("WHAT")},
        {QStringLiteral("screenshot"),
         QStringLiteral("Run SCENARIO in the window, save a PNG of it when every task has ended, "
                        "and exit. Needs no display."),
         QStringLiteral("OUT.png")},
    });
    parser.addPositionalArgument(QStringLiteral("SCENARIO"),
                                 QStringLiteral("A scenario file, or a bundled scenario's name."));
}

std::variant<QString, CommandLine> parseCommandLine(QCommandLineParser &parser,
                                                    const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return parser.errorText();
    CommandLine line;
    if (parser.isSet(QStringLiteral("help"))) {
        line.mode = CommandLine::Mode::Help;
    } else if (parser.isSet(QStringLiteral("version"))) {
        line.mode = CommandLine::Mode::Version;
    } else if (parser.isSet(QStringLiteral("python"))) {
        line.mode = CommandLine::Mode::Python;
        return takeScenario(parser, std::move(line));
    } else if (parser.isSet(QStringLiteral("headless"))) {
        line.mode = CommandLine::Mode::Headless;
        return parseHeadless(parser, std::move(line));
    } else {
        line.mode = CommandLine::Mode::Window;
        return parseWindow(parser, std::move(line));
    }
    return line;
}
