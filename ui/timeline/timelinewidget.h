// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class OverviewTrack;
class TimelineModel;
class TimelineView;

//! The timeline as the window shows it: the overview track over everything, then the lanes
//! beside their names. The names live in a real item view (keyboard focus, accessibility),
//! scrolled together with the lanes, under a filter box and the pinned awaiter's name.
/*!
 * In the names, Left and Right (or Enter, or a double-click) collapse and open a nested
 * gather.
 */
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineView *view() const { return m_view; }
    OverviewTrack *overview() const { return m_overview; }
    QLineEdit *filterBox() const { return m_filter; }
    QListView *laneNames() const { return m_names; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void matchRowHeights();
    void showAwaiterName();

    QListView *m_names;
    TimelineView *m_view;
    OverviewTrack *m_overview;
    QLineEdit *m_filter;
    QLabel *m_awaiterName;
};
