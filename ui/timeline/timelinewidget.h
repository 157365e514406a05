// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include <QWidget>

class QAbstractItemView;
class QListView;
class TimelineModel;
class TimelineView;

//! The timeline beside the names of its lanes, which live in a real item view (keyboard focus,
//! accessibility), scrolled together with the lanes.
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    TimelineView *view() const { return m_view; }

private:
    QListView *m_names;
    TimelineView *m_view;
};
