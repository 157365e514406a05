// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "reloadbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ReloadBar::ReloadBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_reload(new QPushButton(tr("Re&load"), this))
    , m_keep(new QPushButton(tr("&Keep Mine"), this))
{
    setObjectName(QStringLiteral("reloadBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // a file name is never markup
    m_text->setForegroundRole(QPalette::ToolTipText);
    m_reload->setToolTip(tr("Open the file as it is on disk now"));
    m_keep->setToolTip(tr("Keep the scenario as it is here; Save writes it over the file"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_reload);
    layout->addWidget(m_keep);
    connect(m_reload, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT reloadClicked();
    });
    connect(m_keep, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT keepClicked();
    });
    hide();
}

void ReloadBar::offer(const QString &fileName, bool stillThere, bool hasUnsavedChanges)
{
    m_fileName = fileName;
    m_stillThere = stillThere;
    m_hasUnsavedChanges = hasUnsavedChanges;
    showText();
    m_reload->setVisible(stillThere);
    m_keep->setText(stillThere ? tr("&Keep Mine") : tr("&OK"));
    show();
}

void ReloadBar::setUnsavedChanges(bool hasUnsavedChanges)
{
    m_hasUnsavedChanges = hasUnsavedChanges;
    showText();
}

void ReloadBar::showText()
{
    if (!m_stillThere) {
        m_text->setText(
            tr("%1 was deleted or moved. Save writes the scenario again.").arg(m_fileName));
    } else if (m_hasUnsavedChanges) {
        m_text->setText(tr("%1 changed on disk. Reload it? Your unsaved changes would be lost.")
                            .arg(m_fileName));
    } else {
        m_text->setText(tr("%1 changed on disk. Reload it?").arg(m_fileName));
    }
}
