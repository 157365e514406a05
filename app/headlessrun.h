// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#pragma once

#include "atomicfile.h"
#include "runner.h"
#include "signalwatcher.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringEncoder>

#include <memory>

//! The headless mode: runs a scenario and prints, line by line as it happens, exactly what
//! the equivalent Python program prints.
class HeadlessRun : public QObject {
    Q_OBJECT
public:
    //! \a tracePath: where to write the Chrome trace afterwards (empty: nowhere).
    HeadlessRun(Gatherscope::Scenario scenario, Gatherscope::RunOptions options, QString tracePath,
                QObject *parent = nullptr);
    //! Prints the run of \a runner: a run file's, already finished (RunFile::load()), prints
    //! what it recorded.
    HeadlessRun(std::unique_ptr<Gatherscope::Runner> runner, QString tracePath,
                QObject *parent = nullptr);

    //! Cancels a run cut short (by a signal) and lets its tasks unwind, so that the program
    //! ends with nothing left behind.
    ~HeadlessRun() override;

    //! Starts the run; the application exits with 0 (gather returned), 1 (it raised) or 2
    //! (the trace or stdout could not be written) once every task has ended, or with 130 or 143
    //! on SIGINT or SIGTERM (the lines printed so far are whole, an older trace is kept as it
    //! was). False, with the reason on stderr, when the trace file cannot be opened: then nothing
    //! runs.
    bool start();
    //! Tells what happened, in a few sentences on stderr, once the run is over (`--explain`).
    void setExplain(bool explain) { m_explain = explain; }
    //! Saves the finished run as a run file at \a path (`--save-run`); empty: nowhere.
    void setRunPath(const QString &path) { m_runPath = path; }

private:
    void finish();
    void interrupt(int signal);
    void reportTraceError() const;
    void printLines(const QStringList &lines);
    //! Writes the lines encoded so far to stdout's buffer.
    void writeOut();
    void flushOutput();

    std::unique_ptr<Gatherscope::Runner> m_runner;
    QString m_tracePath;
    QString m_runPath;
    // Stateless: a line that ends inside a surrogate pair (a hand-edited run file may hold one)
    // gets its replacement character on its own line, instead of the encoder keeping half a
    // pair for the next.
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringConverter::Flag::Stateless};
    QByteArray m_unwritten; //!< lines encoded in UTF-8, not yet written
    int m_outputError = 0;  //!< errno of the first failed write to stdout
    bool m_explain = false;
    bool m_flushPending = false;
    std::unique_ptr<Gatherscope::AtomicFile> m_trace;
    SignalWatcher m_signals;
};
