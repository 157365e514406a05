// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The window as a person uses it: open, run, read the results, edit, cancel, save.

#include "coroutinetest.h"
#include "scenariofixtures.h"

#include "atomicfile.h"
#include "autosave.h"
#include "comparewindow.h"
#include "consolemodel.h"
#include "exporter.h"
#include "fulldisk.h"
#include "mainwindow.h"
#include "narration.h"
#include "overviewtrack.h"
#include "presentationmode.h"
#include "pythonpanel.h"
#include "pythontwin.h"
#include "replayscrubber.h"
#include "resultmodel.h"
#include "resultspanel.h"
#include "runicons.h"
#include "runner.h"
#include "scenariodocument.h"
#include "scenarioeditor.h"
#include "scenariohistory.h"
#include "scenarioloader.h"
#include "scenariomodel.h"
#include "scenariorules.h"
#include "taskcounts.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"
#include "traceexport.h"
#include "windowscale.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

#include <unistd.h> // link(): a hard link

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace MainWindowTestSupport {

//! Presses F5 in the window and waits for every task to end.
bool runAndWait(MainWindow &window)
{
    QSignalSpy finished(window.runController(), &RunController::runFinished);
    QTest::keyClick(&window, Qt::Key_F5);
    return finished.wait(10000);
}

//! A scenario file in a folder of its own, for what the window does when another program
//! writes it: the basic example until a test changes `scenario`.
struct WatchedFile {
    explicit WatchedFile(const QString &name)
        : path(dir.filePath(name))
    {}
    //! Saves `scenario` to the file, as this program does (a new file renamed over it).
    bool save() const { return ScenarioLoader::save(scenario, path).isEmpty(); }
    //! Writes \a bytes into the file in place, as a shell's `>` does: it is emptied first.
    bool writeInPlace(const QByteArray &bytes) const
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
               file.write(bytes) == bytes.size();
    }
    //! Saves it and opens it in \a window.
    bool openIn(MainWindow &window) const
    {
        return QDir().mkpath(QFileInfo(path).absolutePath()) && save() && window.openScenario(path);
    }

    QTemporaryDir dir;
    QString path;
    Scenario scenario = bundledScenario(QStringLiteral("basic"));
};

//! The bar over the editor that offers to reload a file changed on disk.
QWidget *reloadBarOf(MainWindow &window)
{
    return window.findChild<QWidget *>(QStringLiteral("reloadBar"));
}

//! What that bar says.
QString reloadOffer(MainWindow &window)
{
    return reloadBarOf(window)->findChildren<QLabel *>().first()->text();
}

//! Answers the message box that shows next, if one shows while the answer lives and before
//! the event loop turns once more, with \a button; \a asked gets its text (empty: none
//! showed). An answer not taken goes with the returned object, so it answers no later box.
[[nodiscard]] std::unique_ptr<QObject> answerNextBox(QMessageBox::StandardButton button,
                                                     QString *asked)
{
    asked->clear();
    auto answer = std::make_unique<QObject>();
    QTimer::singleShot(0, answer.get(), [asked, button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *asked = box->text();
            box->button(button)->click();
        }
    });
    return answer;
}

//! Opens \a path in a window of its own, edits its title to "Edited, never saved", waits for
//! the autosave's copy of it and lets the window go without closing it, as a crash does. False
//! if a step failed, or if the running window's copy was taken for an orphan.
bool crashWithAnUnsavedEdit(const QString &path)
{
    MainWindow crashing;
    if (!crashing.openScenario(path))
        return false;
    crashing.editor()->model()->setTitle(QStringLiteral("Edited, never saved"));
    // Written a moment after the change, without being asked.
    const bool copied = QTest::qWaitFor(
        [] {
            return !QDir(Autosave::defaultFolder()).entryList({QStringLiteral("*.json")}).isEmpty();
        },
        Autosave::delayMs * 3);
    return copied && Autosave::orphans(Autosave::defaultFolder()).empty();
}

//! File ▸ Save of \a window.
QAction *saveActionOf(MainWindow &window)
{
    const auto actions = window.findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == QStringLiteral("&Save"))
            return action;
    }
    qFatal("no Save action");
}

QPushButton *findButton(QWidget *parent, const QString &text)
{
    const auto buttons = parent->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        if (button->text() == text)
            return button;
    }
    qFatal("no button %s", qPrintable(text));
}

//! The Python panel of \a window brought to the front, with its program's lines.
struct ShownProgram {
    PythonPanel *panel;
    TwinLines lines;
    QStringList text;
};
ShownProgram showPythonPanel(MainWindow &window)
{
    PythonPanel *panel = window.pythonPanel();
    window.findChild<QDockWidget *>(u"PythonDock"_s)->raise();
    const QString program = panel->program();
    return {panel, findTwinLines(program), program.split(u'\n')};
}

} // namespace MainWindowTestSupport
using namespace MainWindowTestSupport;

class MainWindowTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QCoreApplication::setOrganizationName(u"GatherscopeTest"_s);
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window->editor()->model()->setModified(false); // no unsaved-changes prompt
        m_window.reset();
    }

    void advancedRunsInstantlyAndShowsEverything()
    {
        QVERIFY(m_window->openScenario(u"advanced"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));

        QCOMPARE(columnTexts(*m_window->resultModel(), ResultModel::ResultColumn),
                 strings({"5.0", "ZeroDivisionError: Cannot divide by zero", "6.0"}));
        QCOMPARE(columnTexts(*m_window->consoleModel(), ConsoleModel::LineColumn),
                 strings({"Dividing 10 by 2", "Dividing 20 by 0", "Dividing 30 by 5", "Result: 5.0",
                          "Error: Cannot divide by zero", "Result: 6.0"}));
        const TimelineModel &timeline = *m_window->timelineModel();
        QCOMPARE(timeline.rowCount(), 4);
        QCOMPARE(columnTexts(timeline, 0),
                 strings({"Advanced example", "divide(10, 2)", "divide(20, 0)", "divide(30, 5)"}));
        QCOMPARE(timeline.lane(2).markers.back().kind, TimelineMarker::Kind::Exception);
        QCOMPARE(timeline.lane(1).markers.back().kind, TimelineMarker::Kind::Finish);
        QCOMPARE(timeline.lane(0).markers.back().kind, TimelineMarker::Kind::GatherReturn);
        QCOMPARE(timeline.settleTime().value(), secondsToScenarioTime(1));
        // what happened, in words, under the results
        const auto *narration = m_window->findChild<QLabel *>(u"narration"_s);
        QVERIFY(narration && narration->isVisible());
        QCOMPARE(narration->text(),
                 narrate(m_window->runController()->runner()->record()).join(u' '));
        QVERIFY(narration->text().startsWith(u"At 0 s the gather started its 3 tasks"_s));
    }

    void aLargeInstantRunEndsWithItsOverviewWhole()
    {
        // 240,000 events: more than the overview reads in a frame of a finished run, so it
        // reads part of the run as it goes and the rest over a few frames after it.
        const int tasks = 40000;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"many.json"_s);
        const QByteArray json = sayHelloFile(tasks);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
        file.close();
        QVERIFY(m_window->openScenario(path));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        const OverviewTrack *overview = m_window->timeline()->overview();
        const ScenarioTime end = secondsToScenarioTime(5);
        QTRY_VERIFY_WITH_TIMEOUT(
            overview->counts().caughtUp() && overview->counts().at(end).done == tasks, 5000);
        QCOMPARE(overview->counts().at(secondsToScenarioTime(2.5)),
                 (TaskCounts::Counts{0, 24000, 16000}));
    }

    void thePythonPanelShowsTheTwinAndWhereEachTaskIs()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        PythonPanel *panel = m_window->pythonPanel();
        ScenarioModel *model = m_window->editor()->model();
        QCOMPARE(panel->program(), pythonTwin(model->scenario()));
        QCOMPARE(panel->view()->toPlainText(), panel->program());
        QVERIFY(panel->marks().empty()); // nothing runs yet

        model->setTitle(u"Fail fast, edited"_s); // the program follows the scenario
        QVERIFY(panel->program().startsWith(u"# Fail fast, edited\n"_s));
        panel->copy();
        QCOMPARE(QApplication::clipboard()->text(), panel->program());

        // Keywords are coloured: `async` of `async def say_hello` is bold.
        const QTextBlock block = panel->view()->document()->findBlockByNumber(
            int(panel->program()
                    .left(panel->program().indexOf(u"async def say_hello"_s))
                    .count(u'\n')));
        const auto formats = block.layout()->formats();
        QVERIFY(std::any_of(formats.begin(), formats.end(), [](const QTextLayout::FormatRange &r) {
            return r.start == 0 && r.length == 5 && r.format.fontWeight() == QFont::Bold;
        }));

        // Stepped to 0 s, after the three have gone to sleep: all at divide's await.
        const TwinLines lines = findTwinLines(panel->program());
        QTest::keyClick(m_window.get(), Qt::Key_F10); // a run, paused at 0 s
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Paused);
        auto *caption = m_window->findChild<QLabel *>(u"stepCaption"_s);
        for (int step = 0; step < 10; ++step) {
            const QString before = caption->text();
            QTest::keyClick(m_window.get(), Qt::Key_F10);
            QTRY_VERIFY(caption->text() != before);
        }
        QTRY_COMPARE(panel->marks(),
                     (std::map<int, QString>{
                         {lines.divideSleep, u"divide(10, 2), divide(20, 0), divide(30, 5)"_s}}));
        m_window->runController()->cancel();

        // After a whole run: the two quotients at divide's return, the division by zero at its
        // raise, each line marked with the names.
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(panel->marks(),
                 (std::map<int, QString>{{lines.divideRaise, u"divide(20, 0)"_s},
                                         {lines.divideReturn, u"divide(10, 2), divide(30, 5)"_s}}));
        const QStringList text = panel->program().split(u'\n');
        QCOMPARE(text[lines.divideRaise].trimmed(),
                 u"raise ZeroDivisionError(\"Cannot divide by zero\")"_s);
        QCOMPARE(text[lines.divideReturn].trimmed(), u"return x / y"_s);

        // Behind the Scenario tab the panel reads nothing while a run goes on (Qt keeps a tab
        // behind visible, out of sight): it still shows the last run's two lines. Its tab
        // brought to the front, it shows where the tasks are now: asleep at divide's await.
        auto *pythonDock = m_window->findChild<QDockWidget *>(u"PythonDock"_s);
        QVERIFY(pythonDock->visibleRegion().isEmpty());
        QCOMPARE(panel->view()->extraSelections().size(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_F10);
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Paused);
        for (int step = 0; step < 10; ++step) {
            const QString before = caption->text();
            QTest::keyClick(m_window.get(), Qt::Key_F10);
            QTRY_VERIFY(caption->text() != before);
        }
        QCOMPARE(panel->view()->extraSelections().size(), 2);
        pythonDock->raise();
        QTRY_COMPARE(panel->view()->extraSelections().size(), 1);
        QCOMPARE(panel->view()->extraSelections().front().cursor.blockNumber(), lines.divideSleep);
        m_window->runController()->cancel();
    }

    void thePythonPanelWritesTheProgramWhenItsTabComesToTheFront()
    {
        // Out of sight behind the Scenario tab, an edit is not written into the panel (at
        // 100,000 tasks that took half of the window's opening); its tab brought to the front,
        // the panel shows the program as it is now.
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        PythonPanel *panel = m_window->pythonPanel();
        auto *pythonDock = m_window->findChild<QDockWidget *>(u"PythonDock"_s);
        QVERIFY(pythonDock->visibleRegion().isEmpty());
        m_window->editor()->model()->setTitle(u"Behind its tab"_s);
        QVERIFY(!panel->view()->toPlainText().startsWith(u"# Behind its tab\n"_s));
        pythonDock->raise();
        QTRY_VERIFY(panel->view()->toPlainText().startsWith(u"# Behind its tab\n"_s));
        QCOMPARE(panel->view()->toPlainText(), panel->program());

        // In sight, an edit is written at once.
        m_window->editor()->model()->setTitle(u"In front"_s);
        QVERIFY(panel->view()->toPlainText().startsWith(u"# In front\n"_s));
    }

    void thePythonPanelWritesALongProgramAFewThousandLinesATurn()
    {
        // 3,000 tasks: a program of 3,045 lines. In sight, the panel writes the first 2,000 at
        // once, the rest a turn later (100,000 tasks' program held the window's first paint
        // for half a second), and tells how far it is meanwhile.
        auto *pythonDock = m_window->findChild<QDockWidget *>(u"PythonDock"_s);
        pythonDock->raise();
        QTRY_VERIFY(!pythonDock->visibleRegion().isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.json"_s);
        const QByteArray json = sayHelloFile(3000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(json) == json.size());
        file.close();
        QVERIFY(m_window->openScenario(path));
        PythonPanel *panel = m_window->pythonPanel();
        const QString program = panel->program();
        QCOMPARE(program.count(u'\n'), 3045);
        const QPlainTextEdit *view = panel->view();
        const auto *note = panel->findChild<QLabel *>(u"writingNote"_s);
        QCOMPARE(view->blockCount(), 2001); // 2,000 lines, and the next one begun
        QCOMPARE(view->toPlainText(), program.left(view->toPlainText().size()));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), u"Writing the program: %1 of %2 lines"_s.arg(
                                   QLocale().toString(2000), QLocale().toString(3045)));
        QTRY_COMPARE(view->toPlainText(), program);
        QVERIFY(note->isHidden());
        QCOMPARE(view->textCursor().position(), 0); // as setPlainText() leaves it
        // Highlighted to its end: `return` of main's last line, `return status`, is bold.
        const QTextBlock last = view->document()->findBlockByNumber(3041);
        QCOMPARE(last.text(), u"    return status"_s);
        const auto formats = last.layout()->formats();
        QVERIFY(std::any_of(formats.begin(), formats.end(), [](const QTextLayout::FormatRange &r) {
            return r.start == 4 && r.length == 6 && r.format.fontWeight() == QFont::Bold;
        }));

        // Edited, a program this long is written again once the edits pause, not a keystroke at
        // a time; what needs every line (the marks, a scroll to them) has it all at once.
        ScenarioModel *model = m_window->editor()->model();
        model->setTitle(u"Edited"_s);
        QCOMPARE(view->toPlainText(), program);
        QVERIFY(panel->marks().empty());
        QCOMPARE(view->toPlainText(), panel->program());
        QVERIFY(view->toPlainText().startsWith(u"# Edited\n"_s));
        QVERIFY(note->isHidden());
        for (const QString &typed : {u"E"_s, u"Ed"_s, u"Edi"_s})
            model->setTitle(typed);
        QVERIFY(view->toPlainText().startsWith(u"# Edited\n"_s));
        QTRY_VERIFY(view->toPlainText().startsWith(u"# Edi\n"_s));
        QTRY_COMPARE(view->toPlainText(), panel->program());
    }

    void thePythonPanelMarksAComputeAtItsAwaitWhileItsWorkerRuns()
    {
        QVERIFY(m_window->openScenario(u"compute"_s));
        const auto [panel, lines, text] = showPythonPanel(*m_window);
        QCOMPARE(text[lines.computePrint].trimmed(),
                 u"print(f\"Computing {work.__name__}({n}) on a worker thread\")"_s);
        QVERIFY(text[lines.computeAwait].contains(u"asyncio.to_thread(work, n)"_s));
        QCOMPARE(text[lines.computeReturn].trimmed(), u"return result"_s);

        // Stepped until Grace returned at 0.5 s: both computes wait on their workers.
        QTest::keyClick(m_window.get(), Qt::Key_F10);
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Paused);
        auto *caption = m_window->findChild<QLabel *>(u"stepCaption"_s);
        for (int step = 0; step < 40 && !caption->text().contains(u"'Grace is done'"_s); ++step) {
            const QString before = caption->text();
            QTest::keyClick(m_window.get(), Qt::Key_F10);
            QTRY_VERIFY(caption->text() != before);
        }
        QTRY_COMPARE(panel->marks(),
                     (std::map<int, QString>{
                         {lines.helloSleep, u"say_hello('Ada')"_s},
                         {lines.helloReturn, u"say_hello('Grace')"_s},
                         {lines.computeAwait,
                          u"compute(sum_primes, 2000000), compute(count_primes, 1000000)"_s}}));
        m_window->runController()->cancel();

        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(panel->marks(),
                 (std::map<int, QString>{
                     {lines.helloReturn, u"say_hello('Ada'), say_hello('Grace')"_s},
                     {lines.computeReturn,
                      u"compute(sum_primes, 2000000), compute(count_primes, 1000000)"_s}}));
    }

    void thePythonPanelMarksABlockingSleepThatEndedAtItsReturn()
    {
        QVERIFY(m_window->openScenario(u"blocking"_s));
        const auto [panel, lines, text] = showPythonPanel(*m_window);
        QCOMPARE(text[lines.blockingSleep].trimmed().left(17), u"time.sleep(sleep)"_s);
        QCOMPARE(text[lines.blockingReturn].trimmed(), u"return sleep"_s);
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(panel->marks(), (std::map<int, QString>{
                                     {lines.helloReturn, u"say_hello('Ada'), say_hello('Grace')"_s},
                                     {lines.blockingReturn, u"blocking_sleep(2)"_s}}));
    }

    // A teacher prepares runs before class: saved, then opened again, the window shows the
    // same timeline, results, console and narration without running anything.
    void aSavedRunOpensAgainWithoutRunning()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fail-fast-run.json"_s);
        QAction *saveRun = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            if (action->text() == u"Save &Run As…"_s)
                saveRun = action;
        }
        QVERIFY(saveRun);
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        QVERIFY(!saveRun->isEnabled()); // nothing has run yet
        QVERIFY(!m_window->saveRunAs(path));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QVERIFY(saveRun->isEnabled());
        const Runner *ran = m_window->runController()->runner();
        const std::vector<TaskEvent> events = ran->record().events().toVector();
        const Scenario scenario = ran->scenario();
        const QString console = m_window->consoleModel()->text();
        auto *received = m_window->findChild<QLabel *>(u"awaiterReceived"_s);
        auto *narration = m_window->findChild<QLabel *>(u"narration"_s);
        const QString summary = received->text();
        const QString story = narration->text();
        QVERIFY(m_window->saveRunAs(path));

        QVERIFY(m_window->openScenario(u"basic"_s));
        QVERIFY(m_window->openScenario(path));
        QCOMPARE(m_window->findChild<ScenarioDocument *>()->recentFiles().value(0),
                 QFileInfo(path).absoluteFilePath());
        const RunController *shown = m_window->runController();
        QCOMPARE(shown->state(), RunController::State::Finished);
        QVERIFY(shown->runner()->record().events().toVector() == events);
        QCOMPARE(m_window->consoleModel()->text(), console);
        QCOMPARE(received->text(), summary);
        QCOMPARE(narration->text(), story);
        QCOMPARE(m_window->timelineModel()->lane(0).markers.back().kind,
                 TimelineMarker::Kind::GatherRaise);
        QCOMPARE(m_window->timelineModel()->settleTime(), std::optional(ScenarioTime(1000000)));
        // Its scenario is in the editor as a new document: Save never writes over the run.
        QVERIFY(m_window->editor()->model()->scenario() == scenario);
        QCOMPARE(m_window->currentFile(), QString());

        // A damaged run file is refused and the run shown stays.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        QVERIFY(!m_window->openScenario(path, true));
        QVERIFY(m_window->runController()->runner()->record().events().toVector() == events);
    }

    // File ▸ Compare With…: the scenario in the editor above a saved run or another scenario.
    void compareWithPutsAnyTwoRunsOnOneAxis()
    {
        QTemporaryDir dir;
        const QString runPath = dir.filePath(u"fail-fast-run.json"_s);
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QVERIFY(m_window->saveRunAs(runPath));
        QVERIFY(m_window->openScenario(u"advanced"_s));
        CompareWindow *compare = m_window->compareWith(runPath, true);
        QVERIFY(compare);
        QTRY_VERIFY(compare->isFinished());
        QCOMPARE(compare->difference(),
                 u"In Advanced example, gather returned 3 results at 1 s; in fail-fast-run.json, "
                 "gather raised ZeroDivisionError at 1 s and divide(30, 5) finished unseen at 3 "
                 "s."_s);
        QCOMPARE(compare->windowTitle(), u"Compare Advanced example with fail-fast-run.json"_s);
        QCOMPARE(compare->timeline(true)->view()->model()->lane(0).markers.back().kind,
                 TimelineMarker::Kind::GatherRaise);
        // A scenario file runs there on the virtual clock; what cannot be read is refused.
        const QString scenarioPath = dir.filePath(u"advanced-copy.json"_s);
        QVERIFY(m_window->saveScenarioAs(scenarioPath));
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        compare = m_window->compareWith(scenarioPath, true);
        QVERIFY(compare);
        QTRY_VERIFY(compare->isFinished());
        QVERIFY(compare->difference().endsWith(
            u"in advanced-copy.json, gather returned 3 results at 1 s."_s));
        QVERIFY(!m_window->compareWith(dir.filePath(u"missing.json"_s), true));
    }

    void compareShowsBothRunsOnOneAxisAndSaysWhatDiffers()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        QTest::keyClick(m_window.get(), Qt::Key_F5, Qt::ControlModifier | Qt::ShiftModifier);
        auto *compare = m_window->findChild<CompareWindow *>();
        QVERIFY(compare);
        QTRY_VERIFY(compare->isFinished());
        QCOMPARE(compare->difference(),
                 u"With False, gather raised ZeroDivisionError at 1 s and divide(30, 5) finished "
                 "unseen at 3 s; with True, gather returned 3 results at 3 s."_s);
        // Zooming the upper timeline moves the lower one with it, and back.
        TimelineView *above = compare->timeline(false)->view();
        TimelineView *below = compare->timeline(true)->view();
        above->zoom().zoomAt(3, 200);
        QCOMPARE(below->zoom().geometry().start, above->zoom().geometry().start);
        QCOMPARE(below->zoom().geometry().microsPerPixel, above->zoom().geometry().microsPerPixel);
        below->zoom().pan(40);
        QCOMPARE(above->zoom().geometry().start, below->zoom().geometry().start);
        QVERIFY(below->model()->lane(0).markers.back().kind == TimelineMarker::Kind::GatherReturn);
        QVERIFY(above->model()->lane(0).markers.back().kind == TimelineMarker::Kind::GatherRaise);
        // A second comparison replaces the first.
        QPointer<CompareWindow> first = compare;
        QVERIFY(m_window->compareReturnExceptions());
        QTRY_VERIFY(!first);
    }

    void theReplayScrubberShowsAnyMomentOfAFinishedRun()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        auto *scrubber = m_window->findChild<ReplayScrubber *>();
        QVERIFY(scrubber && !scrubber->isEnabled()); // nothing to replay yet
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        const auto &events = m_window->runController()->runner()->record().events();
        QVERIFY(scrubber->isEnabled());
        QCOMPARE(scrubber->slider()->maximum(), int(events.size()));
        QCOMPARE(m_window->consoleModel()->rowCount(), 4);

        // After the first three events: the gather started, divide(10, 2) started and printed.
        scrubber->replayTo(3);
        QCOMPARE(columnTexts(*m_window->consoleModel(), ConsoleModel::LineColumn),
                 strings({"Dividing 10 by 2"}));
        TimelineView *view = m_window->timeline()->view();
        QCOMPARE(m_window->timelineModel()->lane(1).markers.size(), std::size_t(2));
        QVERIFY(view->isLive()); // the now line stands at the replayed moment
        QCOMPARE(view->selectedEvent(), 2);
        QCOMPARE(m_window->resultModel()->summary(), u"pending: the gather is running"_s);

        // Right on the timeline: one event on; Left from the end: one back.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(scrubber->slider()->value(), 4);
        scrubber->replayTo(int(events.size()));
        QCOMPARE(m_window->consoleModel()->rowCount(), 4);
        QVERIFY(!view->isLive());
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(scrubber->slider()->value(), int(events.size()) - 1);
        QCOMPARE(m_window->timelineModel()->lane(3).markers.back().kind,
                 TimelineMarker::Kind::Wake); // divide(30, 5) woke; its value is the last event
    }

    void aBadCellDisablesRunAndSaysWhy()
    {
        QVERIFY(m_window->openScenario(u"advanced"_s));
        QVERIFY(m_window->runAction()->isEnabled());
        ScenarioModel *model = m_window->editor()->model();
        const QModelIndex y = model->index(1, ScenarioModel::ParametersColumn);
        QVERIFY(model->setData(y, u"20, zero"_s, Qt::EditRole));
        QVERIFY(!m_window->runAction()->isEnabled());
        QVERIFY2(m_window->runAction()->toolTip().startsWith(u"Cannot run: tasks[1]"_s),
                 qPrintable(m_window->runAction()->toolTip()));
        QVERIFY(m_window->isWindowModified());
        QVERIFY(model->setData(y, u"20, 4"_s, Qt::EditRole));
        QVERIFY(m_window->runAction()->isEnabled());
    }

    void cancellingARealTimeRunEndsEveryLaneInACancellation()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        m_window->instantAction()->setChecked(false);
        QSignalSpy finished(m_window->runController(), &RunController::runFinished);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_window->runController()->isActive());
        // Real time: wait until both tasks are asleep (they sleep 1 and 2 seconds).
        QVERIFY(processEventsUntil([&] {
            const TimelineModel &lanes = *m_window->timelineModel();
            return lanes.rowCount() == 3 && lanes.lane(2).segments.size() == 2;
        }));
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(finished.wait(5000));
        const TimelineModel &timeline = *m_window->timelineModel();
        for (int row = 1; row < timeline.rowCount(); ++row)
            QCOMPARE(timeline.lane(row).markers.back().kind, TimelineMarker::Kind::Cancel);
        QCOMPARE(timeline.lane(0).markers.back().kind, TimelineMarker::Kind::GatherRaise);
        QCOMPARE(m_window->resultModel()->summary(), u"gather raised CancelledError"_s);
    }

    void runningAgainReplacesTheActiveRun()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        m_window->instantAction()->setChecked(false);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        Runner *first = m_window->runController()->runner();
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QVERIFY(m_window->runController()->runner() != first);
        QCOMPARE(columnTexts(*m_window->consoleModel(), ConsoleModel::LineColumn).size(), 5);
    }

    // A real-time run is interrupted in each way a person can: another file opened, the
    // window closed. Its tasks unwind without touching what is gone (ASan checks that).
    void openingAFileOrClosingTheWindowDuringARunIsSafe()
    {
        QVERIFY(m_window->openScenario(u"classroom"_s));
        m_window->instantAction()->setChecked(false);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(m_window->runController()->state(), RunController::State::Running);
        QTRY_VERIFY(m_window->consoleModel()->rowCount() > 0);
        QVERIFY(m_window->openScenario(u"basic"_s));
        QCOMPARE(m_window->runController()->state(), RunController::State::Idle);
        QCOMPARE(m_window->consoleModel()->rowCount(), 0);

        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QTRY_VERIFY(m_window->consoleModel()->rowCount() > 0);
        QCOMPARE(m_window->runController()->state(), RunController::State::Running);
        QVERIFY(m_window->close());
        m_window.reset();
        QVERIFY(processEventsUntil([] { return EventLoopQueue::pendingCount() == 0; }));
        m_window = std::make_unique<MainWindow>();
    }

    void savedScenariosReopenEqual()
    {
        QVERIFY(m_window->openScenario(u"nested"_s));
        const Scenario original = m_window->editor()->model()->scenario();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested-copy.json"_s);
        QVERIFY(m_window->saveScenarioAs(path));
        QCOMPARE(m_window->currentFile(), path);
        QVERIFY(!m_window->isWindowModified());

        MainWindow other;
        QVERIFY(other.openScenario(path));
        QVERIFY(other.editor()->model()->scenario() == original);
        QVERIFY(other.windowTitle().startsWith(u"nested-copy.json"_s));
    }

    void theTimelineExportsAsPngSvgAndPdf()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QTemporaryDir dir;
        auto &view = *m_window->timeline()->view();
        for (const char *suffix : {"png", "svg", "pdf"}) {
            const QString path = dir.filePath(u"timeline."_s + QLatin1String(suffix));
            QCOMPARE(Exporter::exportTimeline(view, path), QString());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            if (QByteArrayView(suffix) == "png")
                QCOMPARE(QImage::fromData(bytes).size(), view.pictureSize() * 2);
            if (QByteArrayView(suffix) == "svg")
                QVERIFY(bytes.contains("<svg") &&
                        bytes.contains("gather raised ZeroDivisionError"));
            if (QByteArrayView(suffix) == "pdf")
                QVERIFY(bytes.startsWith("%PDF"));
        }
        QVERIFY(Exporter::exportTimeline(view, dir.filePath(u"timeline.gif"_s))
                    .contains(u"unknown picture type"_s));
        const QString trace = dir.filePath(u"trace.json"_s);
        QCOMPARE(Exporter::exportTrace(m_window->runController()->runner()->record(), trace),
                 QString());
        QFile written(trace);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), chromeTraceJson(m_window->runController()->runner()->record()));
    }

    void clickingAnEventShowsItsDetails()
    {
        QVERIFY(m_window->openScenario(u"advanced"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        auto *view = m_window->timeline()->view();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Period);
        auto *details = m_window->statusBar()->findChild<QLabel *>(u"eventDetails"_s);
        QVERIFY(details);
        QCOMPARE(details->text(), u"0 s — divide(10, 2) (tasks[0]) — started"_s);
    }

    void openingAnotherScenarioReplacesTheOldRunWithItsLanes()
    {
        QVERIFY(m_window->openScenario(u"classroom"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(m_window->timelineModel()->rowCount(), 15);
        auto *time = m_window->statusBar()->findChild<QLabel *>(u"time"_s);
        QVERIFY(time);
        // Kofi's cancellation at 4 s and Gustav's 5-second sleep: the run ends at 5 s.
        QCOMPARE(time->text(), u"t = 5.00 s"_s);

        QVERIFY(m_window->openScenario(u"basic"_s));
        QCOMPARE(m_window->runController()->state(), RunController::State::Idle);
        // The new scenario's lanes before its first run: every task at 0 s, nothing happened,
        // the planned sleeps ready to be drawn as ghosts.
        const TimelineModel &timeline = *m_window->timelineModel();
        QCOMPARE(timeline.rowCount(), 3);
        QVERIFY(!timeline.hasStarted());
        QCOMPARE(timeline.lane(1).label, u"say_hello('Mr. Turtle')"_s);
        QCOMPARE(timeline.lane(1).plannedSleep, secondsToScenarioTime(1));
        QCOMPARE(timeline.lane(2).plannedSleep, secondsToScenarioTime(2));
        QVERIFY(timeline.lane(2).markers.empty());
        QCOMPARE(timeline.horizon(), secondsToScenarioTime(2));
        QCOMPARE(m_window->resultModel()->rowCount(), 2); // pending
        QCOMPARE(m_window->consoleModel()->rowCount(), 0);
        QCOMPARE(time->text(), u"t = 0.00 s"_s);
    }

    void aLargeScenarioIsPreviewedAgainOnceItsEditsPause()
    {
        // Past 10,000 tasks an edit is previewed once the edits pause, not after each (100,000
        // took 45 ms an edit); a run started meanwhile runs the scenario as edited.
        Scenario scenario;
        scenario.title = u"Many"_s;
        for (int i = 0; i <= 10'000; ++i)
            scenario.tasks.push_back(
                TaskSpec::sayHello(u"P"_s + QString::number(i), SleepSpec::fixed(1)));
        ScenarioModel *model = m_window->editor()->model();
        const TimelineModel &timeline = *m_window->timelineModel();
        const auto rename = [&](const QModelIndex &task, const QString &name) {
            QVERIFY(model->setData(task.siblingAtColumn(ScenarioModel::ParametersColumn), name,
                                   Qt::EditRole));
        };

        // Counted with the tasks inside gathers: one gather of 10,001 is as large.
        Scenario nested;
        nested.title = u"Nested"_s;
        nested.tasks = {TaskSpec::gather(scenario.tasks)};
        model->setScenario(nested);
        QCOMPARE(timeline.lane(2).label, u"say_hello('P0')"_s);
        rename(model->index(0, 0, model->index(0, 0)), u"Ann"_s);
        QCOMPARE(timeline.lane(2).label, u"say_hello('P0')"_s);
        QTRY_COMPARE(timeline.lane(2).label, u"say_hello('Ann')"_s);

        model->setScenario(scenario);
        QCOMPARE(timeline.lane(1).label, u"say_hello('P0')"_s);
        rename(model->index(0, 0), u"Ann"_s);
        rename(model->index(1, 0), u"Bob"_s);
        QCOMPARE(timeline.lane(1).label, u"say_hello('P0')"_s);
        QTRY_COMPARE(timeline.lane(2).label, u"say_hello('Bob')"_s);
        QCOMPARE(timeline.lane(1).label, u"say_hello('Ann')"_s);

        rename(model->index(2, 0), u"Cy"_s);
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(timeline.lane(3).label, u"say_hello('Cy')"_s);
        QCOMPARE(m_window->resultModel()->rowCount(), 10'001);
    }

    void thePreviewFollowsWhatARunReadsAtOnceAndTheTitleOnceTypingPauses()
    {
        Scenario scenario;
        scenario.title = u"Before"_s;
        for (const QString &name : {u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"E"_s, u"F"_s, u"G"_s})
            scenario.tasks.push_back(TaskSpec::sayHello(name, SleepSpec::random(1, 9)));
        scenario.seed = 1;
        ScenarioModel *model = m_window->editor()->model();
        model->setScenario(scenario);
        const TimelineModel &timeline = *m_window->timelineModel();
        const auto plannedSleeps = [](const TimelineModel &lanes) {
            std::vector<ScenarioTime> sleeps;
            for (int lane = 1; lane < lanes.rowCount(); ++lane)
                sleeps.push_back(lanes.lane(lane).plannedSleep);
            return sleeps;
        };
        const auto seededSleeps = [&](std::uint64_t seed) {
            Scenario seeded = scenario;
            seeded.seed = seed;
            std::vector<ScenarioTime> sleeps;
            const Runner runner(seeded, RunOptions{});
            for (std::size_t node = 1; node < runner.record().nodes().size(); ++node)
                sleeps.push_back(
                    secondsToScenarioTime(runner.record().nodes()[node].plannedSleep.count()));
            return sleeps;
        };
        QCOMPARE(plannedSleeps(timeline), seededSleeps(1));
        QVERIFY(seededSleeps(2) != seededSleeps(1));

        // Another seed draws other sleeps: previewed at once.
        QSignalSpy previews(&timeline, &QAbstractItemModel::modelReset);
        model->setSeed(2);
        QCOMPARE(plannedSleeps(timeline), seededSleeps(2));
        const qsizetype resetsByOnePreview =
            previews.count(); // the old one leaves, the new one comes
        QVERIFY(resetsByOnePreview > 0);
        previews.clear();

        // The description: no preview shows it, and none is made again.
        model->setDescription(u"Seven hellos"_s);
        QTest::qWait(400);
        QCOMPARE(previews.count(), 0);

        // The title names the top lane once the typing pauses, not a keystroke at a time.
        QCOMPARE(timeline.lane(0).label, u"Before"_s);
        for (const QString &typed : {u"A"_s, u"Af"_s, u"Aft"_s, u"After"_s})
            model->setTitle(typed);
        QCOMPARE(timeline.lane(0).label, u"Before"_s);
        QTRY_COMPARE(timeline.lane(0).label, u"After"_s);
        QCOMPARE(previews.count(), resetsByOnePreview);

        // Undone, a title comes back in the form and in the top lane; the rows stay as they were.
        // The keys typed into the title were one step.
        QSignalSpy rowsReset(model, &QAbstractItemModel::modelReset);
        auto *title = m_window->editor()->findChild<QLineEdit *>(u"title"_s);
        QVERIFY(title);
        m_window->editor()->history()->stack()->undo();
        QCOMPARE(model->title(), u"Before"_s);
        QCOMPARE(title->text(), u"Before"_s);
        QTRY_COMPARE(timeline.lane(0).label, u"Before"_s);
        QCOMPARE(rowsReset.count(), 0);
        QCOMPARE(plannedSleeps(timeline), seededSleeps(2));
    }

    void aPreviewShowsOnlyAScenarioThatReads()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        ScenarioModel *model = m_window->editor()->model();
        const TimelineModel &timeline = *m_window->timelineModel();
        QCOMPARE(timeline.rowCount(), 3);
        model->setDescription(QString(ScenarioRules::maxTextLength + 1, u'x'));
        QVERIFY(!model->isValid());
        QCOMPARE(timeline.rowCount(), 0);
        model->setDescription(u"Fine"_s);
        QCOMPARE(timeline.rowCount(), 3);
        model->setTitle(QString(QChar(0xD800))); // a lone surrogate: does not read
        QCOMPARE(timeline.rowCount(), 0);
        m_window->editor()->history()->stack()->undo();
        QVERIFY(model->isValid());
        QCOMPARE(timeline.rowCount(), 3);
        const QModelIndex sleep = model->index(0, ScenarioModel::SleepColumn);
        QVERIFY(model->setData(sleep, u"soon"_s, Qt::EditRole));
        QCOMPARE(timeline.rowCount(), 0);
        QVERIFY(model->setData(sleep, u"1"_s, Qt::EditRole));
        QCOMPARE(timeline.rowCount(), 3);
        QVERIFY(model->setData(sleep, u"soon"_s, Qt::EditRole));
        model->setModified(false);
        QVERIFY(m_window->openScenario(u"advanced"_s));
        QCOMPARE(timeline.rowCount(), 4);
    }

    void aFinishedRunShowsTheTimeOfItsLastEvent()
    {
        // The whole gather is cancelled at 1.5 s; the cancellation Kofi would get at 4 s is moot.
        QVERIFY(m_window->openScenario(u"cancel-all"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        auto *time = m_window->statusBar()->findChild<QLabel *>(u"time"_s);
        QCOMPARE(time->text(),
                 u"t = %1 s"_s.arg(scenarioTimeToSeconds(m_window->timelineModel()->endTime()), 0,
                                   'f', 2));
        QCOMPARE(m_window->timelineModel()->endTime(),
                 secondsToScenarioTime(*bundledScenario(u"cancel-all"_s).cancelAfter));
    }

    void theCaptionFollowsTheTitleAsItIsTyped()
    {
        QVERIFY(m_window->openScenario(u"advanced"_s));
        ScenarioModel *model = m_window->editor()->model();
        model->setTitle(u"Division"_s);
        QCOMPARE(m_window->windowTitle(), u"Division[*] — Gatherscope"_s);
        model->setTitle(u"Division by zero"_s); // already modified: the caption still follows
        QCOMPARE(m_window->windowTitle(), u"Division by zero[*] — Gatherscope"_s);
    }

    void stepBeforeARunStartsOnePausedAtZero()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        m_window->instantAction()->setChecked(true); // stepping runs on the real clock anyway
        QVERIFY(m_window->stepAction()->isEnabled());
        QTest::keyClick(m_window.get(), Qt::Key_F10);
        RunController *run = m_window->runController();
        QCOMPARE(run->state(), RunController::State::Paused);
        QCOMPARE(run->runner()->clock().mode(), ScenarioClock::Mode::Real);
        // As asyncio's tasks, they take their first step in the loop's next iteration; paused,
        // what they do waits to be stepped through: Shift+F10 shows the instant at once.
        QVERIFY(processEventsUntil([] { return EventLoopQueue::pendingCount() == 0; }));
        QCOMPARE(m_window->consoleModel()->rowCount(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_F10, Qt::ShiftModifier);
        QVERIFY(processEventsUntil([&] { return m_window->consoleModel()->rowCount() == 2; }));
        QCOMPARE(columnTexts(*m_window->consoleModel(), ConsoleModel::LineColumn),
                 strings({"Hello, Mr. Turtle!", "Hello, Mr. Wolf!"}));
        QTest::keyClick(m_window.get(), Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(run->runner()->clock().now(), secondsToScenarioTime(1));
        QVERIFY(processEventsUntil([&] { return m_window->consoleModel()->rowCount() == 3; }));
        QCOMPARE(columnTexts(*m_window->consoleModel(), ConsoleModel::LineColumn).last(),
                 u"Goodbye, Mr. Turtle!"_s);
        QCOMPARE(run->state(), RunController::State::Paused);
        QTest::keyClick(m_window.get(), Qt::Key_Escape); // cancel, so nothing runs on
        QVERIFY(processEventsUntil([&] { return !run->isActive(); }));
    }

    void runIconsAreDrawnInTheThemesTextColour()
    {
        for (const bool dark : {false, true}) {
            Theme::apply(dark);
            const QImage image = RunIcons::icon(RunIcons::Kind::Cancel).pixmap(32, 32).toImage();
            const QColor text = QApplication::palette().color(QPalette::ButtonText);
            QCOMPARE(image.pixelColor(16, 16).rgb(), text.rgb()); // the square's middle
            QCOMPARE(image.pixelColor(1, 1).alpha(), 0);          // transparent around it
        }
        Theme::apply(false);
        // Every command of the run toolbar shows as an icon; the virtual clock, a setting
        // and not a command, shows as its words.
        const auto *bar = m_window->findChild<QToolBar *>(u"RunToolBar"_s);
        QVERIFY(bar);
        QStringList withoutIcon;
        for (const QAction *action : bar->actions()) {
            if (!action->isSeparator() && action->icon().isNull() && !action->text().isEmpty())
                withoutIcon << action->text();
        }
        QCOMPARE(withoutIcon, QStringList{u"&Virtual Clock"_s});
    }

    void aMissingFileIsReportedNotOpened()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        QVERIFY(!m_window->openScenario(u"/no/such/file.json"_s, true));
        QCOMPARE(m_window->editor()->model()->scenario().title, u"Basic example"_s);
    }

    // Another program (an editor, `git pull`) changes the open file: the window offers to
    // reload it in a bar, never a dialog, and its own saves raise no offer.
    void aFileChangedOnDiskIsOfferedForReloading()
    {
        WatchedFile file(u"shared.json"_s);
        QVERIFY(file.openIn(*m_window));
        QWidget *bar = reloadBarOf(*m_window);
        QVERIFY(bar);
        QVERIFY(!bar->isVisible());

        QVERIFY(m_window->saveScenarioAs(file.path)); // its own save: nothing to offer
        QTest::qWait(200);
        QVERIFY(!bar->isVisible());

        file.scenario.title = u"Changed elsewhere"_s;
        QVERIFY(file.save());
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(reloadOffer(*m_window), u"shared.json changed on disk. Reload it?"_s);
        findButton(bar, u"Re&load"_s)->click();
        QVERIFY(!bar->isVisible());
        QCOMPARE(m_window->editor()->model()->scenario().title, u"Changed elsewhere"_s);
        QVERIFY(!m_window->isWindowModified());

        // Kept: the editor's scenario stays, and now differs from the file.
        file.scenario.title = u"Changed again"_s;
        QVERIFY(file.save());
        QTRY_VERIFY(bar->isVisible());
        findButton(bar, u"&Keep Mine"_s)->click();
        QCOMPARE(m_window->editor()->model()->scenario().title, u"Changed elsewhere"_s);
        QVERIFY(m_window->isWindowModified());

        // Deleted: nothing to reload; the text says how to write it again.
        QVERIFY(QFile::remove(file.path));
        QTRY_VERIFY(bar->isVisible());
        QCOMPARE(reloadOffer(*m_window),
                 u"shared.json was deleted or moved. Save writes the scenario again."_s);
        QVERIFY(!findButton(bar, u"Re&load"_s)->isVisible());
    }

    // A program that writes in place (a shell's `>`, many editors) first empties the file: the
    // window, told of the empty file, offers to reload it. Once the same scenario is back in the
    // file, that offer goes: there is nothing to reload.
    void anOfferGoesWhenTheFileHoldsTheSameScenarioAgain()
    {
        WatchedFile file(u"rewritten.json"_s);
        const QByteArray json = ScenarioLoader::toJson(file.scenario);
        QVERIFY(file.openIn(*m_window));
        QWidget *bar = reloadBarOf(*m_window);
        QVERIFY(!bar->isVisible());

        QVERIFY(file.writeInPlace({})); // emptied, and seen so
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(file.writeInPlace(json));
        QTRY_VERIFY(!bar->isVisible());
        QVERIFY(!m_window->isWindowModified());

        // Written back with another scenario, the offer comes again.
        QVERIFY(file.writeInPlace(ScenarioLoader::toJson(bundledScenario(u"advanced"_s))));
        QTRY_VERIFY(bar->isVisible());
    }

    // A file deleted, then written again (`git checkout` of a branch without it, and back):
    // what comes back is told too, not left for a save to overwrite unseen.
    void aFileDeletedAndWrittenAgainIsToldOf()
    {
        WatchedFile file(u"branch.json"_s);
        QVERIFY(file.openIn(*m_window));
        QWidget *bar = reloadBarOf(*m_window);
        const auto text = [this] { return reloadOffer(*m_window); };
        const QString deleted =
            u"branch.json was deleted or moved. Save writes the scenario again."_s;

        QVERIFY(QFile::remove(file.path));
        QTRY_COMPARE(text(), deleted);
        QVERIFY(bar->isVisible());
        QVERIFY(file.save()); // the same, back
        QTRY_VERIFY(!bar->isVisible());

        QVERIFY(QFile::remove(file.path));
        QTRY_VERIFY(bar->isVisible());
        findButton(bar, u"&OK"_s)->click();
        QVERIFY(!bar->isVisible());
        // Another file in the folder says nothing of this one.
        QCOMPARE(ScenarioLoader::save(file.scenario, file.dir.filePath(u"other.json"_s)),
                 QString());
        QTest::qWait(300); // longer than the document waits for writes to pause
        QVERIFY(!bar->isVisible());
        file.scenario.title = u"From the other branch"_s;
        QVERIFY(file.save());
        // The window is modified since the OK: the file it came from was gone.
        QTRY_COMPARE(
            text(),
            u"branch.json changed on disk. Reload it? Your unsaved changes would be lost."_s);
        QVERIFY(bar->isVisible());
        findButton(bar, u"Re&load"_s)->click();
        QCOMPARE(m_window->editor()->model()->scenario().title, u"From the other branch"_s);
    }

    // The file's folder goes with it (`git checkout` of a branch without the folder), and the
    // window's answers to the offer are kept: what comes back is told unless it is the file as
    // it was, and an unreadable file is never taken for another unreadable one.
    void aFileWhoseFolderWentIsToldOfWhenItComesBack()
    {
        WatchedFile file(u"lessons/week1/branch.json"_s);
        const QString folder = QFileInfo(file.path).absolutePath();
        QVERIFY(file.openIn(*m_window));
        QWidget *bar = reloadBarOf(*m_window);
        const auto text = [this] { return reloadOffer(*m_window); };

        QVERIFY(QDir(file.dir.filePath(u"lessons"_s)).removeRecursively());
        QTRY_VERIFY(bar->isVisible());
        findButton(bar, u"&OK"_s)->click();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(file.writeInPlace("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n"));
        QTRY_COMPARE(
            text(),
            u"branch.json changed on disk. Reload it? Your unsaved changes would be lost."_s);

        // The file as it was when it went: nothing to offer.
        QVERIFY(QFile::remove(file.path));
        QTRY_VERIFY(text().contains(u"was deleted or moved"_s));
        findButton(bar, u"&OK"_s)->click();
        QVERIFY(file.save());
        QTest::qWait(300); // longer than the document waits for writes to pause
        QVERIFY(!bar->isVisible());

        // Saved while the offer shows: the file holds the window's scenario, and the offer goes.
        QVERIFY(QFile::remove(file.path));
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(m_window->saveScenarioAs(file.path));
        QVERIFY(!bar->isVisible());
        QVERIFY(QFile::exists(file.path));
    }

    // Another program's change that the offer to reload has not shown yet (it waits for the
    // writes to pause), or never shows (a network share the system reports nothing of): Save
    // asks before it writes over it.
    void aSaveOverAFileChangedElsewhereAsksFirst()
    {
        WatchedFile file(u"shared.json"_s);
        QVERIFY(file.openIn(*m_window));
        QAction *save = saveActionOf(*m_window);
        const auto titleOnDisk = [&file] {
            const auto loaded = ScenarioLoader::load(file.path);
            return std::get<Scenario>(loaded).title;
        };
        QString asked;

        m_window->editor()->model()->setTitle(u"Mine"_s);
        file.scenario.title = u"Theirs"_s;
        QVERIFY(file.save()); // no event handled since
        auto answer = answerNextBox(QMessageBox::Cancel, &asked);
        save->trigger();
        QCOMPARE(asked, u"Another program changed shared.json since it was opened or saved. "
                        u"Save over its changes?"_s);
        QCOMPARE(titleOnDisk(), u"Theirs"_s);
        QVERIFY(m_window->isWindowModified());

        answer = answerNextBox(QMessageBox::Save, &asked);
        save->trigger();
        QVERIFY(!asked.isEmpty());
        QCOMPARE(titleOnDisk(), u"Mine"_s);

        // Saved over it: the next save asks nothing, nor one over a file written back as it was.
        m_window->editor()->model()->setTitle(u"Mine again"_s);
        answer = answerNextBox(QMessageBox::Cancel, &asked);
        save->trigger();
        QCOMPARE(asked, QString());
        QCOMPARE(titleOnDisk(), u"Mine again"_s);
        QVERIFY(writeFileAtomically(file.path,
                                    ScenarioLoader::toJson(m_window->editor()->model()->scenario()))
                    .isEmpty());
        m_window->editor()->model()->setTitle(u"Mine at last"_s);
        answer = answerNextBox(QMessageBox::Cancel, &asked);
        save->trigger();
        QCOMPARE(asked, QString());
        QCOMPARE(titleOnDisk(), u"Mine at last"_s);
    }

    // What the offer says follows the window and the file: edits made after it came, a reload
    // that failed, a folder where the file was, a file replaced while a hard link keeps the old.
    void theOfferFollowsTheWindowAndTheFile()
    {
        WatchedFile file(u"offer.json"_s);
        QVERIFY(file.openIn(*m_window));
        QWidget *bar = reloadBarOf(*m_window);
        const QString reloadIt = u"offer.json changed on disk. Reload it?"_s;
        const QString wouldLose = reloadIt + u" Your unsaved changes would be lost."_s;

        file.scenario.title = u"Theirs"_s;
        QVERIFY(file.save());
        QTRY_COMPARE(reloadOffer(*m_window), reloadIt);
        m_window->editor()->model()->setTitle(u"An hour of work"_s);
        QCOMPARE(reloadOffer(*m_window), wouldLose);
        m_window->editor()->history()->stack()->undo();
        QCOMPARE(reloadOffer(*m_window), reloadIt);

        // A reload that fails leaves the offer: the file still differs.
        QVERIFY(writeFileAtomically(file.path, "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n")
                    .isEmpty());
        QTest::qWait(300); // longer than the document waits for writes to pause
        QString asked;
        auto answer = answerNextBox(QMessageBox::Ok, &asked);
        findButton(bar, u"Re&load"_s)->click();
        QCOMPARE(asked, file.path + u":1:2: JSON syntax error: illegal value"_s);
        QVERIFY(bar->isVisible());
        findButton(bar, u"&Keep Mine"_s)->click();

        // A folder where the file was is no file; a file back in its place is told.
        QVERIFY(QFile::remove(file.path));
        QVERIFY(QDir().mkdir(file.path));
        QTRY_VERIFY(reloadOffer(*m_window).contains(u"was deleted or moved"_s));
        findButton(bar, u"&OK"_s)->click();
        QVERIFY(QDir().rmdir(file.path));
        QVERIFY(file.save());
        QTRY_COMPARE(reloadOffer(*m_window), wouldLose);
        findButton(bar, u"&Keep Mine"_s)->click();

        // Replaced by a rename while a hard link keeps the file replaced: the new one is watched.
        QCOMPARE(::link(QFile::encodeName(file.path).constData(),
                        QFile::encodeName(file.dir.filePath(u"backup.json"_s)).constData()),
                 0);
        file.scenario.title = u"Theirs again"_s;
        QVERIFY(file.save());
        QTRY_VERIFY(bar->isVisible());
        findButton(bar, u"&Keep Mine"_s)->click();
        file.scenario.title = u"Theirs once more"_s;
        QVERIFY(file.save());
        QTRY_VERIFY(bar->isVisible());
    }

    // A crash or a kill loses at most the last seconds of editing: the window keeps a copy of
    // its unsaved scenario, and the next start offers it back as the file it came from.
    void unsavedChangesOutliveACrashAndComeBack()
    {
        QDir(Autosave::defaultFolder()).removeRecursively();
        m_window.reset(); // this test makes its own windows
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lesson.json"_s);
        QCOMPARE(ScenarioLoader::save(bundledScenario(u"basic"_s), path), QString());
        QVERIFY(crashWithAnUnsavedEdit(path));

        const auto orphans = Autosave::orphans(Autosave::defaultFolder());
        QCOMPARE(orphans.size(), std::size_t(1));
        QCOMPARE(orphans.front().originalFile, path);
        MainWindow next;
        QCOMPARE(next.restore(orphans.front()), QString());
        QCOMPARE(next.editor()->model()->scenario().title, u"Edited, never saved"_s);
        QCOMPARE(next.currentFile(), path);
        QVERIFY(next.editor()->model()->isModified());
        QVERIFY(Autosave::orphans(Autosave::defaultFolder()).empty());

        // Closed as it should be (here: the changes discarded), nothing is left to offer.
        next.editor()->model()->setModified(false);
        QVERIFY(next.close());
        QCOMPARE(QDir(Autosave::defaultFolder()).entryList({u"*.json"_s}), QStringList());
        m_window = std::make_unique<MainWindow>();
    }

    // The file a restored copy came from was changed after the crash (a `git pull` before the
    // next start): the window offers to reload it, and Save asks before it writes over it.
    void aFileChangedAfterTheCrashIsNotSavedOverUnseen()
    {
        QDir(Autosave::defaultFolder()).removeRecursively();
        m_window.reset(); // this test makes its own windows
        QTemporaryDir dir;
        const QString path = dir.filePath(u"lesson.json"_s);
        Scenario scenario = bundledScenario(u"basic"_s);
        QCOMPARE(ScenarioLoader::save(scenario, path), QString());
        QVERIFY(crashWithAnUnsavedEdit(path));
        QTest::qWait(20); // the file's time after the copy's
        scenario.title = u"Pulled after the crash"_s;
        QCOMPARE(ScenarioLoader::save(scenario, path), QString());

        const auto orphans = Autosave::orphans(Autosave::defaultFolder());
        QCOMPARE(orphans.size(), std::size_t(1));
        m_window = std::make_unique<MainWindow>();
        QCOMPARE(m_window->restore(orphans.front()), QString());
        QTRY_COMPARE(reloadOffer(*m_window), u"lesson.json changed on disk. Reload it? Your "
                                             u"unsaved changes would be lost."_s);
        QString asked;
        auto answer = answerNextBox(QMessageBox::Cancel, &asked);
        saveActionOf(*m_window)->trigger();
        QVERIFY(!asked.isEmpty());
        QCOMPARE(std::get<Scenario>(ScenarioLoader::load(path)).title, u"Pulled after the crash"_s);
        m_window->editor()->model()->setModified(false); // nothing to ask when the test ends
    }

    // Every write of the window goes through the one atomic helper: on a full disk each says
    // why and leaves the older file as it was. (Save and --trace: tst_scenarioloader, tst_cli.)
    void aFullDiskNeverDamagesWhatTheWindowWrites()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        QTemporaryDir dir;
        const QByteArray old(100, 'o');
        const auto refusedAndKept = [&](const QString &name, const auto &write) -> QString {
            const QString path = dir.filePath(name);
            if (!writeFileAtomically(path, old).isEmpty())
                return QStringLiteral("could not prepare %1").arg(name);
            QString error;
            {
                const FileSizeLimit full{64}; // a few bytes fit, then the disk is full
                error = write(path);
            }
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly) || file.readAll() != old)
                return name + QStringLiteral(": the older file was damaged");
            return error.contains(u"File too large"_s) ? QString() : name + u": "_s + error;
        };
        auto &view = *m_window->timeline()->view();
        for (const char *suffix : {"png", "svg", "pdf"}) {
            QCOMPARE(refusedAndKept(
                         u"timeline."_s + QLatin1String(suffix),
                         [&](const QString &path) { return Exporter::exportTimeline(view, path); }),
                     QString());
        }
        QCOMPARE(refusedAndKept(u"trace.json"_s,
                                [&](const QString &path) {
                                    return Exporter::exportTrace(
                                        m_window->runController()->runner()->record(), path);
                                }),
                 QString());
        // The autosave keeps its previous copy whole too.
        ScenarioModel model;
        model.setScenario(bundledScenario(u"classroom"_s));
        ScenarioDocument document(&model);
        Autosave autosave(&model, &document, dir.filePath(u"autosave"_s));
        model.setModified(true);
        QCOMPARE(autosave.writeNow(), QString());
        const QStringList copies = QDir(dir.filePath(u"autosave"_s)).entryList({u"*.json"_s});
        QCOMPARE(copies.size(), 1);
        const QString copy = dir.filePath(u"autosave/"_s + copies.first());
        QFile before(copy);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray saved = before.readAll();
        model.setTitle(u"Changed"_s);
        QString error;
        {
            const FileSizeLimit full{64};
            error = autosave.writeNow();
        }
        QVERIFY2(error.contains(u"File too large"_s), qPrintable(error));
        QFile after(copy);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), saved);
    }

    // For the back of a room: Ctrl+= / Ctrl+- / Ctrl+0 scale the text of every panel and the
    // timeline's lanes and markers; F11 is all of that at once, full screen, editor hidden.
    void theWindowScalesAndPresents()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        const double normalPoints = m_window->font().pointSizeF();
        const auto &geometry = m_window->timeline()->view()->zoom().geometry();
        QCOMPARE(geometry.laneHeight, TimelineView::baseLaneHeight);
        QTest::keyClick(m_window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(m_window->scale()->factor(), 1.5);
        QCOMPARE(m_window->font().pointSizeF(), normalPoints * 1.5);
        QCOMPARE(geometry.laneHeight, 39);
        QCOMPARE(m_window->timeline()->view()->timelinePainter().markerRadius(), 5.5 * 1.5);
        QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(m_window->scale()->factor(), 1.25);
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(m_window->scale()->factor(), 1.0);
        QCOMPARE(m_window->font().pointSizeF(), normalPoints);
        QCOMPARE(geometry.laneHeight, TimelineView::baseLaneHeight);

        auto *editorDock = m_window->findChild<QDockWidget *>(u"ScenarioDock"_s);
        auto *caption = m_window->findChild<QWidget *>(u"scenarioCaption"_s);
        QVERIFY(editorDock->isVisible());
        auto *pythonDock = m_window->findChild<QDockWidget *>(u"PythonDock"_s);
        const bool pythonShown = pythonDock->isVisible(); // a tab behind, unless moved
        QVERIFY(!caption->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(m_window->presentation()->isOn());
        QVERIFY(m_window->windowState().testFlag(Qt::WindowFullScreen));
        QVERIFY(!editorDock->isVisible());
        // the Python panel, in the editor's tab group, does not take its place
        QVERIFY(!pythonDock->isVisible());
        QVERIFY(caption->isVisible());
        QCOMPARE(caption->findChild<QLabel *>(u"captionTitle"_s)->text(), u"Basic example"_s);
        QCOMPARE(caption->findChild<QLabel *>(u"captionDescription"_s)->text(),
                 bundledScenario(u"basic"_s).description);
        QCOMPARE(m_window->scale()->factor(), 1.5);
        QVERIFY(caption->findChild<QLabel *>(u"captionTitle"_s)->font().pointSizeF() >
                normalPoints * 2.5);
        QTest::keyClick(m_window.get(), Qt::Key_F11);
        QVERIFY(!m_window->presentation()->isOn());
        QVERIFY(!m_window->windowState().testFlag(Qt::WindowFullScreen));
        QVERIFY(editorDock->isVisible()); // the panels as they were
        QCOMPARE(pythonDock->isVisible(), pythonShown);
        QVERIFY(pythonDock->toggleViewAction()->isChecked());
        QVERIFY(!caption->isVisible());
        QCOMPARE(m_window->scale()->factor(), 1.0);
    }

    // During a real-time run the now line shows across the lanes; paused, PAUSED shows over
    // them; once the run ends, neither.
    void theNowLineAndThePausedOverlayFollowTheRun()
    {
        QVERIFY(m_window->openScenario(u"classroom"_s));
        m_window->instantAction()->setChecked(false);
        TimelineView *view = m_window->timeline()->view();
        QVERIFY(!view->isLive());
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(view->isLive());
        QVERIFY(!view->isPaused());
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QCOMPARE(m_window->runController()->state(), RunController::State::Paused);
        QVERIFY(view->isPaused());
        QCOMPARE(view->timelinePainter().now(), m_window->runController()->currentTime());
        QTest::keyClick(m_window.get(), Qt::Key_Space);
        QVERIFY(!view->isPaused());
        QSignalSpy finished(m_window->runController(), &RunController::runFinished);
        QTest::keyClick(m_window.get(), Qt::Key_Escape); // cancel: the run ends at once
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(!view->isLive());
        QVERIFY(!view->isPaused());
    }

    // The difference return_exceptions makes, where the class looks: what the awaiter
    // received, large above the results, the list or the one exception in red.
    void whatTheAwaiterReceivedIsShownLarge()
    {
        auto *received = m_window->findChild<QLabel *>(u"awaiterReceived"_s);
        QVERIFY(received);
        QVERIFY(received->font().pointSizeF() > m_window->font().pointSizeF() * 1.3);
        QVERIFY(received->font().bold());
        m_window->instantAction()->setChecked(true);
        QVERIFY(m_window->openScenario(u"advanced"_s));
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(received->text(),
                 u"gather returned [5.0, ZeroDivisionError('Cannot divide by zero'), 6.0]"_s);
        QVERIFY(received->palette().color(QPalette::WindowText) != Theme::errorColor());
        // The table's columns fit the values handed over: the longest is read whole.
        const QTableView *table = m_window->findChild<ResultsPanel *>()->table();
        QTRY_VERIFY(table->columnWidth(ResultModel::ResultColumn) >
                    table->fontMetrics().horizontalAdvance(
                        u"ZeroDivisionError('Cannot divide by zero')"_s));
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        QVERIFY(runAndWait(*m_window));
        QCOMPARE(received->text(), u"gather raised ZeroDivisionError: Cannot divide by zero"_s);
        QCOMPARE(received->palette().color(QPalette::WindowText), Theme::errorColor());
        // The note of divide(30, 5), which ended two seconds after the raise, is read whole.
        const QString note =
            m_window->resultModel()->index(2, ResultModel::NoteColumn).data().toString();
        QVERIFY(note.startsWith(u"arrived"_s));
        QTRY_VERIFY(table->columnWidth(ResultModel::NoteColumn) >
                    table->fontMetrics().horizontalAdvance(note));
    }

    // F10 shows one event at a time with a caption of what happened and why, selected on the
    // timeline; Shift+F10 shows a whole instant.
    void steppingShowsOneEventAtATimeWithCaptions()
    {
        QVERIFY(m_window->openScenario(u"fail-fast"_s));
        auto *caption = m_window->findChild<QLabel *>(u"stepCaption"_s);
        QVERIFY(caption);
        QTest::keyClick(m_window.get(), Qt::Key_F10); // a run, paused at 0 s
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Paused);
        QStringList captions;
        QList<int> selected;
        for (int step = 0; step < 17; ++step) {
            QTest::keyClick(m_window.get(), Qt::Key_F10);
            QTRY_VERIFY2(!caption->text().isEmpty() && !captions.contains(caption->text()),
                         qPrintable(captions.join(u"\n"_s)));
            captions << caption->text();
            selected << m_window->timeline()->view()->selectedEvent();
        }
        QCOMPARE(
            captions,
            strings({"0 s: the gather started its 3 task(s)", "0 s: divide(10, 2) started",
                     "0 s: divide(10, 2) printed Dividing 10 by 2",
                     "0 s: divide(10, 2) went to sleep until 1 s; meanwhile the others run",
                     "0 s: divide(20, 0) started", "0 s: divide(20, 0) printed Dividing 20 by 0",
                     "0 s: divide(20, 0) went to sleep until 1 s; meanwhile the others run",
                     "0 s: divide(30, 5) started", "0 s: divide(30, 5) printed Dividing 30 by 5",
                     "0 s: divide(30, 5) went to sleep until 3 s; meanwhile the others run",
                     "1 s: divide(10, 2) woke up", "1 s: divide(10, 2) returned 5.0",
                     "1 s: divide(20, 0) woke up",
                     "1 s: divide(20, 0) raised ZeroDivisionError: Cannot divide by zero; "
                     "return_exceptions is False, so gather raises it to its caller now; "
                     "divide(30, 5) keeps running",
                     "1 s: the gather raised ZeroDivisionError: Cannot divide by zero to its "
                     "caller",
                     "3 s: divide(30, 5) woke up", "3 s: divide(30, 5) returned 6.0"}));
        // The same event is selected on the timeline; a sleep's start has no marker of its own.
        QCOMPARE(selected,
                 QList<int>({-1, 1, 2, -1, 4, 5, -1, 7, 8, -1, 10, 11, 12, 13, 14, 15, 16}));

        // Shift+F10: a whole instant at once.
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Finished);
        QTest::keyClick(m_window.get(), Qt::Key_F10); // the run ended: a new one, paused at 0
        QTRY_COMPARE(m_window->runController()->state(), RunController::State::Paused);
        QCOMPARE(m_window->consoleModel()->rowCount(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_F10, Qt::ShiftModifier);
        QTRY_COMPARE(m_window->consoleModel()->rowCount(), 3); // the three "Dividing" lines
        QTest::keyClick(m_window.get(), Qt::Key_F10, Qt::ShiftModifier);
        QTRY_COMPARE(m_window->consoleModel()->rowCount(), 4); // and the gather's raise at 1 s
        QCOMPARE(caption->text(),
                 u"1 s: the gather raised ZeroDivisionError: Cannot divide by zero to its "
                 "caller"_s);
    }

    // The timeline, the console and the results select the same thing: choosing it in any
    // of the three selects it in the other two.
    void theThreeViewsSelectTogether()
    {
        QVERIFY(m_window->openScenario(u"advanced"_s));
        m_window->instantAction()->setChecked(true);
        QVERIFY(runAndWait(*m_window));
        const EventRecord &record = m_window->runController()->runner()->record();
        const auto eventWhere = [&](int node, TaskEvent::Kind kind) {
            for (std::size_t i = 0; i < record.events().size(); ++i) {
                if (record.events()[i].node == node && record.events()[i].kind == kind)
                    return int(i);
            }
            return -1;
        };
        auto *console =
            m_window->findChild<QDockWidget *>(u"ConsoleDock"_s)->findChild<QTableView *>();
        auto *results =
            m_window->findChild<QDockWidget *>(u"ResultsDock"_s)->findChild<QTableView *>();
        TimelineView *timeline = m_window->timeline()->view();

        const int printed = eventWhere(2, TaskEvent::Kind::Printed); // Dividing 20 by 0
        timeline->selectEvent(printed);
        QCOMPARE(console->currentIndex().row(), 1);
        QCOMPARE(results->currentIndex().row(), 1);

        console->setCurrentIndex(console->model()->index(2, ConsoleModel::LineColumn));
        QCOMPARE(timeline->selectedEvent(), eventWhere(3, TaskEvent::Kind::Printed));
        QCOMPARE(results->currentIndex().row(), 2);

        results->setCurrentIndex(results->model()->index(0, ResultModel::ResultColumn));
        QCOMPARE(timeline->selectedEvent(), eventWhere(1, TaskEvent::Kind::Returned));
    }

    void theStatusBarSaysHowToStart()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        const auto labels = m_window->statusBar()->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
            return label->text() == u"Ready: press F5 to run"_s;
        }));
    }

    void keysMeantForTheTimelineNeverChangeTheScenario_data()
    {
        QTest::addColumn<bool>("fromTheTree");
        QTest::newRow("as the window opens") << false;
        QTest::newRow("with the task tree focused") << true;
    }
    void keysMeantForTheTimelineNeverChangeTheScenario()
    {
        QFETCH(bool, fromTheTree);
        QVERIFY(m_window->openScenario(u"basic"_s));
        auto *tree = m_window->editor()->findChild<QTreeView *>();
        QVERIFY(tree);
        if (fromTheTree) {
            tree->setFocus();
            tree->setCurrentIndex(m_window->editor()->model()->index(0, ScenarioModel::KindColumn));
        } else {
            QCOMPARE(QApplication::focusWidget(), m_window->timeline()->view());
        }
        QWidget *target = QApplication::focusWidget();
        QVERIFY(target);
        QTest::keyClicks(target, u"w"_s);
        // The key went to the timeline, wherever the focus was: it zoomed.
        QVERIFY(m_window->timeline()->view()->zoom().isUserZoomed());
        for (const char *key : {"s", "a", "d", "f", ".", ",", "?"})
            QTest::keyClicks(target, QString::fromLatin1(key));
        const ScenarioModel *model = m_window->editor()->model();
        QVERIFY(!model->isModified());
        QVERIFY(model->isValid());
        QVERIFY(m_window->runAction()->isEnabled());
        QCOMPARE(model->scenario().tasks[0].kind, TaskSpec::Kind::SayHello);
        QVERIFY(!m_window->timeline()->view()->zoom().isUserZoomed()); // F fitted it again
        if (!fromTheTree)
            return;
        // A key that is nobody's shortcut starts no edit either: the name stays as it was.
        tree->setCurrentIndex(
            m_window->editor()->model()->index(0, ScenarioModel::ParametersColumn));
        QTest::keyClicks(QApplication::focusWidget(), u"x"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // Enter: edit, not commit
        QCoreApplication::processEvents();                            // a commit would be queued
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QCoreApplication::processEvents();
        QVERIFY(!model->isModified());
        QCOMPARE(model->scenario().tasks[0].name, u"Mr. Turtle"_s);
    }

    void theTaskKindIsChosenFromAList()
    {
        QVERIFY(m_window->openScenario(u"basic"_s));
        auto *tree = m_window->editor()->findChild<QTreeView *>();
        const QModelIndex kind = m_window->editor()->model()->index(0, ScenarioModel::KindColumn);
        tree->setCurrentIndex(kind);
        tree->edit(kind);
        auto *combo = tree->findChild<QComboBox *>();
        QVERIFY(combo);
        QCOMPARE(combo->count(), 6);
        QCOMPARE(combo->currentText(), u"say_hello"_s);
        QCOMPARE(combo->itemText(1), u"divide"_s);
        QCOMPARE(combo->itemText(2), u"fail"_s);
        QCOMPARE(combo->itemText(3), u"blocking_sleep"_s);
        QCOMPARE(combo->itemText(4), u"compute"_s);
        QCOMPARE(combo->itemText(5), u"gather"_s);
        combo->setCurrentIndex(1);
        Q_EMIT combo->activated(1);
        QCOMPARE(m_window->editor()->model()->scenario().tasks[0].kind, TaskSpec::Kind::Divide);
        QVERIFY(m_window->editor()->model()->isModified());
    }

    void aScreenshotWindowIgnoresTheSavedSettings()
    {
        QSettings settings;
        settings.setValue(u"view/dark"_s, true);
        settings.setValue(u"run/instant"_s, true);
        MainWindow same(MainWindow::Settings::Ignore);
        QVERIFY(!same.instantAction()->isChecked());
        QVERIFY(!Theme::isDark());
        same.close(); // and it saves nothing
        settings.remove(u"view/dark"_s);
        settings.remove(u"run/instant"_s);
        QVERIFY(!settings.contains(u"window/geometry"_s) ||
                settings.value(u"run/instant"_s).isNull());
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
