// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "pythonpanel.h"

#include "exporter.h"
#include "pythonhighlighter.h"
#include "scenariomodel.h"
#include "timelinemodel.h"
#include "twinpositions.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace {

//! The program, read-only, with each marked line's note painted after its text.
class TwinView : public QPlainTextEdit {
public:
    TwinView(const std::map<int, QString> &marks, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_marks(marks)
    {
        setReadOnly(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        document()->setUndoRedoEnabled(false); // written in pieces, never edited
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPlainTextEdit::paintEvent(event);
        QPainter painter(viewport());
        const QColor ink = palette().color(QPalette::Highlight).darker(110);
        for (const auto &[line, note] : m_marks) {
            const QTextBlock block = document()->findBlockByNumber(line);
            if (!block.isValid())
                continue;
            const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
            if (box.bottom() < 0 || box.top() > viewport()->height())
                continue;
            const double x = box.left() + document()->documentMargin() +
                             fontMetrics().horizontalAdvance(block.text()) + 16;
            painter.setPen(ink);
            painter.drawText(QRectF(x, box.top(), viewport()->width(), box.height()),
                             Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("← ") + note);
        }
    }

private:
    const std::map<int, QString> &m_marks;
};

//! "Amira", "Amira, Ben, Chen", "Amira, Ben, Chen +9,997": a line's tasks, short.
QString namesNote(const QStringList &names)
{
    constexpr int shown = 3;
    QString note = names.mid(0, shown).join(QStringLiteral(", "));
    if (names.size() > shown)
        note += QStringLiteral(" +%1").arg(QLocale().toString(names.size() - shown));
    return note;
}

//! Lines of the program written in one turn of the event loop: about 10 ms of this machine.
constexpr qsizetype linesPerTurn = 2000;

//! A program longer than a turn's writing is made again once the edits pause this long: at
//! 100,000 tasks each keystroke of a title made it twice (two signals), 230 ms a keystroke.
constexpr int rewriteDelayMs = 250;

} // namespace

PythonPanel::PythonPanel(ScenarioModel *scenario, TimelineModel *timeline, QWidget *parent)
    : QWidget(parent)
    , m_scenario(scenario)
    , m_timeline(timeline)
    , m_view(new TwinView(m_marks, this))
    , m_writingNote(new QLabel(this))
{
    new PythonHighlighter(m_view->document());
    m_view->setToolTip(tr("The asyncio program this scenario stands for: run by python3 it "
                          "prints what Gatherscope prints. During a run, each task is shown at "
                          "the line it is at."));
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setToolTip(tr("Copy the program to the clipboard"));
    connect(copy, &QPushButton::clicked, this, &PythonPanel::copy);
    auto *save = new QPushButton(tr("E&xport…"), this);
    save->setToolTip(tr("Save the program as a .py file (File ▸ Export Python)"));
    connect(save, &QPushButton::clicked, this, &PythonPanel::exportAsked);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(save);
    buttons->addStretch(1);
    m_writingNote->setObjectName(QStringLiteral("writingNote"));
    m_writingNote->setToolTip(tr("A long program is written a few thousand lines at a time, so "
                                 "that the window answers meanwhile; Copy and Export take all of "
                                 "it at any time."));
    m_writingNote->hide();
    buttons->addWidget(m_writingNote);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    m_writer.setInterval(0);
    connect(&m_writer, &QTimer::timeout, this, [this] { writeLines(linesPerTurn); });
    m_rewriter.setSingleShot(true);
    m_rewriter.setInterval(rewriteDelayMs);
    connect(&m_rewriter, &QTimer::timeout, this, [this] {
        if (isSeen())
            catchUp();
    });
    connect(scenario, &ScenarioModel::changed, this, &PythonPanel::scenarioChanged);
    connect(scenario, &ScenarioModel::scenarioEdited, this, &PythonPanel::scenarioChanged);
    connect(scenario, &QAbstractItemModel::modelReset, this, &PythonPanel::scenarioChanged);
    connect(timeline, &TimelineModel::timelineChanged, this, &PythonPanel::positionsChanged);
    connect(timeline, &QAbstractItemModel::modelReset, this, &PythonPanel::positionsChanged);
    scenarioChanged();
}

QString PythonPanel::program()
{
    if (m_programStale)
        showProgram();
    return m_program;
}

void PythonPanel::scenarioChanged()
{
    if (!m_programStale && m_programOf == m_scenario->version())
        return; // heard already
    m_programStale = true;
    m_writer.stop(); // a program that is no longer the scenario's
    m_writingNote->hide();
    if (!isSeen())
        return; // written when next seen
    if (m_programLines > linesPerTurn)
        m_rewriter.start();
    else
        showProgram();
}

void PythonPanel::showProgram()
{
    m_programStale = false;
    m_programOf = m_scenario->version();
    m_rewriter.stop();
    QString program = Gatherscope::pythonTwin(*m_scenario->sharedScenario());
    if (program == m_program) {
        if (isWriting()) { // stopped while out of sight, or for an edit that changed nothing here
            m_writer.start();
            m_writingNote->show();
        }
        return;
    }
    m_program = std::move(program);
    m_lines = Gatherscope::findTwinLines(m_program);
    m_programLines = m_program.count(u'\n') + (m_program.endsWith(u'\n') ? 0 : 1);
    // The first turn writes at least what the view shows, at the same place in the program
    // after an edit; the rest follows in later turns.
    const QScrollBar *scroll = m_view->verticalScrollBar();
    const int scrolled = scroll->value();
    m_written = 0;
    m_marks.clear(); // their lines are the old program's
    m_view->setExtraSelections({});
    m_marksStale = true;
    writeLines(std::max<qsizetype>(linesPerTurn, qsizetype(scrolled) + scroll->pageStep() + 1));
    m_view->verticalScrollBar()->setValue(scrolled);
}

void PythonPanel::writeLines(qsizetype lines)
{
    qsizetype end = m_written;
    for (qsizetype line = 0; line < lines && end < m_program.size(); ++line) {
        const qsizetype newline = m_program.indexOf(u'\n', end);
        end = newline < 0 ? m_program.size() : newline + 1;
    }
    const QString piece = m_program.sliced(m_written, end - m_written);
    if (m_written == 0) {
        m_view->setPlainText(piece); // the caret at the start, and the later pieces after it
    } else {
        QTextCursor cursor(m_view->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(piece);
    }
    m_written = end;
    if (!isWriting()) {
        m_writer.stop();
        m_writingNote->hide();
        if (m_marksStale)
            showPositions();
        return;
    }
    const QLocale locale;
    m_writingNote->setText(
        tr("Writing the program: %1 of %2 lines")
            .arg(locale.toString(m_view->blockCount() - 1), locale.toString(m_programLines)));
    m_writingNote->show();
    m_writer.start(); // the next lines in the next turn
}

void PythonPanel::writeRest()
{
    if (isWriting())
        writeLines(m_program.size());
}

void PythonPanel::positionsChanged()
{
    // Reading where 10,000 tasks are at every frame costs the run time: only while seen.
    m_marksStale = true;
    if (isSeen())
        catchUp();
}

bool PythonPanel::isSeen() const
{
    return isVisible() && !visibleRegion().isEmpty();
}

void PythonPanel::catchUp()
{
    if (m_programStale)
        showProgram(); // the marks with it, if it changed
    if (m_marksStale)
        showPositions();
}

void PythonPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown with the window behind the Scenario tab, out of sight: nothing to catch up yet.
    if (isSeen())
        catchUp();
}

const std::map<int, QString> &PythonPanel::marks()
{
    catchUp();
    writeRest(); // the marks, then
    return m_marks;
}

void PythonPanel::showPositions()
{
    if (isWriting())
        return; // once every line is there (writeLines())
    m_marksStale = false;
    m_marks.clear();
    QList<QTextEdit::ExtraSelection> lines;
    QColor band = palette().color(QPalette::Highlight);
    band.setAlpha(45);
    for (const auto &[line, names] : twinPositions(*m_timeline, m_lines)) {
        m_marks[line] = namesNote(names);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_view->document()->findBlockByNumber(line));
        selection.format.setBackground(band);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        lines << selection;
    }
    m_view->setExtraSelections(lines);
    m_view->viewport()->update();
}

void PythonPanel::scrollToMarks()
{
    const auto &marked = marks();
    if (marked.empty())
        return;
    // The last marked line first, then the first: both show when they fit.
    for (const int line : {marked.rbegin()->first, marked.begin()->first}) {
        m_view->setTextCursor(QTextCursor(m_view->document()->findBlockByNumber(line)));
        m_view->ensureCursorVisible();
    }
}

void PythonPanel::copy()
{
    QApplication::clipboard()->setText(program());
}

void PythonPanel::exportAsked()
{
    Exporter::exportPythonAsked(this, program());
}
