// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariofixtures.h"

#include "scenarioloader.h"

namespace GatherscopeTest {

namespace {
Gatherscope::Scenario loaded(Gatherscope::ScenarioLoader::Result result)
{
    if (const auto *error = std::get_if<Gatherscope::LoadError>(&result))
        qFatal("fixture does not load: %s", qPrintable(error->toString()));
    return std::get<Gatherscope::Scenario>(std::move(result));
}
} // namespace

Gatherscope::Scenario bundledScenario(const QString &name)
{
    return loaded(Gatherscope::ScenarioLoader::load(name));
}

Gatherscope::Scenario scenarioFromJson(const QByteArray &json)
{
    return loaded(Gatherscope::ScenarioLoader::parse(json, QStringLiteral("inline")));
}

QStringList taskNames(const std::vector<Gatherscope::TaskSpec> &tasks)
{
    QStringList out;
    for (const auto &task : tasks)
        out << task.displayName();
    return out;
}

QByteArray sayHelloFile(int tasks)
{
    QByteArray json = R"({"title": "hellos", "report": "list", "tasks": [)";
    for (int i = 0; i < tasks; ++i)
        json += (i ? ", " : "") + QByteArray(R"({"task": "say_hello", "name": "P)") +
                QByteArray::number(i) + R"(", "sleep": )" + QByteArray::number(1 + i % 5) + "}";
    return json + "]}";
}

} // namespace GatherscopeTest
