// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariocaption.h"

#include "scenariomodel.h"
#include "theme.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

ScenarioCaption::ScenarioCaption(const ScenarioModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_title(new QLabel(this))
    , m_description(new QLabel(this))
{
    setObjectName(QStringLiteral("scenarioCaption"));
    m_title->setObjectName(QStringLiteral("captionTitle"));
    m_description->setObjectName(QStringLiteral("captionDescription"));
    sizeTitle();
    for (QLabel *label : {m_title, m_description}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    connect(model, &ScenarioModel::changed, this, &ScenarioCaption::showScenario);
    connect(model, &QAbstractItemModel::modelReset, this, &ScenarioCaption::showScenario);
    showScenario();
}

void ScenarioCaption::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        sizeTitle(); // the window was scaled: the title stays as much larger
    QWidget::changeEvent(event);
}

void ScenarioCaption::sizeTitle()
{
    m_title->setFont(Theme::largeFont(font(), 1.8));
}

void ScenarioCaption::showScenario()
{
    m_title->setText(m_model->title());
    m_description->setText(m_model->description());
    m_description->setVisible(!m_model->description().isEmpty());
}
