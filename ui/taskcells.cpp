// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "taskcells.h"

#include "jsonnumbers.h"
#include "pythonrepr.h"
#include "scenariorules.h"

#include <QObject>
#include <QStringList>

#include <cmath>

using namespace Gatherscope;

namespace TaskCells {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\"%1\"").arg(text);
}

bool parseDouble(const QString &text, double &value)
{
    bool ok = false;
    value = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(value);
}

} // namespace

QString kindText(TaskSpec::Kind kind)
{
    return ScenarioRules::kindName(kind);
}

QString parametersText(const TaskSpec &spec)
{
    switch (spec.kind) {
    case TaskSpec::Kind::SayHello:
        return spec.name;
    case TaskSpec::Kind::Divide:
        return pythonRepr(spec.x) + QStringLiteral(", ") + pythonRepr(spec.y);
    case TaskSpec::Kind::BlockingSleep:
        return {}; // its one parameter is its sleep
    case TaskSpec::Kind::Compute:
        return spec.work + QStringLiteral(", ") + QString::number(spec.size);
    case TaskSpec::Kind::Fail:
        return spec.message.isEmpty() ? spec.exception
                                      : spec.exception + QStringLiteral(": ") + spec.message;
    case TaskSpec::Kind::Gather:
        return spec.returnExceptions ? QStringLiteral("return_exceptions=True")
                                     : QStringLiteral("return_exceptions=False");
    }
    return {};
}

QString sleepText(const SleepSpec &sleep)
{
    if (sleep.isRandom())
        return QStringLiteral("%1..%2").arg(*sleep.randomMin).arg(*sleep.randomMax);
    return QString::number(sleep.seconds, 'g', 12);
}

QString secondsText(std::optional<double> seconds)
{
    return seconds ? QString::number(*seconds, 'g', 12) : QString();
}

QString parseKind(const QString &text, TaskSpec &spec)
{
    const auto kind = ScenarioRules::kindNamed(text.trimmed());
    if (!kind)
        return QObject::tr("expected %1, got %2").arg(ScenarioRules::kindChoices(), quoted(text));
    spec.kind = *kind;
    return {};
}

QString parseNumber(const QString &text, PyValue &number)
{
    const QString trimmed = text.trimmed();
    const QByteArray literal = trimmed.toLatin1();
    if (isJsonNumber(literal)) { // read exactly as the loader reads it from the file
        std::optional<PyValue> value = jsonNumberValue(literal);
        if (!value)
            return ScenarioRules::integerTooLarge(trimmed);
        number = std::move(*value);
        return {};
    }
    // Friendlier forms than JSON's ("+2", ".5", "5."), but no "inf" or "nan" spelled out.
    bool isInteger = false;
    const qlonglong integer = trimmed.toLongLong(&isInteger);
    if (isInteger) {
        number = PyValue::integer(integer);
        return {};
    }
    double value = 0;
    const bool named = trimmed.contains(QLatin1String("inf"), Qt::CaseInsensitive) ||
                       trimmed.contains(QLatin1String("nan"), Qt::CaseInsensitive);
    if (named || !parseDouble(trimmed, value))
        return QObject::tr("expected a number, got %1").arg(quoted(trimmed));
    number = PyValue::floating(value);
    return {};
}

QString parseSeed(const QString &text, std::optional<std::uint64_t> &seed)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        seed.reset();
        return {};
    }
    // The file keeps integers in 64 signed bits, so a larger seed would not load back.
    bool ok = false;
    const qlonglong value = trimmed.toLongLong(&ok);
    if (!ok || value < 0)
        return QObject::tr("expected a whole number ≥ 0 or nothing, got %1").arg(quoted(trimmed));
    seed = std::uint64_t(value);
    return {};
}

QString parseParameters(const QString &text, TaskSpec &spec, QString *key)
{
    const auto blame = [key](const QString &name) {
        if (key)
            *key = name;
    };
    blame(QString());
    switch (spec.kind) {
    case TaskSpec::Kind::SayHello: {
        spec.name = text;
        QString problem = ScenarioRules::textProblem(text);
        if (!problem.isEmpty())
            blame(ScenarioRules::Keys::name);
        return problem;
    }
    case TaskSpec::Kind::Divide: {
        const QStringList parts = text.split(u',');
        if (parts.size() != 2)
            return QObject::tr("expected \"x, y\" (two numbers), got %1").arg(quoted(text));
        PyValue x, y;
        if (QString error = parseNumber(parts[0], x); !error.isEmpty()) {
            blame(ScenarioRules::Keys::x);
            return error;
        }
        if (QString error = parseNumber(parts[1], y); !error.isEmpty()) {
            blame(ScenarioRules::Keys::y);
            return error;
        }
        spec.x = x;
        spec.y = y;
        return {};
    }
    case TaskSpec::Kind::BlockingSleep:
        if (!text.trimmed().isEmpty())
            return QObject::tr("blocking_sleep takes no parameters (its seconds are its Sleep), "
                               "got %1")
                .arg(quoted(text));
        return {};
    case TaskSpec::Kind::Compute: {
        const QStringList parts = text.split(u',');
        if (parts.size() != 2)
            return QObject::tr("expected \"work, n\" (sum_primes, 100000), got %1")
                .arg(quoted(text));
        const QString work = parts[0].trimmed();
        if (!ScenarioRules::computations().contains(work)) {
            blame(ScenarioRules::Keys::work);
            return QObject::tr("expected %1, got %2")
                .arg(ScenarioRules::computationChoices(), quoted(work));
        }
        bool ok = false;
        const qlonglong n = parts[1].trimmed().toLongLong(&ok);
        if (!ok || n < 0 || n > ScenarioRules::maxComputeSize) {
            blame(ScenarioRules::Keys::size);
            return QObject::tr("expected %1, got %2")
                .arg(ScenarioRules::computeSizeChoices(), quoted(parts[1].trimmed()));
        }
        spec.work = work;
        spec.size = n;
        return {};
    }
    case TaskSpec::Kind::Fail: {
        // "KeyError: x", as a traceback's last line writes it (without the KeyError's quotes)
        const qsizetype colon = text.indexOf(u':');
        const QString exception = text.left(colon).trimmed();
        QString message = colon < 0 ? QString() : text.mid(colon + 1);
        if (message.startsWith(u' '))
            message.remove(0, 1);
        if (!ScenarioRules::exceptionTypes().contains(exception)) {
            blame(ScenarioRules::Keys::exception);
            return QObject::tr("expected %1, got %2")
                .arg(ScenarioRules::exceptionChoices(), quoted(exception));
        }
        if (QString problem = ScenarioRules::textProblem(message); !problem.isEmpty()) {
            blame(ScenarioRules::Keys::message);
            return problem;
        }
        spec.exception = exception;
        spec.message = message;
        return {};
    }
    case TaskSpec::Kind::Gather: {
        const QString value = text.trimmed().toLower().remove(QStringLiteral("return_exceptions="));
        if (value == u"true")
            spec.returnExceptions = true;
        else if (value == u"false")
            spec.returnExceptions = false;
        else {
            blame(ScenarioRules::Keys::returnExceptions);
            return QObject::tr("expected return_exceptions=True or False, got %1")
                .arg(quoted(text));
        }
        return {};
    }
    }
    return {};
}

QString parseSleep(const QString &text, SleepSpec &sleep)
{
    const QString trimmed = text.trimmed();
    if (trimmed.contains(QLatin1String(".."))) {
        const QStringList parts = trimmed.split(QStringLiteral(".."));
        bool okMin = false, okMax = false;
        const qlonglong min = parts.value(0).trimmed().toLongLong(&okMin);
        const qlonglong max = parts.value(1).trimmed().toLongLong(&okMax);
        if (parts.size() != 2 || !okMin || !okMax || !ScenarioRules::isValidSeconds(double(min)) ||
            !ScenarioRules::isValidSeconds(double(max)))
            return QObject::tr("expected a random range of whole seconds like \"1..3\", got %1")
                .arg(quoted(trimmed));
        if (min > max)
            return ScenarioRules::minAboveMax(min, max);
        sleep = SleepSpec::random(min, max);
        return {};
    }
    double seconds = 0;
    if (!parseDouble(trimmed, seconds) || !ScenarioRules::isValidSeconds(seconds))
        return QObject::tr("expected seconds (a number from 0 to 1000000) or a range like "
                           "\"1..3\", got %1")
            .arg(quoted(trimmed));
    sleep = SleepSpec::fixed(seconds);
    return {};
}

QString parseOptionalSeconds(const QString &text, std::optional<double> &seconds)
{
    if (text.trimmed().isEmpty()) {
        seconds.reset();
        return {};
    }
    double value = 0;
    if (!parseDouble(text, value) || !ScenarioRules::isValidSeconds(value))
        return QObject::tr("expected seconds (a number ≥ 0) or nothing, got %1").arg(quoted(text));
    seconds = value;
    return {};
}

} // namespace TaskCells
