// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "autosave.h"

#include "atomicfile.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "scenariomodel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

using namespace Gatherscope;

namespace {

const QString scenarioSuffix = QStringLiteral(".json");
const QString originSuffix = QStringLiteral(".origin");
const QString lockSuffix = QStringLiteral(".lock");

} // namespace

void Autosave::Orphan::remove() const
{
    const QString base = scenarioFile.chopped(scenarioSuffix.size());
    QFile::remove(scenarioFile);
    QFile::remove(base + originSuffix);
    QFile::remove(base + lockSuffix);
}

QString Autosave::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave");
}

std::vector<Autosave::Orphan> Autosave::orphans(const QString &folder)
{
    std::vector<Orphan> found;
    const QFileInfoList copies =
        QDir(folder).entryInfoList({u'*' + scenarioSuffix}, QDir::Files, QDir::Time);
    for (const QFileInfo &copy : copies) {
        const QString base = copy.absoluteFilePath().chopped(scenarioSuffix.size());
        // A lock that can be taken is nobody's: its program ended (QLockFile sees that the
        // process that wrote it is gone).
        QLockFile lock(base + lockSuffix);
        if (!lock.tryLock(0))
            continue;
        QFile origin(base + originSuffix);
        QString originalFile;
        if (origin.open(QIODevice::ReadOnly))
            originalFile = QString::fromUtf8(origin.readAll());
        found.push_back({copy.absoluteFilePath(), originalFile, copy.lastModified()});
    }
    return found;
}

Autosave::Autosave(ScenarioModel *model, ScenarioDocument *document, const QString &folder,
                   QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_document(document)
    , m_folder(folder)
    , m_id(QStringLiteral("%1-%2")
               .arg(QCoreApplication::applicationPid())
               .arg(QDateTime::currentMSecsSinceEpoch()))
{
    QDir().mkpath(folder);
    m_lock = std::make_unique<QLockFile>(slotFile(lockSuffix));
    m_lock->tryLock(0);
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, &Autosave::writeNow);
    const auto later = [this] { m_timer.start(); };
    connect(model, &QAbstractItemModel::dataChanged, this, later);
    connect(model, &QAbstractItemModel::rowsInserted, this, later);
    connect(model, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model, &QAbstractItemModel::rowsMoved, this, later);
    connect(model, &QAbstractItemModel::modelReset, this, later);
    connect(model, &ScenarioModel::changed, this, later);
    connect(model, &ScenarioModel::modifiedChanged, this, later);
}

Autosave::~Autosave() = default; // the lock goes; a copy left behind is an orphan now

QString Autosave::slotFile(const QString &suffix) const
{
    return m_folder + u'/' + m_id + suffix;
}

QString Autosave::writeNow()
{
    m_timer.stop();
    if (!m_model->isModified()) {
        discard();
        return {};
    }
    if (QString error = writeFileAtomically(slotFile(originSuffix), m_document->path().toUtf8());
        !error.isEmpty())
        return error;
    return writeFileAtomically(slotFile(scenarioSuffix),
                               ScenarioLoader::toJson(*m_model->sharedScenario()));
}

void Autosave::discard()
{
    m_timer.stop();
    QFile::remove(slotFile(scenarioSuffix));
    QFile::remove(slotFile(originSuffix));
}
