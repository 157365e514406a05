// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "headlessrun.h"

#include "consolelines.h"
#include "narration.h"
#include "runfile.h"
#include "traceexport.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <utility>

using namespace Gatherscope;

HeadlessRun::HeadlessRun(Scenario scenario, RunOptions options, QString tracePath, QObject *parent)
    : HeadlessRun(std::make_unique<Runner>(std::move(scenario), options), std::move(tracePath),
                  parent)
{}

HeadlessRun::HeadlessRun(std::unique_ptr<Runner> runner, QString tracePath, QObject *parent)
    : QObject(parent)
    , m_runner(std::move(runner))
    , m_tracePath(std::move(tracePath))
{
    const ReportStyle report = m_runner->scenario().report;
    connect(&m_runner->record(), &EventRecord::eventRecorded, this,
            [this, report](const TaskEvent &event) { printLines(consoleLines(event, report)); });
    connect(m_runner.get(), &Runner::finished, this, &HeadlessRun::finish);
    connect(&m_signals, &SignalWatcher::caught, this, &HeadlessRun::interrupt);
}

HeadlessRun::~HeadlessRun()
{
    flushOutput(); // every way out flushes already; lines are never left behind
    if (!m_runner || m_runner->state() != Runner::State::Running)
        return;
    const QPointer<const EventRecord> record = &m_runner->record();
    m_runner.reset();
    awaitUnwound(record);
}

void HeadlessRun::printLines(const QStringList &lines)
{
    // Encoded into one buffer, each line where it goes: a QByteArray a line was two allocations
    // a line, and a run of 100,000 tasks prints 200,000.
    for (const QString &line : lines) {
        const qsizetype used = m_unwritten.size();
        m_unwritten.resize(used + m_utf8.requiredSpace(line.size()) + 1);
        char *end = m_utf8.appendToBuffer(m_unwritten.data() + used, line);
        *end++ = '\n';
        m_unwritten.resize(end - m_unwritten.constData());
    }
    // A turn may print a whole saved run: out in pieces, not held whole.
    constexpr qsizetype writeFrom = qsizetype(64) * 1024;
    if (m_unwritten.size() >= writeFrom)
        writeOut();
    // Out at the end of this turn of the event loop, also into a pipe: as it happens on the
    // real clock, and not a write for each of 100,000 tasks' lines on the virtual one.
    if (!std::exchange(m_flushPending, true))
        QTimer::singleShot(0, this, &HeadlessRun::flushOutput);
}

void HeadlessRun::writeOut()
{
    std::fwrite(m_unwritten.constData(), 1, std::size_t(m_unwritten.size()), stdout); // NULs too
    m_unwritten.resize(0); // keeps its room for the next lines
}

void HeadlessRun::flushOutput()
{
    m_flushPending = false;
    writeOut();
    // A full disk or a closed pipe is an error.
    if ((std::fflush(stdout) != 0 || std::ferror(stdout)) && m_outputError == 0)
        m_outputError = errno != 0 ? errno : EIO;
}

bool HeadlessRun::start()
{
    if (!m_tracePath.isEmpty()) {
        // Opened before the run, so that a path that cannot be written fails at once, not after
        // the whole run has printed; AtomicFile keeps an older file intact until the commit.
        m_trace = std::make_unique<AtomicFile>(m_tracePath);
        if (!m_trace->open()) {
            reportTraceError();
            return false;
        }
    }
    if (m_runner->state() == Runner::State::Finished) {
        // A saved run: what it printed, then the end as a run's (once the loop turns).
        const ReportStyle report = m_runner->scenario().report;
        for (const TaskEvent &event : m_runner->record().events())
            printLines(consoleLines(event, report));
        QTimer::singleShot(0, this, &HeadlessRun::finish);
        return true;
    }
    if (m_runner->seedIsFresh() && m_runner->usesRandomSleeps())
        std::fprintf(stderr, "seed: %llu\n", static_cast<unsigned long long>(m_runner->seed()));
    m_runner->start();
    return true;
}

void HeadlessRun::reportTraceError() const
{
    std::fprintf(stderr, "gatherscope: the trace was not written: %s\n",
                 qPrintable(m_trace->errorString()));
}

void HeadlessRun::interrupt(int signal)
{
    // Lines are printed whole between two events, so stdout holds complete lines. A trace of
    // half a run would pass for a whole one: the old file stays as it was.
    m_runner->record().disconnect(this);
    flushOutput();
    const bool hadTrace = m_trace != nullptr;
    m_trace.reset();
    std::fprintf(stderr, "gatherscope: interrupted by %s%s\n",
                 signal == SIGINT ? "SIGINT" : "SIGTERM",
                 hadTrace ? "; the trace was not written" : "");
    QCoreApplication::exit(SignalWatcher::exitStatusFor(signal));
}

void HeadlessRun::finish()
{
    int status = m_runner->gatherRaised() ? 1 : 0;
    flushOutput(); // the story after the output it tells of, in a terminal too
    if (m_explain) {
        for (const QString &sentence : narrate(m_runner->record()))
            std::fprintf(stderr, "%s\n", sentence.toUtf8().constData());
    }
    if (m_trace) {
        const QByteArray trace = chromeTraceJson(m_runner->record());
        if (!m_trace->commit(trace)) {
            reportTraceError();
            status = 2;
        }
    }
    if (!m_runPath.isEmpty()) {
        if (const QString error = RunFile::save(*m_runner, m_runPath); !error.isEmpty()) {
            std::fprintf(stderr, "gatherscope: the run was not saved: %s\n", qPrintable(error));
            status = 2;
        }
    }
    if (m_outputError != 0) {
        std::fprintf(stderr, "gatherscope: the output could not be written: %s\n",
                     std::strerror(m_outputError));
        status = 2;
    }
    QCoreApplication::exit(status);
}
