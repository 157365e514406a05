// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariowriter.h"

#include "jsonnumbers.h"
#include "pythonrepr.h"
#include "scenariojsontext.h"
#include "scenariorules.h"

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
        object[ScenarioRules::Keys::title] = scenario.title;
        if (!scenario.description.isEmpty())
            object[ScenarioRules::Keys::description] = scenario.description;
        object[ScenarioRules::Keys::returnExceptions] = scenario.returnExceptions;
        object[ScenarioRules::Keys::report] = scenario.report == ReportStyle::List
                                                  ? ScenarioRules::Reports::list
                                                  : ScenarioRules::Reports::each;
        if (scenario.seed)
            object[ScenarioRules::Keys::seed] = m_numbers.add(QByteArray::number(*scenario.seed));
        if (scenario.cancelAfter)
            object[ScenarioRules::Keys::cancelAfter] = seconds(*scenario.cancelAfter);
        QJsonArray tasks;
        for (const auto &task : scenario.tasks)
            tasks.append(this->task(task));
        object[ScenarioRules::Keys::tasks] = tasks;
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
            return QJsonObject{{ScenarioRules::Keys::min, integer(*spec.sleep.randomMin)},
                               {ScenarioRules::Keys::max, integer(*spec.sleep.randomMax)}};
        };
        switch (spec.kind) {
        case TaskSpec::Kind::SayHello:
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::sayHello;
            object[ScenarioRules::Keys::name] = spec.name;
            object[ScenarioRules::Keys::sleep] = sleep();
            break;
        case TaskSpec::Kind::Divide:
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::divide;
            object[ScenarioRules::Keys::x] = number(spec.x);
            object[ScenarioRules::Keys::y] = number(spec.y);
            object[ScenarioRules::Keys::sleep] = sleep();
            break;
        case TaskSpec::Kind::Fail:
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::fail;
            object[ScenarioRules::Keys::exception] = spec.exception;
            object[ScenarioRules::Keys::message] = spec.message;
            object[ScenarioRules::Keys::sleep] = sleep();
            break;
        case TaskSpec::Kind::BlockingSleep:
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::blockingSleep;
            object[ScenarioRules::Keys::sleep] = sleep();
            break;
        case TaskSpec::Kind::Compute:
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::compute;
            object[ScenarioRules::Keys::work] = spec.work;
            object[ScenarioRules::Keys::size] = integer(spec.size);
            object[ScenarioRules::Keys::cost] = sleep();
            break;
        case TaskSpec::Kind::Gather: {
            object[ScenarioRules::Keys::task] = ScenarioRules::Kinds::gather;
            object[ScenarioRules::Keys::returnExceptions] = spec.returnExceptions;
            QJsonArray tasks;
            for (const auto &child : spec.tasks)
                tasks.append(task(child));
            object[ScenarioRules::Keys::tasks] = tasks;
            break;
        }
        }
        if (!spec.label.isEmpty())
            object[ScenarioRules::Keys::label] = spec.label;
        if (spec.cancelAfter)
            object[ScenarioRules::Keys::cancelAfter] = seconds(*spec.cancelAfter);
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
