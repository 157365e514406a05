// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "guirun.h"

#include "atomicfile.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImage>
#include <QTimer>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "gatherscope: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int runGui(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("give at most one SCENARIO; see --help"));
    const QString scenario = positional.value(0, QStringLiteral("basic"));
    const QString screenshot = parser.value(QStringLiteral("screenshot"));

    // Watching from before the window exists, so that no moment of its life is unguarded.
    SignalWatcher stopRequests;
    // A screenshot is the same on every machine: it ignores what this one saved.
    MainWindow window(screenshot.isEmpty() ? MainWindow::Settings::Use
                                           : MainWindow::Settings::Ignore);
    // Stopped from outside (logout, `kill`): no question can be answered now, so unsaved
    // changes go to the autosave, which the next start offers back.
    QObject::connect(&stopRequests, &SignalWatcher::caught, &window, [&window](int signal) {
        window.keepUnsavedChanges();
        QApplication::exit(SignalWatcher::exitStatusFor(signal));
    });
    if (parser.isSet(QStringLiteral("dark")))
        window.setDarkTheme(true);
    if (!window.openScenario(scenario, !screenshot.isEmpty()) && !screenshot.isEmpty())
        return fail(QStringLiteral("%1: cannot be opened").arg(scenario));
    if (parser.isSet(QStringLiteral("instant")))
        window.instantAction()->setChecked(true);
    if (screenshot.isEmpty()) {
        window.show();
        QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
        return QApplication::exec();
    }

    window.resize(1400, 860);
    window.show();
    QObject::connect(window.runController(), &RunController::runFinished, &window, [&] {
        // Let the views take in the last events before the picture is taken.
        QTimer::singleShot(50, &window, [&] {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            const QByteArray format = QFileInfo(screenshot).suffix().toLatin1();
            if (!window.grab().toImage().save(&buffer, format.isEmpty() ? "PNG" : format.data()))
                return QApplication::exit(
                    fail(QStringLiteral("%1: cannot encode the screenshot as %2")
                             .arg(screenshot, QString::fromLatin1(format))));
            const QString error = Gatherscope::writeFileAtomically(screenshot, bytes);
            QApplication::exit(error.isEmpty() ? 0 : fail(error));
        });
    });
    QTimer::singleShot(0, &window, &MainWindow::runScenario);
    return QApplication::exec();
}
