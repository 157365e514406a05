// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;
class ResultModel;

//! The ordered results: what the awaiter got, large, above the table of outcomes.
class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    ResultsPanel(ResultModel *model, QWidget *parent = nullptr);

    //! Sizes the columns to what they hold, once this turn of the event loop is over (values
    //! arrive when the gather hands them over).
    void fitColumns();
    QTableView *table() const { return m_table; }
    //! What happened, in words, under the table (empty hides it): the run's narration.
    void setNarration(const QStringList &sentences);
    QString narration() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void sizeSummary();

    QLabel *m_summary;
    QTableView *m_table;
    QLabel *m_narration;
    QTimer m_fit;
};
