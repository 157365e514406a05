// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QList>
#include <QObject>

class QAction;

//! The run commands as actions, with their keys (from Shortcuts), icons and tooltips, and the
//! rule of when each may be used. What they do is wired by the window.
class RunActions : public QObject {
    Q_OBJECT
public:
    explicit RunActions(QObject *parent = nullptr);

    //! Runs on the clock the Virtual Clock setting chooses.
    QAction *run() const { return m_run; }
    //! Runs on the virtual clock this once, whatever the setting.
    QAction *runInstantly() const { return m_runInstantly; }
    //! Checkable: every run goes on the virtual clock.
    QAction *instant() const { return m_instant; }
    QAction *cancel() const { return m_cancel; }
    //! Checkable: shows whether the clock is paused.
    QAction *pause() const { return m_pause; }
    QAction *step() const { return m_step; }
    QAction *stepInstant() const { return m_stepInstant; }
    //! Runs the scenario twice, return_exceptions False and True, side by side.
    QAction *compare() const { return m_compare; }
    //! In toolbar and menu order.
    QList<QAction *> all() const
    {
        return {m_run,   m_runInstantly, m_instant,     m_cancel,
                m_pause, m_step,         m_stepInstant, m_compare};
    }

    //! Enables what can be done now. \a whyNotRunnable: the scenario's first error (empty
    //! when it can run); \a active: a run is going; \a paused: its clock stands still.
    void update(const QString &whyNotRunnable, bool active, bool paused);

private:
    QAction *m_run;
    QAction *m_runInstantly;
    QAction *m_instant;
    QAction *m_cancel;
    QAction *m_pause;
    QAction *m_step;
    QAction *m_stepInstant;
    QAction *m_compare;
};
