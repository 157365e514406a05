// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariorules.h"

#include <limits>

namespace Gatherscope::ScenarioRules {

QString kindName(TaskSpec::Kind kind)
{
    switch (kind) {
    case TaskSpec::Kind::SayHello:
        return Kinds::sayHello;
    case TaskSpec::Kind::Divide:
        return Kinds::divide;
    case TaskSpec::Kind::Fail:
        return Kinds::fail;
    case TaskSpec::Kind::BlockingSleep:
        return Kinds::blockingSleep;
    case TaskSpec::Kind::Compute:
        return Kinds::compute;
    case TaskSpec::Kind::Gather:
        return Kinds::gather;
    }
    return {};
}

const std::vector<TaskSpec::Kind> &kinds()
{
    static const std::vector<TaskSpec::Kind> all = {
        TaskSpec::Kind::SayHello,      TaskSpec::Kind::Divide,  TaskSpec::Kind::Fail,
        TaskSpec::Kind::BlockingSleep, TaskSpec::Kind::Compute, TaskSpec::Kind::Gather};
    return all;
}

std::optional<TaskSpec::Kind> kindNamed(const QString &name)
{
    for (const TaskSpec::Kind kind : kinds()) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString kindChoices()
{
    QStringList names;
    for (const TaskSpec::Kind kind : kinds())
        names << kindName(kind);
    const QString last = names.takeLast();
    return names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

const QStringList &exceptionTypes()
{
    static const QStringList types = {
        QStringLiteral("Exception"),       QStringLiteral("ValueError"),
        QStringLiteral("TypeError"),       QStringLiteral("RuntimeError"),
        QStringLiteral("KeyError"),        QStringLiteral("IndexError"),
        QStringLiteral("LookupError"),     QStringLiteral("AttributeError"),
        QStringLiteral("NameError"),       QStringLiteral("NotImplementedError"),
        QStringLiteral("AssertionError"),  QStringLiteral("ArithmeticError"),
        QStringLiteral("OverflowError"),   QStringLiteral("ZeroDivisionError"),
        QStringLiteral("TimeoutError"),    QStringLiteral("OSError"),
        QStringLiteral("ConnectionError"), QStringLiteral("FileNotFoundError"),
        QStringLiteral("PermissionError"),
    };
    return types;
}

QString exceptionChoices()
{
    return QStringLiteral("an exception type (%1)")
        .arg(exceptionTypes().join(QStringLiteral(", ")));
}

const QStringList &computations()
{
    static const QStringList names = {QStringLiteral("sum_primes"), QStringLiteral("count_primes")};
    return names;
}

QString computationChoices()
{
    return computations().join(QStringLiteral(" or "));
}

QString computeSizeChoices()
{
    return QStringLiteral("a whole number from 0 to %1").arg(maxComputeSize);
}

QString secondsKey(TaskSpec::Kind kind)
{
    return kind == TaskSpec::Kind::Compute ? Keys::cost : Keys::sleep;
}

QString nestedTooDeeply()
{
    return QStringLiteral("gathers are nested too deeply (at most %1 levels)").arg(maxNesting);
}

QString minAboveMax(std::int64_t min, std::int64_t max)
{
    return QStringLiteral("\"min\" (%1) is greater than \"max\" (%2)").arg(min).arg(max);
}

QString integerTooLarge(const QString &literal)
{
    return QStringLiteral("the integer %1 does not fit in 64 bits (from %2 to %3)")
        .arg(literal)
        .arg(std::numeric_limits<qint64>::min())
        .arg(std::numeric_limits<qint64>::max());
}

QString tooManyTasks()
{
    return QStringLiteral("too many tasks (at most %1 in a scenario)").arg(maxTasks);
}

QString textProblem(const QString &text)
{
    qsizetype characters = 0;
    for (qsizetype i = 0; i < text.size(); ++i, ++characters) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: one character outside the BMP
            continue;
        }
        if (c.isSurrogate())
            return QStringLiteral("lone surrogate U+%1 cannot be printed")
                .arg(QString::number(c.unicode(), 16).toUpper());
    }
    if (characters > maxTextLength)
        return QStringLiteral("text too long (%1 characters; at most %2)")
            .arg(characters)
            .arg(maxTextLength);
    return {};
}

} // namespace Gatherscope::ScenarioRules
