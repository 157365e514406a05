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
    const auto fileError = [&source](const QString &message) {
        return LoadError{source, {}, 0, 0, message};
    };
    const QFileInfo info(filePath);
    if (info.isDir())
        return fileError(QStringLiteral("is a folder, not a scenario file"));
    // A device or a pipe may never end (/dev/zero) or never begin (a FIFO nobody writes).
    if (!info.isFile())
        return fileError(QStringLiteral("is not a regular file (a device, a pipe or a socket); "
                                        "give a scenario file"));
    if (!file.open(QIODevice::ReadOnly))
        return fileError(QStringLiteral("cannot be read: %1").arg(file.errorString()));
    // Read with the bound whatever the size said: a file may grow while it is read.
    const QByteArray json = file.read(ScenarioRules::maxFileBytes + 1);
    if (json.size() > ScenarioRules::maxFileBytes)
        return fileError(QStringLiteral("is larger than 16 MiB (%1 bytes), the most a scenario "
                                        "file may be")
                             .arg(ScenarioRules::maxFileBytes));
    return parse(json, source);
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
