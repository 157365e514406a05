// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QWidget>

class QLabel;
class ScenarioModel;

//! The scenario's title, large, and its description in full, above the timeline in
//! presentation mode: what the class is looking at, readable from the back of the room.
class ScenarioCaption : public QWidget {
    Q_OBJECT
public:
    ScenarioCaption(const ScenarioModel *model, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showScenario();
    void sizeTitle();

    const ScenarioModel *m_model;
    QLabel *m_title;
    QLabel *m_description;
};
