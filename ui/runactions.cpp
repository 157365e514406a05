// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runactions.h"

#include "runicons.h"
#include "shortcuts.h"

#include <QAction>

namespace {

QAction *makeAction(RunIcons::Kind icon, const QString &text, Shortcuts::Id shortcut,
                    QObject *parent)
{
    auto *action = new QAction(RunIcons::icon(icon), text, parent);
    action->setShortcut(Shortcuts::key(shortcut));
    return action;
}

} // namespace

RunActions::RunActions(QObject *parent)
    : QObject(parent)
    , m_run(makeAction(RunIcons::Kind::Run, tr("&Run"), Shortcuts::Id::Run, this))
    , m_runInstantly(makeAction(RunIcons::Kind::Instant, tr("Run &Instantly"),
                                Shortcuts::Id::RunInstantly, this))
    , m_instant(new QAction(tr("&Virtual Clock"), this))
    , m_cancel(makeAction(RunIcons::Kind::Cancel, tr("&Cancel"), Shortcuts::Id::Cancel, this))
    , m_pause(makeAction(RunIcons::Kind::Pause, tr("&Pause"), Shortcuts::Id::Pause, this))
    , m_step(makeAction(RunIcons::Kind::Step, tr("&Step One Event"), Shortcuts::Id::Step, this))
    , m_stepInstant(makeAction(RunIcons::Kind::StepInstant, tr("Step to Next I&nstant"),
                               Shortcuts::Id::StepInstant, this))
    , m_compare(makeAction(RunIcons::Kind::Compare, tr("C&ompare return_exceptions"),
                           Shortcuts::Id::Compare, this))
{
    using Shortcuts::Id;
    m_instant->setShortcut(Shortcuts::key(Id::Instant));
    m_instant->setCheckable(true);
    m_instant->setToolTip(Shortcuts::withKey(
        tr("Every Run on the virtual clock: no waiting, the same order every time"), Id::Instant));
    m_runInstantly->setToolTip(Shortcuts::withKey(
        tr("Run on the virtual clock this once: the whole run at once"), Id::RunInstantly));
    m_cancel->setToolTip(
        Shortcuts::withKey(tr("Cancel the gather, as gather_future.cancel() would"), Id::Cancel));
    m_pause->setCheckable(true);
    m_pause->setToolTip(Shortcuts::withKey(tr("Pause or resume the scenario clock"), Id::Pause));
    m_step->setToolTip(Shortcuts::withKey(tr("Pause and show the next event alone, with a caption "
                                             "of what happened and why; before a run, start one "
                                             "paused at 0 s"),
                                          Id::Step));
    m_stepInstant->setToolTip(Shortcuts::withKey(
        tr("Pause and show every event of the next instant at once"), Id::StepInstant));
    m_compare->setToolTip(Shortcuts::withKey(
        tr("Run the scenario with return_exceptions False and True, one above the other on one "
           "time axis, and say what differs"),
        Id::Compare));
    update(QString(), false, false);
}

void RunActions::update(const QString &whyNotRunnable, bool active, bool paused)
{
    const bool runnable = whyNotRunnable.isEmpty();
    m_run->setEnabled(runnable);
    m_runInstantly->setEnabled(runnable);
    m_run->setToolTip(runnable ? Shortcuts::withKey(tr("Run the scenario"), Shortcuts::Id::Run)
                               : tr("Cannot run: %1").arg(whyNotRunnable));
    m_cancel->setEnabled(active);
    // The virtual clock never waits, so there is nothing to pause.
    m_pause->setEnabled(active && !m_instant->isChecked());
    m_pause->setChecked(paused);
    // Stepping a run that is not going starts one, paused at 0 s.
    m_step->setEnabled(active || runnable);
    m_stepInstant->setEnabled(active || runnable);
    m_compare->setEnabled(runnable);
}
