// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "presentationmode.h"

#include "shortcuts.h"
#include "windowscale.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>
#include <utility>

PresentationMode::PresentationMode(QMainWindow *window, QList<QDockWidget *> panels,
                                   WindowScale *scale, QWidget *caption)
    : QObject(window)
    , m_window(window)
    , m_panels(std::move(panels))
    , m_scale(scale)
    , m_caption(caption)
    , m_action(new QAction(tr("&Presentation"), this))
{
    m_action->setCheckable(true);
    m_action->setShortcut(Shortcuts::key(Shortcuts::Id::Presentation));
    m_action->setToolTip(Shortcuts::withKey(
        tr("Full screen and large, the editor hidden, the scenario's title on top"),
        Shortcuts::Id::Presentation));
    connect(m_action, &QAction::toggled, this, &PresentationMode::setOn);
    m_caption->hide();
}

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    m_on = on;
    m_action->setChecked(on);
    if (on) {
        m_stateBefore = m_window->windowState();
        // The docks as they were (open or closed, which tab in front), to put back whole.
        m_layoutBefore = m_window->saveState();
        for (QDockWidget *panel : std::as_const(m_panels))
            panel->hide();
        m_scaleBefore = m_scale->factor();
        m_scale->setFactor(std::max(roomScale, m_scaleBefore));
        m_caption->show();
        m_window->setWindowState(m_stateBefore | Qt::WindowFullScreen);
    } else {
        m_window->setWindowState(m_stateBefore);
        m_window->restoreState(m_layoutBefore);
        m_scale->setFactor(m_scaleBefore);
        m_caption->hide();
    }
}
