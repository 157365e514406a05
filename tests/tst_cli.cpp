// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

// The headless command line, as a user runs it: exact stdout, stderr and exit status.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "atomicfile.h"
#include "consolelines.h"
#include "fulldisk.h"
#include "pythontwin.h"
#include "runner.h"
#include "scenarioloader.h"

#include <QRandomGenerator>
#include <QSignalSpy>

#include <csignal>
#include <functional>
#include <limits>
#include <sys/stat.h>

using namespace Gatherscope;
using namespace Qt::StringLiterals;

namespace {

const QString dataDir = QStringLiteral(TEST_DATA_DIR);
const QString sourceDir = QStringLiteral(GATHERSCOPE_SOURCE_DIR);

struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

//! Runs gatherscope; \a setup may redirect its output or limit it before it starts.
Result run(const QStringList &arguments, const std::function<void(QProcess &)> &setup = {})
{
    QProcess process;
    // A runtime directory of its own, as a desktop session gives: without one, Qt warns on
    // stderr before the program says a word.
    static const QTemporaryDir runtimeDir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_RUNTIME_DIR"_s, runtimeDir.path());
    process.setProcessEnvironment(environment);
    if (setup)
        setup(process);
    process.start(QStringLiteral(GATHERSCOPE_BINARY), arguments);
    if (!process.waitForFinished(30000))
        qFatal("gatherscope did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

//! Why the asyncio comparison cannot run here; empty when it can. Python 3.11 is the
//! reference (Debian 12's); other versions print some reprs otherwise.
QString missingPython311()
{
    static const QByteArray version = [] {
        QProcess python;
        python.start(u"python3"_s, {u"-c"_s, u"import sys; print(sys.version_info[:2])"_s});
        return python.waitForFinished(30000) ? python.readAllStandardOutput().trimmed()
                                             : QByteArray();
    }();
    return version == "(3, 11)" ? QString()
                                : u"needs python3 3.11, found "_s + QString::fromUtf8(version);
}

double pick(QRandomGenerator &random, std::initializer_list<double> choices)
{
    return std::data(choices)[random.bounded(int(choices.size()))];
}

std::optional<double> maybeCancelAfter(QRandomGenerator &random)
{
    if (random.bounded(10) >= 3)
        return std::nullopt;
    return pick(random, {0, 1e-9, 0.5, 1, 2});
}

//! Which kinds of task a random scenario draws: the first corpus's, or every kind (a corpus
//! of its own, so that the first one stays as it was drawn).
enum class Kinds { Article, All };

TaskSpec randomFail(QRandomGenerator &random, SleepSpec sleep)
{
    static const QString types[] = {u"ValueError"_s, u"KeyError"_s, u"RuntimeError"_s,
                                    u"TimeoutError"_s};
    static const QString messages[] = {u"x"_s, QString(), u"it's"_s};
    return TaskSpec::fail(types[random.bounded(4)], messages[random.bounded(3)], sleep);
}

std::vector<TaskSpec> randomTasks(QRandomGenerator &random, int depth, Kinds kinds)
{
    std::vector<TaskSpec> tasks;
    for (int i = random.bounded(depth == 1 ? 5 : 4); i > 0; --i) {
        TaskSpec task;
        const auto sleep = [&] { return SleepSpec::fixed(pick(random, {0, 1e-9, 0.5, 1, 1, 2})); };
        const int leafKinds = kinds == Kinds::All ? 5 : 2;
        const int kind = random.bounded(depth < 4 ? leafKinds + 1 : leafKinds);
        switch (kind == leafKinds ? -1 : kind) {
        case 2:
            task = randomFail(random, sleep());
            break;
        case 3:
            task = TaskSpec::blockingSleep(sleep());
            break;
        case 4: // small sizes: the corner cases of the sieve, and a quick run
            task = TaskSpec::compute(random.bounded(2) ? u"sum_primes"_s : u"count_primes"_s,
                                     std::int64_t(pick(random, {0, 1, 2, 3, 100, 1000})), sleep());
            break;
        case 0:
            task = TaskSpec::sayHello(QString(QChar(u'A' + random.bounded(8))), sleep());
            break;
        case 1:
            task = TaskSpec::divide(PyValue::integer(1 + random.bounded(3)),
                                    PyValue::integer(random.bounded(3)), sleep());
            break;
        default:
            task = TaskSpec::gather(randomTasks(random, depth + 1, kinds), random.bounded(2) == 1);
        }
        task.cancelAfter = maybeCancelAfter(random);
        tasks.push_back(std::move(task));
    }
    return tasks;
}

Scenario randomScenario(QRandomGenerator &random, Kinds kinds = Kinds::Article)
{
    Scenario scenario;
    scenario.title = u"random"_s;
    scenario.returnExceptions = random.bounded(2) == 1;
    scenario.report = random.bounded(2) ? ReportStyle::List : ReportStyle::Each;
    scenario.cancelAfter = maybeCancelAfter(random);
    scenario.tasks = randomTasks(random, 1, kinds);
    return scenario;
}

struct HeadlessResult {
    QString out;
    int status = 0; //!< 1 when the gather raised
};

//! What `gatherscope --headless --instant` prints for \a scenario, and its exit status, run
//! in this process.
HeadlessResult headlessRun(const Scenario &scenario)
{
    Runner runner(scenario, RunOptions{});
    HeadlessResult result;
    QObject::connect(&runner.record(), &EventRecord::eventRecorded, [&](const TaskEvent &event) {
        for (const QString &line : consoleLines(event, scenario.report))
            result.out += line + u'\n';
        if (event.node == 0 && event.kind == TaskEvent::Kind::GatherRaised)
            result.status = 1;
    });
    QSignalSpy finished(&runner, &Runner::finished);
    runner.start();
    if (!finished.wait(10000))
        qFatal("a random scenario did not finish");
    return result;
}

QString headlessOutput(const Scenario &scenario)
{
    return headlessRun(scenario).out;
}

//! \a scenario with about half of its sleeps drawn at random (whole seconds, as randint
//! draws them) and a seed: what the Python twin must draw as the runner does.
Scenario withRandomSleeps(Scenario scenario, QRandomGenerator &random)
{
    const std::function<void(std::vector<TaskSpec> &)> draw = [&](std::vector<TaskSpec> &tasks) {
        for (TaskSpec &task : tasks) {
            if (task.kind == TaskSpec::Kind::Gather) {
                draw(task.tasks);
            } else if (random.bounded(2) == 1) {
                const int low = random.bounded(3);
                task.sleep = SleepSpec::random(low, low + random.bounded(4));
            }
        }
    };
    draw(scenario.tasks);
    scenario.seed =
        random.bounded(3) == 0 ? std::numeric_limits<std::uint64_t>::max() : random.generate64();
    return scenario;
}

QByteArray expectedOutput(const QString &name)
{
    QFile file(dataDir + u"/expected/"_s + name + u".txt"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing expected output %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class CliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bundledScenariosPrintWhatPythonPrints_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("basic") << u"basic"_s << 0;
        QTest::newRow("advanced") << u"advanced"_s << 0;
        QTest::newRow("fail-fast") << u"fail-fast"_s << 1;
        QTest::newRow("nested") << u"nested"_s << 0;
        QTest::newRow("cancel") << u"cancel"_s << 0;
        QTest::newRow("cancel-all") << u"cancel-all"_s << 1;
        QTest::newRow("classroom") << u"classroom"_s << 0;
        QTest::newRow("blocking") << u"blocking"_s << 0;
        QTest::newRow("compute") << u"compute"_s << 0;
    }
    void bundledScenariosPrintWhatPythonPrints()
    {
        QFETCH(QString, name);
        QFETCH(int, exitCode);
        const Result result = run({u"--headless"_s, u"--instant"_s, name});
        QCOMPARE(result.out, expectedOutput(name)); // byte for byte
        QCOMPARE(result.err, QByteArray());
        QCOMPARE(result.exitCode, exitCode);
    }

    // Under the asan preset, every run of the program ends with LeakSanitizer's check, which
    // prints to stderr and fails the exit status: the bundled scenarios above, and 10,000 tasks
    // here (nested, failing, traced), must end with nothing left behind.
    void aTenThousandTaskScenarioRunsCleanly()
    {
        QTemporaryDir dir;
        QByteArray tasks;
        for (int i = 0; i < 9900; ++i)
            tasks += i % 10 == 0 ? QByteArray(R"({"task": "divide", "x": 1, "y": 0},)")
                                 : QByteArray(R"({"task": "say_hello", "name": "T", "sleep": 1},)");
        QByteArray inner =
            QByteArray(R"({"task": "divide", "x": 4, "y": 2, "sleep": 0},)").repeated(99);
        inner.chop(1);
        tasks += R"({"task": "gather", "tasks": [)" + inner + "]}";
        const QString scenario = dir.filePath(u"ten-thousand.json"_s);
        QCOMPARE(writeFileAtomically(scenario, R"({"title": "10k", "return_exceptions": true,
                                                   "report": "list", "tasks": [)" +
                                                   tasks + "]}"),
                 QString());
        const Result result = run({u"--headless"_s, u"--instant"_s, u"--trace"_s,
                                   dir.filePath(u"trace.json"_s), scenario});
        QCOMPARE(result.err, QByteArray());
        QCOMPARE(result.exitCode, 0);
        // Hello and Goodbye for 8,910 tasks, Dividing for 1,089, then the list.
        QCOMPARE(result.out.count('\n'), 2 * 8910 + 990 + 99 + 1);
    }

    void theSeedArticlesOutputBlocks()
    {
        // Verbatim from the article: the two programs' "Output:" blocks.
        QCOMPARE(run({u"--headless"_s, u"--instant"_s, u"basic"_s}).out,
                 QByteArray("Hello, Mr. Turtle!\nHello, Mr. Wolf!\nGoodbye, Mr. Turtle!\n"
                            "Goodbye, Mr. Wolf!\n['Mr. Turtle is done', 'Mr. Wolf is done']\n"));
        QCOMPARE(run({u"--headless"_s, u"--instant"_s, u"advanced"_s}).out,
                 QByteArray("Dividing 10 by 2\nDividing 20 by 0\nDividing 30 by 5\nResult: 5.0\n"
                            "Error: Cannot divide by zero\nResult: 6.0\n"));
    }

    void aFilePathWorksLikeABundledName()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"mine.json"_s);
        QVERIFY(QFile::copy(u":/scenarios/basic.json"_s, path) || [&] {
            QFile in(QFINDTESTDATA("../resources/scenarios/basic.json"));
            return in.copy(path);
        }());
        QCOMPARE(run({u"--headless"_s, u"--instant"_s, path}).out, expectedOutput(u"basic"_s));
    }

    void realTimeGivesTheSameOutput()
    {
        const Result result = run({u"--headless"_s, u"--speed"_s, u"40"_s, u"basic"_s});
        QCOMPARE(result.out, expectedOutput(u"basic"_s));
        QCOMPARE(result.exitCode, 0);
    }

    void returnExceptionsCanBeOverridden()
    {
        const Result failFast = run(
            {u"--headless"_s, u"--instant"_s, u"--return-exceptions"_s, u"false"_s, u"advanced"_s});
        QCOMPARE(failFast.out, expectedOutput(u"fail-fast"_s));
        QCOMPARE(failFast.exitCode, 1);
        const Result returned = run(
            {u"--headless"_s, u"--instant"_s, u"--return-exceptions"_s, u"true"_s, u"fail-fast"_s});
        QCOMPARE(returned.out, expectedOutput(u"advanced"_s));
        QCOMPARE(returned.exitCode, 0);
    }

    void seedsMakeRandomSleepsRepeatable()
    {
        const QStringList args{u"--headless"_s, u"--instant"_s, u"--seed"_s, u"7"_s,
                               u"classroom"_s};
        const Result first = run(args);
        QCOMPARE(run(args).out, first.out);
        QCOMPARE(first.err, QByteArray());                    // a given seed is not reported
        QVERIFY(first.out != expectedOutput(u"classroom"_s)); // seed 7 differs from the file's

        QTemporaryDir dir;
        QFile file(dir.filePath(u"random.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"title": "r", "tasks": [{"task": "say_hello", "name": "A"}]})");
        file.close();
        const Result fresh = run({u"--headless"_s, u"--instant"_s, file.fileName()});
        QVERIFY(QRegularExpression(u"^seed: \\d+\\n$"_s)
                    .match(QString::fromUtf8(fresh.err))
                    .hasMatch());
        QCOMPARE(fresh.out, QByteArray("Hello, A!\nGoodbye, A!\nResult: A is done\n"));
    }

    void traceIsChromeTraceEventJson()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"trace.json"_s);
        const Result result =
            run({u"--headless"_s, u"--instant"_s, u"--trace"_s, path, u"advanced"_s});
        QCOMPARE(result.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const auto trace = QJsonDocument::fromJson(file.readAll(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray events = trace.value(u"traceEvents"_s).toArray();
        QVERIFY(!events.isEmpty());
        bool sawRaise = false;
        for (const auto &event : events) {
            if (event.toObject().value(u"name"_s).toString() ==
                u"raised: ZeroDivisionError: Cannot divide by zero")
                sawRaise = true;
        }
        QVERIFY(sawRaise);
        const Result bad = run({u"--headless"_s, u"--instant"_s, u"--trace"_s,
                                dir.filePath(u"no/such/dir/t.json"_s), u"basic"_s});
        // Said before the run, not after it has printed everything.
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.out, QByteArray());
        const QByteArray expected = QByteArray("gatherscope: the trace was not written: ") +
                                    dir.filePath(u"no/such/dir/t.json"_s).toUtf8() +
                                    QByteArray(": cannot be written: ");
        QVERIFY2(bad.err.startsWith(expected), bad.err.constData());
    }

    // A nested gather's list passes up every level and shows in every level's slice: shared
    // and cut, the trace of 5,000 tasks 62 gathers deep is hardly larger than unnested (it was
    // 1.7 times as large, and its run took 3 times the memory, at 100,000 tasks).
    void deepNestingDoesNotMultiplyTheTrace()
    {
        QTemporaryDir dir;
        const auto traceSize = [&](int depth) {
            QByteArray tasks =
                QByteArray(R"({"task": "divide", "x": 1, "y": 2, "sleep": 0},)").repeated(5000);
            tasks.chop(1);
            for (int level = 0; level < depth; ++level)
                tasks = R"({"task": "gather", "tasks": [)" + tasks + "]}";
            const QString scenario = dir.filePath(u"deep-%1.json"_s.arg(depth));
            const QString trace = dir.filePath(u"deep-%1.trace.json"_s.arg(depth));
            if (!writeFileAtomically(scenario, R"({"title": "deep", "tasks": [)" + tasks + "]}")
                     .isEmpty())
                qFatal("cannot write %s", qPrintable(scenario));
            const Result result =
                run({u"--headless"_s, u"--instant"_s, u"--trace"_s, trace, scenario});
            if (result.exitCode != 0)
                qFatal("the run failed: %s", result.err.constData());
            return QFileInfo(trace).size();
        };
        const qint64 flat = traceSize(0);
        const qint64 deep = traceSize(62);
        QVERIFY2(deep < flat * 11 / 10, qPrintable(u"%1 bytes against %2"_s.arg(deep).arg(flat)));
    }

    void traceRefusesATargetItWouldDestroy_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a pipe") << u"fifo"_s
                                << u"not a regular file (a device, a pipe or a folder), which a "
                                   "save would replace"_s;
        QTest::newRow("a folder") << u"folder"_s
                                  << u"not a regular file (a device, a pipe or a folder), which a "
                                     "save would replace"_s;
        QTest::newRow("its own stdout")
            << u"/dev/stdout"_s << u"it is where this program's own output goes"_s;
    }
    void traceRefusesATargetItWouldDestroy()
    {
        QFETCH(QString, target);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(u"fifo"_s)).constData(), 0600) == 0);
        QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
        const QString path = target.startsWith(u'/') ? target : dir.filePath(target);
        const QString output = dir.filePath(u"output.txt"_s);
        const Result result =
            run({u"--headless"_s, u"--instant"_s, u"--trace"_s, path, u"basic"_s},
                [&](QProcess &process) { process.setStandardOutputFile(output); });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(QString::fromUtf8(result.err),
                 u"gatherscope: the trace was not written: %1: cannot be written: %2\n"_s.arg(
                     path, reason));
        QFileInfo fifo(dir.filePath(u"fifo"_s));
        QVERIFY(!fifo.isFile() && !fifo.isDir()); // still a pipe
        QVERIFY(QFileInfo(dir.filePath(u"folder"_s)).isDir());
        QCOMPARE(QFileInfo(output).size(), 0); // the run printed nothing, lost nothing
    }

    void traceRefusesToOverwriteTheScenario()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(u"basic.json"_s);
        QVERIFY(QFile::copy(sourceDir + u"/resources/scenarios/basic.json"_s, scenario));
        const QString link = dir.filePath(u"link.json"_s);
        QVERIFY(QFile::link(scenario, link));
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        const QString roundabout =
            dir.path() + u"/../"_s + QDir(dir.path()).dirName() + u"/basic.json"_s;
        for (const QString &trace : {scenario, link, roundabout}) {
            const Result result =
                run({u"--headless"_s, u"--instant"_s, u"--trace"_s, trace, scenario});
            QCOMPARE(result.exitCode, 2);
            QCOMPARE(result.out, QByteArray());
            QCOMPARE(QString::fromUtf8(result.err),
                     u"gatherscope: --trace %1 is the scenario itself; the trace would "
                     "overwrite it\n"_s.arg(trace));
        }
        file.seek(0);
        QCOMPARE(file.readAll(), before);
    }

    void aFullDiskNeverDamagesTheTrace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"trace.json"_s);
        const QByteArray old(5000, 'o');
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(old);
        }
        const Result result =
            run({u"--headless"_s, u"--instant"_s, u"--trace"_s, path, u"advanced"_s},
                [](QProcess &process) {
                    process.setChildProcessModifier(
                        [] { GatherscopeTest::limitFileSizeInChild(1024); });
                });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out, expectedOutput(u"advanced"_s)); // the run itself went through
        QCOMPARE(QString::fromUtf8(result.err),
                 u"gatherscope: the trace was not written: %1: cannot be written: File too "
                 "large\n"_s.arg(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), old);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{u"trace.json"_s});
    }

    void aScenarioThatIsNotARegularFileIsRefusedAtOnce_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("an endless device") << u"/dev/zero"_s;
        QTest::newRow("a pipe nobody writes") << u"fifo"_s;
    }
    void aScenarioThatIsNotARegularFileIsRefusedAtOnce()
    {
        QFETCH(QString, path);
        QTemporaryDir dir;
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(u"fifo"_s)).constData(), 0600) == 0);
        const QString scenario = path.startsWith(u'/') ? path : dir.filePath(path);
        const Result result = run({u"--headless"_s, u"--instant"_s, scenario});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(QString::fromUtf8(result.err),
                 u"gatherscope: %1: is not a regular file (a device, a pipe or a socket); give a "
                 "scenario file\n"_s.arg(scenario));
    }

    void aScenarioFileMayBeSixtyFourMebibytesAndNoMore()
    {
        QTemporaryDir dir;
        const QByteArray scenario = R"({"title": "padded", "report": "list", "tasks": []})";
        const qint64 limit = 64 * 1024 * 1024;
        const auto padded = [&](qint64 size) {
            const QString path = dir.filePath(u"padded-%1.json"_s.arg(size));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            file.write(scenario);
            file.write(QByteArray(size - scenario.size(), ' ')); // JSON allows the white space
            return path;
        };
        const Result atTheLimit = run({u"--headless"_s, u"--instant"_s, padded(limit)});
        QCOMPARE(atTheLimit.err, QByteArray());
        QCOMPARE(atTheLimit.out, QByteArray("[]\n"));
        const QString onePast = padded(limit + 1);
        const Result past = run({u"--headless"_s, u"--instant"_s, onePast});
        QCOMPARE(past.exitCode, 2);
        QCOMPARE(QString::fromUtf8(past.err),
                 u"gatherscope: %1: is larger than 64 MiB (67108864 bytes), the most a scenario "
                 "file may be\n"_s.arg(onePast));
    }

    // Ctrl+C or a `kill` during a real-time run: the lines printed are whole, the old trace is
    // kept as it was (no half run that passes for a whole one, no temporary file left), and the
    // status is the one a shell gives a program killed by the signal.
    void aSignalStopsTheRunCleanly_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("SIGINT") << SIGINT << 130
                                << QByteArray("gatherscope: interrupted by SIGINT; the trace was "
                                              "not written\n");
        QTest::newRow("SIGTERM") << SIGTERM << 143
                                 << QByteArray("gatherscope: interrupted by SIGTERM; the trace was "
                                               "not written\n");
    }

    void aSignalStopsTheRunCleanly()
    {
        QFETCH(int, signal);
        QFETCH(int, status);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const QString scenario = dir.filePath(u"long.json"_s);
        QCOMPARE(writeFileAtomically(scenario, R"({"title": "long", "tasks": [
            {"task": "say_hello", "name": "A", "sleep": 0},
            {"task": "say_hello", "name": "B", "sleep": 1000}]})"),
                 QString());
        const QString trace = dir.filePath(u"trace.json"_s);
        QCOMPARE(writeFileAtomically(trace, "the old trace"), QString());

        QProcess process;
        process.start(QStringLiteral(GATHERSCOPE_BINARY),
                      {u"--headless"_s, u"--trace"_s, trace, scenario});
        // "Goodbye, A!" comes at once; B sleeps 1000 real seconds, so the signal lands mid-run.
        QByteArray out;
        while (!out.contains("Goodbye, A!\n") && process.waitForReadyRead(30000))
            out += process.readAllStandardOutput();
        QCOMPARE(out, QByteArray("Hello, A!\nHello, B!\nGoodbye, A!\n"));
        QCOMPARE(::kill(pid_t(process.processId()), signal), 0);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), status);
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        QCOMPARE(process.readAllStandardError(), message);
        QFile kept(trace);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("the old trace"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList({u"long.json"_s, u"trace.json"_s}));
    }

    // The window, stopped from outside (logout, `kill`), asks nothing and ends as the signal
    // says; unsaved changes would go to its autosave (tst_mainwindow checks that part).
    void aSignalClosesTheWindowWithoutAQuestion()
    {
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"XDG_DATA_HOME"_s, home.path()); // no autosave of another run
        environment.insert(u"XDG_CONFIG_HOME"_s, home.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GATHERSCOPE_BINARY), {u"basic"_s});
        QVERIFY(process.waitForStarted());
        // The autosave folder appears once the window exists and can take the signal.
        QTRY_VERIFY_WITH_TIMEOUT(QDir(home.path()).exists(u"Gatherscope/gatherscope/autosave"_s),
                                 20000);
        QCOMPARE(::kill(pid_t(process.processId()), SIGTERM), 0);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 143);
    }

    void anOutputThatCannotBeWrittenExitsWithTwo()
    {
        const Result result =
            run({u"--headless"_s, u"--instant"_s, u"basic"_s},
                [](QProcess &process) { process.setStandardOutputFile(u"/dev/full"_s); });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err,
                 QByteArray("gatherscope: the output could not be written: No space left on "
                            "device\n"));
    }

    void outputEqualsAsyncio_data()
    {
        QTest::addColumn<QString>("path");
        // The bundled examples (classroom's random sleeps drawn from its seed as Python's
        // `random` draws them), and corner cases of gather's semantics.
        for (const char *name : {"basic", "advanced", "fail-fast", "nested", "cancel", "cancel-all",
                                 "classroom", "blocking", "compute"})
            QTest::newRow(name) << sourceDir + u"/resources/scenarios/"_s + QLatin1String(name) +
                                       u".json"_s;
        const QDir corpus(dataDir + u"/asyncio"_s);
        const auto files = corpus.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 15);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << corpus.filePath(file);
    }
    void outputEqualsAsyncio()
    {
        QFETCH(QString, path);
        if (const QString missing = missingPython311(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        QProcess python;
        python.start(u"python3"_s, {sourceDir + u"/tests/asyncio_reference.py"_s, path});
        QVERIFY(python.waitForFinished(30000));
        QCOMPARE(python.readAllStandardError(), QByteArray());
        QCOMPARE(python.exitCode(), 0);
        const QByteArray asyncioOutput = python.readAllStandardOutput();
        QVERIFY(!asyncioOutput.isEmpty());

        const Result ours = run({u"--headless"_s, u"--instant"_s, path});
        QCOMPARE(ours.out, asyncioOutput);
    }

    void thePythonTwinPrintsWhatHeadlessPrints()
    {
        // Every bundled example, the asyncio corner cases, and random scenarios with and
        // without random sleeps: the twin, run by python3 as it is (on a virtual clock
        // through the harness, not in the twin), prints the same bytes and exits with the
        // same status as `--headless --instant`.
        if (const QString missing = missingPython311(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        std::vector<Scenario> scenarios;
        for (const QString &name : ScenarioLoader::bundledNames())
            scenarios.push_back(std::get<Scenario>(ScenarioLoader::load(name)));
        const QDir corpus(dataDir + u"/asyncio"_s);
        for (const QString &file : corpus.entryList({u"*.json"_s}, QDir::Files, QDir::Name))
            scenarios.push_back(std::get<Scenario>(ScenarioLoader::load(corpus.filePath(file))));
        QRandomGenerator random(20261129);
        for (int i = 0; i < 80; ++i) {
            const Scenario drawn = randomScenario(random);
            scenarios.push_back(i % 2 ? withRandomSleeps(drawn, random) : drawn);
        }
        QRandomGenerator everyKind(20261130);
        for (int i = 0; i < 40; ++i) {
            const Scenario drawn = randomScenario(everyKind, Kinds::All);
            scenarios.push_back(i % 2 ? withRandomSleeps(drawn, everyKind) : drawn);
        }

        QTemporaryDir dir;
        QStringList twins;
        for (std::size_t i = 0; i < scenarios.size(); ++i) {
            twins << dir.filePath(u"twin-%1.py"_s.arg(i));
            QCOMPARE(writeFileAtomically(twins.last(), pythonTwin(scenarios[i]).toUtf8()),
                     QString());
        }
        QProcess python;
        python.start(u"python3"_s, QStringList{sourceDir + u"/tests/run_twin.py"_s} + twins);
        QVERIFY(python.waitForFinished(120000));
        QCOMPARE(python.readAllStandardError(), QByteArray());
        const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
        QCOMPARE(lines.size(), twins.size() + 1); // and the empty one after the last newline
        for (std::size_t i = 0; i < scenarios.size(); ++i) {
            const QJsonObject twin = QJsonDocument::fromJson(lines[qsizetype(i)]).object();
            const HeadlessResult headless = headlessRun(scenarios[i]);
            const QByteArray context = "scenario " + QByteArray::number(qulonglong(i)) + ":\n" +
                                       pythonTwin(scenarios[i]).toUtf8();
            QVERIFY2(twin.value(u"stdout"_s).toString() == headless.out, context.constData());
            QVERIFY2(twin.value(u"status"_s).toInt() == headless.status, context.constData());
        }
    }

    void explainTellsWhatHappenedOnStderr()
    {
        const Result plain = run({u"--headless"_s, u"--instant"_s, u"fail-fast"_s});
        const Result told = run({u"--headless"_s, u"--instant"_s, u"--explain"_s, u"fail-fast"_s});
        QCOMPARE(told.exitCode, 1);
        QCOMPARE(told.out, plain.out); // stdout stays what Python prints
        QCOMPARE(QString::fromUtf8(told.err),
                 u"At 0 s the gather started its 3 tasks: divide(10, 2), divide(20, 0) and "
                 "divide(30, 5).\n"
                 "At 1 s divide(20, 0) raised ZeroDivisionError: Cannot divide by zero.\n"
                 "return_exceptions is False, so at 1 s the gather raised ZeroDivisionError: "
                 "Cannot divide by zero to its awaiter at once.\n"
                 "gather does not cancel the others when it raises: one task kept running "
                 "(divide(30, 5) until 3 s, returning 6.0), and no one received its outcome.\n"
                 "Every task had ended by 3 s.\n"_s);
    }

    void aSavedRunPrintsWhatItRecorded_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : ScenarioLoader::bundledNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void aSavedRunPrintsWhatItRecorded()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"run.json"_s);
        const Result ran = run({u"--headless"_s, u"--instant"_s, u"--explain"_s, u"--seed"_s,
                                u"11"_s, u"--save-run"_s, path, name});
        QVERIFY(ran.exitCode == 0 || ran.exitCode == 1);
        const Result shown = run({u"--headless"_s, u"--explain"_s, path});
        QCOMPARE(shown.exitCode, ran.exitCode);
        QCOMPARE(shown.out, ran.out);
        QCOMPARE(shown.err, ran.err);
        // Its twin draws the sleeps the run drew.
        const Result twin = run({u"--python"_s, path});
        QCOMPARE(twin.exitCode, 0);
        Scenario seeded = std::get<Scenario>(ScenarioLoader::load(name));
        seeded.seed = 11;
        QCOMPARE(QString::fromUtf8(twin.out), pythonTwin(seeded));
    }

    void halfASurrogatePairAtALinesEndStaysOnItsLine()
    {
        // A hand-edited run file may print half a pair at the end of one line and the other half
        // at the start of the next: each half prints as U+FFFD on its own line, the line breaks
        // where they were.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"run.json"_s);
        QCOMPARE(run({u"--headless"_s, u"--instant"_s, u"--save-run"_s, path, u"basic"_s}).exitCode,
                 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray json = file.readAll();
        file.close();
        json.replace("\"text\":\"Hello, Mr. Turtle!\"", "\"text\":\"Hello, Mr. Turtle\\ud83d\"");
        json.replace("\"text\":\"Hello, Mr. Wolf!\"", "\"text\":\"\\ude00Hello, Mr. Wolf!\"");
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        const Result shown = run({u"--headless"_s, path});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.out, QByteArray("Hello, Mr. Turtle\xEF\xBF\xBD\n"
                                       "\xEF\xBF\xBDHello, Mr. Wolf!\n"
                                       "Goodbye, Mr. Turtle!\n"
                                       "Goodbye, Mr. Wolf!\n"
                                       "['Mr. Turtle is done', 'Mr. Wolf is done']\n"));
    }

    void aRunFileIsRefusedWhenItCannotBeShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"run.json"_s);
        QCOMPARE(run({u"--headless"_s, u"--instant"_s, u"--save-run"_s, path, u"basic"_s}).exitCode,
                 0);
        const Result reseeded = run({u"--headless"_s, u"--seed"_s, u"3"_s, path});
        QCOMPARE(reseeded.exitCode, 2);
        QCOMPARE(QString::fromUtf8(reseeded.err),
                 u"gatherscope: %1 is a run file: it shows what was recorded, so --seed and "
                 "--return-exceptions do not apply\n"_s.arg(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray whole = file.readAll();
        QVERIFY(file.resize(whole.size() / 2));
        file.close();
        // Cut in half it is still taken for a run file, and said to be damaged.
        const Result cut = run({u"--headless"_s, path});
        QCOMPARE(cut.exitCode, 2);
        QVERIFY(cut.err.startsWith(
            u"gatherscope: %1: damaged: not a JSON object ("_s.arg(path).toUtf8()));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(whole).replace("\"gatherscope_run\":1", "\"gatherscope_run\":2"));
        file.close();
        const Result newer = run({u"--headless"_s, path});
        QCOMPARE(newer.exitCode, 2);
        QCOMPARE(newer.out, QByteArray());
        QCOMPARE(QString::fromUtf8(newer.err),
                 u"gatherscope: %1: gatherscope_run: a run file of version 2; this Gatherscope "
                 "reads version 1\n"_s.arg(path));
        const Result over = run({u"--headless"_s, u"--save-run"_s, path, path});
        QCOMPARE(over.exitCode, 2);
        QCOMPARE(QString::fromUtf8(over.err),
                 u"gatherscope: --save-run %1 is the scenario itself; the run would overwrite "
                 "it\n"_s.arg(path));
    }

    void thePythonOptionPrintsTheTwin()
    {
        const Result result = run({u"--python"_s, u"fail-fast"_s});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err, QByteArray());
        QCOMPARE(QString::fromUtf8(result.out),
                 pythonTwin(std::get<Scenario>(ScenarioLoader::load(u"fail-fast"_s))));
        QVERIFY(result.out.contains("    try:\n        result = await asyncio.gather(\n"
                                    "            divide(10, 2, 1),\n"
                                    "            divide(20, 0, 1),\n"
                                    "            divide(30, 5, 3),\n        )\n"));
        const Result missing = run({u"--python"_s, u"nope"_s});
        QCOMPARE(missing.exitCode, 2);
        QCOMPARE(missing.out, QByteArray());
    }

    void aGatherIsWrittenOnOneLineWhenItFits()
    {
        // `result = await asyncio.gather(…)` keeps within 88 columns: a say_hello of 32
        // characters of name fits on one line, one of 33 gets a line of its own.
        const auto awaited = [](qsizetype length) {
            Scenario scenario;
            scenario.title = u"t"_s;
            scenario.tasks = {TaskSpec::sayHello(QString(length, u'x'), SleepSpec::fixed(1))};
            const QString twin = pythonTwin(scenario);
            const qsizetype from = twin.indexOf(u"        result = await"_s);
            return twin.mid(from, twin.indexOf(u"    except"_s, from) - from);
        };
        QCOMPARE(awaited(32), u"        result = await asyncio.gather(say_hello('%1', 1))\n"_s.arg(
                                  QString(32, u'x')));
        QCOMPARE(awaited(33), u"        result = await asyncio.gather(\n"
                              "            say_hello('%1', 1),\n"
                              "        )\n"_s.arg(QString(33, u'x')));
    }

    void randomScenariosPrintWhatAsyncioPrints()
    {
        // Property: scenarios drawn at random (nesting up to 4 deep, zero, tiny and whole sleeps,
        // cancellations of tasks and gathers at the same instants) print exactly what the
        // asyncio program prints. A fixed seed: any difference names its scenario.
        if (const QString missing = missingPython311(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        QTemporaryDir dir;
        QRandomGenerator random(20261128);
        QStringList paths;
        std::vector<Scenario> scenarios;
        QRandomGenerator everyKind(20261130);
        for (int i = 0; i < 400; ++i) {
            scenarios.push_back(i < 300 ? randomScenario(random)
                                        : randomScenario(everyKind, Kinds::All));
            paths << dir.filePath(u"random-%1.json"_s.arg(i));
            QCOMPARE(writeFileAtomically(paths.last(), ScenarioLoader::toJson(scenarios.back())),
                     QString());
        }
        QProcess python;
        python.start(u"python3"_s,
                     QStringList{sourceDir + u"/tests/asyncio_reference.py"_s} + paths);
        QVERIFY(python.waitForFinished(120000));
        QCOMPARE(python.readAllStandardError(), QByteArray());
        const QList<QByteArray> lines = python.readAllStandardOutput().split('\n');
        QCOMPARE(lines.size(), paths.size() + 1); // and the empty one after the last newline
        for (int i = 0; i < paths.size(); ++i) {
            const QString expected =
                QJsonDocument::fromJson(lines[i]).object().value(u"stdout"_s).toString();
            const QString ours = headlessOutput(scenarios[std::size_t(i)]);
            if (ours != expected)
                QFAIL(qPrintable(u"%1 differs from asyncio:\n%2\nasyncio printed:\n%3\nwe "
                                 "printed:\n%4"_s.arg(paths[i],
                                                      QString::fromUtf8(ScenarioLoader::toJson(
                                                          scenarios[std::size_t(i)])),
                                                      expected, ours)));
        }
    }

    void usageErrorsExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no scenario")
            << QStringList{u"--headless"_s} << u"gatherscope: give exactly one SCENARIO"_s;
        QTest::newRow("unknown scenario")
            << QStringList{u"--headless"_s, u"nope"_s} << u"gatherscope: nope: no such file"_s;
        QTest::newRow("bad speed")
            << QStringList{u"--headless"_s, u"--speed"_s, u"fast"_s, u"basic"_s}
            << u"gatherscope: --speed takes a number from 0.01 to 1000, not \"fast\""_s;
        QTest::newRow("speed NaN")
            << QStringList{u"--headless"_s, u"--speed"_s, u"nan"_s, u"basic"_s}
            << u"gatherscope: --speed takes a number from 0.01 to 1000, not \"nan\""_s;
        QTest::newRow("bad seed") << QStringList{u"--headless"_s, u"--seed"_s, u"-3"_s, u"basic"_s}
                                  << u"gatherscope: --seed takes a whole number"_s;
        QTest::newRow("bad flag")
            << QStringList{u"--headless"_s, u"--return-exceptions"_s, u"yes"_s, u"basic"_s}
            << u"gatherscope: --return-exceptions takes true or false, not \"yes\""_s;
        QTest::newRow("bad steps")
            << QStringList{u"--screenshot"_s, u"never.png"_s, u"--steps"_s, u"-1"_s, u"basic"_s}
            << u"gatherscope: --steps takes a whole number from 0 to 1000000, not \"-1\""_s;
        QTest::newRow("steps not a number")
            << QStringList{u"--steps"_s, u"ten"_s, u"basic"_s}
            << u"gatherscope: --steps takes a whole number from 0 to 1000000, not \"ten\""_s;
        QTest::newRow("unknown option") << QStringList{u"--headless"_s, u"--fast"_s, u"basic"_s}
                                        << u"gatherscope: Unknown option 'fast'."_s;
    }
    void usageErrorsExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out, QByteArray());
        QVERIFY2(QString::fromUtf8(result.err).startsWith(message), result.err.constData());
    }

    void withoutADisplayTheWindowSaysWhyInsteadOfAborting_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("window") << QStringList{u"basic"_s}
                                << u"gatherscope: no display to open the window on (DISPLAY and "
                                   "WAYLAND_DISPLAY are unset): run with --headless, or take a "
                                   "picture with --screenshot\n"_s;
        QTest::newRow("bad steps first")
            << QStringList{u"--steps"_s, u"ten"_s, u"basic"_s}
            << u"gatherscope: --steps takes a whole number from 0 to 1000000, not \"ten\"\n"_s;
    }
    void withoutADisplayTheWindowSaysWhyInsteadOfAborting()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result result = run(arguments, [](QProcess &process) {
            QProcessEnvironment environment = process.processEnvironment();
            for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
                environment.remove(name);
            process.setProcessEnvironment(environment);
        });
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.out, QByteArray());
        QCOMPARE(QString::fromUtf8(result.err), message);
    }

    void everyBrokenFileExitsWithTwoAndSaysWhy()
    {
        QFile table(dataDir + u"/broken-errors.tsv"_s);
        QVERIFY(table.open(QIODevice::ReadOnly));
        int checked = 0;
        while (!table.atEnd()) {
            const QStringList fields = QString::fromUtf8(table.readLine()).chopped(1).split(u'\t');
            const Result result =
                run({u"--headless"_s, u"--instant"_s, fields[0]},
                    [](QProcess &process) { process.setWorkingDirectory(dataDir + u"/broken"_s); });
            QCOMPARE(result.exitCode, 2);
            QCOMPARE(result.out, QByteArray());
            QCOMPARE(QString::fromUtf8(result.err), u"gatherscope: "_s + fields[1] + u'\n');
            ++checked;
        }
        QVERIFY(checked >= 30);
    }

    void screenshotRendersTheWindowWithoutADisplay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"advanced.png"_s);
        const Result result = run({u"--screenshot"_s, path, u"--instant"_s, u"advanced"_s});
        QCOMPARE(result.exitCode, 0);
        QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // Not blank: many colours, and the exception red of the timeline among them.
        QSet<QRgb> colours;
        bool red = false;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3) {
                const QColor c = image.pixelColor(x, y);
                colours.insert(c.rgb());
                red = red || (c.red() > 170 && c.green() < 90 && c.blue() < 90);
            }
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
        QVERIFY(red);
    }

    void aScreenshotCanBeTakenPausedAfterStepsInPresentationMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"step.png"_s);
        const Result result = run(
            {u"--screenshot"_s, path, u"--presentation"_s, u"--steps"_s, u"14"_s, u"fail-fast"_s});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out, QByteArray());
        const QImage image(path);
        // the size of the plain screenshot: presentation mode, but not the offscreen "screen"
        QCOMPARE(image.size(), QSize(1400, 860));
    }

    void aScreenshotCanShowTheTeachingViews()
    {
        QTemporaryDir dir;
        const QString python = dir.filePath(u"python.png"_s);
        const QString compare = dir.filePath(u"compare.png"_s);
        QCOMPARE(run({u"--screenshot"_s, python, u"--instant"_s, u"--show"_s, u"python"_s,
                      u"fail-fast"_s})
                     .exitCode,
                 0);
        QCOMPARE(run({u"--screenshot"_s, compare, u"--instant"_s, u"--show"_s, u"compare"_s,
                      u"fail-fast"_s})
                     .exitCode,
                 0);
        QCOMPARE(QImage(python).size(), QSize(1400, 860));
        // The comparison's own window, not the main one: its two timelines fill the picture.
        QCOMPARE(QImage(compare).size(), QSize(1400, 860));
        QVERIFY(QImage(compare) != QImage(python));
        const Result wrong = run({u"--screenshot"_s, python, u"--show"_s, u"nope"_s, u"basic"_s});
        QCOMPARE(wrong.exitCode, 2);
        QCOMPARE(QString::fromUtf8(wrong.err),
                 u"gatherscope: --show takes one of python, compare, replay, not \"nope\"\n"_s);
    }

    void helpDocumentsEveryOption()
    {
        const Result result = run({u"--help"_s});
        QCOMPARE(result.exitCode, 0);
        for (const char *option :
             {"--headless", "--instant", "--speed", "--seed", "--return-exceptions", "--trace",
              "--screenshot", "--presentation", "--steps", "--python", "--explain", "--save-run",
              "--show", "SCENARIO", "basic"})
            QVERIFY2(result.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
