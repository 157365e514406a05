// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenariojsontext.h"

#include "scenariorules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>

namespace Gatherscope {

namespace {

// The top level (and a random sleep's min and max); a task, told apart by its "task" key.
const QStringList scenarioKeyOrder = {ScenarioRules::Keys::title,
                                      ScenarioRules::Keys::description,
                                      ScenarioRules::Keys::returnExceptions,
                                      ScenarioRules::Keys::report,
                                      ScenarioRules::Keys::seed,
                                      ScenarioRules::Keys::cancelAfter,
                                      ScenarioRules::Keys::tasks,
                                      ScenarioRules::Keys::min,
                                      ScenarioRules::Keys::max};
const QStringList taskKeyOrder = {ScenarioRules::Keys::task,
                                  ScenarioRules::Keys::name,
                                  ScenarioRules::Keys::x,
                                  ScenarioRules::Keys::y,
                                  ScenarioRules::Keys::exception,
                                  ScenarioRules::Keys::message,
                                  ScenarioRules::Keys::work,
                                  ScenarioRules::Keys::size,
                                  ScenarioRules::Keys::sleep,
                                  ScenarioRules::Keys::cost,
                                  ScenarioRules::Keys::cancelAfter,
                                  ScenarioRules::Keys::label,
                                  ScenarioRules::Keys::returnExceptions,
                                  ScenarioRules::Keys::tasks};
constexpr int indentStep = 4;

//! The keys of \a object in documented order; keys the order does not know go last, sorted.
QStringList orderedKeys(const QJsonObject &object)
{
    const QStringList &order =
        object.contains(ScenarioRules::Keys::task) ? taskKeyOrder : scenarioKeyOrder;
    QStringList keys = object.keys(); // sorted already
    std::stable_sort(keys.begin(), keys.end(), [&order](const QString &a, const QString &b) {
        const auto rank = [&order](const QString &key) {
            const auto index = order.indexOf(key);
            return index < 0 ? order.size() : index;
        };
        return rank(a) < rank(b);
    });
    return keys;
}

//! Values holding an array (the scenario, a nested gather) are spread over several lines.
bool spreadsOverLines(const QJsonValue &value)
{
    if (value.isArray())
        return true;
    if (!value.isObject())
        return false;
    const QJsonObject object = value.toObject();
    return std::any_of(object.begin(), object.end(),
                       [](const QJsonValue &member) { return spreadsOverLines(member); });
}

//! A string or number as QJsonDocument writes it, U+FEFF escaped.
QByteArray scalarText(const QJsonValue &value)
{
    QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    // Qt 6.4's QJsonDocument::fromJson drops a U+FEFF written raw at the start of a string
    // without escapes (it takes it for a byte order mark), so a title or name starting with
    // one would not load back; escaped, it does. EF BB BF can only be U+FEFF in UTF-8.
    array.replace("\xEF\xBB\xBF", "\\ufeff");
    return array.mid(1, array.size() - 2);
}

void append(QByteArray &out, const QJsonValue &value, int indent)
{
    const QByteArray innerBreak = '\n' + QByteArray(indent + indentStep, ' ');
    const QByteArray closingBreak = '\n' + QByteArray(indent, ' ');
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += (i > 0 ? "," : "") + innerBreak;
            append(out, array[i], indent + indentStep);
        }
        out += closingBreak + ']';
        return;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const bool spread = spreadsOverLines(value);
        out += '{';
        bool first = true;
        for (const QString &key : orderedKeys(object)) {
            if (!first)
                out += ',';
            if (spread)
                out += innerBreak;
            else if (!first)
                out += ' ';
            out += scalarText(key) + ": ";
            append(out, object[key], indent + indentStep);
            first = false;
        }
        if (spread)
            out += closingBreak;
        out += '}';
        return;
    }
    out += scalarText(value);
}

} // namespace

QByteArray scenarioJsonText(const QJsonObject &scenario)
{
    QByteArray out;
    append(out, scenario, 0);
    return out + '\n';
}

} // namespace Gatherscope
