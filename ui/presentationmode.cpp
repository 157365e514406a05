// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "presentationmode.h"

#include "shortcuts.h"
#include "windowscale.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>

#include <algorithm>

PresentationMode::PresentationMode(QMainWindow *window, QDockWidget *editor, WindowScale *scale,
                                   QWidget *caption)
    : QObject(window)
    , m_window(window)
    , m_editor(editor)
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
        m_editorVisibleBefore = m_editor->isVisible();
        m_scaleBefore = m_scale->factor();
        m_editor->hide();
        m_scale->setFactor(std::max(roomScale, m_scaleBefore));
        m_caption->show();
        m_window->setWindowState(m_stateBefore | Qt::WindowFullScreen);
    } else {
        m_window->setWindowState(m_stateBefore);
        m_editor->setVisible(m_editorVisibleBefore);
        m_scale->setFactor(m_scaleBefore);
        m_caption->hide();
    }
}
