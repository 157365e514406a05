// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "scenarioreader.h"

#include "jsonduplicatekeys.h"
#include "jsonnumbers.h"
#include "pythonrepr.h"
#include "scenariorules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>

namespace Gatherscope {

namespace {

//! Thrown inside the reader; caught once in readScenario().
struct Failure {
    QString place;
    QString message;
};

//! A string from the file, for a message: in double quotes, escaped as Python's repr escapes it
//! (a newline or an escape sequence in a key must not break or colour the message), and cut.
QString quoted(const QString &text)
{
    constexpr qsizetype longest = 40;
    const QString shown = text.size() > longest ? text.left(longest) : text;
    return u'"' + pythonEscaped(shown, u'"') + u'"' + (text.size() > longest ? u"…" : u"");
}

QString join(const QString &place, const QString &key)
{
    return place.isEmpty() ? key : place + u'.' + key;
}

//! \a keys, for an Object: it counts them, so each must be named once.
QStringList keyList(const QStringList &keys)
{
    Q_ASSERT(QSet<QString>(keys.cbegin(), keys.cend()).size() == keys.size());
    return keys;
}

//! Where a value stands in the file (`tasks[5].sleep`), spelled out only for a message: a file
//! of 100,000 tasks would otherwise spell out 200,000 places that no one reads. A place refers
//! to its parent and to its key, so it lives no longer than the reading of what it names.
class Place {
public:
    //! The top level of the file.
    Place() = default;
    //! \a key (a string that outlives this place) inside \a parent.
    Place(const Place &parent, const QString &key)
        : m_parent(&parent)
        , m_key(&key)
    {}
    Place(const Place &parent, QString &&key) = delete;
    //! Item \a index of the array at \a parent.
    Place(const Place &parent, qsizetype index)
        : m_parent(&parent)
        , m_index(index)
    {}

    QString text() const
    {
        if (!m_parent)
            return {};
        if (m_key)
            return join(m_parent->text(), *m_key);
        return m_parent->text() + u'[' + QString::number(m_index) + u']';
    }

private:
    const Place *m_parent = nullptr;
    const QString *m_key = nullptr;
    qsizetype m_index = 0;
};

[[noreturn]] void fail(QString place, const QString &message)
{
    throw Failure{std::move(place), message};
}

[[noreturn]] void fail(const Place &place, const QString &message)
{
    fail(place.text(), message);
}

//! Levenshtein distance, to suggest the key a typo meant.
int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(std::size_t(b.size()) + 1);
    for (std::size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            diagonal = row[std::size_t(j)];
            row[std::size_t(j)] =
                std::min({row[std::size_t(j)] + 1, row[std::size_t(j - 1)] + 1, substitution});
        }
    }
    return row.back();
}

QString unknownKeyMessage(const QString &key, const QStringList &allowed)
{
    QString message = QStringLiteral("unknown key %1").arg(quoted(key));
    for (const QString &candidate : allowed) {
        if (editDistance(key, candidate) <= 2)
            return message + QStringLiteral(" (did you mean \"%1\"?)").arg(candidate);
    }
    return message +
           QStringLiteral(" (expected one of: %1)").arg(allowed.join(QStringLiteral(", ")));
}

QPair<int, int> lineAndColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < std::min(offset, json.size()); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((json[i] & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

//! Reads a parsed scenario; numbers come from the table of literals.
class Reader {
public:
    explicit Reader(const JsonNumberTable &numbers)
        : m_numbers(numbers)
    {}

    Scenario scenario(const QJsonObject &object) const;

private:
    //! One JSON object: refuses unknown keys, reads the known ones with their places.
    class Object {
    public:
        //! Reads \a object, which may hold only the keys \a allowed (a list that outlives it).
        Object(const Reader &reader, const QJsonObject &object, const Place &place,
               const QStringList &allowed)
            : m_reader(reader)
            , m_place(place)
            , m_allowed(allowed)
        {
            // Each allowed key is looked up once, here; an object that holds as many allowed
            // keys as it has keys holds no other. Walking its keys instead would make a QString
            // of each (Qt 6.4's iterator has no view of a key): that walk is left for an error.
            qsizetype known = 0;
            m_values.reserve(allowed.size());
            for (const QString &key : allowed) {
                m_values.push_back(object.value(key));
                known += m_values.back().isUndefined() ? 0 : 1;
            }
            if (known == object.size())
                return;
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (!allowed.contains(it.key()))
                    fail(placeOfUnknown(it.key()), unknownKeyMessage(it.key(), allowed));
            }
        }
        Object(const Reader &, const QJsonObject &, const Place &, QStringList &&) = delete;

        //! The key's place if it reads plainly; else the object's, and the message quotes it.
        QString placeOfUnknown(const QString &key) const
        {
            const QString place = m_place.text();
            return quoted(key) == u'"' + key + u'"' ? join(place, key) : place;
        }

        bool has(const QString &key) const { return !value(key).isUndefined(); }
        //! The place of \a key, a string that outlives it.
        Place placeOf(const QString &key) const { return {m_place, key}; }
        Place placeOf(QString &&key) const = delete;
        //! The value of \a key; undefined if the object lacks it (a key not allowed, it lacks).
        QJsonValue value(const QString &key) const
        {
            const qsizetype index = m_allowed.indexOf(key);
            return index >= 0 ? m_values[index] : QJsonValue(QJsonValue::Undefined);
        }

        // Each reads the value the constructor looked up.
        QString string(const QString &key, bool required) const
        {
            const auto v = value(key);
            if (v.isUndefined()) {
                if (required)
                    fail(m_place, QStringLiteral("missing key \"%1\" (a string)").arg(key));
                return {};
            }
            if (!v.isString())
                m_reader.expected(placeOf(key), QStringLiteral("a string"), v);
            QString text = v.toString();
            if (const QString problem = ScenarioRules::textProblem(text); !problem.isEmpty())
                fail(placeOf(key), problem);
            return text;
        }

        bool boolean(const QString &key, bool fallback) const
        {
            const auto v = value(key);
            if (v.isUndefined())
                return fallback;
            if (!v.isBool())
                m_reader.expected(placeOf(key), QStringLiteral("true or false"), v);
            return v.toBool();
        }

        PyValue number(const QString &key) const
        {
            const auto v = value(key);
            if (v.isUndefined())
                fail(m_place, QStringLiteral("missing key \"%1\" (a number)").arg(key));
            return m_reader.number(v, placeOf(key));
        }

        std::optional<double> seconds(const QString &key) const
        {
            const auto v = value(key);
            if (v.isUndefined())
                return std::nullopt;
            return m_reader.seconds(v, placeOf(key));
        }

    private:
        const Reader &m_reader;
        Place m_place;
        const QStringList &m_allowed;
        QVarLengthArray<QJsonValue, 8> m_values; // of each allowed key, in order
    };

    QString describe(const QJsonValue &value) const;
    [[noreturn]] void expected(const Place &place, const QString &what,
                               const QJsonValue &got) const;
    PyValue number(const QJsonValue &v, const Place &place) const;
    double seconds(const QJsonValue &v, const Place &place) const;
    std::int64_t wholeSeconds(const QJsonValue &v, const Place &place) const;
    SleepSpec sleep(const QJsonValue &v, const Place &place) const;
    TaskSpec task(const QJsonValue &v, const Place &place, int depth) const;
    std::vector<TaskSpec> tasks(const QJsonValue &v, const Place &place, int depth) const;

    const JsonNumberTable &m_numbers;
    mutable int m_taskCount = 0; //!< read so far, to stop at ScenarioRules::maxTasks
};

QString Reader::describe(const QJsonValue &value) const
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(QString::fromLatin1(m_numbers.literal(value)));
    case QJsonValue::String:
        return QStringLiteral("the string %1").arg(quoted(value.toString()));
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

void Reader::expected(const Place &place, const QString &what, const QJsonValue &got) const
{
    fail(place, QStringLiteral("expected %1, got %2").arg(what, describe(got)));
}

PyValue Reader::number(const QJsonValue &v, const Place &place) const
{
    if (!v.isDouble())
        expected(place, QStringLiteral("a number"), v);
    const QByteArrayView literal = m_numbers.literal(v);
    std::optional<PyValue> value = jsonNumberValue(literal);
    if (!value)
        fail(place, ScenarioRules::integerTooLarge(QString::fromLatin1(literal)));
    return std::move(*value);
}

double Reader::seconds(const QJsonValue &v, const Place &place) const
{
    const double s = number(v, place).toNumber();
    if (s < 0)
        fail(place, QStringLiteral("expected seconds (a number ≥ 0), got %1").arg(describe(v)));
    if (s > ScenarioRules::maxSeconds)
        fail(place, QStringLiteral("%1 seconds is too long (at most 1000000)")
                        .arg(QString::fromLatin1(m_numbers.literal(v))));
    return s;
}

std::int64_t Reader::wholeSeconds(const QJsonValue &v, const Place &place) const
{
    const PyValue n = number(v, place);
    if (!n.isInteger() || !ScenarioRules::isValidSeconds(double(n.toInteger())))
        expected(place, QStringLiteral("a whole number of seconds from 0 to 1000000"), v);
    return n.toInteger();
}

SleepSpec Reader::sleep(const QJsonValue &v, const Place &place) const
{
    if (!v.isObject())
        return SleepSpec::fixed(seconds(v, place));
    static const QStringList keys = keyList({ScenarioRules::Keys::min, ScenarioRules::Keys::max});
    const Object range(*this, v.toObject(), place, keys);
    if (!range.has(ScenarioRules::Keys::min) || !range.has(ScenarioRules::Keys::max))
        fail(place, QStringLiteral("a random sleep needs both \"min\" and \"max\""));
    const auto min = wholeSeconds(range.value(ScenarioRules::Keys::min),
                                  range.placeOf(ScenarioRules::Keys::min));
    const auto max = wholeSeconds(range.value(ScenarioRules::Keys::max),
                                  range.placeOf(ScenarioRules::Keys::max));
    if (min > max)
        fail(place, ScenarioRules::minAboveMax(min, max));
    return SleepSpec::random(min, max);
}

//! The keys a task of \a kind may have.
const QStringList &keysOf(TaskSpec::Kind kind)
{
    namespace Keys = ScenarioRules::Keys;
    // Made once: a file may hold a million tasks.
    const auto allowing = [](const QStringList &keys) {
        return keyList(QStringList{Keys::task, Keys::label, Keys::cancelAfter} + keys);
    };
    static const QStringList sayHelloKeys = allowing({Keys::name, Keys::sleep});
    static const QStringList divideKeys = allowing({Keys::x, Keys::y, Keys::sleep});
    static const QStringList failKeys = allowing({Keys::exception, Keys::message, Keys::sleep});
    static const QStringList blockingSleepKeys = allowing({Keys::sleep});
    static const QStringList computeKeys = allowing({Keys::work, Keys::size, Keys::cost});
    static const QStringList gatherKeys = allowing({Keys::returnExceptions, Keys::tasks});
    switch (kind) {
    case TaskSpec::Kind::SayHello:
        return sayHelloKeys;
    case TaskSpec::Kind::Divide:
        return divideKeys;
    case TaskSpec::Kind::Fail:
        return failKeys;
    case TaskSpec::Kind::BlockingSleep:
        return blockingSleepKeys;
    case TaskSpec::Kind::Compute:
        return computeKeys;
    case TaskSpec::Kind::Gather:
        return gatherKeys;
    }
    Q_UNREACHABLE();
}

TaskSpec Reader::task(const QJsonValue &v, const Place &place, int depth) const
{
    namespace Keys = ScenarioRules::Keys;
    if (!v.isObject())
        expected(place, QStringLiteral("a task (an object with a \"task\" key)"), v);
    const QJsonObject object = v.toObject();
    const QJsonValue kindValue = object.value(Keys::task);
    if (kindValue.isUndefined())
        fail(place, QStringLiteral("missing key \"task\" (%1)").arg(ScenarioRules::kindChoices()));
    const std::optional<TaskSpec::Kind> kind =
        kindValue.isString() ? ScenarioRules::kindNamed(kindValue.toString()) : std::nullopt;
    if (!kind)
        expected(Place(place, Keys::task), ScenarioRules::kindChoices(), kindValue);
    if (*kind == TaskSpec::Kind::Gather && depth >= ScenarioRules::maxNesting)
        fail(place, ScenarioRules::nestedTooDeeply());
    const Object r(*this, object, place, keysOf(*kind));

    // Each value read into a local first, in the order the keys are named here: as arguments of
    // one call, the compiler would choose which mistake is reported when there are two.
    TaskSpec spec;
    switch (*kind) {
    case TaskSpec::Kind::SayHello:
        spec = TaskSpec::sayHello(r.string(Keys::name, true));
        break;
    case TaskSpec::Kind::Divide: {
        const PyValue x = r.number(Keys::x);
        const PyValue y = r.number(Keys::y);
        spec = TaskSpec::divide(x, y);
        break;
    }
    case TaskSpec::Kind::Fail: {
        const QString exception = r.string(Keys::exception, true);
        if (!ScenarioRules::exceptionTypes().contains(exception))
            expected(r.placeOf(Keys::exception), ScenarioRules::exceptionChoices(),
                     r.value(Keys::exception));
        spec = TaskSpec::fail(exception, r.string(Keys::message, true));
        break;
    }
    case TaskSpec::Kind::BlockingSleep:
        spec = TaskSpec::blockingSleep();
        break;
    case TaskSpec::Kind::Compute: {
        if (!r.has(Keys::work))
            fail(place, QStringLiteral("missing key \"work\" (%1)")
                            .arg(ScenarioRules::computationChoices()));
        const QString work = r.string(Keys::work, true);
        if (!ScenarioRules::computations().contains(work))
            expected(r.placeOf(Keys::work), ScenarioRules::computationChoices(),
                     r.value(Keys::work));
        if (!r.has(Keys::size))
            fail(place,
                 QStringLiteral("missing key \"n\" (%1)").arg(ScenarioRules::computeSizeChoices()));
        const QJsonValue size = r.value(Keys::size);
        const PyValue n = number(size, r.placeOf(Keys::size));
        if (!n.isInteger() || n.toInteger() < 0 || n.toInteger() > ScenarioRules::maxComputeSize)
            expected(r.placeOf(Keys::size), ScenarioRules::computeSizeChoices(), size);
        spec = TaskSpec::compute(work, n.toInteger());
        break;
    }
    case TaskSpec::Kind::Gather: {
        if (!r.has(Keys::tasks))
            fail(place, QStringLiteral("missing key \"tasks\" (an array of tasks)"));
        // The gather's own flag before the tasks inside it.
        const bool returnExceptions = r.boolean(Keys::returnExceptions, false);
        spec = TaskSpec::gather(tasks(r.value(Keys::tasks), r.placeOf(Keys::tasks), depth + 1),
                                returnExceptions);
        break;
    }
    }
    // What every kind reads alike. Only the kinds that take seconds allow their key: a sleep,
    // or a compute's cost.
    const QString secondsKey = ScenarioRules::secondsKey(spec.kind);
    if (const QJsonValue seconds = r.value(secondsKey); !seconds.isUndefined())
        spec.sleep = sleep(seconds, r.placeOf(secondsKey));
    spec.label = r.string(Keys::label, false);
    spec.cancelAfter = r.seconds(Keys::cancelAfter);
    return spec;
}

std::vector<TaskSpec> Reader::tasks(const QJsonValue &v, const Place &place, int depth) const
{
    if (!v.isArray())
        expected(place, QStringLiteral("an array of tasks"), v);
    std::vector<TaskSpec> result;
    const QJsonArray array = v.toArray();
    result.reserve(std::size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const Place taskPlace(place, i);
        if (++m_taskCount > ScenarioRules::maxTasks)
            fail(taskPlace, ScenarioRules::tooManyTasks());
        result.push_back(task(array.at(i), taskPlace, depth));
    }
    return result;
}

Scenario Reader::scenario(const QJsonObject &object) const
{
    static const QStringList keys = keyList(
        {ScenarioRules::Keys::title, ScenarioRules::Keys::description,
         ScenarioRules::Keys::returnExceptions, ScenarioRules::Keys::report,
         ScenarioRules::Keys::seed, ScenarioRules::Keys::cancelAfter, ScenarioRules::Keys::tasks});
    const Place top;
    const Object r(*this, object, top, keys);
    Scenario scenario;
    scenario.title = r.string(ScenarioRules::Keys::title, true);
    scenario.description = r.string(ScenarioRules::Keys::description, false);
    scenario.returnExceptions = r.boolean(ScenarioRules::Keys::returnExceptions, false);
    if (r.has(ScenarioRules::Keys::report)) {
        const QJsonValue report = r.value(ScenarioRules::Keys::report);
        if (report == QJsonValue(ScenarioRules::Reports::each))
            scenario.report = ReportStyle::Each;
        else if (report == QJsonValue(ScenarioRules::Reports::list))
            scenario.report = ReportStyle::List;
        else
            expected(r.placeOf(ScenarioRules::Keys::report), QStringLiteral("\"each\" or \"list\""),
                     report);
    }
    if (r.has(ScenarioRules::Keys::seed)) {
        const QJsonValue value = r.value(ScenarioRules::Keys::seed);
        const PyValue seed = number(value, r.placeOf(ScenarioRules::Keys::seed));
        if (!seed.isInteger() || seed.toInteger() < 0)
            expected(r.placeOf(ScenarioRules::Keys::seed), QStringLiteral("a whole number ≥ 0"),
                     value);
        scenario.seed = std::uint64_t(seed.toInteger());
    }
    scenario.cancelAfter = r.seconds(ScenarioRules::Keys::cancelAfter);
    if (!r.has(ScenarioRules::Keys::tasks))
        fail(top, QStringLiteral("missing key \"tasks\" (an array of tasks, may be empty)"));
    scenario.tasks =
        tasks(r.value(ScenarioRules::Keys::tasks), r.placeOf(ScenarioRules::Keys::tasks), 0);
    return scenario;
}

//! Where a key was written twice, as the reader names places (`tasks[2]`); a key that does not
//! read plainly ends the place there, so no message carries a raw control character.
QString placeOf(const DuplicateKey &duplicate)
{
    QString place;
    for (const QString &step : duplicate.path) {
        if (step.startsWith(u'['))
            place += step;
        else if (quoted(step) == u'"' + step + u'"')
            place = join(place, step);
        else
            break;
    }
    return place;
}

LoadError syntaxError(const QString &source, const QByteArray &json, qsizetype offset,
                      const QString &what)
{
    const auto [line, column] = lineAndColumn(json, offset);
    return LoadError{source, {}, line, column, QStringLiteral("JSON syntax error: %1").arg(what)};
}

} // namespace

QString LoadError::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(source).arg(line).arg(column).arg(message);
    if (place.isEmpty())
        return QStringLiteral("%1: %2").arg(source, message);
    return QStringLiteral("%1: %2: %3").arg(source, place, message);
}

std::variant<Scenario, LoadError> readScenario(const QByteArray &json, const QString &source)
{
    if (json.trimmed().isEmpty())
        return LoadError{source,
                         {},
                         0,
                         0,
                         QStringLiteral("the file is empty; expected a scenario (a JSON object)")};
    JsonNumberTable numbers;
    QJsonParseError syntax;
    const QJsonDocument document = QJsonDocument::fromJson(numbers.takeNumbers(json), &syntax);
    const qsizetype syntaxOffset = syntax.error != QJsonParseError::NoError
                                       ? numbers.originalOffset(syntax.offset)
                                       : json.size();
    // QJsonDocument takes `1.`, `\2` and raw control characters in strings, and fails on `01`
    // further on; strict JSON refuses each where it stands.
    if (const auto &strict = numbers.firstStrictError(); strict && strict->offset <= syntaxOffset)
        return syntaxError(source, json, strict->offset, strict->what);
    if (syntax.error != QJsonParseError::NoError)
        return syntaxError(source, json, syntaxOffset, syntax.errorString());
    if (!document.isObject()) {
        return LoadError{
            source,
            {},
            0,
            0,
            QStringLiteral("expected a scenario (a JSON object) at the top level, got %1")
                .arg(document.isArray() ? QStringLiteral("an array")
                                        : QStringLiteral("a bare value"))};
    }
    if (const auto duplicate = findDuplicateKey(json))
        return LoadError{source, placeOf(*duplicate), 0, 0,
                         QStringLiteral("%1 given twice").arg(quoted(duplicate->key))};
    try {
        return Reader(numbers).scenario(document.object());
    } catch (const Failure &failure) {
        return LoadError{source, failure.place, 0, 0, failure.message};
    }
}

} // namespace Gatherscope
