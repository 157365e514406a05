// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QWidget;
class WindowScale;

//! Presentation mode (F11, View ▸ Presentation): the window full screen, the editor hidden,
//! everything at least 150 %, and the scenario's title and description large above the
//! timeline. Leaving it puts back the window as it was.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow *window, QDockWidget *editor, WindowScale *scale,
                     QWidget *caption);

    //! Checkable; its key is F11.
    QAction *action() const { return m_action; }
    bool isOn() const { return m_on; }
    void setOn(bool on);

    static constexpr double roomScale = 1.5;

private:
    QMainWindow *m_window;
    QDockWidget *m_editor;
    WindowScale *m_scale;
    QWidget *m_caption;
    QAction *m_action;
    bool m_on = false;
    // The window as it was before, to put back.
    Qt::WindowStates m_stateBefore;
    bool m_editorVisibleBefore = true;
    double m_scaleBefore = 1;
};
