// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "pythontwin.h"
#include "scenariomodel.h"

#include <QTimer>
#include <QWidget>

#include <map>
#include <optional>

class QLabel;
class QPlainTextEdit;
class TimelineModel;

//! The Python panel: the scenario's Python twin, highlighted, kept up to date as the scenario
//! changes, with Copy and Export. During a run each line a task is at (printing, asleep at its
//! `await`, returned, raised) is marked, with the tasks' names beside it.
class PythonPanel : public QWidget {
    Q_OBJECT
public:
    PythonPanel(ScenarioModel *scenario, TimelineModel *timeline, QWidget *parent = nullptr);

    //! The program, brought up to date first if the scenario changed while the panel was out
    //! of sight.
    QString program();
    QPlainTextEdit *view() const { return m_view; }
    //! The marked lines and what is written beside each ("divide(20, 0)", "Amira, Ben +8").
    const std::map<int, QString> &marks();

    //! Writes the program if the scenario changed, and reads where the tasks are if the run
    //! moved on, while the panel was out of sight: its dock calls it when its tab comes to the
    //! front (a tab behind another is never hidden).
    void catchUp();

    //! Scrolls the program so that the marked lines show (from the first).
    void scrollToMarks();

    //! Puts the program on the clipboard.
    void copy();
    //! Asks where, and writes the program there as a `.py` file.
    void exportAsked();

private:
    //! The scenario changed: the program is written again now if the panel is seen, else when
    //! it is next seen (at 100,000 tasks it takes half a second, a window's whole opening). A
    //! program longer than a turn's writing is written again once the edits pause.
    void scenarioChanged();
    void showProgram();
    //! Writes the next \a lines of the program into the view. A long program is written a few
    //! thousand lines a turn of the event loop, so that the window paints and answers meanwhile
    //! (100,000 tasks' program took half a second in one piece): what is left, in the next turn.
    //! Once the last line is in, the marks are shown.
    void writeLines(qsizetype lines);
    //! Writes the rest of the program at once: the marks and a scroll to them need every line.
    void writeRest();
    //! The view holds only the start of the program; the rest follows, a turn at a time.
    bool isWriting() const { return m_written < m_program.size(); }
    void showPositions();
    //! The run moved on: the marks are read again when the panel is next seen.
    void positionsChanged();
    //! Some of the panel is on screen. A dock in a tab behind another stays visible to Qt,
    //! moved out of sight.
    bool isSeen() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    ScenarioModel *m_scenario;
    TimelineModel *m_timeline;
    QPlainTextEdit *m_view;
    QLabel *m_writingNote; //!< "Writing the program: 12,000 of 100,045 lines"
    QTimer m_writer;       //!< the next turn of writeLines()
    QTimer m_rewriter;     //!< a long program edited: made again once the edits pause
    QString m_program;
    qsizetype m_programLines = 0;
    qsizetype m_written = 0; //!< characters of m_program in the view
    Gatherscope::TwinLines m_lines;
    std::map<int, QString> m_marks;
    bool m_programStale = false;
    //! What m_program was made of. A change is often heard twice (a new scenario: its reset,
    //! then its settings).
    std::optional<ScenarioModel::Version> m_programOf;
    bool m_marksStale = false;
};
