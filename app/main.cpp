// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "commandline.h"
#include "guirun.h"
#include "headlessrun.h"
#include "pythontwin.h"
#include "runfile.h"

#include "scenarioloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <algorithm>
#include <cstring>

#include <cstdio>
#include <memory>

using namespace Gatherscope;

namespace {

constexpr int usageError = 2;

int fail(const QString &message)
{
    std::fprintf(stderr, "gatherscope: %s\n", qPrintable(message));
    return usageError;
}

bool hasArgument(int argc, char *argv[], const char *name)
{
    const std::size_t length = std::strlen(name);
    return std::any_of(argv + 1, argv + argc, [&](const char *argument) {
        return std::strncmp(argument, name, length) == 0 &&
               (argument[length] == '\0' || argument[length] == '=');
    });
}

//! No display to open a window on, and no platform chosen instead: Qt would abort.
bool hasNoDisplay(int argc, char *argv[])
{
    return qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
           qEnvironmentVariableIsEmpty("DISPLAY") &&
           qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") && !hasArgument(argc, argv, "-platform");
}

//! The headless mode, the help and the version need no display; the window does: null when
//! there is none.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (hasArgument(argc, argv, "--headless") || hasArgument(argc, argv, "--python") ||
        hasArgument(argc, argv, "--help") || hasArgument(argc, argv, "-h") ||
        hasArgument(argc, argv, "--version") || hasArgument(argc, argv, "-v"))
        return std::make_unique<QCoreApplication>(argc, argv);
    // A screenshot needs no screen: render offscreen when there is none.
    if (hasArgument(argc, argv, "--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (hasNoDisplay(argc, argv))
        return nullptr;
    return std::make_unique<QApplication>(argc, argv);
}

//! The program's arguments, as QCoreApplication::arguments() gives them once it exists.
QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

//! `--python`: the Python twin of \a scenario on stdout.
int printTwin(const Scenario &scenario)
{
    std::fputs(pythonTwin(scenario).toUtf8().constData(), stdout);
    return std::fflush(stdout) == 0 ? 0 : fail(QStringLiteral("cannot write the program"));
}

//! Runs (or prints) \a run as \a command asks, until it ends: the exit status.
int runHeadless(HeadlessRun &run, const CommandLine &command)
{
    run.setExplain(command.explain);
    run.setRunPath(command.runPath);
    if (!run.start())
        return usageError;
    return QCoreApplication::exec();
}

//! `--headless RUNFILE` prints what the saved run printed; `--python RUNFILE` its twin.
int showSavedRun(const CommandLine &command)
{
    if (command.options.seed || command.options.returnExceptions)
        return fail(QStringLiteral("%1 is a run file: it shows what was recorded, so --seed and "
                                   "--return-exceptions do not apply")
                        .arg(command.scenario));
    auto loaded = RunFile::load(command.scenario);
    if (const auto *error = std::get_if<LoadError>(&loaded))
        return fail(error->toString());
    auto runner = std::get<std::unique_ptr<Runner>>(std::move(loaded));
    if (command.mode == CommandLine::Mode::Python) {
        Scenario scenario = runner->scenario();
        scenario.seed = runner->seed(); // the sleeps it drew
        return printTwin(scenario);
    }
    HeadlessRun run(std::move(runner), command.tracePath);
    return runHeadless(run, command);
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
    addCommandLineOptions(parser);
    // Without a display there is no application yet: a bad argument is still named first.
    const auto line =
        parseCommandLine(parser, app ? QCoreApplication::arguments() : argumentsOf(argc, argv));
    if (const auto *error = std::get_if<QString>(&line))
        return fail(*error);
    const auto &command = std::get<CommandLine>(line);
    switch (command.mode) {
    case CommandLine::Mode::Help:
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    case CommandLine::Mode::Version:
        std::printf("gatherscope %s\n", PROJECT_VERSION);
        return 0;
    case CommandLine::Mode::Window:
        if (!app)
            return fail(QStringLiteral("no display to open the window on (DISPLAY and "
                                       "WAYLAND_DISPLAY are unset): run with --headless, or take "
                                       "a picture with --screenshot"));
        return runGui(parser, command.steps);
    case CommandLine::Mode::Headless:
    case CommandLine::Mode::Python:
        break;
    }

    if (RunFile::isRunFileAt(command.scenario))
        return showSavedRun(command);

    auto loaded = ScenarioLoader::load(command.scenario);
    if (const auto *error = std::get_if<LoadError>(&loaded))
        return fail(error->toString());
    if (command.mode == CommandLine::Mode::Python)
        return printTwin(std::get<Scenario>(loaded));
    RunOptions options = command.options;
    // Printed as they come, the events are needed afterwards only to tell, save or trace them.
    options.keepEvents =
        command.explain || !command.runPath.isEmpty() || !command.tracePath.isEmpty();
    HeadlessRun run(std::get<Scenario>(std::move(loaded)), options, command.tracePath);
    return runHeadless(run, command);
}
