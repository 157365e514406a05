// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioloader.h"

#include "atomicfile.h"
#include "scenariorules.h"
#include "scenariowriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Gatherscope {

ScenarioLoader::Result ScenarioLoader::parse(const QByteArray &json, const QString &source)
{
    return readScenario(json, source);
}

ScenarioLoader::Result ScenarioLoader::load(const QString &path)
{
    QString filePath = path;
    if (!QFileInfo::exists(path) && !path.contains(u'/') && QFile::exists(bundledPath(path)))
        filePath = bundledPath(path);
    const QString source = filePath.startsWith(u':') ? path : QDir::toNativeSeparators(path);
    QFile file(filePath);
    if (!file.exists())
        return LoadError{
            source,
            {},
            0,
            0,
            QStringLiteral("no such file, and no bundled scenario of that name (bundled: %1)")
                .arg(bundledNames().join(QStringLiteral(", ")))};
    if (QFileInfo(filePath).isDir())
        return LoadError{source, {}, 0, 0, QStringLiteral("is a folder, not a scenario file")};
    if (!file.open(QIODevice::ReadOnly))
        return LoadError{
            source, {}, 0, 0, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    if (file.size() > ScenarioRules::maxFileBytes)
        return LoadError{source,
                         {},
                         0,
                         0,
                         QStringLiteral("is %1 MiB; scenario files may be at most 16 MiB")
                             .arg(file.size() >> 20)};
    return parse(file.readAll(), source);
}

QByteArray ScenarioLoader::toJson(const Scenario &scenario)
{
    return writeScenario(scenario);
}

QString ScenarioLoader::save(const Scenario &scenario, const QString &path)
{
    return writeFileAtomically(path, toJson(scenario));
}

QStringList ScenarioLoader::bundledNames()
{
    QStringList names;
    const auto entries = QDir(QStringLiteral(":/scenarios"))
                             .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &entry : entries)
        names << entry.chopped(5);
    return names;
}

QString ScenarioLoader::bundledPath(const QString &name)
{
    return QStringLiteral(":/scenarios/%1.json").arg(name);
}

} // namespace Gatherscope
