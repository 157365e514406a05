// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "mainwindow.h"

#include "comparewindow.h"
#include "consolemodel.h"
#include "exporter.h"
#include "filecommands.h"
#include "lanefiltermodel.h"
#include "narration.h"
#include "presentationmode.h"
#include "pythonpanel.h"
#include "readonlytable.h"
#include "reloadbar.h"
#include "replayscrubber.h"
#include "resultmodel.h"
#include "resultspanel.h"
#include "runfile.h"
#include "runfilecommands.h"
#include "runpresenter.h"
#include "runsession.h"
#include "runstatusbar.h"
#include "scenariocaption.h"
#include "scenariodocument.h"
#include "scenarioeditor.h"
#include "scenariohistory.h"
#include "scenarioloader.h"
#include "scenariomodel.h"
#include "selectionlink.h"
#include "shortcuts.h"
#include "theme.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"
#include "windowscale.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

//! Scenario seconds per real second: slow enough to follow one event, fast enough for a long
//! scenario; + and - move along it.
const double speeds[] = {0.1, 0.25, 0.5, 1, 2, 4, 10};
constexpr int normalSpeed = 3; // 1×

} // namespace

MainWindow::MainWindow(Settings settings, QWidget *parent)
    : QMainWindow(parent)
    , m_run(new RunController(this))
    , m_editor(new ScenarioEditor(this))
    , m_document(new ScenarioDocument(m_editor->model(), this))
    , m_files(new FileCommands(m_document, this))
    , m_runFiles(new RunFileCommands(m_run, m_document, this))
    , m_actions(new RunActions(this))
    , m_timeline(new TimelineWidget(this))
    , m_timelineModel(new TimelineModel(this))
    , m_results(new ResultModel(this))
    , m_console(new ConsoleModel(this))
    , m_session(new RunSession({m_timelineModel, m_results, m_console}, this))
    , m_statusBar(new RunStatusBar(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.gatherscope.Gatherscope.svg")));
    m_timeline->setModel(m_timelineModel);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    m_caption = new ScenarioCaption(m_editor->model(), central);
    centralLayout->addWidget(m_caption);
    m_stepCaption = new QLabel(central);
    m_stepCaption->setObjectName(QStringLiteral("stepCaption"));
    m_stepCaption->setTextFormat(Qt::PlainText);
    m_stepCaption->setWordWrap(true);
    m_stepCaption->setContentsMargins(8, 4, 8, 4);
    m_stepCaption->setToolTip(tr("What the last step (F10) showed, and why"));
    QFont bold; // only the weight: the size follows the window's, which grows in a room
    bold.setBold(true);
    m_stepCaption->setFont(bold);
    m_stepCaption->hide();
    centralLayout->addWidget(m_stepCaption);
    centralLayout->addWidget(m_timeline, 1);
    m_scrubber = new ReplayScrubber(m_run, m_session, m_timeline->view(), central);
    centralLayout->addWidget(m_scrubber);
    setCentralWidget(central);
    setStatusBar(m_statusBar);
    m_scale = new WindowScale(this, m_timeline->view());

    m_darkAction = new QAction(tr("&Dark theme"), this);
    m_darkAction->setCheckable(true);
    connect(m_darkAction, &QAction::toggled, this, [this](bool dark) {
        Theme::apply(dark);
        m_timeline->update();
    });
    addTimelineKeys(); // before the menus, which show one of them
    createMenus();
    createToolBar();
    createDocks();
    new SelectionLink(
        {m_timeline->view(), m_consoleView, m_console, m_resultsPanel->table(), m_results},
        [this]() -> const EventRecord * {
            return m_run->runner() ? &m_run->runner()->record() : nullptr;
        },
        this);
    m_presentation = new PresentationMode(this,
                                          {findChild<QDockWidget *>(QStringLiteral("ScenarioDock")),
                                           findChild<QDockWidget *>(QStringLiteral("PythonDock"))},
                                          m_scale, m_caption);
    m_viewMenu->insertAction(m_panelsMenu->menuAction(), m_presentation->action());
    connect(m_scale, &WindowScale::changed, m_resultsPanel, &ResultsPanel::fitColumns);
    m_presenter = new RunPresenter({m_run, m_actions, m_editor->model(), m_session, m_timelineModel,
                                    m_timeline->view(), m_statusBar, m_stepCaption},
                                   this);
    connect(m_document, &ScenarioDocument::captionChanged, this, [this] {
        setWindowTitle(m_document->caption());
        setWindowModified(m_editor->model()->isModified());
    });
    // Its timeline and results belong to the scenario being replaced.
    connect(m_document, &ScenarioDocument::replaced, m_run, &RunController::clear);
    connect(m_actions->compare(), &QAction::triggered, this, &MainWindow::compareReturnExceptions);
    // What happened, in words, under the results once a run is over; gone with the run.
    connect(m_run, &RunController::runFinished, m_resultsPanel,
            [this](Runner *runner) { m_resultsPanel->setNarration(narrate(runner->record())); });
    // Tasks that ended after the gather raised have their notes by now.
    connect(m_run, &RunController::runFinished, m_resultsPanel, &ResultsPanel::fitColumns);
    connect(m_run, &RunController::runStarted, m_resultsPanel,
            [this] { m_resultsPanel->setNarration({}); });
    connect(m_run, &RunController::runCleared, m_resultsPanel,
            [this] { m_resultsPanel->setNarration({}); });
    m_files->setRunFiles(m_runFiles);
    const auto showMessage = [this](const QString &text) { statusBar()->showMessage(text, 3000); };
    connect(m_files, &FileCommands::message, this, showMessage);
    connect(m_runFiles, &RunFileCommands::message, this, showMessage);
    m_useSettings = settings == Settings::Use;
    if (m_useSettings)
        m_autosave = new Autosave(m_editor->model(), m_document, Autosave::defaultFolder(), this);
    if (m_useSettings)
        readSettings();
    else
        useDefaultLayout();
    setWindowTitle(m_document->caption());
    m_timeline->view()->setFocus(); // its keys work from the start, and change nothing
}

MainWindow::~MainWindow() = default;

void MainWindow::addTimelineKeys()
{
    // The timeline's keys work wherever the focus is, except in a field being typed in: a line
    // edit claims printable keys before any shortcut, a tree view does not.
    for (const auto &shortcut : Shortcuts::table()) {
        if (shortcut.area != Shortcuts::Area::Timeline || shortcut.key.isEmpty())
            continue;
        auto *action = new QAction(shortcut.what, this);
        action->setShortcut(shortcut.key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this,
                [this, id = shortcut.id] { m_timeline->view()->handleShortcut(id); });
        addAction(action);
        if (shortcut.id == Shortcuts::Id::Fit)
            m_fitAction = action; // the View menu shows it too
    }
}

CompareWindow *MainWindow::compareReturnExceptions()
{
    if (!m_editor->model()->isValid())
        return nullptr;
    return showComparison(new CompareWindow(m_editor->model()->scenario(), this));
}

CompareWindow *MainWindow::compareWith(const QString &path, bool quiet)
{
    const auto refuse = [&](const QString &why) -> CompareWindow * {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot compare"), why);
        return nullptr;
    };
    if (!m_editor->model()->isValid())
        return refuse(tr("Fix the scenario first: %1").arg(m_editor->model()->firstError()));
    std::unique_ptr<Runner> other;
    if (RunFile::isRunFileAt(path)) {
        auto loaded = RunFile::load(path);
        if (const auto *error = std::get_if<LoadError>(&loaded))
            return refuse(error->toString());
        other = std::get<std::unique_ptr<Runner>>(std::move(loaded));
    } else {
        auto loaded = ScenarioLoader::load(path);
        if (const auto *error = std::get_if<LoadError>(&loaded))
            return refuse(error->toString());
        other = std::make_unique<Runner>(std::get<Scenario>(std::move(loaded)), RunOptions{});
    }
    // This side draws the sleeps of the run shown, if any: what the person is looking at.
    RunOptions options;
    if (const Runner *shown = m_run->runner())
        options.seed = shown->seed();
    const Scenario scenario = m_editor->model()->scenario();
    auto mine = std::make_unique<Runner>(scenario, options);
    const QString myName = m_document->path().isEmpty()
                               ? (scenario.title.isEmpty() ? tr("this scenario") : scenario.title)
                               : QFileInfo(m_document->path()).fileName();
    return showComparison(new CompareWindow({myName, std::move(mine)},
                                            {QFileInfo(path).fileName(), std::move(other)}, this));
}

CompareWindow *MainWindow::showComparison(CompareWindow *compare)
{
    if (m_compare)
        m_compare->close(); // one comparison at a time: the new one replaces it
    m_compare = compare;
    m_compare->show();
    return m_compare;
}

void MainWindow::addLaneActions(QMenu *view)
{
    // For thousands of tasks: find a lane by name, fold nested gathers, fit more on the screen.
    view->addAction(tr("Filter &Lanes…"), Shortcuts::key(Shortcuts::Id::FilterLanes), this, [this] {
        m_timeline->filterBox()->setFocus(Qt::ShortcutFocusReason);
        m_timeline->filterBox()->selectAll();
    });
    LaneFilterModel *lanes = m_timeline->view()->lanes();
    view->addAction(tr("&Collapse Nested Gathers"), lanes,
                    [lanes] { lanes->setAllCollapsed(true); });
    view->addAction(tr("&Expand Nested Gathers"), lanes,
                    [lanes] { lanes->setAllCollapsed(false); });
    QAction *compact = view->addAction(tr("C&ompact Lanes"));
    compact->setCheckable(true);
    compact->setToolTip(tr("Lanes half as tall, with smaller markers: more tasks on the screen"));
    connect(compact, &QAction::toggled, m_timeline->view(), &TimelineView::setCompact);
}

void MainWindow::setDarkTheme(bool dark)
{
    m_darkAction->setChecked(dark);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    using Shortcuts::Id;
    m_files->addTo(file);
    m_runFiles->addTo(file);
    file->addAction(tr("&Compare With…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Compare With"), QFileInfo(m_document->path()).absolutePath(),
            tr("Scenarios and runs (*.json);;All files (*)"));
        if (!path.isEmpty())
            compareWith(path);
    });
    file->addSeparator();
    file->addAction(tr("&Export Timeline (PNG, SVG, PDF)…"), Shortcuts::key(Id::ExportTimeline),
                    this, [this] { Exporter::exportTimelineAsked(this, *m_timeline->view()); });
    file->addAction(tr("Export &Python (.py)…"), this, [this] { m_python->exportAsked(); });
    file->addAction(tr("Export &Trace (Chrome JSON)…"), this, [this] {
        Exporter::exportTraceAsked(this, m_run->runner() ? &m_run->runner()->record() : nullptr);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), Shortcuts::key(Id::Quit), this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *history = m_editor->history()->stack();
    QAction *undo = history->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(Shortcuts::key(Id::Undo));
    QAction *redo = history->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(Shortcuts::key(Id::Redo));
    edit->addActions({undo, redo});

    m_runMenu = menuBar()->addMenu(tr("&Run"));
    m_runMenu->addActions(m_actions->all());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    view->addAction(tr("&Larger"), Shortcuts::key(Id::ScaleUp), m_scale, &WindowScale::larger);
    view->addAction(tr("&Smaller"), Shortcuts::key(Id::ScaleDown), m_scale, &WindowScale::smaller);
    view->addAction(tr("&Normal Size"), Shortcuts::key(Id::ScaleReset), m_scale,
                    &WindowScale::reset);
    view->addSeparator();
    m_fitAction->setText(tr("&Fit Timeline"));
    view->addAction(m_fitAction);
    addLaneActions(view);
    view->addAction(m_darkAction);
    m_panelsMenu = view->addMenu(tr("&Panels")); // filled once the docks exist
    view->addSeparator();
    view->addAction(tr("&Keyboard Shortcuts"), Shortcuts::key(Id::Help), this,
                    &MainWindow::showShortcuts);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gatherscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("RunToolBar"));
    bar->addActions(m_actions->all());
    bar->addSeparator();
    m_speed = new QComboBox(bar);
    for (double speed : speeds)
        m_speed->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speed->setCurrentIndex(normalSpeed);
    m_speed->setToolTip(tr("Scenario seconds per real second (+ and - change it)"));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_run->setSpeed(m_speed->itemData(index).toDouble()); });
    bar->addWidget(new QLabel(tr(" Speed "), bar));
    bar->addWidget(m_speed);
    const auto speedKey = [this](Shortcuts::Id id, const QString &text, int step) {
        auto *action = new QAction(text, this);
        action->setShortcut(Shortcuts::key(id));
        connect(action, &QAction::triggered, this, [this, step] {
            m_speed->setCurrentIndex(
                std::clamp(m_speed->currentIndex() + step, 0, int(std::size(speeds)) - 1));
        });
        return action;
    };
    m_runMenu->addSeparator();
    m_runMenu->addAction(speedKey(Shortcuts::Id::SpeedUp, tr("&Faster"), 1));
    m_runMenu->addAction(speedKey(Shortcuts::Id::SlowDown, tr("&Slower"), -1));
}

void MainWindow::createDocks()
{
    auto *editorDock = new QDockWidget(tr("Scenario"), this);
    editorDock->setObjectName(QStringLiteral("ScenarioDock"));
    auto *editorPanel = new QWidget(editorDock);
    auto *editorLayout = new QVBoxLayout(editorPanel);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    m_reloadBar = new ReloadBar(editorPanel);
    editorLayout->addWidget(m_reloadBar);
    editorLayout->addWidget(m_editor, 1);
    editorDock->setWidget(editorPanel);
    connect(m_document, &ScenarioDocument::changedOnDisk, this, &MainWindow::offerReload);
    connect(m_reloadBar, &ReloadBar::reloadClicked, this, [this] {
        if (const QString error = m_document->reload(); !error.isEmpty()) {
            QMessageBox::warning(this, tr("Cannot reload scenario"), error);
            if (m_document->fileChangedSinceRead()) // still, once the message is read
                offerReload(true);
        }
    });
    // Edited after the offer came: it says what a reload would lose now.
    connect(m_editor->model(), &ScenarioModel::modifiedChanged, m_reloadBar,
            &ReloadBar::setUnsavedChanges);
    connect(m_reloadBar, &ReloadBar::keepClicked, m_document, &ScenarioDocument::keepOwnVersion);
    // Another file replaces the one the offer was about.
    connect(m_document, &ScenarioDocument::replaced, m_reloadBar, &QWidget::hide);
    // The file holds the scenario again: there is nothing to reload.
    connect(m_document, &ScenarioDocument::sameOnDiskAgain, m_reloadBar, &QWidget::hide);
    addDockWidget(Qt::LeftDockWidgetArea, editorDock);

    m_resultsPanel = new ResultsPanel(m_results, this);
    auto *resultDock = new QDockWidget(tr("Results"), this);
    resultDock->setObjectName(QStringLiteral("ResultsDock"));
    resultDock->setWidget(m_resultsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, resultDock);

    m_consoleView = makeReadOnlyTable(m_console, this);
    auto *consoleDock = new QDockWidget(tr("Console"), this);
    consoleDock->setObjectName(QStringLiteral("ConsoleDock"));
    consoleDock->setWidget(m_consoleView);
    addDockWidget(Qt::BottomDockWidgetArea, consoleDock);
    m_python = new PythonPanel(m_editor->model(), m_timelineModel, this);
    auto *pythonDock = new QDockWidget(tr("Python"), this);
    pythonDock->setObjectName(QStringLiteral("PythonDock"));
    pythonDock->setWidget(m_python);
    addDockWidget(Qt::LeftDockWidgetArea, pythonDock);
    // beside the editor, one tab away: the scenario and its program side by side in a class
    tabifyDockWidget(editorDock, pythonDock);
    connect(pythonDock, &QDockWidget::visibilityChanged, m_python, [this](bool shown) {
        if (shown)
            m_python->catchUp();
    });
    editorDock->raise();
    for (QDockWidget *dock : {editorDock, pythonDock, resultDock, consoleDock})
        m_panelsMenu->addAction(dock->toggleViewAction());
    connect(m_console, &QAbstractItemModel::rowsInserted, m_consoleView,
            &QTableView::scrollToBottom);
}

void MainWindow::offerReload(bool stillThere)
{
    m_reloadBar->offer(QFileInfo(m_document->path()).fileName(), stillThere,
                       m_editor->model()->isModified());
}

void MainWindow::runScenario()
{
    m_presenter->runScenario();
}

void MainWindow::stepScenario()
{
    m_presenter->stepScenario();
}

bool MainWindow::openScenario(const QString &pathOrName, bool quiet)
{
    return m_files->open(pathOrName, quiet);
}

QString MainWindow::currentFile() const
{
    return m_document->path();
}

bool MainWindow::saveScenarioAs(const QString &path)
{
    return m_files->saveTo(path);
}

bool MainWindow::saveRunAs(const QString &path)
{
    return m_runFiles->saveTo(path);
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(this, tr("Keyboard Shortcuts"), Shortcuts::helpHtml());
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
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_useSettings)
        writeSettings();
    if (m_autosave)
        m_autosave->discard(); // saved, or discarded on purpose: nothing to offer back
    event->accept();
}

void MainWindow::offerRecovery()
{
    if (!m_autosave)
        return;
    const auto orphans = Autosave::orphans(Autosave::defaultFolder());
    if (orphans.empty())
        return;
    const Autosave::Orphan &newest = orphans.front();
    QMessageBox question(QMessageBox::Question, tr("Restore unsaved changes?"),
                         tr("Gatherscope ended without saving your changes to %1 (last changed "
                            "%2). Restore them?")
                             .arg(newest.originalFile.isEmpty()
                                      ? tr("a new scenario")
                                      : QFileInfo(newest.originalFile).fileName(),
                                  QLocale().toString(newest.lastChanged, QLocale::ShortFormat)),
                         QMessageBox::NoButton, this);
    QPushButton *restoreButton = question.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    QPushButton *discardButton = question.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    question.addButton(tr("&Not Now"), QMessageBox::RejectRole);
    question.setDefaultButton(restoreButton);
    question.exec();
    if (question.clickedButton() == restoreButton) {
        if (const QString error = restore(newest); !error.isEmpty())
            QMessageBox::warning(this, tr("Cannot restore the scenario"), error);
    } else if (question.clickedButton() == discardButton) {
        newest.remove();
    }
}

QString MainWindow::restore(const Autosave::Orphan &orphan)
{
    if (QString error =
            m_document->recover(orphan.scenarioFile, orphan.originalFile, orphan.lastChanged);
        !error.isEmpty())
        return error;
    orphan.remove();
    if (m_autosave)
        m_autosave->writeNow(); // this window's slot holds it from now on
    return {};
}

void MainWindow::keepUnsavedChanges()
{
    if (m_autosave)
        m_autosave->writeNow();
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
    if (m_files->replaceWith(path))
        event->acceptProposedAction();
}

void MainWindow::readSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()) ||
        !restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), layoutVersion))
        useDefaultLayout();
    const double speed = settings.value(QStringLiteral("run/speed"), 1.0).toDouble();
    const int index = m_speed->findData(speed);
    m_speed->setCurrentIndex(index >= 0 ? index : normalSpeed);
    m_actions->instant()->setChecked(settings.value(QStringLiteral("run/instant"), false).toBool());
    m_darkAction->setChecked(settings.value(QStringLiteral("view/dark"), false).toBool());
}

void MainWindow::useDefaultLayout()
{
    resize(1360, 840);
    // The editor would take the width of all its buttons: leave the timeline the room.
    auto *editorDock = findChild<QDockWidget *>(QStringLiteral("ScenarioDock"));
    resizeDocks({editorDock}, {500}, Qt::Horizontal);
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(layoutVersion));
    settings.setValue(QStringLiteral("run/speed"), m_run->speed());
    settings.setValue(QStringLiteral("run/instant"), m_actions->instant()->isChecked());
    settings.setValue(QStringLiteral("view/dark"), m_darkAction->isChecked());
}
