// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioloader.h"

#include "atomicfile.h"
#include "scenariorules.h"
#include "scenariowriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace Gatherscope {

ScenarioLoader::Result ScenarioLoader::parse(const QByteArray &json, const QString &source)
{
    return readScenario(json, source);
}

ScenarioLoader::Result ScenarioLoader::load(const QString &path)
{
    auto bytes = readFile(path, ScenarioRules::maxFileBytes, QStringLiteral("scenario file"));
    if (auto *error = std::get_if<LoadError>(&bytes))
        return std::move(*error);
    return parse(std::get<QByteArray>(bytes), sourceName(path));
}

QString ScenarioLoader::sourceName(const QString &path)
{
    const bool bundled =
        !QFileInfo::exists(path) && !path.contains(u'/') && QFile::exists(bundledPath(path));
    return bundled ? path : QDir::toNativeSeparators(path);
}

std::variant<QByteArray, LoadError>
ScenarioLoader::readFile(const QString &path, std::int64_t maxBytes, const QString &what)
{
    QString filePath = path;
    if (!QFileInfo::exists(path) && !path.contains(u'/') && QFile::exists(bundledPath(path)))
        filePath = bundledPath(path);
    const QString source = sourceName(path);
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
        return fileError(QStringLiteral("is a folder, not a %1").arg(what));
    // A device or a pipe may never end (/dev/zero) or never begin (a FIFO nobody writes).
    if (!info.isFile())
        return fileError(QStringLiteral("is not a regular file (a device, a pipe or a socket); "
                                        "give a %1")
                             .arg(what));
    if (!file.open(QIODevice::ReadOnly))
        return fileError(QStringLiteral("cannot be read: %1").arg(file.errorString()));
    // Read with the bound whatever the size said: a file may grow while it is read. Asked for
    // the whole bound at once, QIODevice::read reserved 128 MiB for a file of any size
    // (heaptrack counted it as most of a headless run's heap).
    QByteArray json;
    std::int64_t want = info.size() + 1;
    while (json.size() <= maxBytes) {
        const QByteArray piece =
            file.read(std::min<std::int64_t>(want, maxBytes + 1 - json.size()));
        if (piece.isEmpty()) {
            if (file.error() == QFileDevice::NoError)
                break; // its end
            // A read that failed (EIO) ends the reading: it would come back empty every time.
            return fileError(QStringLiteral("cannot be read: %1").arg(file.errorString()));
        }
        json += piece;
        want = std::int64_t{1} << 20;
    }
    if (json.size() > maxBytes)
        return fileError(QStringLiteral("is larger than %1 MiB (%2 bytes), the most a %3 may be")
                             .arg(maxBytes / (std::int64_t{1024} * 1024))
                             .arg(maxBytes)
                             .arg(what));
    return json;
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
