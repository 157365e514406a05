// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runfile.h"

#include "atomicfile.h"
#include "scenarioloader.h"
#include "scenariorules.h"
#include "scenariowriter.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

namespace Gatherscope::RunFile {

namespace {

//! The most a run file may be: 100,000 tasks make about 60 MB.
constexpr std::int64_t maxFileBytes = std::int64_t{256} * 1024 * 1024;

//! An event kind as the file names it: its name, one word (`gather_started`).
QString kindName(TaskEvent::Kind kind)
{
    return eventKindName(kind).replace(u' ', u'_');
}

std::optional<TaskEvent::Kind> kindNamed(const QString &name)
{
    for (int kind = 0; kind <= int(TaskEvent::Kind::GatherRaised); ++kind) {
        if (kindName(TaskEvent::Kind(kind)) == name)
            return TaskEvent::Kind(kind);
    }
    return std::nullopt;
}

//! \a text as a JSON string literal: what a file held, quoted, on one line.
QString quoted(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

//! A float as Python would print it, exactly: JSON's numbers would not tell 10.0 from 10.
QString floatText(double value)
{
    std::array<char, 32> text{};
    const auto end = std::to_chars(text.data(), text.data() + text.size(), value).ptr;
    return QString::fromLatin1(text.data(), end - text.data());
}

std::optional<double> floatFrom(const QString &text)
{
    const QByteArray bytes = text.toLatin1();
    double value = 0;
    const auto [end, error] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), value);
    if (error != std::errc() || end != bytes.data() + bytes.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QJsonObject errorJson(const ExceptionInfo &error)
{
    QJsonObject json{{QStringLiteral("type"), QString::fromStdString(error.typeName)},
                     {QStringLiteral("message"), QString::fromStdString(error.message)}};
    if (error.emptyMessageIsArgument)
        json.insert(QStringLiteral("empty_message_is_argument"), true);
    return json;
}

QJsonValue valueJson(const PyValue &value)
{
    if (value.isInteger())
        return QJsonObject{{QStringLiteral("int"), QString::number(value.toInteger())}};
    if (value.isFloat())
        return QJsonObject{{QStringLiteral("float"), floatText(value.toFloat())}};
    if (value.isString())
        return QJsonObject{{QStringLiteral("str"), value.toString()}};
    if (value.isException())
        return QJsonObject{{QStringLiteral("exception"), errorJson(value.toException())}};
    QJsonArray items;
    for (const PyValue &item : value.toList())
        items.append(valueJson(item));
    return QJsonObject{{QStringLiteral("list"), items}};
}

QJsonObject nodeJson(const TaskNode &node)
{
    QJsonObject json{{QStringLiteral("label"), node.label},
                     {QStringLiteral("parent"), node.parent},
                     {QStringLiteral("kind"), ScenarioRules::kindName(node.kind)},
                     {QStringLiteral("planned_sleep"), floatText(node.plannedSleep.count())},
                     {QStringLiteral("return_exceptions"), node.returnExceptions}};
    if (node.cancelAfter)
        json.insert(QStringLiteral("cancel_after"), floatText(*node.cancelAfter));
    return json;
}

QJsonObject eventJson(const TaskEvent &event)
{
    // Only what differs from an empty event: most events are a time, a node and a kind.
    QJsonObject json{{QStringLiteral("t"), qint64(event.time.count())},
                     {QStringLiteral("node"), event.node},
                     {QStringLiteral("kind"), kindName(event.kind)}};
    if (!event.text.isEmpty())
        json.insert(QStringLiteral("text"), event.text);
    if (event.until != ScenarioTime(0))
        json.insert(QStringLiteral("until"), qint64(event.until.count()));
    if (!(event.value == PyValue()))
        json.insert(QStringLiteral("value"), valueJson(event.value));
    if (!(event.error.get() == ExceptionInfo()))
        json.insert(QStringLiteral("error"), errorJson(event.error));
    return json;
}

//! Reads the parts of a run file, each refused with its place.
class Reader {
public:
    explicit Reader(QString source)
        : m_source(std::move(source))
    {}

    LoadError error(const QString &place, const QString &message) const
    {
        return LoadError{m_source, place, 0, 0, message};
    }

    std::optional<ExceptionInfo> exception(const QJsonValue &json) const
    {
        const QJsonObject object = json.toObject();
        if (!json.isObject() || !object.value(QStringLiteral("type")).isString() ||
            !object.value(QStringLiteral("message")).isString())
            return std::nullopt;
        ExceptionInfo error;
        error.typeName = object.value(QStringLiteral("type")).toString().toStdString();
        error.message = object.value(QStringLiteral("message")).toString().toStdString();
        error.emptyMessageIsArgument =
            object.value(QStringLiteral("empty_message_is_argument")).toBool(false);
        return error;
    }

    std::optional<PyValue> value(const QJsonValue &json) const
    {
        const QJsonObject object = json.toObject();
        if (object.size() != 1)
            return std::nullopt;
        const QString tag = object.begin().key();
        const QJsonValue inner = object.begin().value();
        if (tag == QLatin1String("int") && inner.isString()) {
            bool ok = false;
            const qlonglong integer = inner.toString().toLongLong(&ok);
            return ok ? std::optional(PyValue::integer(integer)) : std::nullopt;
        }
        if (tag == QLatin1String("float") && inner.isString()) {
            const auto number = floatFrom(inner.toString());
            return number ? std::optional(PyValue::floating(*number)) : std::nullopt;
        }
        if (tag == QLatin1String("str") && inner.isString())
            return PyValue::string(inner.toString());
        if (tag == QLatin1String("exception")) {
            auto error = exception(inner);
            return error ? std::optional(PyValue::exception(std::move(*error))) : std::nullopt;
        }
        if (tag == QLatin1String("list") && inner.isArray()) {
            PyValue::List items;
            for (const QJsonValue item : inner.toArray()) {
                auto read = value(item);
                if (!read)
                    return std::nullopt;
                items.push_back(std::move(*read));
            }
            return PyValue::list(std::move(items));
        }
        return std::nullopt;
    }

    //! Event \a index, for a run of \a nodes nodes that had reached \a after.
    std::variant<TaskEvent, LoadError> event(const QJsonValue &json, int index, int nodes,
                                             ScenarioTime after) const
    {
        const QString place = QStringLiteral("record.events[%1]").arg(index);
        const QJsonObject object = json.toObject();
        const QJsonValue time = object.value(QStringLiteral("t"));
        const QJsonValue node = object.value(QStringLiteral("node"));
        const QJsonValue kind = object.value(QStringLiteral("kind"));
        TaskEvent event;
        if (!json.isObject() || !isWhole(time) || !isWhole(node) || !kind.isString())
            return error(place, QStringLiteral("expected an event: {\"t\", \"node\", \"kind\"}"));
        static const QStringList keys = {QStringLiteral("t"),     QStringLiteral("node"),
                                         QStringLiteral("kind"),  QStringLiteral("text"),
                                         QStringLiteral("until"), QStringLiteral("value"),
                                         QStringLiteral("error")};
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!keys.contains(it.key()))
                return error(place, QStringLiteral("unknown key %1").arg(quoted(it.key())));
        }
        event.time = ScenarioTime(qint64(time.toDouble()));
        event.node = node.toInt();
        if (event.time < after)
            return error(place + QStringLiteral(".t"),
                         QStringLiteral("earlier than the event before"));
        if (event.node < 0 || event.node >= nodes)
            return error(place + QStringLiteral(".node"),
                         QStringLiteral("no such node (the run has %1)").arg(nodes));
        const auto named = kindNamed(kind.toString());
        if (!named)
            return error(place + QStringLiteral(".kind"),
                         QStringLiteral("unknown kind %1").arg(quoted(kind.toString())));
        event.kind = *named;
        if (object.contains(QStringLiteral("text"))) {
            if (!object.value(QStringLiteral("text")).isString())
                return error(place + QStringLiteral(".text"), QStringLiteral("expected a string"));
            event.text = object.value(QStringLiteral("text")).toString();
        }
        if (object.contains(QStringLiteral("until"))) {
            if (!isWhole(object.value(QStringLiteral("until"))))
                return error(place + QStringLiteral(".until"),
                             QStringLiteral("expected a time in microseconds"));
            event.until = ScenarioTime(qint64(object.value(QStringLiteral("until")).toDouble()));
        }
        if (object.contains(QStringLiteral("value"))) {
            auto read = value(object.value(QStringLiteral("value")));
            if (!read)
                return error(place + QStringLiteral(".value"),
                             QStringLiteral("expected a value: {\"int\"|\"float\"|\"str\"|"
                                            "\"list\"|\"exception\": …}"));
            event.value = std::move(*read);
        }
        if (object.contains(QStringLiteral("error"))) {
            auto read = exception(object.value(QStringLiteral("error")));
            if (!read)
                return error(place + QStringLiteral(".error"),
                             QStringLiteral("expected {\"type\", \"message\"}"));
            event.error = std::move(*read);
        }
        // What the console and the narration read of each kind.
        using Kind = TaskEvent::Kind;
        if (event.kind == Kind::GatherReturned && !event.value.isList())
            return error(place + QStringLiteral(".value"),
                         QStringLiteral("a gather returns a list: expected {\"list\": […]}"));
        if ((event.kind == Kind::Raised || event.kind == Kind::GatherRaised) &&
            event.error->typeName.empty())
            return error(place + QStringLiteral(".error"),
                         QStringLiteral("what was raised: expected {\"type\", \"message\"}"));
        return event;
    }

private:
    //! A whole number JSON holds exactly (times are microseconds).
    static bool isWhole(const QJsonValue &json)
    {
        const double number = json.toDouble(-1);
        return json.isDouble() && number >= 0 && number <= 9007199254740992.0 &&
               std::floor(number) == number;
    }

    QString m_source;
};

} // namespace

QByteArray write(const Runner &runner)
{
    const EventRecord &record = runner.record();
    QJsonArray nodes;
    for (const TaskNode &node : record.nodes())
        nodes.append(nodeJson(node));
    QJsonArray events;
    for (const TaskEvent &event : record.events())
        events.append(eventJson(event));
    const QJsonObject file{
        {QLatin1String(versionKey), version},
        // The scenario file's own text: its numbers as written (`10.0` stays a float), and
        // `jq -r .scenario RUN.json` gives the scenario back.
        {QStringLiteral("scenario"), QString::fromUtf8(writeScenario(runner.scenario()))},
        // A string: JSON's numbers hold 53 bits, a seed 64.
        {QStringLiteral("seed"), QString::number(runner.seed())},
        // After the version (QJsonObject sorts its keys): a file cut short still says it is a
        // run file.
        {QStringLiteral("record"),
         QJsonObject{{QStringLiteral("nodes"), nodes}, {QStringLiteral("events"), events}}},
    };
    return QJsonDocument(file).toJson(QJsonDocument::Compact) + '\n';
}

bool isRunFile(const QByteArray &json)
{
    // A run file says so first (QJsonObject writes its keys sorted, the version before the
    // rest): told without parsing, also when cut short.
    const auto afterSpace = [&json](qsizetype at) {
        while (at < json.size() && QChar::isSpace(uchar(json[at])))
            ++at;
        return at;
    };
    const qsizetype brace = afterSpace(0);
    if (brace >= json.size() || json[brace] != '{')
        return false;
    const QByteArray key = QByteArray("\"") + versionKey + '"';
    return json.mid(afterSpace(brace + 1)).startsWith(key);
}

std::variant<std::unique_ptr<Runner>, LoadError> read(const QByteArray &json, const QString &source)
{
    const Reader reader(source);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return reader.error({}, QStringLiteral("damaged: not a JSON object (%1)")
                                    .arg(parseError.error != QJsonParseError::NoError
                                             ? parseError.errorString()
                                             : QStringLiteral("some other JSON")));
    const QJsonObject file = document.object();
    const QJsonValue fileVersion = file.value(QLatin1String(versionKey));
    if (fileVersion.isUndefined())
        return reader.error(
            {}, QStringLiteral("not a run file (no \"%1\")").arg(QLatin1String(versionKey)));
    if (fileVersion.toDouble(-1) != version)
        return reader.error(QLatin1String(versionKey),
                            QStringLiteral("a run file of version %1; this Gatherscope reads "
                                           "version %2")
                                .arg(fileVersion.isDouble()
                                         ? QString::number(fileVersion.toDouble())
                                         : QStringLiteral("unknown"))
                                .arg(version));

    const QJsonValue scenarioText = file.value(QStringLiteral("scenario"));
    if (!scenarioText.isString())
        return reader.error(QStringLiteral("scenario"),
                            QStringLiteral("expected the text of a scenario file"));
    auto scenario = readScenario(scenarioText.toString().toUtf8(), source);
    if (auto *error = std::get_if<LoadError>(&scenario)) {
        error->place =
            QStringLiteral("scenario") + (error->place.isEmpty() ? QString() : u'.' + error->place);
        error->line = error->column = 0;
        return std::move(*error);
    }
    bool seedRead = false;
    const qulonglong seed = file.value(QStringLiteral("seed")).toString().toULongLong(&seedRead);
    if (!seedRead)
        return reader.error(QStringLiteral("seed"),
                            QStringLiteral("expected a whole number from 0 to 2**64-1, "
                                           "as a string"));

    // The record must be the one this scenario and seed make: the same tree, the same sleeps.
    RunOptions options;
    options.seed = seed;
    auto runner = std::make_unique<Runner>(std::get<Scenario>(std::move(scenario)), options);
    const auto &expected = runner->record().nodes();
    const QJsonObject record = file.value(QStringLiteral("record")).toObject();
    const QJsonArray nodes = record.value(QStringLiteral("nodes")).toArray();
    if (!record.value(QStringLiteral("nodes")).isArray() ||
        nodes.size() != qsizetype(expected.size()))
        return reader.error(QStringLiteral("record.nodes"),
                            QStringLiteral("expected the %1 nodes of the scenario's task tree")
                                .arg(expected.size()));
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (nodes[i].toObject() != nodeJson(expected[std::size_t(i)]))
            return reader.error(QStringLiteral("record.nodes[%1]").arg(i),
                                QStringLiteral("not the task the scenario and seed make: the "
                                               "record is not this scenario's"));
    }

    const QJsonValue eventsJson = record.value(QStringLiteral("events"));
    if (!eventsJson.isArray())
        return reader.error(QStringLiteral("record.events"),
                            QStringLiteral("expected a list of events"));
    std::vector<TaskEvent> events;
    ScenarioTime after(0);
    const QJsonArray eventList = eventsJson.toArray();
    events.reserve(std::size_t(eventList.size()));
    for (qsizetype i = 0; i < eventList.size(); ++i) {
        auto event = reader.event(eventList[i], int(i), int(expected.size()), after);
        if (auto *error = std::get_if<LoadError>(&event))
            return std::move(*error);
        after = std::get<TaskEvent>(event).time;
        events.push_back(std::get<TaskEvent>(std::move(event)));
    }
    runner->restore(events);
    return runner;
}

bool isRunFileAt(const QString &path)
{
    // A regular file only: a pipe might never open. Its start is enough to tell.
    QFile file(path);
    return QFileInfo(path).isFile() && file.open(QIODevice::ReadOnly) && isRunFile(file.read(4096));
}

std::variant<std::unique_ptr<Runner>, LoadError> load(const QString &path)
{
    auto bytes = ScenarioLoader::readFile(path, maxFileBytes, QStringLiteral("run file"));
    if (auto *error = std::get_if<LoadError>(&bytes))
        return std::move(*error);
    return read(std::get<QByteArray>(bytes), ScenarioLoader::sourceName(path));
}

QString save(const Runner &runner, const QString &path)
{
    return writeFileAtomically(path, write(runner));
}

} // namespace Gatherscope::RunFile
