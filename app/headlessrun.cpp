#include "headlessrun.h"

#include "consolelines.h"
#include "traceexport.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Gatherscope;

HeadlessRun::HeadlessRun(Scenario scenario, RunOptions options, QString tracePath, QObject *parent)
    : QObject(parent)
    , m_runner(std::make_unique<Runner>(std::move(scenario), options))
    , m_tracePath(std::move(tracePath))
{
    const ReportStyle report = m_runner->scenario().report;
    connect(&m_runner->record(), &EventRecord::eventRecorded, this,
            [report](const TaskEvent &event) {
                for (const QString &line : consoleLines(event, report)) {
                    std::fputs(line.toUtf8().constData(), stdout);
                    std::fputc('\n', stdout);
                }
                std::fflush(stdout); // at the moment it happens, also into a pipe
            });
    connect(m_runner.get(), &Runner::finished, this, &HeadlessRun::finish);
}

bool HeadlessRun::start()
{
    if (!m_tracePath.isEmpty()) {
        // Opened before the run, so that a path that cannot be written fails at once, not after
        // the whole run has printed; QSaveFile keeps an older file intact until the commit.
        m_trace = std::make_unique<QSaveFile>(m_tracePath);
        if (!m_trace->open(QIODevice::WriteOnly)) {
            reportTraceError();
            return false;
        }
    }
    if (m_runner->seedIsFresh() && m_runner->usesRandomSleeps())
        std::fprintf(stderr, "seed: %llu\n", static_cast<unsigned long long>(m_runner->seed()));
    m_runner->start();
    return true;
}

void HeadlessRun::reportTraceError() const
{
    std::fprintf(stderr, "gatherscope: %s: cannot write the trace: %s\n", qPrintable(m_tracePath),
                 qPrintable(m_trace->errorString()));
}

void HeadlessRun::finish()
{
    int status = m_runner->gatherRaised() ? 1 : 0;
    if (m_trace) {
        const QByteArray trace = chromeTraceJson(m_runner->record());
        if (m_trace->write(trace) != trace.size() || !m_trace->commit()) {
            reportTraceError();
            status = 2;
        }
    }
    QCoreApplication::exit(status);
}
