#include "guirun.h"

#include "mainwindow.h"
#include "timelinewidget.h"

#include <QApplication>
#include <QCommandLineParser>
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

    MainWindow window;
    if (!window.openScenario(scenario, !screenshot.isEmpty()) && !screenshot.isEmpty())
        return fail(QStringLiteral("%1: cannot be opened").arg(scenario));
    if (parser.isSet(QStringLiteral("instant")))
        window.instantAction()->setChecked(true);
    if (screenshot.isEmpty()) {
        window.show();
        return QApplication::exec();
    }

    window.resize(1400, 860);
    window.show();
    QObject::connect(window.runController(), &RunController::runFinished, &window, [&] {
        // Let the views take in the last events before the picture is taken.
        QTimer::singleShot(50, &window, [&] {
            const QImage image = window.grab().toImage();
            if (!image.save(screenshot))
                QApplication::exit(
                    fail(QStringLiteral("%1: cannot write the screenshot").arg(screenshot)));
            else
                QApplication::exit(0);
        });
    });
    QTimer::singleShot(0, &window, &MainWindow::runScenario);
    return QApplication::exec();
}
