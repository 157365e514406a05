// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// Run files: a finished run read back is the run that was saved, event for event; a damaged
// file, one of another version or one whose record is not its scenario's is refused with its
// place.

#include "runfile.h"
#include "scenariofixtures.h"
#include "scenarioloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Gatherscope;
using namespace GatherscopeTest;
using namespace Qt::StringLiterals;

namespace {

//! \a scenario run to its end on the virtual clock, with \a seed.
std::unique_ptr<Runner> finishedRun(const Scenario &scenario, std::uint64_t seed = 7)
{
    RunOptions options;
    options.seed = seed;
    auto runner = std::make_unique<Runner>(scenario, options);
    QSignalSpy finished(runner.get(), &Runner::finished);
    runner->start();
    if (!finished.wait(10000))
        qFatal("the run did not finish");
    return runner;
}

//! The message \a json is refused with, as the command line prints it.
QString refusal(const QByteArray &json)
{
    auto read = RunFile::read(json, u"run.json"_s);
    if (std::holds_alternative<std::unique_ptr<Runner>>(read))
        return u"(read)"_s;
    return std::get<LoadError>(read).toString();
}

//! A saved run of the bundled `basic`, its JSON changed by \a change.
template<typename Change>
QByteArray changedBasic(Change change)
{
    QJsonObject file =
        QJsonDocument::fromJson(RunFile::write(*finishedRun(bundledScenario(u"basic"_s)))).object();
    change(file);
    return QJsonDocument(file).toJson();
}

} // namespace

class RunFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aSavedRunReadsBackEventForEvent_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : ScenarioLoader::bundledNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void aSavedRunReadsBackEventForEvent()
    {
        QFETCH(QString, name);
        const auto saved = finishedRun(bundledScenario(name));
        auto read = RunFile::read(RunFile::write(*saved), u"run.json"_s);
        if (const auto *error = std::get_if<LoadError>(&read))
            QFAIL(qPrintable(error->toString()));
        const auto &again = std::get<std::unique_ptr<Runner>>(read);
        QCOMPARE(again->state(), Runner::State::Finished);
        QVERIFY(again->scenario() == saved->scenario());
        QCOMPARE(again->seed(), saved->seed());
        QCOMPARE(again->gatherRaised(), saved->gatherRaised());
        QVERIFY(again->record().nodes() == saved->record().nodes());
        QCOMPARE(again->record().events().size(), saved->record().events().size());
        QVERIFY(again->record().events() == saved->record().events());
    }

    void randomSleepsAndEveryKindOfValueSurvive()
    {
        // Random sleeps (the nodes are checked against the seed), floats that must stay floats,
        // a nested gather's list with an exception in it, a seed above 2**53.
        const Scenario scenario = scenarioFromJson(
            "{\"title\": \"Mixed\", \"return_exceptions\": true, \"tasks\": ["
            "{\"task\": \"divide\", \"x\": 10.0, \"y\": 4, \"sleep\": {\"min\": 1, \"max\": 3}},"
            "{\"task\": \"gather\", \"return_exceptions\": true, \"tasks\": ["
            "{\"task\": \"divide\", \"x\": 1, \"y\": 0, \"sleep\": 1},"
            "{\"task\": \"say_hello\", \"name\": \"Ada\", \"sleep\": {\"min\": 1, \"max\": "
            "5}}]}]}");
        const auto saved = finishedRun(scenario, 18446744073709551557ULL);
        auto read = RunFile::read(RunFile::write(*saved), u"run.json"_s);
        QVERIFY(std::holds_alternative<std::unique_ptr<Runner>>(read));
        const auto &again = std::get<std::unique_ptr<Runner>>(read);
        QCOMPARE(again->seed(), 18446744073709551557ULL);
        QVERIFY(again->record().events() == saved->record().events());
        QVERIFY(again->record().events().back().value.toList()[0].isFloat());
    }

    void aSavedRunIsWrittenAtomicallyAndLoadedByPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"basic-run.json"_s);
        const auto saved = finishedRun(bundledScenario(u"basic"_s));
        QCOMPARE(RunFile::save(*saved, path), QString());
        auto loaded = RunFile::load(path);
        QVERIFY(std::holds_alternative<std::unique_ptr<Runner>>(loaded));
        QVERIFY(std::get<std::unique_ptr<Runner>>(loaded)->record().events() ==
                saved->record().events());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(RunFile::isRunFile(bytes));
        QVERIFY(!RunFile::isRunFile(ScenarioLoader::toJson(bundledScenario(u"basic"_s))));
        // The scenario inside is the scenario file's own text.
        QCOMPARE(QJsonDocument::fromJson(bytes).object().value(u"scenario"_s).toString().toUtf8(),
                 ScenarioLoader::toJson(saved->scenario()));
        QCOMPARE(std::get<LoadError>(RunFile::load(dir.filePath(u"none.json"_s))).message.left(13),
                 u"no such file,"_s);
    }

    void aDamagedFileIsRefusedWithItsPlace()
    {
        const QByteArray whole = RunFile::write(*finishedRun(bundledScenario(u"basic"_s)));
        QCOMPARE(refusal(whole.left(whole.size() / 2)),
                 u"run.json: damaged: not a JSON object (unterminated string)"_s);
        QCOMPARE(refusal("[1, 2]"), u"run.json: damaged: not a JSON object (some other JSON)"_s);
        QCOMPARE(refusal(ScenarioLoader::toJson(bundledScenario(u"basic"_s))),
                 u"run.json: not a run file (no \"gatherscope_run\")"_s);
        QCOMPARE(refusal(changedBasic([](QJsonObject &file) { file[u"gatherscope_run"_s] = 2; })),
                 u"run.json: gatherscope_run: a run file of version 2; this Gatherscope reads "
                 "version 1"_s);
        QCOMPARE(refusal(changedBasic([](QJsonObject &file) { file[u"seed"_s] = 8; })),
                 u"run.json: seed: expected a whole number from 0 to 2**64-1, as a string"_s);
        QCOMPARE(refusal(changedBasic([](QJsonObject &file) {
                     file[u"scenario"_s] =
                         u"{\"title\": \"T\", \"tasks\": [{\"task\": \"divide\"}]}"_s;
                 })),
                 // x before y: the reader reads a task's values in a fixed order.
                 u"run.json: scenario.tasks[0]: missing key \"x\" (a number)"_s);
        QCOMPARE(
            refusal(changedBasic([](QJsonObject &file) {
                QJsonObject record = file[u"record"_s].toObject();
                QJsonArray nodes = record[u"nodes"_s].toArray();
                QJsonObject first = nodes[1].toObject();
                first[u"planned_sleep"_s] = u"3.0"_s;
                nodes[1] = first;
                record[u"nodes"_s] = nodes;
                file[u"record"_s] = record;
            })),
            u"run.json: record.nodes[1]: not the task the scenario and seed make: the record is "
            "not this scenario's"_s);
        const auto changedEvent = [](int index, const QString &key, const QJsonValue &value) {
            return changedBasic([&](QJsonObject &file) {
                QJsonObject record = file[u"record"_s].toObject();
                QJsonArray events = record[u"events"_s].toArray();
                QJsonObject event = events[index].toObject();
                event[key] = value;
                events[index] = event;
                record[u"events"_s] = events;
                file[u"record"_s] = record;
            });
        };
        QCOMPARE(refusal(changedEvent(3, u"node"_s, 9)),
                 u"run.json: record.events[3].node: no such node (the run has 3)"_s);
        QCOMPARE(refusal(changedEvent(3, u"kind"_s, u"exploded"_s)),
                 u"run.json: record.events[3].kind: unknown kind \"exploded\""_s);
        QCOMPARE(refusal(changedEvent(9, u"t"_s, 0)),
                 u"run.json: record.events[9].t: earlier than the event before"_s);
        QCOMPARE(refusal(changedEvent(9, u"value"_s, QJsonObject{{u"int"_s, u"five"_s}})),
                 u"run.json: record.events[9].value: expected a value: {\"int\"|\"float\"|\"str\"|"
                 "\"list\"|\"exception\": …}"_s);
        QCOMPARE(refusal(changedEvent(0, u"vaule"_s, 1)),
                 u"run.json: record.events[0]: unknown key \"vaule\""_s);
        QCOMPARE(refusal(changedEvent(13, u"value"_s, QJsonObject{{u"int"_s, u"5"_s}})),
                 u"run.json: record.events[13].value: a gather returns a list: expected "
                 "{\"list\": […]}"_s);
        QCOMPARE(refusal(changedEvent(0, u"t"_s, 0.5)),
                 u"run.json: record.events[0]: expected an event: {\"t\", \"node\", \"kind\"}"_s);
    }
};

QTEST_GUILESS_MAIN(RunFileTest)
#include "tst_runfile.moc"
