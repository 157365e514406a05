// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runfilecommands.h"

#include "atomicfile.h"
#include "runcontroller.h"
#include "runfile.h"
#include "scenariodocument.h"
#include "shortcuts.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

using namespace Gatherscope;

RunFileCommands::RunFileCommands(RunController *run, ScenarioDocument *document, QWidget *window)
    : QObject(window)
    , m_run(run)
    , m_document(document)
    , m_window(window)
{}

void RunFileCommands::addTo(QMenu *menu)
{
    m_save = menu->addAction(tr("Save &Run As…"), Shortcuts::key(Shortcuts::Id::SaveRun), this,
                             &RunFileCommands::saveAs);
    m_save->setToolTip(tr("Keep the finished run (its scenario, seed and every event) to show "
                          "again later without running it: File ▸ Open reads it back"));
    const auto enable = [this] {
        m_save->setEnabled(m_run->state() == RunController::State::Finished);
    };
    connect(m_run, &RunController::stateChanged, this, enable);
    enable();
}

bool RunFileCommands::open(const QString &path, bool quiet)
{
    auto loaded = RunFile::load(path);
    if (const auto *error = std::get_if<LoadError>(&loaded)) {
        if (!quiet)
            QMessageBox::warning(m_window, tr("Cannot open run"), error->toString());
        return false;
    }
    auto runner = std::get<std::unique_ptr<Runner>>(std::move(loaded));
    // Its scenario as a new document: saving it never writes a scenario over the run file.
    m_document->adopt(runner->scenario());
    m_run->show(std::move(runner));
    m_document->remember(QFileInfo(path).absoluteFilePath());
    Q_EMIT message(tr("Showing the run saved in %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool RunFileCommands::saveAs()
{
    if (m_run->state() != RunController::State::Finished)
        return false;
    const QString scenario = m_document->path();
    const QString suggested = scenario.isEmpty() ? QStringLiteral("run.json")
                                                 : QFileInfo(scenario).absolutePath() + u'/' +
                                                       QFileInfo(scenario).completeBaseName() +
                                                       QStringLiteral("-run.json");
    QString path =
        QFileDialog::getSaveFileName(m_window, tr("Save Run"), suggested, tr("Runs (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return saveTo(path);
}

bool RunFileCommands::saveTo(const QString &path)
{
    const Runner *runner = m_run->runner();
    if (!runner || m_run->state() != RunController::State::Finished)
        return false;
    QString error;
    if (!m_document->path().isEmpty() && isSameFile(path, m_document->path()))
        error = tr("%1 is the scenario being edited; the run would overwrite it")
                    .arg(QDir::toNativeSeparators(path));
    else
        error = RunFile::save(*runner, path);
    if (!error.isEmpty()) {
        QMessageBox::critical(m_window, tr("Cannot save run"), error);
        return false;
    }
    m_document->remember(QFileInfo(path).absoluteFilePath());
    Q_EMIT message(tr("Saved the run in %1").arg(QDir::toNativeSeparators(path)));
    return true;
}
