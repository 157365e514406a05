// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariodocument.h"

#include "scenarioloader.h"
#include "scenariomodel.h"

#include <QFileInfo>
#include <QSettings>

using namespace Gatherscope;

namespace {

constexpr int maxRecentFiles = 8;
const QString recentFilesKey = QStringLiteral("recentFiles");

} // namespace

ScenarioDocument::ScenarioDocument(ScenarioModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &ScenarioModel::modifiedChanged, this, &ScenarioDocument::captionChanged);
    connect(model, &ScenarioModel::changed, this, &ScenarioDocument::captionChanged); // title
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
    auto result = ScenarioLoader::load(pathOrName);
    if (const auto *error = std::get_if<LoadError>(&result))
        return error->toString();
    Q_EMIT replaced(); // before the model changes: what showed the old scenario lets go of it
    m_model->setScenario(std::get<Scenario>(result));
    const bool isFile = QFileInfo::exists(pathOrName);
    setPath(isFile ? QFileInfo(pathOrName).absoluteFilePath() : QString());
    if (isFile)
        remember(m_path);
    return {};
}

void ScenarioDocument::startNew()
{
    Scenario scenario;
    scenario.title = tr("New scenario");
    scenario.tasks = {TaskSpec::sayHello(QStringLiteral("Mr. Turtle"), SleepSpec::fixed(1))};
    Q_EMIT replaced();
    m_model->setScenario(scenario);
    setPath(QString());
}

QString ScenarioDocument::unsavableReason() const
{
    return m_model->firstError();
}

QString ScenarioDocument::saveAs(const QString &path)
{
    if (const QString reason = unsavableReason(); !reason.isEmpty())
        return tr("Fix this first: %1").arg(reason);
    if (QString error = ScenarioLoader::save(m_model->scenario(), path); !error.isEmpty())
        return error;
    setPath(QFileInfo(path).absoluteFilePath());
    m_model->setModified(false);
    remember(m_path);
    return {};
}

void ScenarioDocument::setPath(const QString &path)
{
    m_path = path;
    Q_EMIT captionChanged();
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
