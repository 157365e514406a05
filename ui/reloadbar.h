// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

//! A bar above the scenario editor, shown when another program changed or deleted the file:
//! it offers to reload it, and never interrupts a run or a class with a dialog.
class ReloadBar : public QFrame {
    Q_OBJECT
public:
    explicit ReloadBar(QWidget *parent = nullptr);

    //! Shows the offer for \a fileName: to reload it (when \a stillThere), saying what would
    //! be lost when \a hasUnsavedChanges; or, when it is gone, that Save writes it again.
    void offer(const QString &fileName, bool stillThere, bool hasUnsavedChanges);
    //! The offer shown says whether unsaved changes would be lost, as they are now.
    void setUnsavedChanges(bool hasUnsavedChanges);

Q_SIGNALS:
    void reloadClicked();
    //! "Keep Mine": the editor's scenario stays.
    void keepClicked();

private:
    void showText();

    QString m_fileName;
    bool m_stillThere = true;
    bool m_hasUnsavedChanges = false;
    QLabel *m_text;
    QPushButton *m_reload;
    QPushButton *m_keep;
};
