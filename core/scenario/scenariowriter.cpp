// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariowriter.h"

#include "jsonnumbers.h"
#include "pythonrepr.h"
#include "scenariojsontext.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace Gatherscope {

namespace {

//! Builds the scenario's JSON object; every number goes through the table of literals.
class Writer {
public:
    QByteArray text(const Scenario &scenario)
    {
        QJsonObject object;
        object[QStringLiteral("title")] = scenario.title;
        if (!scenario.description.isEmpty())
            object[QStringLiteral("description")] = scenario.description;
        object[QStringLiteral("return_exceptions")] = scenario.returnExceptions;
        object[QStringLiteral("report")] =
            scenario.report == ReportStyle::List ? QStringLiteral("list") : QStringLiteral("each");
        if (scenario.seed)
            object[QStringLiteral("seed")] = m_numbers.add(QByteArray::number(*scenario.seed));
        if (scenario.cancelAfter)
            object[QStringLiteral("cancel_after")] = seconds(*scenario.cancelAfter);
        QJsonArray tasks;
        for (const auto &task : scenario.tasks)
            tasks.append(this->task(task));
        object[QStringLiteral("tasks")] = tasks;
        return m_numbers.putNumbers(scenarioJsonText(object));
    }

private:
    QJsonValue integer(std::int64_t value) { return m_numbers.add(QByteArray::number(value)); }

    QJsonValue floating(double value)
    {
        // JSON has no inf; 1e400 reads back as inf, in Python's json as in ours.
        if (std::isinf(value))
            return m_numbers.add(value < 0 ? QByteArrayLiteral("-1e400") : "1e400");
        return m_numbers.add(pythonFloatRepr(value).toLatin1());
    }

    QJsonValue number(const PyValue &number)
    {
        return number.isInteger() ? integer(number.toInteger()) : floating(number.toFloat());
    }

    QJsonValue seconds(double seconds)
    {
        if (std::floor(seconds) == seconds && std::abs(seconds) < 1e15)
            return integer(std::int64_t(seconds));
        return floating(seconds);
    }

    QJsonObject task(const TaskSpec &spec)
    {
        QJsonObject object;
        const auto sleep = [&]() -> QJsonValue {
            if (!spec.sleep.isRandom())
                return seconds(spec.sleep.seconds);
            return QJsonObject{{QStringLiteral("min"), integer(*spec.sleep.randomMin)},
                               {QStringLiteral("max"), integer(*spec.sleep.randomMax)}};
        };
        switch (spec.kind) {
        case TaskSpec::Kind::SayHello:
            object[QStringLiteral("task")] = QStringLiteral("say_hello");
            object[QStringLiteral("name")] = spec.name;
            object[QStringLiteral("sleep")] = sleep();
            break;
        case TaskSpec::Kind::Divide:
            object[QStringLiteral("task")] = QStringLiteral("divide");
            object[QStringLiteral("x")] = number(spec.x);
            object[QStringLiteral("y")] = number(spec.y);
            object[QStringLiteral("sleep")] = sleep();
            break;
        case TaskSpec::Kind::Gather: {
            object[QStringLiteral("task")] = QStringLiteral("gather");
            object[QStringLiteral("return_exceptions")] = spec.returnExceptions;
            QJsonArray tasks;
            for (const auto &child : spec.tasks)
                tasks.append(task(child));
            object[QStringLiteral("tasks")] = tasks;
            break;
        }
        }
        if (!spec.label.isEmpty())
            object[QStringLiteral("label")] = spec.label;
        if (spec.cancelAfter)
            object[QStringLiteral("cancel_after")] = seconds(*spec.cancelAfter);
        return object;
    }

    JsonNumberTable m_numbers;
};

} // namespace

QByteArray writeScenario(const Scenario &scenario)
{
    return Writer().text(scenario);
}

} // namespace Gatherscope
