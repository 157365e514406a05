// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Scenario files: every bundled one loads and round-trips; every broken one gets a clear error.

#include "fulldisk.h"
#include "scenarioloader.h"
#include "scenariorules.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

const QString dataDir = QStringLiteral(TEST_DATA_DIR);

//! A scenario whose file is just under QSaveFile's 16 KiB buffer: written only by commit().
Scenario largeScenario()
{
    Scenario scenario;
    scenario.title = u"Large"_s;
    while (ScenarioLoader::toJson(scenario).size() < 15900)
        scenario.tasks.push_back(
            TaskSpec::sayHello(u"Student %1"_s.arg(scenario.tasks.size()), SleepSpec::fixed(1.5)));
    return scenario;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

//! A string made to break a writer: quotes, backslashes, control characters, NUL, the old
//! in-band float marker, characters outside the BMP.
QString nastyString(QRandomGenerator &random)
{
    static const QStringList pieces = {
        u"a"_s,  u"\""_s,           u"\\"_s, u"\u0001"_s, u"float:"_s,         u"\u0001float:1"_s,
        u"\n"_s, QString(QChar(0)), u"é"_s,  u"😀"_s,      u", \"sleep\": 0"_s, u"1e5"_s,
        u"}"_s,  u"\u001b[31m"_s,   u" "_s};
    QString text;
    for (int i = random.bounded(6); i > 0; --i)
        text += pieces[random.bounded(int(pieces.size()))];
    return text;
}

PyValue randomNumber(QRandomGenerator &random)
{
    switch (random.bounded(6)) {
    case 0:
        return PyValue::integer(qint64(random.generate64()));
    case 1:
        return PyValue::integer(random.bounded(-5, 5));
    case 2: { // any finite double, subnormals included
        double d = 0;
        do {
            const quint64 bits = random.generate64();
            std::memcpy(&d, &bits, sizeof d);
        } while (!std::isfinite(d));
        return PyValue::floating(d);
    }
    case 3:
        return PyValue::floating(random.bounded(2) ? -0.0 : 0.5);
    case 4:
        return PyValue::floating(random.bounded(2) ? std::numeric_limits<double>::infinity()
                                                   : -std::numeric_limits<double>::infinity());
    default:
        return PyValue::floating(random.bounded(1000) / 8.0);
    }
}

std::optional<double> randomSeconds(QRandomGenerator &random)
{
    switch (random.bounded(4)) {
    case 0:
        return std::nullopt;
    case 1:
        return random.bounded(1e6);
    case 2:
        return 1e-9;
    default:
        return double(random.bounded(5));
    }
}

std::vector<TaskSpec> randomTasks(QRandomGenerator &random, int depth)
{
    std::vector<TaskSpec> tasks;
    for (int i = random.bounded(4); i > 0; --i) {
        TaskSpec task;
        switch (random.bounded(depth < 4 ? 3 : 2)) {
        case 0:
            task = TaskSpec::sayHello(nastyString(random));
            break;
        case 1:
            task = TaskSpec::divide(randomNumber(random), randomNumber(random));
            break;
        default:
            task = TaskSpec::gather(randomTasks(random, depth + 1), random.bounded(2) == 1);
        }
        if (task.kind != TaskSpec::Kind::Gather)
            task.sleep = random.bounded(2)
                             ? SleepSpec::random(random.bounded(3), 3 + random.bounded(3))
                             : SleepSpec::fixed(randomSeconds(random).value_or(0));
        if (random.bounded(2))
            task.label = nastyString(random);
        task.cancelAfter = randomSeconds(random);
        tasks.push_back(std::move(task));
    }
    return tasks;
}

Scenario randomScenario(QRandomGenerator &random)
{
    Scenario scenario;
    scenario.title = nastyString(random);
    scenario.description = nastyString(random);
    scenario.returnExceptions = random.bounded(2) == 1;
    scenario.report = random.bounded(2) ? ReportStyle::List : ReportStyle::Each;
    if (random.bounded(2))
        scenario.seed = random.generate64() >> 1;
    scenario.cancelAfter = randomSeconds(random);
    scenario.tasks = randomTasks(random, 0);
    return scenario;
}

Scenario loaded(const ScenarioLoader::Result &result)
{
    if (const auto *error = std::get_if<LoadError>(&result))
        qFatal("unexpected load error: %s", qPrintable(error->toString()));
    return std::get<Scenario>(result);
}

} // namespace

class ScenarioLoaderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledScenariosLoadAndRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        const auto names = ScenarioLoader::bundledNames();
        QVERIFY(names.size() >= 7);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }
    void bundledScenariosLoadAndRoundTrip()
    {
        QFETCH(QString, name);
        const Scenario scenario = loaded(ScenarioLoader::load(name));
        QVERIFY(!scenario.title.isEmpty());
        QVERIFY(!scenario.description.isEmpty());
        const Scenario again =
            loaded(ScenarioLoader::parse(ScenarioLoader::toJson(scenario), name));
        QVERIFY(again == scenario);
        // Saved, a bundled file reads as it was written by hand: keys in documented order,
        // one line per task.
        QFile file(ScenarioLoader::bundledPath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(ScenarioLoader::toJson(scenario)),
                 QString::fromUtf8(file.readAll()));
    }

    void theBasicExampleReadsAsWritten()
    {
        const Scenario basic = loaded(ScenarioLoader::load(u"basic"_s));
        QCOMPARE(basic.title, u"Basic example"_s);
        QCOMPARE(basic.returnExceptions, false);
        QVERIFY(basic.report == ReportStyle::List);
        QCOMPARE(basic.tasks.size(), std::size_t(2));
        QVERIFY(basic.tasks[0] == TaskSpec::sayHello(u"Mr. Turtle"_s, SleepSpec::fixed(1)));
        QCOMPARE(basic.tasks[1].displayName(), u"say_hello('Mr. Wolf')"_s);
    }

    void everyFieldRoundTrips()
    {
        QFile file(dataDir + u"/all-fields.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const Scenario scenario = loaded(ScenarioLoader::parse(json, u"all.json"_s));
        QCOMPARE(scenario.seed.value(), std::uint64_t(7));
        QCOMPARE(scenario.cancelAfter.value(), 2.5);
        const TaskSpec &divide = scenario.tasks[0];
        QVERIFY(divide.x.isFloat()); // 10.0 stays a float: Python prints "Dividing 10.0 by -0.0"
        QCOMPARE(divide.x.toFloat(), 10.0);
        QVERIFY(divide.y.isFloat() && std::signbit(divide.y.toFloat()));
        QCOMPARE(divide.displayName(), u"L"_s);
        QCOMPARE(scenario.tasks[1].sleep, SleepSpec::random(0, 4));
        QVERIFY(scenario.tasks[2].tasks[0].y.isInteger());

        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY(saved.contains("\"x\": 10.0"));
        QVERIFY(saved.contains("\"y\": -0.0"));
        QVERIFY(saved.contains("\"x\": 1e+16"));
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void aFailTaskRoundTrips()
    {
        const QByteArray json = R"({"title": "f", "tasks": [
            {"task": "fail", "exception": "KeyError", "message": "x"},
            {"task": "fail", "exception": "ValueError", "message": "", "sleep": 0.5}]})";
        const Scenario scenario = loaded(ScenarioLoader::parse(json, u"fail.json"_s));
        QVERIFY(scenario.tasks[0] == TaskSpec::fail(u"KeyError"_s, u"x"_s, SleepSpec::fixed(1)));
        QVERIFY(scenario.tasks[1] ==
                TaskSpec::fail(u"ValueError"_s, QString(), SleepSpec::fixed(0.5)));
        QCOMPARE(scenario.tasks[0].displayName(), u"fail(KeyError, 'x')"_s);
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY2(saved.contains(R"({"task": "fail", "exception": "KeyError", "message": "x", )"
                                R"("sleep": 1})"),
                 saved.constData());
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void aBlockingSleepRoundTrips()
    {
        const QByteArray json = R"({"title": "b", "tasks": [
            {"task": "blocking_sleep"},
            {"task": "blocking_sleep", "sleep": {"min": 1, "max": 3}, "label": "L"},
            {"task": "blocking_sleep", "sleep": 0.25}]})";
        const Scenario scenario = loaded(ScenarioLoader::parse(json, u"blocking.json"_s));
        QVERIFY(scenario.tasks[0] == TaskSpec::blockingSleep(SleepSpec::fixed(1)));
        QCOMPARE(scenario.tasks[1].sleep, SleepSpec::random(1, 3));
        QCOMPARE(scenario.tasks[0].displayName(), u"blocking_sleep(1)"_s);
        QCOMPARE(scenario.tasks[2].displayName(), u"blocking_sleep(0.25)"_s);
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY2(saved.contains(R"({"task": "blocking_sleep", "sleep": 0.25})"), saved.constData());
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void aComputeRoundTrips()
    {
        const QByteArray json = R"({"title": "c", "tasks": [
            {"task": "compute", "work": "sum_primes", "n": 100000},
            {"task": "compute", "work": "count_primes", "n": 0, "cost": {"min": 1, "max": 3}},
            {"task": "compute", "work": "sum_primes", "n": 10000000, "cost": 0.25, "label": "L"}]})";
        const Scenario scenario = loaded(ScenarioLoader::parse(json, u"compute.json"_s));
        QVERIFY(scenario.tasks[0] ==
                TaskSpec::compute(u"sum_primes"_s, 100000, SleepSpec::fixed(1)));
        QCOMPARE(scenario.tasks[1].sleep, SleepSpec::random(1, 3));
        QCOMPARE(scenario.tasks[0].displayName(), u"compute(sum_primes, 100000)"_s);
        QCOMPARE(scenario.tasks[1].displayName(), u"compute(count_primes, 0)"_s);
        QCOMPARE(scenario.tasks[2].size, 10000000);
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY2(saved.contains(R"({"task": "compute", "work": "sum_primes", "n": 100000, )"
                                R"("cost": 1})"),
                 saved.constData());
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void stringsThatLookLikeMarkersSurviveSaving()
    {
        // Once, floats were wrapped in marked strings: these broke the saved file or loaded as
        // numbers.
        Scenario scenario;
        scenario.title = u"a\"\u0001float:"_s;
        scenario.tasks = {TaskSpec::sayHello(u"a\"\u0001float:, \"sleep\": 0"_s),
                          TaskSpec::sayHello(u"\u0001float:1"_s)};
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
        const auto marker =
            ScenarioLoader::parse("{\"title\": \"m\", \"tasks\": [{\"task\": \"divide\", \"x\": "
                                  "\"\\u0001float:1.5\", \"y\": 1}]}",
                                  u"m.json"_s);
        QCOMPARE(std::get<LoadError>(marker).toString(),
                 u"m.json: tasks[0].x: expected a number, got the string \"\\x01float:1.5\""_s);
    }

    void aLeadingByteOrderMarkSurvivesSaving()
    {
        // Found by fuzz_scenario_reader: written raw, a U+FEFF starting a string was dropped
        // when the file was read back.
        Scenario scenario;
        scenario.title = u"\uFEFFa"_s;
        scenario.tasks = {TaskSpec::sayHello(u"\uFEFF"_s), TaskSpec::sayHello(u"b\uFEFF"_s)};
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY(saved.contains(R"("title": "\ufeffa")"));
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void numbersReadAsPythonsJsonReadsThem()
    {
        const Scenario scenario = loaded(ScenarioLoader::parse(
            R"({"title": "n", "tasks": [{"task": "divide", "x": 1e400, "y": -1E+400},
                {"task": "divide", "x": 1e-400, "y": -9223372036854775808},
                {"task": "divide", "x": 2.5e-324, "y": 9223372036854775807}]})",
            u"n.json"_s));
        QCOMPARE(scenario.tasks[0].x.toFloat(), std::numeric_limits<double>::infinity());
        QCOMPARE(scenario.tasks[0].y.toFloat(), -std::numeric_limits<double>::infinity());
        QVERIFY(scenario.tasks[1].x.isFloat() && scenario.tasks[1].x.toFloat() == 0.0);
        QCOMPARE(scenario.tasks[1].y.toInteger(), std::numeric_limits<qint64>::min());
        QCOMPARE(scenario.tasks[2].x.toFloat(), std::numeric_limits<double>::denorm_min());
        QCOMPARE(scenario.tasks[2].y.toInteger(), std::numeric_limits<qint64>::max());
        const QByteArray saved = ScenarioLoader::toJson(scenario);
        QVERIFY(saved.contains("\"x\": 1e400, \"y\": -1e400"));
        QVERIFY(saved.contains("\"x\": 5e-324"));
        QVERIFY(loaded(ScenarioLoader::parse(saved, u"saved.json"_s)) == scenario);
    }

    void everyScenarioSavedAndLoadedIsTheSame()
    {
        // Property: for scenarios built to break a writer, and for every mutation of a bundled
        // file that still loads, load(save(s)) == s.
        QRandomGenerator random(2026);
        for (int round = 0; round < 500; ++round) {
            const Scenario scenario = randomScenario(random);
            const QByteArray saved = ScenarioLoader::toJson(scenario);
            const auto again = ScenarioLoader::parse(saved, u"saved.json"_s);
            if (const auto *error = std::get_if<LoadError>(&again))
                QFAIL(qPrintable(error->toString() + u"\n"_s + QString::fromUtf8(saved)));
            QVERIFY2(std::get<Scenario>(again) == scenario, saved.constData());
            QCOMPARE(ScenarioLoader::toJson(std::get<Scenario>(again)), saved);
        }
    }

    void brokenFilesGetClearErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QFile table(dataDir + u"/broken-errors.tsv"_s);
        QVERIFY(table.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!table.atEnd()) {
            const QStringList fields = QString::fromUtf8(table.readLine()).chopped(1).split(u'\t');
            QTest::newRow(qPrintable(fields[0])) << fields[0] << fields[1];
            ++rows;
        }
        QVERIFY2(rows >= 30, "the corpus must hold at least 30 broken files");
        // Every file in the folder has its expected error in the table.
        QCOMPARE(QDir(dataDir + u"/broken"_s).entryList(QDir::Files).size(), rows);
    }
    void aKeyGivenTwiceIsFoundAmongManyAndEscaped_data()
    {
        QTest::addColumn<int>("keys");
        QTest::addColumn<QByteArray>("again");
        QTest::addColumn<QString>("message");
        // Up to 16 keys an object is scanned key by key, past them looked up in a hash: a
        // repeat is found either way, written plainly or with an escape.
        QTest::newRow("few, plain") << 5 << QByteArray(R"("k3")") << u"\"k3\" given twice"_s;
        QTest::newRow("few, escaped") << 5 << QByteArray(R"("k\u0033")") << u"\"k3\" given twice"_s;
        QTest::newRow("many, plain") << 40 << QByteArray(R"("k3")") << u"\"k3\" given twice"_s;
        QTest::newRow("many, escaped")
            << 40 << QByteArray(R"("\u006b39")") << u"\"k39\" given twice"_s;
        QTest::newRow("exactly sixteen, the last again")
            << 16 << QByteArray(R"("k15")") << u"\"k15\" given twice"_s;
    }
    void aKeyGivenTwiceIsFoundAmongManyAndEscaped()
    {
        QFETCH(int, keys);
        QFETCH(QByteArray, again);
        QFETCH(QString, message);
        QByteArray task = R"({"task": "say_hello")";
        for (int k = 0; k < keys; ++k)
            task += ", \"k" + QByteArray::number(k) + "\": " + QByteArray::number(k);
        task += ", " + again + ": 1}";
        const QByteArray json =
            R"({"title": "t", "tasks": [{"task": "gather", "tasks": [)" + task + "]}]}";
        const auto result = ScenarioLoader::parse(json, u"many.json"_s);
        QVERIFY(std::holds_alternative<LoadError>(result));
        QCOMPARE(std::get<LoadError>(result).toString(),
                 u"many.json: tasks[0].tasks[0]: "_s + message);
    }

    void brokenFilesGetClearErrors()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFile input(dataDir + u"/broken/"_s + file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const auto result = ScenarioLoader::parse(input.readAll(), file);
        QVERIFY(std::holds_alternative<LoadError>(result));
        QCOMPARE(std::get<LoadError>(result).toString(), expected);
    }

    // Each limit the README lists, exactly at the limit (loads) and one past it (refused, with
    // the message the README quotes).
    void limitsHoldAtTheLimitAndOnePast_data()
    {
        QTest::addColumn<QByteArray>("atLimit");
        QTest::addColumn<QByteArray>("pastLimit");
        QTest::addColumn<QString>("error");

        const auto scenario = [](const QByteArray &tasks,
                                 const QByteArray &title = "t") -> QByteArray {
            return "{\"title\": \"" + title + "\", \"tasks\": [" + tasks + "]}";
        };
        const auto nested = [&](int levels) -> QByteArray {
            QByteArray tasks;
            for (int i = 0; i < levels; ++i)
                tasks += "{\"task\": \"gather\", \"tasks\": [";
            return scenario(tasks + QByteArray(std::size_t(levels) * 2, ']').replace("]]", "]}"));
        };
        QString deepPlace = u"tasks[0]"_s;
        for (int i = 1; i <= ScenarioRules::maxNesting; ++i)
            deepPlace += u".tasks[0]"_s;
        QTest::newRow("nesting") << nested(ScenarioRules::maxNesting)
                                 << nested(ScenarioRules::maxNesting + 1)
                                 << u"t.json: "_s + deepPlace +
                                        u": gathers are nested too deeply (at most 64 levels)"_s;

        const auto sleeping = [&](const QByteArray &seconds) -> QByteArray {
            return scenario("{\"task\": \"say_hello\", \"name\": \"a\", \"sleep\": " + seconds +
                            "}");
        };
        QTest::newRow("seconds") << sleeping("1000000") << sleeping("1000000.000001")
                                 << u"t.json: tasks[0].sleep: 1000000.000001 seconds is too long "
                                    "(at most 1000000)"_s;

        // Characters, not UTF-16 units: 10,000 of U+1F600 (two units each) still fit.
        const QByteArray grin = "\xF0\x9F\x98\x80";
        QTest::newRow("title length")
            << scenario({}, grin.repeated(ScenarioRules::maxTextLength))
            << scenario({}, grin.repeated(ScenarioRules::maxTextLength + 1))
            << u"t.json: title: text too long (10001 characters; at most 10000)"_s;
        const auto named = [&](qsizetype length) -> QByteArray {
            return scenario("{\"task\": \"say_hello\", \"name\": \"" + QByteArray(length, 'n') +
                            "\"}");
        };
        QTest::newRow("name length")
            << named(ScenarioRules::maxTextLength) << named(ScenarioRules::maxTextLength + 1)
            << u"t.json: tasks[0].name: text too long (10001 characters; at most 10000)"_s;

        const QByteArray gather = "{\"task\": \"gather\", \"tasks\": []},";
        const auto many = [&](int count) {
            QByteArray tasks = gather.repeated(count);
            tasks.chop(1);
            return scenario(tasks);
        };
        QTest::newRow("tasks") << many(ScenarioRules::maxTasks) << many(ScenarioRules::maxTasks + 1)
                               << u"t.json: tasks[1000000]: too many tasks (at most 1000000 in a "
                                  "scenario)"_s;
    }

    void limitsHoldAtTheLimitAndOnePast()
    {
        QFETCH(QByteArray, atLimit);
        QFETCH(QByteArray, pastLimit);
        QFETCH(QString, error);
        const auto accepted = ScenarioLoader::parse(atLimit, u"t.json"_s);
        if (const auto *error = std::get_if<LoadError>(&accepted))
            QFAIL(qPrintable(error->toString()));
        const auto refused = ScenarioLoader::parse(pastLimit, u"t.json"_s);
        QVERIFY(std::holds_alternative<LoadError>(refused));
        QCOMPARE(std::get<LoadError>(refused).toString(), error);
    }

    void syntaxErrorsGiveLineAndColumn()
    {
        const auto result =
            ScenarioLoader::parse("{\n  \"title\": \"x\",\n  \"tasks\" []\n}", u"f.json"_s);
        const auto &error = std::get<LoadError>(result);
        QCOMPARE(error.line, 3);
        QCOMPARE(error.column, 12); // where the parser stopped: just past the '['
        QCOMPARE(error.toString(), u"f.json:3:12: JSON syntax error: missing name separator"_s);
    }

    void missingFilesAndFoldersAreErrors()
    {
        const auto missing = ScenarioLoader::load(u"/no/such/scenario.json"_s);
        QVERIFY(std::get<LoadError>(missing).toString().startsWith(
            u"/no/such/scenario.json: no such file, and no bundled scenario of that name (bundled: "_s));
        const auto folder = ScenarioLoader::load(dataDir);
        QCOMPARE(std::get<LoadError>(folder).message, u"is a folder, not a scenario file"_s);
    }

    void arbitraryBytesNeverCrash()
    {
        QFile file(u":/scenarios/classroom.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        QRandomGenerator random(12345);
        int errors = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = original;
            const int edits = 1 + random.bounded(8);
            for (int e = 0; e < edits; ++e) {
                const int at = random.bounded(int(bytes.size()));
                switch (random.bounded(3)) {
                case 0:
                    bytes[at] = char(random.bounded(256));
                    break;
                case 1:
                    bytes.remove(at, 1 + random.bounded(20));
                    break;
                default:
                    bytes.insert(at, char(random.bounded(256)));
                }
            }
            const auto result = ScenarioLoader::parse(bytes, u"fuzz.json"_s);
            if (const auto *error = std::get_if<LoadError>(&result)) {
                QVERIFY(!error->message.isEmpty());
                QVERIFY(!error->toString().contains(u'\n')); // one line, whatever the input
                ++errors;
            } else { // what loads, saves and loads back the same
                const Scenario &scenario = std::get<Scenario>(result);
                QVERIFY(loaded(ScenarioLoader::parse(ScenarioLoader::toJson(scenario),
                                                     u"saved.json"_s)) == scenario);
            }
        }
        QVERIFY(errors > 1000); // most mutations break the file, and each says why
    }

    void aFullDiskNeverDamagesTheSavedFile_data()
    {
        QTest::addColumn<bool>("large");
        QTest::addColumn<int>("writableBytes");
        QTest::newRow("small file, nothing free") << false << 0;
        QTest::newRow("small file, 100 bytes free") << false << 100;
        QTest::newRow("15.9 KB file, nothing free") << true << 0;
        QTest::newRow("15.9 KB file, 4 KiB free") << true << 4096;
    }
    void aFullDiskNeverDamagesTheSavedFile()
    {
        QFETCH(bool, large);
        QFETCH(int, writableBytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"classroom.json"_s);
        QCOMPARE(ScenarioLoader::save(loaded(ScenarioLoader::load(u"classroom"_s)), path),
                 QString());
        const QByteArray before = contents(path);
        const Scenario changed = large ? largeScenario() : loaded(ScenarioLoader::load(u"basic"_s));
        QString error;
        {
            const GatherscopeTest::FileSizeLimit full{rlim_t(writableBytes)};
            error = ScenarioLoader::save(changed, path);
        }
        QVERIFY2(error.startsWith(path + u": cannot be written: File too large"_s),
                 qPrintable(error));
        QCOMPARE(contents(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"classroom.json"_s});
    }

    void aRealFullDiskNeverDamagesTheSavedFile()
    {
        GatherscopeTest::SmallDisk disk(256 * 1024);
        if (!disk.isMounted())
            QSKIP("cannot mount a tmpfs here (needs root outside a restricted container)");
        const QString path = disk.filePath(u"classroom.json"_s);
        QCOMPARE(ScenarioLoader::save(loaded(ScenarioLoader::load(u"classroom"_s)), path),
                 QString());
        const QByteArray before = contents(path);
        QVERIFY(disk.fillLeaving(4096));
        const QString error = ScenarioLoader::save(largeScenario(), path);
        QVERIFY2(error.startsWith(path + u": cannot be written: No space left on device"_s),
                 qPrintable(error));
        QCOMPARE(contents(path), before);
    }

    void savingIsAtomicAndReadsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"saved.json"_s);
        const Scenario advanced = loaded(ScenarioLoader::load(u"advanced"_s));
        QCOMPARE(ScenarioLoader::save(advanced, path), QString());
        QVERIFY(loaded(ScenarioLoader::load(path)) == advanced);
        // Only the file itself: QSaveFile left no temporary behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"saved.json"_s});

        const QString impossible = dir.filePath(u"missing-folder/saved.json"_s);
        const QString error = ScenarioLoader::save(advanced, impossible);
        QVERIFY(error.startsWith(impossible + u": cannot be written: "_s));
        QVERIFY(!QFile::exists(impossible));
    }
};

QTEST_GUILESS_MAIN(ScenarioLoaderTest)
#include "tst_scenarioloader.moc"
