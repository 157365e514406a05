// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "guirun.h"

#include "atomicfile.h"
#include "comparewindow.h"
#include "firstpaintexit.h"
#include "mainwindow.h"
#include "presentationmode.h"
#include "pythonpanel.h"
#include "replayscrubber.h"
#include "signalwatcher.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QFileInfo>
#include <QImage>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "gatherscope: %s\n", qPrintable(message));
    return 2;
}

//! Starts a run paused at 0 s and steps \a steps events, one a turn of the event loop, as
//! pressing F10 would; then calls \a done.
void stepThenCall(MainWindow &window, int steps, std::function<void()> done)
{
    auto *timer = new QTimer(&window);
    timer->setInterval(20); // time for each step's event to reach the views
    QObject::connect(timer, &QTimer::timeout, &window,
                     [&window, timer, left = steps + 1, done = std::move(done)]() mutable {
                         if (left-- == 0) {
                             timer->stop();
                             timer->deleteLater();
                             done();
                             return;
                         }
                         window.stepAction()->trigger();
                     });
    timer->start();
}

} // namespace

int runGui(const QCommandLineParser &parser, int steps)
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
        if (FirstPaintExit::isAsked()) // scripts/bench-launch: how long the window takes to open
            new FirstPaintExit(&window);
        window.show();
        if (parser.isSet(QStringLiteral("presentation")))
            window.presentation()->setOn(true);
        if (steps >= 0)
            stepThenCall(window, steps, [] {});
        QTimer::singleShot(0, &window, &MainWindow::offerRecovery);
        const int status = QApplication::exec();
        window.runController()->unwind(); // closed during a run: its tasks end before we do
        return status;
    }

    window.resize(1400, 860);
    window.show();
    if (parser.isSet(QStringLiteral("presentation"))) {
        // As a 1400 × 860 screen would show it: full screen on the offscreen platform is its
        // own default size, which is no one's screen.
        window.presentation()->setOn(true);
        window.setWindowState(window.windowState() & ~Qt::WindowFullScreen);
        window.resize(1400, 860);
    }
    const auto saveScreenshot = [&](QWidget *shown) {
        // Let the views take in the last events (and the overview its counts, read at most
        // every 100 ms while a replay is live) before the picture is taken.
        QTimer::singleShot(200, &window, [&, shown] {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            const QByteArray format = QFileInfo(screenshot).suffix().toLatin1();
            if (!shown->grab().toImage().save(&buffer, format.isEmpty() ? "PNG" : format.data()))
                return QApplication::exit(
                    fail(QStringLiteral("%1: cannot encode the screenshot as %2")
                             .arg(screenshot, QString::fromLatin1(format))));
            const QString error = Gatherscope::writeFileAtomically(screenshot, bytes);
            QApplication::exit(error.isEmpty() ? 0 : fail(error));
        });
    };
    const QString show = parser.value(QStringLiteral("show"));
    const auto showThenSave = [&] {
        if (show == u"python") {
            window.findChild<QDockWidget *>(QStringLiteral("PythonDock"))->raise();
            window.pythonPanel()->scrollToMarks();
        } else if (show == u"replay") {
            // Half way through the run's time: some tasks done, some still asleep.
            const auto &events = window.runController()->runner()->record().events();
            const auto half = events.back().time / 2;
            window.findChild<ReplayScrubber *>()->replayTo(int(std::count_if(
                events.begin(), events.end(), [half](const auto &e) { return e.time <= half; })));
        } else if (show == u"compare") {
            CompareWindow *compare = window.compareReturnExceptions();
            if (!compare)
                return QApplication::exit(fail(QStringLiteral("the scenario cannot run")));
            compare->resize(1400, 860);
            QObject::connect(compare, &CompareWindow::finished, &window,
                             [&, compare] { saveScreenshot(compare); });
            return;
        }
        saveScreenshot(&window);
    };
    if (steps < 0) {
        QObject::connect(window.runController(), &RunController::runFinished, &window,
                         showThenSave);
        QTimer::singleShot(0, &window, &MainWindow::runScenario);
    } else {
        stepThenCall(window, steps, showThenSave);
    }
    const int status = QApplication::exec();
    window.runController()->unwind(); // a picture of a paused run: its tasks end before we do
    return status;
}
