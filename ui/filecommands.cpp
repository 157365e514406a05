// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "filecommands.h"

#include "runfile.h"
#include "runfilecommands.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "shortcuts.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

FileCommands::FileCommands(ScenarioDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    connect(document, &ScenarioDocument::recentFilesChanged, this,
            &FileCommands::rebuildRecentMenu);
}

void FileCommands::addTo(QMenu *menu)
{
    using Shortcuts::Id;
    menu->addAction(tr("&New"), Shortcuts::key(Id::New), this, &FileCommands::startNew);
    menu->addAction(tr("&Open…"), Shortcuts::key(Id::Open), this, &FileCommands::openDialog);
    m_recent = menu->addMenu(tr("Open &Recent"));
    QMenu *examples = menu->addMenu(tr("&Examples"));
    const auto names = Gatherscope::ScenarioLoader::bundledNames();
    for (const QString &name : names)
        examples->addAction(name, this, [this, name] { replaceWith(name); });
    menu->addSeparator();
    menu->addAction(tr("&Save"), Shortcuts::key(Id::Save), this, &FileCommands::save);
    menu->addAction(tr("Save &As…"), Shortcuts::key(Id::SaveAs), this, &FileCommands::saveAs);
    rebuildRecentMenu();
}

bool FileCommands::open(const QString &pathOrName, bool quiet)
{
    if (m_runs && Gatherscope::RunFile::isRunFileAt(pathOrName))
        return m_runs->open(pathOrName, quiet);
    const QString error = m_document->open(pathOrName);
    if (!error.isEmpty() && !quiet)
        QMessageBox::warning(m_window, tr("Cannot open scenario"), error);
    return error.isEmpty();
}

bool FileCommands::replaceWith(const QString &pathOrName)
{
    return maybeSave() && open(pathOrName);
}

bool FileCommands::saveTo(const QString &path)
{
    const QString error = m_document->saveAs(path);
    if (!error.isEmpty()) {
        QMessageBox::critical(m_window, tr("Cannot save scenario"), error);
        return false;
    }
    Q_EMIT message(tr("Saved %1").arg(m_document->path()));
    return true;
}

bool FileCommands::save()
{
    if (m_document->path().isEmpty())
        return saveAs();
    if (m_document->fileChangedSinceRead()) {
        const auto answer = QMessageBox::warning(
            m_window, tr("Save scenario"),
            tr("Another program changed %1 since it was opened or saved. Save over its "
               "changes?")
                .arg(QFileInfo(m_document->path()).fileName()),
            QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save)
            return false;
    }
    return saveTo(m_document->path());
}

bool FileCommands::saveAs()
{
    // Open refuses what the loader refuses, so Save As may not write it either: say so first.
    if (const QString reason = m_document->unsavableReason(); !reason.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot save scenario"),
                             tr("Fix this first: %1").arg(reason));
        return false;
    }
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Scenario"),
        m_document->path().isEmpty() ? lastFolder() : m_document->path(), tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty()) // a name typed without an ending is a scenario
        path += QStringLiteral(".json");
    return saveTo(path);
}

void FileCommands::openDialog()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open Scenario"), lastFolder(),
                                     tr("Scenarios and runs (*.json);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void FileCommands::startNew()
{
    if (maybeSave())
        m_document->startNew();
}

bool FileCommands::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved changes"), tr("The scenario has unsaved changes. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

QString FileCommands::lastFolder() const
{
    // The folder of the file opened or saved last, in this session or an earlier one.
    const QStringList recent = m_document->recentFiles();
    return recent.isEmpty() ? QString() : QFileInfo(recent.first()).absolutePath();
}

void FileCommands::rebuildRecentMenu()
{
    if (!m_recent)
        return;
    m_recent->clear();
    const QStringList files = m_document->recentFiles();
    for (const QString &path : files) {
        m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] { replaceWith(path); })
            ->setToolTip(path);
    }
    m_recent->setEnabled(!files.isEmpty());
}
