// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QByteArray>
#include <QList>
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
    //! \a panels are hidden while it is on (the editor and the Python program).
    PresentationMode(QMainWindow *window, QList<QDockWidget *> panels, WindowScale *scale,
                     QWidget *caption);

    //! Checkable; its key is F11.
    QAction *action() const { return m_action; }
    bool isOn() const { return m_on; }
    void setOn(bool on);

    static constexpr double roomScale = 1.5;

private:
    QMainWindow *m_window;
    QList<QDockWidget *> m_panels;
    WindowScale *m_scale;
    QWidget *m_caption;
    QAction *m_action;
    bool m_on = false;
    // The window as it was before, to put back.
    Qt::WindowStates m_stateBefore;
    QByteArray m_layoutBefore;
    double m_scaleBefore = 1;
};
