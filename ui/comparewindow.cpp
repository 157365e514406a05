// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "comparewindow.h"

#include "narration.h"
#include "resultmodel.h"
#include "resultspanel.h"
#include "runner.h"
#include "runsession.h"
#include "timelinemodel.h"
#include "timelineview.h"
#include "timelinewidget.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Gatherscope;

namespace {

//! \a scenario to run on the virtual clock with `return_exceptions` \a returnExceptions.
std::unique_ptr<Runner> instantRun(const Scenario &scenario, bool returnExceptions,
                                   std::optional<std::uint64_t> seed)
{
    RunOptions options;
    options.clockMode = ScenarioClock::Mode::Virtual;
    options.returnExceptions = returnExceptions;
    options.seed = seed;
    return std::make_unique<Runner>(scenario, options);
}

//! Both runs of a return_exceptions comparison: the same sleeps on both sides (the file's seed,
//! or the first run's fresh one).
std::array<CompareWindow::Run, 2> bothReturnExceptions(const Scenario &scenario)
{
    auto withFalse = instantRun(scenario, false, scenario.seed);
    auto withTrue = instantRun(scenario, true, withFalse->seed());
    return {CompareWindow::Run{QObject::tr("return_exceptions=False"), std::move(withFalse)},
            CompareWindow::Run{QObject::tr("return_exceptions=True"), std::move(withTrue)}};
}

} // namespace

CompareWindow::CompareWindow(const Scenario &scenario, QWidget *parent)
    : CompareWindow(bothReturnExceptions(scenario),
                    tr("Compare return_exceptions — %1")
                        .arg(scenario.title.isEmpty() ? tr("untitled") : scenario.title),
                    compareReturnExceptions, parent)
{}

CompareWindow::CompareWindow(Run above, Run below, QWidget *parent)
    : CompareWindow({std::move(above), std::move(below)}, QString(), {}, parent)
{}

CompareWindow::CompareWindow(std::array<Run, 2> runs, const QString &title,
                             std::function<QString(const EventRecord &, const EventRecord &)> tell,
                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_tell(std::move(tell))
    , m_difference(new QLabel(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title.isEmpty() ? tr("Compare %1 with %2").arg(runs[0].name, runs[1].name)
                                   : title);
    if (!m_tell) {
        m_tell = [above = runs[0].name, below = runs[1].name](const EventRecord &first,
                                                              const EventRecord &second) {
            return compareRuns(first, above, second, below);
        };
    }
    m_difference->setObjectName(QStringLiteral("difference"));
    m_difference->setWordWrap(true);
    m_difference->setTextFormat(Qt::PlainText);
    m_difference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_difference->font();
    bold.setBold(true);
    m_difference->setFont(bold);
    m_difference->setText(tr("Running…"));

    auto *panes = new QSplitter(Qt::Vertical, this);
    panes->addWidget(makePane(m_sides[0], runs[0].name));
    panes->addWidget(makePane(m_sides[1], runs[1].name));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_difference);
    layout->addWidget(panes, 1);
    resize(1300, 820);

    // One time axis: whichever is zoomed or panned, the other shows the same.
    TimelineView *above = m_sides[0].widget->view();
    TimelineView *below = m_sides[1].widget->view();
    above->zoom().follow(&below->zoom());
    below->zoom().follow(&above->zoom());

    start(m_sides[0], std::move(runs[0].runner));
    start(m_sides[1], std::move(runs[1].runner));
}

CompareWindow::~CompareWindow()
{
    // The sessions let go of the records before the runners go.
    for (Side &side : m_sides)
        side.session->follow(nullptr, ReportStyle::Each);
}

QWidget *CompareWindow::makePane(Side &side, const QString &name)
{
    auto *pane = new QWidget(this);
    side.timeline = new TimelineModel(pane);
    side.results = new ResultModel(pane);
    side.session = new RunSession({side.timeline, side.results}, pane);
    side.session->setFrameInterval(RunSession::instantFrameMs);
    side.widget = new TimelineWidget(pane);
    side.widget->setModel(side.timeline);
    auto *title = new QLabel(name, pane);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *row = new QSplitter(Qt::Horizontal, pane);
    row->addWidget(side.widget);
    row->addWidget(new ResultsPanel(side.results, row));
    row->setStretchFactor(0, 3);
    row->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(title);
    layout->addWidget(row, 1);
    return pane;
}

void CompareWindow::start(Side &side, std::unique_ptr<Runner> runner)
{
    side.runner = std::move(runner);
    side.session->follow(&side.runner->record(), side.runner->scenario().report);
    if (side.runner->state() == Runner::State::Finished) {
        sideFinished(); // a saved run: its record is whole already
        return;
    }
    connect(side.runner.get(), &Runner::finished, this, &CompareWindow::sideFinished);
    side.runner->start();
}

void CompareWindow::sideFinished()
{
    if (++m_finished < 2)
        return;
    for (Side &side : m_sides)
        side.session->flush();
    m_difference->setText(m_tell(m_sides[0].runner->record(), m_sides[1].runner->record()));
    // Both fitted to the later end: the axis they share shows both runs whole.
    for (Side &side : m_sides)
        side.widget->view()->fitAll();
    Q_EMIT finished();
}

QString CompareWindow::difference() const
{
    return isFinished() ? m_difference->text() : QString();
}

TimelineWidget *CompareWindow::timeline(bool below) const
{
    return m_sides[below ? 1 : 0].widget;
}
