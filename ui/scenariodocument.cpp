// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariodocument.h"

#include "scenarioloader.h"
#include "scenariomodel.h"

#include <QFileInfo>
#include <QSettings>

#include <utility>

using namespace Gatherscope;

namespace {

constexpr int maxRecentFiles = 8;
//! How long the file's writes pause before it is read: a writer in place empties the file, then
//! writes it, and an editor or `git checkout` may delete it and write it anew.
constexpr int settleMs = 100;
const QString recentFilesKey = QStringLiteral("recentFiles");

//! The scenario in \a path as the loader reads it now; null if it cannot be read.
std::shared_ptr<const Scenario> loadedFrom(const QString &path)
{
    auto result = ScenarioLoader::load(path);
    if (auto *scenario = std::get_if<Scenario>(&result))
        return std::make_shared<const Scenario>(std::move(*scenario));
    return nullptr;
}

} // namespace

ScenarioDocument::ScenarioDocument(ScenarioModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &ScenarioModel::modifiedChanged, this, &ScenarioDocument::captionChanged);
    connect(model, &ScenarioModel::changed, this, &ScenarioDocument::captionChanged); // title
    m_settle.setSingleShot(true);
    m_settle.setInterval(settleMs);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle,
            qOverload<>(&QTimer::start));
    connect(&m_settle, &QTimer::timeout, this, &ScenarioDocument::checkFile);
}

QString ScenarioDocument::caption() const
{
    const QString name = m_path.isEmpty() ? m_model->title() : QFileInfo(m_path).fileName();
    return tr("%1[*] — Gatherscope").arg(name.isEmpty() ? tr("Untitled") : name);
}

bool ScenarioDocument::isModified() const
{
    return m_model->isModified();
}

QStringList ScenarioDocument::recentFiles() const
{
    return QSettings().value(recentFilesKey).toStringList();
}

QString ScenarioDocument::open(const QString &pathOrName)
{
    // Taken before the file is read: a write while it is read is told as a change.
    const Stamp stamp = stampOf(pathOrName);
    auto result = ScenarioLoader::load(pathOrName);
    if (const auto *error = std::get_if<LoadError>(&result))
        return error->toString();
    Q_EMIT replaced(); // before the model changes: what showed the old scenario lets go of it
    Scenario &scenario = std::get<Scenario>(result);
    m_model->setScenario(scenario);
    const bool isFile = QFileInfo::exists(pathOrName);
    // Kept as it was read, moved: a copy of 100,000 tasks is 29 MB.
    setPath(isFile ? QFileInfo(pathOrName).absoluteFilePath() : QString(),
            std::make_shared<const Scenario>(std::move(scenario)), stamp);
    if (isFile)
        remember(m_path);
    return {};
}

void ScenarioDocument::startNew()
{
    Scenario scenario;
    scenario.title = tr("New scenario");
    scenario.tasks = {TaskSpec::sayHello(QStringLiteral("Mr. Turtle"), SleepSpec::fixed(1))};
    adopt(scenario);
}

void ScenarioDocument::adopt(const Scenario &scenario)
{
    Q_EMIT replaced();
    m_model->setScenario(scenario);
    setPath(QString(), nullptr, {});
}

QString ScenarioDocument::unsavableReason() const
{
    return m_model->firstError();
}

QString ScenarioDocument::saveAs(const QString &path)
{
    if (const QString reason = unsavableReason(); !reason.isEmpty())
        return tr("Fix this first: %1").arg(reason);
    // The model's shared copy, kept as the file's: a save copies no task.
    std::shared_ptr<const Scenario> scenario = m_model->sharedScenario();
    if (QString error = ScenarioLoader::save(*scenario, path); !error.isEmpty())
        return error;
    setPath(QFileInfo(path).absoluteFilePath(), std::move(scenario), stampOf(path));
    Q_EMIT sameOnDiskAgain(); // an offer about the file (deleted, changed) is answered
    m_model->setModified(false);
    remember(m_path);
    return {};
}

QString ScenarioDocument::reload()
{
    return open(m_path);
}

bool ScenarioDocument::fileChangedSinceRead() const
{
    if (m_path.isEmpty() || !QFileInfo(m_path).isFile() || stampOf(m_path) == m_stamp)
        return false;
    return !holdsOnDisk(); // read only when it was written
}

bool ScenarioDocument::holdsOnDisk() const
{
    // Unreadable, it does not: two unreadable files are not the same file.
    const std::shared_ptr<const Scenario> now = loadedFrom(m_path);
    return now && m_onDisk && *now == *m_onDisk;
}

ScenarioDocument::Stamp ScenarioDocument::stampOf(const QString &path)
{
    const QFileInfo file(path);
    return file.isFile() ? Stamp{file.size(), file.lastModified()} : Stamp{};
}

void ScenarioDocument::keepOwnVersion()
{
    // A file deleted keeps what it held: written back as it was, it has nothing to offer.
    if (QFileInfo(m_path).isFile()) {
        m_stamp = stampOf(m_path);     // a save over it asks nothing more
        m_onDisk = loadedFrom(m_path); // none if unreadable: whatever is written next is told
    }
    m_model->markUnsaved();
}

QString ScenarioDocument::recover(const QString &copyFile, const QString &originalFile,
                                  const QDateTime &copiedAt)
{
    auto result = ScenarioLoader::load(copyFile);
    if (const auto *error = std::get_if<LoadError>(&result))
        return error->toString();
    Q_EMIT replaced();
    m_model->setScenario(std::get<Scenario>(result));
    Stamp stamp = stampOf(originalFile);
    std::shared_ptr<const Scenario> onDisk;
    if (copiedAt.isValid() && stamp.modified > copiedAt)
        stamp = {}; // what the copy was edited from is not known: the file is told as changed
    else if (!originalFile.isEmpty())
        onDisk = loadedFrom(originalFile);
    setPath(originalFile, std::move(onDisk), std::move(stamp));
    m_model->markUnsaved();
    return {};
}

void ScenarioDocument::setPath(const QString &path, std::shared_ptr<const Scenario> onDisk,
                               Stamp stamp)
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_settle.stop(); // what was reported of the file before is no longer to be read
    m_path = path;
    m_onDisk = std::move(onDisk);
    m_stamp = std::move(stamp);
    m_missingTold = !path.isEmpty() && !QFileInfo(path).isFile(); // missing from the start
    if (!path.isEmpty()) {
        watchFile();
        // Written while it was read, before the watcher watched it: checked as if it had told.
        if (stampOf(path) != m_stamp)
            m_settle.start();
    }
    Q_EMIT captionChanged();
}

bool ScenarioDocument::watchFile()
{
    // An editor that saves through a new file and a rename (as this program does) replaces
    // the file the watcher watched: the new one is watched. A file deleted is watched no more:
    // the nearest folder above it that is there is, until the file is back (`git checkout` of a
    // branch without it, or without its folder, and back).
    // Watched afresh each time: a file replaced while another name (a hard link) keeps the
    // old one would leave the watcher on the old one. A folder where the file was is no file.
    if (m_watcher.files().contains(m_path))
        m_watcher.removePath(m_path);
    // Gone between the two calls, it is missing: its folder is watched.
    const bool there = QFileInfo(m_path).isFile() && m_watcher.addPath(m_path);
    QStringList folder;
    if (!there) {
        QString above = QFileInfo(m_path).absolutePath();
        while (!QFileInfo(above).isDir() && QFileInfo(above).absolutePath() != above)
            above = QFileInfo(above).absolutePath();
        folder = {above};
    }
    if (m_watcher.directories() != folder) {
        if (!m_watcher.directories().isEmpty())
            m_watcher.removePaths(m_watcher.directories());
        if (!folder.isEmpty())
            m_watcher.addPaths(folder);
    }
    return there;
}

void ScenarioDocument::checkFile()
{
    if (!watchFile()) {
        // Told once, not again at each change in the folder watched, until the file is back.
        if (!std::exchange(m_missingTold, true))
            Q_EMIT changedOnDisk(false);
        return;
    }
    m_missingTold = false;
    // Its stamp is taken before it is read, as a write meanwhile is another change.
    const Stamp stamp = stampOf(m_path);
    if (holdsOnDisk()) {
        // This document's own save, a write that changed nothing of the scenario, or one that
        // wrote back what an earlier report found changed or deleted.
        m_stamp = stamp;
        Q_EMIT sameOnDiskAgain();
        return;
    }
    Q_EMIT changedOnDisk(true);
}

void ScenarioDocument::remember(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(recentFilesKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    settings.setValue(recentFilesKey, files.mid(0, maxRecentFiles));
    Q_EMIT recentFilesChanged();
}
