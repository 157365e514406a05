// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "pythontwin.h"

#include "pythonrepr.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <utility>

namespace Gatherscope {

namespace {

constexpr qsizetype lineWidth = 88;

//! A number of seconds as Python writes it: `1` for a whole number, else the float's repr.
QString secondsLiteral(double seconds)
{
    return pythonRepr(pythonSeconds(seconds));
}

//! A number of divide() as Python source: its repr, except that inf and nan have no literal.
QString numberLiteral(const PyValue &value)
{
    if (!value.isFloat() || std::isfinite(value.toFloat()))
        return pythonRepr(value);
    if (std::isnan(value.toFloat()))
        return QStringLiteral("float('nan')");
    return value.toFloat() > 0 ? QStringLiteral("float('inf')") : QStringLiteral("-float('inf')");
}

//! \a text as `#` comment lines, wrapped at the line width.
QStringList commentLines(const QString &text, const QString &indent = {})
{
    QStringList lines;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && indent.size() + 2 + line.size() + 1 + word.size() > lineWidth) {
                lines << indent + QStringLiteral("# ") + line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        lines << (line.isEmpty() ? QString(indent + u'#')
                                 : QString(indent + QStringLiteral("# ") + line));
    }
    return lines;
}

bool usesRandomSleeps(const std::vector<TaskSpec> &tasks)
{
    for (const TaskSpec &task : tasks) {
        if (task.kind == TaskSpec::Kind::Gather ? usesRandomSleeps(task.tasks)
                                                : task.sleep.isRandom())
            return true;
    }
    return false;
}

bool usesKind(const std::vector<TaskSpec> &tasks, TaskSpec::Kind kind)
{
    return std::any_of(tasks.begin(), tasks.end(), [kind](const TaskSpec &task) {
        return task.kind == kind ||
               (task.kind == TaskSpec::Kind::Gather && usesKind(task.tasks, kind));
    });
}

bool usesWork(const std::vector<TaskSpec> &tasks, const QString &work)
{
    return std::any_of(tasks.begin(), tasks.end(), [&work](const TaskSpec &task) {
        return (task.kind == TaskSpec::Kind::Compute && task.work == work) ||
               (task.kind == TaskSpec::Kind::Gather && usesWork(task.tasks, work));
    });
}

bool usesCancelAfter(const std::vector<TaskSpec> &tasks)
{
    for (const TaskSpec &task : tasks) {
        if (task.cancelAfter ||
            (task.kind == TaskSpec::Kind::Gather && usesCancelAfter(task.tasks)))
            return true;
    }
    return false;
}

const char *const programHead = R"(import asyncio
%1import sys
%2

async def say_hello(name, sleep):
    print(f"Hello, {name}!")
    await asyncio.sleep(sleep)
    print(f"Goodbye, {name}!")
    return f"{name} is done"


async def divide(x, y, sleep):
    print(f"Dividing {x} by {y}")
    await asyncio.sleep(sleep)
    if y == 0:
        raise ZeroDivisionError("Cannot divide by zero")
    return x / y
)";

const char *const failFunction = R"(

async def fail(error, message, sleep):
    await asyncio.sleep(sleep)
    raise error(message)
)";

const char *const blockingSleepFunction = R"(

async def blocking_sleep(sleep):
    time.sleep(sleep)  # the classic mistake: it holds the event loop, no other task runs
    return sleep
)";

const char *const primesFunction = R"(

def primes_below(n):
    """The sieve of Eratosthenes: a byte per number below n, 1 where it is prime."""
    prime = bytearray([1]) * n
    prime[:2] = bytes(min(n, 2))
    k = 2
    while k * k < n:
        if prime[k]:
            prime[k * k::k] = bytes(len(range(k * k, n, k)))
        k += 1
    return prime
)";

const char *const sumPrimesFunction = R"(

def sum_primes(n):
    """CPU-bound work: the sum of the primes below n."""
    return sum(k for k, is_prime in enumerate(primes_below(n)) if is_prime)
)";

const char *const countPrimesFunction = R"(

def count_primes(n):
    """CPU-bound work: how many primes are below n."""
    return sum(primes_below(n))
)";

const char *const computeFunction = R"(

async def compute(work, n, cost):
    print(f"Computing {work.__name__}({n}) on a worker thread")
    # The work runs on a worker thread while the event loop runs the other tasks; the
    # scenario gives it `cost` seconds, so it takes at least that long.
    result, _ = await asyncio.gather(asyncio.to_thread(work, n), asyncio.sleep(cost))
    print(f"{work.__name__}({n}) = {result}")
    return result
)";

const char *const mainHead = R"(

async def main():
)";

const char *const reportEach = R"(        for r in result:
            if isinstance(r, Exception):
                print(f"Error: {r}")
            else:
                print(f"Result: {r}")
)";

const char *const programTail = R"(        status = 0
    # gather does not cancel the other tasks when it raises: they keep running, and the
    # program waits for them before it ends.
    others = asyncio.all_tasks() - {asyncio.current_task()}
    if others:
        await asyncio.wait(others)
)";

//! Writes main()'s body: the tasks, depth first in file order, then the top-level gather.
class MainWriter {
public:
    QStringList statements;

    //! The expression for the gather of \a tasks, with the statements it needs written first.
    QString gather(const std::vector<TaskSpec> &tasks, bool returnExceptions)
    {
        // Tasks start in the order they are created. A nested gather creates its tasks when
        // it is called, and a task with `cancel_after` is created apart so that it can be
        // named: every task before the last such one is created ahead too, so that they all
        // start depth first, in file order, as the scenario runner starts them.
        qsizetype ahead = -1;
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            if (tasks[i].kind == TaskSpec::Kind::Gather || tasks[i].cancelAfter)
                ahead = qsizetype(i);
        }
        QStringList arguments;
        QStringList comments;
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            const TaskSpec &task = tasks[i];
            QString argument;
            if (task.kind == TaskSpec::Kind::Gather)
                argument = nestedGather(task);
            else if (qsizetype(i) <= ahead)
                argument = createdTask(task);
            else
                argument = call(task);
            const bool labelled = !task.label.isEmpty() && qsizetype(i) > ahead;
            arguments << argument;
            comments << (labelled ? QStringLiteral("  # ") + task.label : QString());
        }
        if (returnExceptions) {
            arguments << QStringLiteral("return_exceptions=True");
            comments << QString();
        }
        // On one line when it fits: measured first, not joined (100,000 tasks' arguments are
        // 3 MB).
        const bool commented =
            std::any_of(comments.cbegin(), comments.cend(),
                        [](const QString &comment) { return !comment.isEmpty(); });
        const QString separator = QStringLiteral(", ");
        qsizetype oneLineSize = qsizetype(std::strlen("asyncio.gather()")) +
                                separator.size() * std::max<qsizetype>(arguments.size() - 1, 0);
        for (const QString &argument : std::as_const(arguments))
            oneLineSize += argument.size();
        if (oneLineSize + 24 <= lineWidth && !commented)
            return QStringLiteral("asyncio.gather(") + arguments.join(separator) + u')';
        // one argument a line, as the article writes it (the caller indents the whole)
        QString written = QStringLiteral("asyncio.gather(\n");
        for (qsizetype i = 0; i < arguments.size(); ++i)
            written += QStringLiteral("    ") + arguments[i] + u',' + comments[i] + u'\n';
        return written + u')';
    }

    QString variable(const QString &wanted)
    {
        // Python names from labels and parameters: ASCII letters, digits and underscores.
        QString name;
        for (const QChar c : wanted.toLower()) {
            const bool word = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
            if (word)
                name += c;
            else if (!name.endsWith(u'_'))
                name += u'_';
        }
        while (name.startsWith(u'_'))
            name.remove(0, 1);
        while (name.endsWith(u'_'))
            name.chop(1);
        if (name.isEmpty() || name.front().isDigit())
            name.prepend(QStringLiteral("task_"));
        static const std::set<QString> taken = {
            QStringLiteral("asyncio"),
            QStringLiteral("random"),
            QStringLiteral("sys"),
            QStringLiteral("main"),
            QStringLiteral("say_hello"),
            QStringLiteral("divide"),
            QStringLiteral("loop"),
            QStringLiteral("result"),
            QStringLiteral("error"),
            QStringLiteral("message"),
            QStringLiteral("status"),
            QStringLiteral("others"),
            QStringLiteral("r"),
            QStringLiteral("gathering"),
            QStringLiteral("print"),
            QStringLiteral("and"),
            QStringLiteral("or"),
            QStringLiteral("not"),
            QStringLiteral("in"),
            QStringLiteral("is"),
            QStringLiteral("if"),
            QStringLiteral("for"),
            QStringLiteral("def"),
            QStringLiteral("class"),
            QStringLiteral("return"),
            QStringLiteral("none"),
            QStringLiteral("true"),
            QStringLiteral("false"),
            QStringLiteral("list"),
            QStringLiteral("type"),
            QStringLiteral("str"),
            QStringLiteral("with"),
            QStringLiteral("as"),
            QStringLiteral("async"),
            QStringLiteral("await"),
            QStringLiteral("try"),
            QStringLiteral("else"),
            QStringLiteral("elif"),
            QStringLiteral("while"),
            QStringLiteral("from"),
            QStringLiteral("import"),
            QStringLiteral("pass"),
            QStringLiteral("raise"),
            QStringLiteral("del"),
            QStringLiteral("global"),
            QStringLiteral("lambda"),
            QStringLiteral("yield"),
            QStringLiteral("break"),
            QStringLiteral("continue"),
            QStringLiteral("finally"),
            QStringLiteral("except"),
            QStringLiteral("assert"),
            QStringLiteral("nonlocal"),
            QStringLiteral("fail"),
            QStringLiteral("blocking_sleep"),
            QStringLiteral("time"),
            QStringLiteral("compute"),
            QStringLiteral("primes_below"),
            QStringLiteral("sum_primes"),
            QStringLiteral("count_primes"),
        };
        if (taken.count(name) > 0)
            name += QStringLiteral("_task");
        QString unique = name;
        for (int n = 2; !m_names.insert(unique).second; ++n)
            unique = name + u'_' + QString::number(n);
        return unique;
    }

    void cancelAfter(const QString &name, double seconds)
    {
        statements << QStringLiteral("loop.call_later(%1, %2.cancel)  # cancel_after")
                          .arg(secondsLiteral(seconds), name);
    }

private:
    static QString sleepArgument(const SleepSpec &sleep)
    {
        if (sleep.isRandom())
            return QStringLiteral("random.randint(%1, %2)")
                .arg(*sleep.randomMin)
                .arg(*sleep.randomMax);
        return secondsLiteral(sleep.seconds);
    }

    static QString call(const TaskSpec &task)
    {
        if (task.kind == TaskSpec::Kind::SayHello) // the most written: concatenated, not arg()
            return QStringLiteral("say_hello(") + pythonStringRepr(task.name) + u", " +
                   sleepArgument(task.sleep) + u')';
        if (task.kind == TaskSpec::Kind::BlockingSleep)
            return QStringLiteral("blocking_sleep(%1)").arg(sleepArgument(task.sleep));
        if (task.kind == TaskSpec::Kind::Compute)
            return QStringLiteral("compute(%1, %2, %3)")
                .arg(task.work)
                .arg(task.size)
                .arg(sleepArgument(task.sleep));
        if (task.kind == TaskSpec::Kind::Fail)
            return QStringLiteral("fail(%1, %2, %3)")
                .arg(task.exception, pythonStringRepr(task.message), sleepArgument(task.sleep));
        return QStringLiteral("divide(%1, %2, %3)")
            .arg(numberLiteral(task.x), numberLiteral(task.y), sleepArgument(task.sleep));
    }

    QString createdTask(const TaskSpec &task)
    {
        const QString wanted = !task.label.isEmpty()                   ? task.label
                               : task.kind == TaskSpec::Kind::SayHello ? task.name
                                                                       : task.displayName();
        QString name = variable(wanted);
        if (!std::exchange(m_explainedOrder, true)) {
            statements << QStringLiteral("# Tasks start in the order they are created: created "
                                         "here one by one, they start")
                       << QStringLiteral("# in file order, as in Gatherscope.");
        }
        statements << QStringLiteral("%1 = asyncio.create_task(%2)").arg(name, call(task));
        if (task.cancelAfter)
            cancelAfter(name, *task.cancelAfter);
        return name;
    }

    QString nestedGather(const TaskSpec &task)
    {
        const QString expression = gather(task.tasks, task.returnExceptions);
        QString name = variable(task.label.isEmpty() ? QStringLiteral("inner_gather") : task.label);
        if (!task.label.isEmpty())
            statements << QStringLiteral("# ") + task.label;
        statements << name + QStringLiteral(" = ") + expression;
        nestedGathers << name;
        if (task.cancelAfter)
            cancelAfter(name, *task.cancelAfter);
        return name;
    }

    std::set<QString> m_names;
    bool m_explainedOrder = false;

public:
    QStringList nestedGathers; //!< their names, in the order they were written
};

} // namespace

QString pythonTwin(const Scenario &scenario)
{
    QStringList program;
    if (!scenario.title.isEmpty())
        program << commentLines(scenario.title);
    if (!scenario.description.isEmpty()) {
        if (!program.isEmpty())
            program << QStringLiteral("#");
        program << commentLines(scenario.description);
    }
    if (!program.isEmpty())
        program << QStringLiteral("#");
    program << commentLines(
        QStringLiteral("The Python twin of a Gatherscope scenario: python3 prints what "
                       "`gatherscope --headless` prints for it, and exits with the same status "
                       "(0 when the gather returned, 1 when it raised)."));
    const bool random = usesRandomSleeps(scenario.tasks);
    QString text = program.join(u'\n') + QStringLiteral("\n\n");
    const bool blocks = usesKind(scenario.tasks, TaskSpec::Kind::BlockingSleep);
    text += QString::fromLatin1(programHead)
                .arg(random ? QStringLiteral("import random\n") : QString(),
                     blocks ? QStringLiteral("import time\n") : QString());
    // Only the functions the scenario calls, so that a twin of the article's tasks is the
    // article's program.
    if (usesKind(scenario.tasks, TaskSpec::Kind::Fail))
        text += QString::fromLatin1(failFunction);
    if (blocks)
        text += QString::fromLatin1(blockingSleepFunction);
    if (usesKind(scenario.tasks, TaskSpec::Kind::Compute)) {
        text += QString::fromLatin1(primesFunction);
        if (usesWork(scenario.tasks, QStringLiteral("sum_primes")))
            text += QString::fromLatin1(sumPrimesFunction);
        if (usesWork(scenario.tasks, QStringLiteral("count_primes")))
            text += QString::fromLatin1(countPrimesFunction);
        text += QString::fromLatin1(computeFunction);
    }
    text += QString::fromLatin1(mainHead);

    MainWriter main;
    const bool cancels = usesCancelAfter(scenario.tasks) || scenario.cancelAfter;
    if (cancels)
        main.statements << QStringLiteral("loop = asyncio.get_running_loop()");
    const QString top = main.gather(scenario.tasks, scenario.returnExceptions);
    QString awaited = top;
    if (scenario.cancelAfter) {
        main.statements << QStringLiteral("gathering = ") + top;
        main.cancelAfter(QStringLiteral("gathering"), *scenario.cancelAfter);
        awaited = QStringLiteral("gathering");
    }
    for (const QString &statement : std::as_const(main.statements)) {
        // a statement over several lines is indented as a whole
        text += QStringLiteral("    ") +
                QString(statement).replace(u'\n', QStringLiteral("\n    ")) + u'\n';
    }
    text += QStringLiteral("    try:\n        result = await ") +
            QString(awaited).replace(u'\n', QStringLiteral("\n        ")) + u'\n';
    text += QStringLiteral(
        "    except (Exception, asyncio.CancelledError) as error:\n"
        "        message = str(error)\n"
        "        print(f\"gather raised {type(error).__name__}\" + (f\": {message}\" if message "
        "else \"\"))\n"
        "        status = 1\n"
        "    else:\n");
    text += scenario.report == ReportStyle::List ? QStringLiteral("        print(result)\n")
                                                 : QString::fromLatin1(reportEach);
    text += QString::fromLatin1(programTail);
    if (cancels && !main.nestedGathers.isEmpty()) {
        // A nested gather that a cancellation ended may hold a CancelledError that no one
        // awaited, and asyncio would warn about it on stderr.
        text += QStringLiteral("    # The nested gathers too: a cancelled one's error is seen "
                               "then, not warned about.\n    await asyncio.gather(%1, "
                               "return_exceptions=True)\n")
                    .arg(main.nestedGathers.join(QStringLiteral(", ")));
    }
    text += QStringLiteral("    return status\n\n\n");
    if (random && scenario.seed)
        text += QStringLiteral("random.seed(%1)\n").arg(*scenario.seed);
    else if (random)
        text += QStringLiteral("# No seed: every run draws other sleeps.\n");
    text += QStringLiteral("sys.exit(asyncio.run(main()))\n");
    return text;
}

TwinLines findTwinLines(const QString &twin)
{
    TwinLines lines;
    int *function = nullptr; // the sleep line of the function being read
    const QStringList all = twin.split(u'\n');
    for (int i = 0; i < int(all.size()); ++i) {
        const QString &line = all[i];
        if (line.startsWith(QStringLiteral("async def say_hello(")))
            function = &lines.helloSleep;
        else if (line.startsWith(QStringLiteral("async def divide(")))
            function = &lines.divideSleep;
        else if (line.startsWith(QStringLiteral("async def fail(")))
            function = &lines.failSleep;
        else if (line.startsWith(QStringLiteral("async def blocking_sleep(")))
            function = &lines.blockingSleep;
        else if (line.startsWith(QStringLiteral("async def compute(")))
            function = &lines.computeAwait;
        else if (line.startsWith(QStringLiteral("async def ")))
            function = nullptr;
        if (!function)
            continue;
        const bool hello = function == &lines.helloSleep;
        const QString code = line.trimmed();
        if (function == &lines.computeAwait) {
            if (code.startsWith(QStringLiteral("print(f\"Computing")))
                lines.computePrint = i;
            else if (code.startsWith(QStringLiteral("result, _ = await asyncio.gather(")))
                lines.computeAwait = i;
            else if (code.startsWith(QStringLiteral("print(")))
                lines.computeResultPrint = i;
            else if (code.startsWith(QStringLiteral("return ")))
                lines.computeReturn = i;
            continue;
        }
        if (code.startsWith(QStringLiteral("await asyncio.sleep(")) ||
            code.startsWith(QStringLiteral("time.sleep(")))
            *function = i;
        else if (function == &lines.failSleep && code.startsWith(QStringLiteral("raise ")))
            lines.failRaise = i;
        else if (code.startsWith(QStringLiteral("print(f\"Hello,")))
            lines.helloPrint = i;
        else if (code.startsWith(QStringLiteral("print(f\"Goodbye,")))
            lines.goodbyePrint = i;
        else if (code.startsWith(QStringLiteral("print(f\"Dividing")))
            lines.dividePrint = i;
        else if (code.startsWith(QStringLiteral("if y == 0:")))
            lines.divideCheck = i;
        else if (code.startsWith(QStringLiteral("raise ")))
            lines.divideRaise = i;
        else if (code.startsWith(QStringLiteral("return ")) && function == &lines.blockingSleep)
            lines.blockingReturn = i;
        else if (code.startsWith(QStringLiteral("return ")))
            (hello ? lines.helloReturn : lines.divideReturn) = i;
    }
    return lines;
}

} // namespace Gatherscope
