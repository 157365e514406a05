// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "mainwindow.h"

#include "consolemodel.h"
#include "exporter.h"
#include "resultmodel.h"
#include "runicons.h"
#include "scenarioeditor.h"
#include "scenarioloader.h"
#include "scenariomodel.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

constexpr int maxRecentFiles = 8;
const double speeds[] = {0.25, 0.5, 1, 2, 4, 8};

QString stateText(RunController::State state)
{
    switch (state) {
    case RunController::State::Idle:
        return QObject::tr("Ready");
    case RunController::State::Running:
        return QObject::tr("Running");
    case RunController::State::Paused:
        return QObject::tr("Paused");
    case RunController::State::Finished:
        return QObject::tr("Finished");
    }
    return {};
}

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    return view;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_run(new RunController(this))
    , m_editor(new ScenarioEditor(this))
    , m_timeline(new TimelineWidget(this))
    , m_timelineModel(new TimelineModel(this))
    , m_results(new ResultModel(this))
    , m_console(new ConsoleModel(this))
    , m_ticker(new QTimer(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.gatherscope.Gatherscope.svg")));
    m_timeline->setModel(m_timelineModel);
    setCentralWidget(m_timeline);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    connectRun();

    m_stateLabel = new QLabel(stateText(RunController::State::Idle), this);
    m_timeLabel = new QLabel(this);
    m_timeLabel->setObjectName(QStringLiteral("time"));
    m_seedLabel = new QLabel(this);
    m_eventDetails = new QLabel(this);
    m_eventDetails->setObjectName(QStringLiteral("eventDetails"));
    statusBar()->addWidget(m_stateLabel);
    statusBar()->addWidget(m_timeLabel);
    statusBar()->addWidget(m_eventDetails, 1);
    statusBar()->addPermanentWidget(m_seedLabel);
    m_ticker->setInterval(30);
    connect(m_ticker, &QTimer::timeout, this, &MainWindow::updateStatus);

    ScenarioModel *model = m_editor->model();
    connect(model, &ScenarioModel::validityChanged, this, &MainWindow::updateRunAvailability);
    connect(model, &ScenarioModel::modifiedChanged, this, &MainWindow::updateTitle);
    connect(model, &ScenarioModel::changed, this, &MainWindow::updateTitle); // the title field
    readSettings();
    updateRunAvailability();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_runAction = new QAction(RunIcons::icon(RunIcons::Kind::Run), tr("&Run"), this);
    m_runAction->setShortcut(Qt::Key_F5);
    connect(m_runAction, &QAction::triggered, this, &MainWindow::runScenario);

    m_instantAction = new QAction(RunIcons::icon(RunIcons::Kind::Instant), tr("&Instant"), this);
    m_instantAction->setCheckable(true);
    m_instantAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_instantAction->setToolTip(
        tr("Run on the virtual clock: no waiting, same order every time (Ctrl+I)"));

    m_cancelAction = new QAction(RunIcons::icon(RunIcons::Kind::Cancel), tr("&Cancel"), this);
    m_cancelAction->setShortcut(Qt::Key_Escape);
    m_cancelAction->setToolTip(tr("Cancel the gather, as gather_future.cancel() would (Esc)"));
    connect(m_cancelAction, &QAction::triggered, m_run, &RunController::cancel);

    m_pauseAction = new QAction(RunIcons::icon(RunIcons::Kind::Pause), tr("&Pause"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(Qt::Key_Space);
    m_pauseAction->setToolTip(tr("Pause or resume the scenario clock (Space)"));
    connect(m_pauseAction, &QAction::triggered, m_run, &RunController::setPaused);

    m_stepAction =
        new QAction(RunIcons::icon(RunIcons::Kind::Step), tr("&Step to next event"), this);
    m_stepAction->setShortcut(Qt::Key_F10);
    m_stepAction->setToolTip(tr("Pause and jump to the next instant something happens; before a "
                                "run, start one paused at 0 s (F10)"));
    connect(m_stepAction, &QAction::triggered, this, &MainWindow::stepScenario);

    m_darkAction = new QAction(tr("&Dark theme"), this);
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, [this](bool dark) {
        Theme::apply(dark);
        m_timeline->update();
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newScenario);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    QMenu *examples = file->addMenu(tr("&Examples"));
    const auto names = ScenarioLoader::bundledNames();
    for (const QString &name : names)
        examples->addAction(name, this, [this, name] {
            if (maybeSave())
                openScenario(name);
        });
    file->addSeparator();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                    &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Export Timeline (PNG, SVG, PDF)…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                    this, &MainWindow::exportTimeline);
    file->addAction(tr("Export &Trace (Chrome JSON)…"), this, &MainWindow::exportTrace);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addActions({m_runAction, m_instantAction, m_cancelAction, m_pauseAction, m_stepAction});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Fit Timeline"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this] { m_timeline->view()->fitAll(); });
    view->addAction(m_darkAction);
    m_panelsMenu = view->addMenu(tr("&Panels")); // filled once the docks exist
    view->addSeparator();
    view->addAction(tr("&Keyboard Shortcuts"), QKeySequence(Qt::Key_F1), this,
                    &MainWindow::showShortcuts);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gatherscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    rebuildRecentMenu();
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("RunToolBar"));
    bar->addActions({m_runAction, m_instantAction, m_cancelAction, m_pauseAction, m_stepAction});
    bar->addSeparator();
    m_speed = new QComboBox(bar);
    for (double speed : speeds)
        m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(2);
    m_speed->setToolTip(tr("Scenario seconds per real second"));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_run->setSpeed(m_speed->itemData(index).toDouble()); });
    bar->addWidget(new QLabel(tr(" Speed "), bar));
    bar->addWidget(m_speed);
}

void MainWindow::createDocks()
{
    auto *editorDock = new QDockWidget(tr("Scenario"), this);
    editorDock->setObjectName(QStringLiteral("ScenarioDock"));
    editorDock->setWidget(m_editor);
    addDockWidget(Qt::LeftDockWidgetArea, editorDock);

    auto *results = new QWidget(this);
    auto *layout = new QVBoxLayout(results);
    layout->setContentsMargins(4, 4, 4, 4);
    m_summary = new QLabel(results);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_resultView = makeTable(m_results, results);
    layout->addWidget(m_summary);
    layout->addWidget(m_resultView);
    connect(m_results, &ResultModel::summaryChanged, m_summary, &QLabel::setText);
    // Values appear when the gather hands them over: size the columns to them then.
    connect(m_results, &ResultModel::summaryChanged, m_resultView,
            &QTableView::resizeColumnsToContents);
    auto *resultDock = new QDockWidget(tr("Results"), this);
    resultDock->setObjectName(QStringLiteral("ResultsDock"));
    resultDock->setWidget(results);
    addDockWidget(Qt::BottomDockWidgetArea, resultDock);

    m_consoleView = makeTable(m_console, this);
    auto *consoleDock = new QDockWidget(tr("Console"), this);
    consoleDock->setObjectName(QStringLiteral("ConsoleDock"));
    consoleDock->setWidget(m_consoleView);
    addDockWidget(Qt::BottomDockWidgetArea, consoleDock);
    for (QDockWidget *dock : {editorDock, resultDock, consoleDock})
        m_panelsMenu->addAction(dock->toggleViewAction());
    connect(m_console, &QAbstractItemModel::rowsInserted, m_consoleView,
            &QTableView::scrollToBottom);
}

void MainWindow::connectRun()
{
    connect(m_run, &RunController::runStarted, this, &MainWindow::onRunStarted);
    connect(m_run, &RunController::runCleared, this, &MainWindow::onRunCleared);
    connect(m_run, &RunController::stateChanged, this, [this](RunController::State state) {
        m_pauseAction->setChecked(state == RunController::State::Paused);
        if (m_run->isActive())
            m_ticker->start();
        else
            m_ticker->stop();
        updateRunAvailability();
        updateStatus();
    });
    connect(m_timeline->view(), &TimelineView::shortcutsRequested, this,
            &MainWindow::showShortcuts);
    connect(m_timeline->view(), &TimelineView::eventSelected, this, &MainWindow::showEventDetails);
    connect(m_run, &RunController::runFinished, this, [this] {
        m_timeline->view()->setCurrentTime(m_run->currentTime());
        m_timeline->view()->fitAll();
        m_resultView->resizeColumnsToContents();
        updateStatus();
    });
}

void MainWindow::onRunStarted(Runner *runner)
{
    const ReportStyle report = runner->scenario().report;
    m_timelineModel->setRecord(&runner->record());
    m_results->setRecord(&runner->record(), report);
    m_console->setRecord(&runner->record(), report);
    m_resultView->resizeColumnsToContents();
    m_seedLabel->setText(runner->usesRandomSleeps() ? tr("seed %1").arg(runner->seed())
                                                    : QString());
    m_timeline->view()->setCurrentTime(ScenarioTime(0));
    m_eventDetails->clear();
}

void MainWindow::onRunCleared()
{
    m_timelineModel->setRecord(nullptr);
    m_results->setRecord(nullptr, ReportStyle::Each);
    m_console->setRecord(nullptr, ReportStyle::Each);
    m_seedLabel->clear();
    m_eventDetails->clear();
    m_timeline->view()->setCurrentTime(ScenarioTime(0));
    updateStatus();
}

void MainWindow::showEventDetails(int eventIndex)
{
    const Runner *runner = m_run->runner();
    if (!runner || eventIndex < 0 || std::size_t(eventIndex) >= runner->record().events().size())
        return;
    const TaskEvent &event = runner->record().events()[std::size_t(eventIndex)];
    const TaskNode &node = runner->record().nodes()[std::size_t(event.node)];
    const TimelineMarker *marker = nullptr;
    for (const auto &candidate : m_timelineModel->lane(event.node).markers) {
        if (candidate.eventIndex == eventIndex)
            marker = &candidate;
    }
    const QString what = marker ? marker->text : eventKindName(event.kind);
    const QString details =
        tr("%1 s — %2%3 — %4")
            .arg(scenarioTimeToSeconds(event.time))
            .arg(node.label, node.place.isEmpty() ? QString() : u" ("_s + node.place + u')', what);
    m_eventDetails->setText(details);
    m_eventDetails->setToolTip(details);
}

void MainWindow::runScenario()
{
    ScenarioModel *model = m_editor->model();
    if (!model->isValid())
        return;
    // A new run replaces the one in progress: RunController stops the old one first.
    m_run->start(model->scenario(), m_instantAction->isChecked());
}

void MainWindow::stepScenario()
{
    if (!m_run->isActive()) {
        // Stepping needs the real clock: the virtual one never waits to be told.
        if (!m_editor->model()->isValid())
            return;
        m_run->start(m_editor->model()->scenario(), false, true);
        return; // paused at 0 s, after the tasks' first steps
    }
    m_run->step();
}

void MainWindow::updateRunAvailability()
{
    const ScenarioModel *model = m_editor->model();
    const bool valid = model->isValid();
    m_runAction->setEnabled(valid);
    m_runAction->setToolTip(valid ? tr("Run the scenario (F5)")
                                  : tr("Cannot run: %1").arg(model->firstError()));
    const bool active = m_run->isActive();
    m_cancelAction->setEnabled(active);
    m_pauseAction->setEnabled(active && !m_instantAction->isChecked());
    m_stepAction->setEnabled(active || valid);
}

void MainWindow::updateTitle()
{
    const QString name =
        m_file.isEmpty() ? m_editor->model()->title() : QFileInfo(m_file).fileName();
    setWindowTitle(tr("%1[*] — Gatherscope").arg(name.isEmpty() ? tr("Untitled") : name));
    setWindowModified(m_editor->model()->isModified());
}

void MainWindow::updateStatus()
{
    m_stateLabel->setText(stateText(m_run->state()));
    const ScenarioTime now = m_run->currentTime();
    m_timeLabel->setText(tr("t = %1 s").arg(scenarioTimeToSeconds(now), 0, 'f', 2));
    if (m_run->isActive())
        m_timeline->view()->setCurrentTime(now);
}

bool MainWindow::openScenario(const QString &pathOrName, bool quiet)
{
    auto result = ScenarioLoader::load(pathOrName);
    if (const auto *error = std::get_if<LoadError>(&result)) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open scenario"), error->toString());
        return false;
    }
    m_run->clear(); // its timeline and results belong to the scenario being replaced
    m_editor->model()->setScenario(std::get<Scenario>(result));
    const bool isFile = QFileInfo::exists(pathOrName);
    m_file = isFile ? QFileInfo(pathOrName).absoluteFilePath() : QString();
    if (isFile)
        addRecentFile(m_file);
    updateTitle();
    return true;
}

bool MainWindow::saveScenarioAs(const QString &path)
{
    const QString error = ScenarioLoader::save(m_editor->model()->scenario(), path);
    if (!error.isEmpty()) {
        QMessageBox::critical(this, tr("Cannot save scenario"), error);
        return false;
    }
    m_file = QFileInfo(path).absoluteFilePath();
    m_editor->model()->setModified(false);
    addRecentFile(m_file);
    updateTitle();
    statusBar()->showMessage(tr("Saved %1").arg(m_file), 3000);
    return true;
}

bool MainWindow::scenarioIsSavable()
{
    // Open refuses what the loader refuses, so neither Save nor Save As may write it.
    if (m_editor->model()->isValid())
        return true;
    QMessageBox::warning(this, tr("Cannot save scenario"),
                         tr("Fix this first: %1").arg(m_editor->model()->firstError()));
    return false;
}

bool MainWindow::save()
{
    if (!scenarioIsSavable())
        return false;
    return m_file.isEmpty() ? saveAs() : saveScenarioAs(m_file);
}

bool MainWindow::saveAs()
{
    if (!scenarioIsSavable())
        return false;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Scenario"), m_file, tr("Scenarios (*.json)"));
    return !path.isEmpty() && saveScenarioAs(path);
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Scenario"), QFileInfo(m_file).absolutePath(),
                                     tr("Scenarios (*.json);;All files (*)"));
    if (!path.isEmpty())
        openScenario(path);
}

void MainWindow::newScenario()
{
    if (!maybeSave())
        return;
    Scenario scenario;
    scenario.title = tr("New scenario");
    scenario.tasks = {TaskSpec::sayHello(QStringLiteral("Mr. Turtle"), SleepSpec::fixed(1))};
    m_run->clear();
    m_editor->model()->setScenario(scenario);
    m_file.clear();
    updateTitle();
}

bool MainWindow::maybeSave()
{
    if (!m_editor->model()->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("The scenario has unsaved changes. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    files.removeAll(path);
    files.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), files.mid(0, maxRecentFiles));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : files) {
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave())
                                openScenario(path);
                        })
            ->setToolTip(path);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::exportTimeline()
{
    const QString png = tr("PNG image (*.png)");
    const QString svg = tr("SVG drawing (*.svg)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    QString path = QFileDialog::getSaveFileName(this, tr("Export Timeline"), QString(),
                                                QStringList{png, svg, pdf}.join(u";;"_s), &filter);
    if (path.isEmpty())
        return;
    // A name typed without an ending gets the one of the chosen type.
    if (QFileInfo(path).suffix().isEmpty())
        path += filter == svg ? u".svg"_s : filter == pdf ? u".pdf"_s : u".png"_s;
    const QString error = Exporter::exportTimeline(*m_timeline->view(), path);
    if (!error.isEmpty())
        QMessageBox::critical(this, tr("Export failed"), error);
}

void MainWindow::exportTrace()
{
    if (!m_run->runner()) {
        QMessageBox::information(this, tr("Export Trace"), tr("Run the scenario first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Trace"), QString(),
                                                      tr("Chrome trace (*.json)"));
    if (path.isEmpty())
        return;
    const QString error = Exporter::exportTrace(m_run->runner()->record(), path);
    if (!error.isEmpty())
        QMessageBox::critical(this, tr("Export failed"), error);
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard Shortcuts"),
        tr("<table>"
           "<tr><td><b>F5</b></td><td>Run</td></tr>"
           "<tr><td><b>Ctrl+I</b></td><td>Instant (virtual clock) on/off</td></tr>"
           "<tr><td><b>Esc</b></td><td>Cancel the gather</td></tr>"
           "<tr><td><b>Space</b></td><td>Pause / resume</td></tr>"
           "<tr><td><b>F10</b></td><td>Step to the next event (before a run: start one "
           "paused)</td></tr>"
           "<tr><td><b>Ctrl+0</b></td><td>Fit the timeline</td></tr>"
           "<tr><td><b>Ctrl+E</b></td><td>Export the timeline (PNG, SVG, PDF)</td></tr>"
           "<tr><td><b>F1</b></td><td>This list</td></tr>"
           "<tr><td colspan=2><br><i>Scenario editor</i></td></tr>"
           "<tr><td><b>Ctrl+H, Ctrl+Shift+D, Ctrl+G</b></td><td>Add say_hello, divide, "
           "gather</td></tr>"
           "<tr><td><b>Del, Ctrl+D</b></td><td>Remove, duplicate the task</td></tr>"
           "<tr><td><b>Alt+Up / Alt+Down</b></td><td>Move the task up / down</td></tr>"
           "<tr><td><b>Ctrl+Right / Ctrl+Left</b></td><td>Move it into the gather above / out "
           "of its gather</td></tr>"
           "<tr><td colspan=2><br><i>Timeline</i></td></tr>"
           "<tr><td><b>Ctrl+wheel, W / S</b></td><td>Zoom at the cursor</td></tr>"
           "<tr><td><b>Drag, A / D</b></td><td>Pan</td></tr>"
           "<tr><td><b>F</b></td><td>Fit the selection, or everything</td></tr>"
           "<tr><td><b>. / ,</b></td><td>Next / previous event</td></tr>"
           "<tr><td><b>Shift+drag</b></td><td>Select a range and read its duration</td></tr>"
           "<tr><td><b>?</b></td><td>This list</td></tr>"
           "</table>"));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gatherscope"),
                       tr("<h3>Gatherscope %1</h3>"
                          "<p>Python's <code>asyncio.gather</code>, made visible: a gather "
                          "combinator for Qt's coroutines (QCoro) with asyncio's exact "
                          "semantics, and a live timeline of every task.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile() &&
        urls.first().toLocalFile().endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().first().toLocalFile();
    if (maybeSave() && openScenario(path))
        event->acceptProposedAction();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1360, 840);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // The editor would take the width of all its buttons: leave the timeline the room.
        auto *editorDock = findChild<QDockWidget *>(QStringLiteral("ScenarioDock"));
        resizeDocks({editorDock}, {500}, Qt::Horizontal);
    }
    const double speed = settings.value(QStringLiteral("run/speed"), 1.0).toDouble();
    const int index = m_speed->findData(speed);
    m_speed->setCurrentIndex(index >= 0 ? index : 2);
    m_instantAction->setChecked(settings.value(QStringLiteral("run/instant"), false).toBool());
    m_darkAction->setChecked(settings.value(QStringLiteral("view/dark"), false).toBool());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("run/speed"), m_run->speed());
    settings.setValue(QStringLiteral("run/instant"), m_instantAction->isChecked());
    settings.setValue(QStringLiteral("view/dark"), m_darkAction->isChecked());
    settings.setValue(QStringLiteral("file/last"), m_file);
}
