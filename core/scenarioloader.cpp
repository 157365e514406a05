#include "scenarioloader.h"

#include "atomicfile.h"
#include "jsonnumbers.h"
#include "pythonrepr.h"
#include "scenariojsontext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Gatherscope {

namespace {

constexpr qint64 maxFileSize = 16 * 1024 * 1024;
constexpr int maxNesting = 64;

//! Thrown inside the reader; caught once in parse().
struct Failure {
    QString place;
    QString message;
};

QString describe(const QJsonValue &value)
{
    QString text;
    if (JsonNumbers::isMarkedFloat(value, &text))
        return QStringLiteral("the number %1").arg(text);
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QStringLiteral("the number %1").arg(value.toVariant().toString());
    case QJsonValue::String: {
        const QString s = value.toString();
        return QStringLiteral("the string \"%1\"").arg(s.size() > 40 ? s.left(40) + u'…' : s);
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

[[noreturn]] void fail(const QString &place, const QString &message)
{
    throw Failure{place, message};
}

[[noreturn]] void expected(const QString &place, const QString &what, const QJsonValue &got)
{
    fail(place, QStringLiteral("expected %1, got %2").arg(what, describe(got)));
}

QString join(const QString &place, const QString &key)
{
    return place.isEmpty() ? key : place + u'.' + key;
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
    QString message = QStringLiteral("unknown key \"%1\"").arg(key);
    for (const QString &candidate : allowed) {
        if (editDistance(key, candidate) <= 2)
            return message + QStringLiteral(" (did you mean \"%1\"?)").arg(candidate);
    }
    return message +
           QStringLiteral(" (expected one of: %1)").arg(allowed.join(QStringLiteral(", ")));
}

class Reader {
public:
    Reader(const QJsonObject &object, QString place, const QStringList &allowed)
        : m_object(object)
        , m_place(std::move(place))
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                fail(join(m_place, it.key()), unknownKeyMessage(it.key(), allowed));
        }
    }

    bool has(const QString &key) const { return m_object.contains(key); }
    QString placeOf(const QString &key) const { return join(m_place, key); }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    QString string(const QString &key, bool required) const
    {
        if (!has(key)) {
            if (required)
                fail(m_place, QStringLiteral("missing key \"%1\" (a string)").arg(key));
            return {};
        }
        const auto v = value(key);
        if (!v.isString() || JsonNumbers::isMarkedFloat(v))
            expected(placeOf(key), QStringLiteral("a string"), v);
        return v.toString();
    }

    bool boolean(const QString &key, bool fallback) const
    {
        if (!has(key))
            return fallback;
        const auto v = value(key);
        if (!v.isBool())
            expected(placeOf(key), QStringLiteral("true or false"), v);
        return v.toBool();
    }

    PyValue number(const QString &key) const
    {
        if (!has(key))
            fail(m_place, QStringLiteral("missing key \"%1\" (a number)").arg(key));
        return numberValue(value(key), placeOf(key));
    }

    std::optional<double> seconds(const QString &key) const
    {
        if (!has(key))
            return std::nullopt;
        return secondsValue(value(key), placeOf(key));
    }

    static PyValue numberValue(const QJsonValue &v, const QString &place)
    {
        QString text;
        if (JsonNumbers::isMarkedFloat(v, &text)) {
            const double d = text.toDouble();
            if (!std::isfinite(d))
                fail(place, QStringLiteral("the number %1 is out of range").arg(text));
            return PyValue::floating(d);
        }
        if (!v.isDouble())
            expected(place, QStringLiteral("a number"), v);
        const QVariant variant = v.toVariant();
        if (variant.typeId() != QMetaType::LongLong)
            fail(place, QStringLiteral("the integer %1 is out of range").arg(variant.toString()));
        return PyValue::integer(variant.toLongLong());
    }

    static double secondsValue(const QJsonValue &v, const QString &place)
    {
        const double s = numberValue(v, place).toNumber();
        if (s < 0)
            fail(place, QStringLiteral("expected seconds (a number ≥ 0), got %1").arg(describe(v)));
        if (s > 1e6)
            fail(place, QStringLiteral("%1 seconds is too long (at most 1000000)").arg(s));
        return s;
    }

    static std::int64_t wholeSeconds(const QJsonValue &v, const QString &place)
    {
        const PyValue n = numberValue(v, place);
        if (!n.isInteger() || n.toInteger() < 0 || n.toInteger() > 1000000)
            expected(place, QStringLiteral("a whole number of seconds from 0 to 1000000"), v);
        return n.toInteger();
    }

private:
    QJsonObject m_object;
    QString m_place;
};

SleepSpec readSleep(const QJsonValue &v, const QString &place)
{
    if (!v.isObject())
        return SleepSpec::fixed(Reader::secondsValue(v, place));
    const Reader range(v.toObject(), place, {QStringLiteral("min"), QStringLiteral("max")});
    if (!range.has(QStringLiteral("min")) || !range.has(QStringLiteral("max")))
        fail(place, QStringLiteral("a random sleep needs both \"min\" and \"max\""));
    const auto min = Reader::wholeSeconds(range.value(QStringLiteral("min")),
                                          range.placeOf(QStringLiteral("min")));
    const auto max = Reader::wholeSeconds(range.value(QStringLiteral("max")),
                                          range.placeOf(QStringLiteral("max")));
    if (min > max)
        fail(place, QStringLiteral("\"min\" (%1) is greater than \"max\" (%2)").arg(min).arg(max));
    return SleepSpec::random(min, max);
}

std::vector<TaskSpec> readTasks(const QJsonValue &v, const QString &place, int depth);

TaskSpec readTask(const QJsonValue &v, const QString &place, int depth)
{
    if (!v.isObject())
        expected(place, QStringLiteral("a task (an object with a \"task\" key)"), v);
    const QJsonObject object = v.toObject();
    const QJsonValue kind = object.value(QStringLiteral("task"));
    if (kind.isUndefined())
        fail(place, QStringLiteral("missing key \"task\" (say_hello, divide or gather)"));
    if (!kind.isString() || JsonNumbers::isMarkedFloat(kind))
        expected(join(place, QStringLiteral("task")), QStringLiteral("say_hello, divide or gather"),
                 kind);

    const QStringList common = {QStringLiteral("task"), QStringLiteral("label"),
                                QStringLiteral("cancel_after")};
    TaskSpec spec;
    const QString name = kind.toString();
    if (name == u"say_hello") {
        const Reader r(object, place,
                       common + QStringList{QStringLiteral("name"), QStringLiteral("sleep")});
        spec = TaskSpec::sayHello(r.string(QStringLiteral("name"), true));
        if (r.has(QStringLiteral("sleep")))
            spec.sleep =
                readSleep(r.value(QStringLiteral("sleep")), r.placeOf(QStringLiteral("sleep")));
    } else if (name == u"divide") {
        const Reader r(object, place,
                       common + QStringList{QStringLiteral("x"), QStringLiteral("y"),
                                            QStringLiteral("sleep")});
        spec = TaskSpec::divide(r.number(QStringLiteral("x")), r.number(QStringLiteral("y")));
        if (r.has(QStringLiteral("sleep")))
            spec.sleep =
                readSleep(r.value(QStringLiteral("sleep")), r.placeOf(QStringLiteral("sleep")));
    } else if (name == u"gather") {
        if (depth >= maxNesting)
            fail(place, QStringLiteral("gathers are nested too deeply (at most %1 levels)")
                            .arg(maxNesting));
        const Reader r(
            object, place,
            common + QStringList{QStringLiteral("return_exceptions"), QStringLiteral("tasks")});
        if (!r.has(QStringLiteral("tasks")))
            fail(place, QStringLiteral("missing key \"tasks\" (an array of tasks)"));
        spec = TaskSpec::gather(readTasks(r.value(QStringLiteral("tasks")),
                                          r.placeOf(QStringLiteral("tasks")), depth + 1),
                                r.boolean(QStringLiteral("return_exceptions"), false));
    } else {
        expected(join(place, QStringLiteral("task")), QStringLiteral("say_hello, divide or gather"),
                 kind);
    }
    const Reader r(object, place, object.keys());
    spec.label = r.string(QStringLiteral("label"), false);
    spec.cancelAfter = r.seconds(QStringLiteral("cancel_after"));
    return spec;
}

std::vector<TaskSpec> readTasks(const QJsonValue &v, const QString &place, int depth)
{
    if (!v.isArray())
        expected(place, QStringLiteral("an array of tasks"), v);
    std::vector<TaskSpec> tasks;
    const QJsonArray array = v.toArray();
    tasks.reserve(std::size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i)
        tasks.push_back(readTask(array.at(i), QStringLiteral("%1[%2]").arg(place).arg(i), depth));
    return tasks;
}

Scenario readScenario(const QJsonObject &object)
{
    const Reader r(object, QString(),
                   {QStringLiteral("title"), QStringLiteral("description"),
                    QStringLiteral("return_exceptions"), QStringLiteral("report"),
                    QStringLiteral("seed"), QStringLiteral("cancel_after"),
                    QStringLiteral("tasks")});
    Scenario scenario;
    scenario.title = r.string(QStringLiteral("title"), true);
    scenario.description = r.string(QStringLiteral("description"), false);
    scenario.returnExceptions = r.boolean(QStringLiteral("return_exceptions"), false);
    if (r.has(QStringLiteral("report"))) {
        const QJsonValue report = r.value(QStringLiteral("report"));
        if (report == QJsonValue(QStringLiteral("each")))
            scenario.report = ReportStyle::Each;
        else if (report == QJsonValue(QStringLiteral("list")))
            scenario.report = ReportStyle::List;
        else
            expected(QStringLiteral("report"), QStringLiteral("\"each\" or \"list\""), report);
    }
    if (r.has(QStringLiteral("seed"))) {
        const PyValue seed =
            Reader::numberValue(r.value(QStringLiteral("seed")), QStringLiteral("seed"));
        if (!seed.isInteger() || seed.toInteger() < 0)
            expected(QStringLiteral("seed"), QStringLiteral("a whole number ≥ 0"),
                     r.value(QStringLiteral("seed")));
        scenario.seed = std::uint64_t(seed.toInteger());
    }
    scenario.cancelAfter = r.seconds(QStringLiteral("cancel_after"));
    if (!r.has(QStringLiteral("tasks")))
        fail(QString(), QStringLiteral("missing key \"tasks\" (an array of tasks, may be empty)"));
    scenario.tasks = readTasks(r.value(QStringLiteral("tasks")), QStringLiteral("tasks"), 0);
    return scenario;
}

QJsonValue numberJson(const PyValue &number)
{
    if (number.isInteger())
        return QJsonValue(qint64(number.toInteger()));
    return JsonNumbers::markedFloat(pythonFloatRepr(number.toFloat()));
}

QJsonValue secondsJson(double seconds)
{
    const double whole = std::floor(seconds);
    if (whole == seconds && std::abs(seconds) < 1e15)
        return QJsonValue(qint64(whole));
    return JsonNumbers::markedFloat(pythonFloatRepr(seconds));
}

QJsonObject taskJson(const TaskSpec &spec)
{
    QJsonObject object;
    const auto sleepJson = [&spec]() -> QJsonValue {
        if (!spec.sleep.isRandom())
            return secondsJson(spec.sleep.seconds);
        return QJsonObject{{QStringLiteral("min"), qint64(*spec.sleep.randomMin)},
                           {QStringLiteral("max"), qint64(*spec.sleep.randomMax)}};
    };
    switch (spec.kind) {
    case TaskSpec::Kind::SayHello:
        object[QStringLiteral("task")] = QStringLiteral("say_hello");
        object[QStringLiteral("name")] = spec.name;
        object[QStringLiteral("sleep")] = sleepJson();
        break;
    case TaskSpec::Kind::Divide:
        object[QStringLiteral("task")] = QStringLiteral("divide");
        object[QStringLiteral("x")] = numberJson(spec.x);
        object[QStringLiteral("y")] = numberJson(spec.y);
        object[QStringLiteral("sleep")] = sleepJson();
        break;
    case TaskSpec::Kind::Gather: {
        object[QStringLiteral("task")] = QStringLiteral("gather");
        object[QStringLiteral("return_exceptions")] = spec.returnExceptions;
        QJsonArray tasks;
        for (const auto &child : spec.tasks)
            tasks.append(taskJson(child));
        object[QStringLiteral("tasks")] = tasks;
        break;
    }
    }
    if (!spec.label.isEmpty())
        object[QStringLiteral("label")] = spec.label;
    if (spec.cancelAfter)
        object[QStringLiteral("cancel_after")] = secondsJson(*spec.cancelAfter);
    return object;
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

} // namespace

QString LoadError::toString() const
{
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(source).arg(line).arg(column).arg(message);
    if (place.isEmpty())
        return QStringLiteral("%1: %2").arg(source, message);
    return QStringLiteral("%1: %2: %3").arg(source, place, message);
}

ScenarioLoader::Result ScenarioLoader::parse(const QByteArray &json, const QString &source)
{
    if (json.trimmed().isEmpty())
        return LoadError{source,
                         {},
                         0,
                         0,
                         QStringLiteral("the file is empty; expected a scenario (a JSON object)")};
    QJsonParseError syntax;
    const QJsonDocument plain = QJsonDocument::fromJson(json, &syntax);
    if (syntax.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(json, syntax.offset);
        return LoadError{source,
                         {},
                         line,
                         column,
                         QStringLiteral("JSON syntax error: %1").arg(syntax.errorString())};
    }
    if (!plain.isObject()) {
        return LoadError{
            source,
            {},
            0,
            0,
            QStringLiteral("expected a scenario (a JSON object) at the top level, got %1")
                .arg(plain.isArray() ? QStringLiteral("an array")
                                     : QStringLiteral("a bare value"))};
    }
    const QJsonDocument marked = QJsonDocument::fromJson(JsonNumbers::markFloats(json));
    try {
        return readScenario(marked.object());
    } catch (const Failure &failure) {
        return LoadError{source, failure.place, 0, 0, failure.message};
    }
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
    if (file.size() > maxFileSize)
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
    QJsonObject object;
    object[QStringLiteral("title")] = scenario.title;
    if (!scenario.description.isEmpty())
        object[QStringLiteral("description")] = scenario.description;
    object[QStringLiteral("return_exceptions")] = scenario.returnExceptions;
    object[QStringLiteral("report")] =
        scenario.report == ReportStyle::List ? QStringLiteral("list") : QStringLiteral("each");
    if (scenario.seed)
        object[QStringLiteral("seed")] = qint64(*scenario.seed);
    if (scenario.cancelAfter)
        object[QStringLiteral("cancel_after")] = secondsJson(*scenario.cancelAfter);
    QJsonArray tasks;
    for (const auto &task : scenario.tasks)
        tasks.append(taskJson(task));
    object[QStringLiteral("tasks")] = tasks;
    return JsonNumbers::unmarkFloats(scenarioJsonText(object));
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
