// SPDX-License-Identifier: MIT
// SPDX-FileCopyrightText: 2026 The Gatherscope developers

#include "runner.h"

#include "eventloopqueue.h"
#include "gather.h"
#include "pyrandom.h"
#include "pythonerror.h"
#include "tasks/demotasks.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

#include <algorithm>
#include <random>

namespace Gatherscope {

namespace detail {

//! Everything the coroutines of a run touch. Shared by the Runner and every running task, so
//! that a task unwinding after the Runner is gone still finds it.
struct RunState {
    std::shared_ptr<const Scenario> scenario; // shared with whoever made the run (a preview)
    std::uint64_t seed = 0;
    bool seedIsFresh = false;
    bool usesRandomSleeps = false;
    EventRecord record;
    ScenarioClock clock;
    std::stop_source cancelRun;
    std::stop_source abandoned;               // the Runner is gone: nobody waits for what is left
    std::vector<const TaskSpec *> specs;      // by node id; null for node 0
    std::vector<std::vector<int>> children;   // by node id, in file order
    std::vector<std::stop_source> cancelNode; // by node id, for a `cancel_after`
    std::vector<bool> ended;                  // by node id
    std::size_t endedCount = 0;
    bool gatherRaised = false;
    std::function<void()> onFinished;

    RunState(std::shared_ptr<const Scenario> s, ScenarioClock::Mode mode)
        : scenario(std::move(s))
        , clock(mode)
    {}

    void add(TaskEvent::Kind kind, int node, PyValue value = {}, ExceptionInfo error = {})
    {
        TaskEvent event;
        event.time = clock.now();
        event.node = node;
        event.kind = kind;
        event.value = std::move(value);
        event.error = std::move(error);
        record.append(event);
    }

    void markEnded(int node)
    {
        if (ended[std::size_t(node)])
            return;
        ended[std::size_t(node)] = true;
        if (++endedCount != ended.size())
            return;
        // Cancellations still scheduled for tasks that ended first have nothing left to do:
        // the clock must not move on to them.
        clock.cancelAll();
        if (onFinished)
            onFinished();
    }
};

//! Makes the task of one child of a gather when the gather starts it. A struct, not a lambda in
//! a std::function: that one was allocated for each task, and again when gather copied it. (In
//! detail, not in the file's anonymous namespace: gather's templates hold it.)
struct ChildTask {
    std::shared_ptr<RunState> run;
    int child = 0;
    QCoro::Task<PyValue> operator()(std::stop_token token) const;
};

namespace {

std::uint64_t freshSeed()
{
    std::random_device device;
    return (std::uint64_t(device()) << 32) ^ device();
}

// Numbers nodes depth-first, in file order, drawing each random sleep as it goes: the order
// of Python's `random.randint` calls that gives the same sleeps from the same seed.
void addNodes(RunState &run, std::vector<TaskNode> &nodes, const std::vector<TaskSpec> &specs,
              int parent, PyRandom &random)
{
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const TaskSpec &spec = specs[i];
        TaskNode node;
        node.id = int(nodes.size());
        node.parent = parent;
        node.depth = nodes[std::size_t(parent)].depth + 1;
        node.position = int(i);
        node.label = spec.displayName();
        node.kind = spec.kind;
        node.cancelAfter = spec.cancelAfter;
        node.returnExceptions = spec.returnExceptions;
        if (spec.kind != TaskSpec::Kind::Gather) {
            if (spec.sleep.isRandom()) {
                run.usesRandomSleeps = true;
                node.plannedSleep =
                    LoopTime(double(random.randint(*spec.sleep.randomMin, *spec.sleep.randomMax)));
            } else {
                node.plannedSleep = LoopTime(spec.sleep.seconds);
            }
        }
        nodes.push_back(node);
        run.specs.push_back(&spec);
        if (spec.kind == TaskSpec::Kind::Gather)
            addNodes(run, nodes, spec.tasks, node.id, random);
    }
}

QCoro::Task<PyValue> runGather(std::shared_ptr<RunState> run, int node, std::stop_token token);

//! The body of a demo task, as asyncio runs a coroutine wrapped in a Task.
/*!
 * asyncio's Task takes one iteration before its first step (`call_soon(self.__step)`) and
 * tells its done callbacks, the gather's among them, one iteration after it ends: gather is
 * told through the same ready queue as everything else, so what else is ready at that instant
 * keeps its order. QCoro's tasks start at once and resume their awaiter at once, so the two
 * turns are taken here. A stop requested before the first step cancels the task before it
 * prints anything, as asyncio's `_must_cancel` does.
 */
QCoro::Task<PyValue> runLeafTask(std::shared_ptr<RunState> run, int node, std::stop_token token)
{
    const TaskSpec &spec = *run->specs[std::size_t(node)];
    const LoopTime sleep = run->record.nodes()[std::size_t(node)].plannedSleep;
    co_await nextEventLoopTurn();
    PyValue value;
    std::exception_ptr error;
    try {
        if (token.stop_requested())
            throw CancelledError();
        run->add(TaskEvent::Kind::Started, node);
        const TaskContext context(&run->record, &run->clock, node, token,
                                  run->abandoned.get_token());
        value = co_await runDemoTask(context, spec, sleep);
        run->add(TaskEvent::Kind::Returned, node, value);
    } catch (...) {
        error = std::current_exception();
        run->add(isCancellation(error) ? TaskEvent::Kind::Cancelled : TaskEvent::Kind::Raised, node,
                 {}, describeException(error));
    }
    run->markEnded(node);
    co_await nextEventLoopTurn(); // the done callbacks' turn
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

//! A nested gather is a future, not a Task: it takes no turn of its own.
QCoro::Task<PyValue> runNestedGather(std::shared_ptr<RunState> run, int node, std::stop_token token)
{
    run->add(TaskEvent::Kind::Started, node);
    try {
        PyValue value = co_await runGather(run, node, token);
        run->add(TaskEvent::Kind::Returned, node, value);
        run->markEnded(node);
        co_return value;
    } catch (...) {
        const auto error = std::current_exception();
        run->add(isCancellation(error) ? TaskEvent::Kind::Cancelled : TaskEvent::Kind::Raised, node,
                 {}, describeException(error));
        run->markEnded(node);
        throw;
    }
}

//! One task of the scenario: records its start and how it ended.
QCoro::Task<PyValue> runTask(std::shared_ptr<RunState> run, int node, std::stop_token token)
{
    if (run->specs[std::size_t(node)]->kind == TaskSpec::Kind::Gather)
        return runNestedGather(std::move(run), node, std::move(token));
    return runLeafTask(std::move(run), node, std::move(token));
}

} // namespace

QCoro::Task<PyValue> ChildTask::operator()(std::stop_token token) const
{
    return runTask(run, child, std::move(token));
}

namespace {

//! The list a gather returns. With return_exceptions, asyncio (3.11) puts a new
//! `CancelledError('')` in the place of a task that was cancelled, while a nested gather that
//! raised CancelledError keeps its own `CancelledError()`.
template<typename Slots>
PyValue toList(const Slots &results, const RunState &run, const std::vector<int> &children)
{
    PyValue::List items;
    std::size_t place = 0;
    for (const auto &slot : results) {
        const TaskSpec &task = *run.specs[std::size_t(children[place++])];
        if constexpr (std::is_same_v<std::decay_t<decltype(slot)>, PyValue>) {
            items.push_back(slot);
        } else if (slot.hasValue()) {
            items.push_back(slot.value());
        } else {
            ExceptionInfo error = describeException(slot.error());
            if (isCancellation(slot.error()) && task.kind != TaskSpec::Kind::Gather)
                error.emptyMessageIsArgument = true;
            items.push_back(PyValue::exception(std::move(error)));
        }
    }
    return PyValue::list(std::move(items));
}

//! Records the end of \a node, cancelled before it started, if it has not ended. A gather
//! that never started never started its tasks either; in the asyncio program they exist from
//! the start and are cancelled with it, so each ends as cancelled, before the gather.
void endNeverStarted(RunState &run, int node)
{
    if (run.ended[std::size_t(node)])
        return;
    for (const int child : run.children[std::size_t(node)])
        endNeverStarted(run, child);
    run.add(TaskEvent::Kind::Cancelled, node, {}, {"CancelledError", ""});
    run.markEnded(node);
}

//! A gather of the scenario (node 0 is the top-level one): its tasks, its cancellations.
QCoro::Task<PyValue> runGather(std::shared_ptr<RunState> run, int node, std::stop_token token)
{
    const bool returnExceptions = node == 0 ? run->scenario->returnExceptions
                                            : run->specs[std::size_t(node)]->returnExceptions;
    const std::vector<int> &children = run->children[std::size_t(node)];
    std::vector<ChildTask> factories;
    factories.reserve(children.size());
    GatherOptions options;
    options.stopToken = token;
    for (const int child : children) {
        factories.push_back({run, child});
        options.taskStopTokens.push_back(run->cancelNode[std::size_t(child)].get_token());
    }
    // A task cancelled before it could start never runs: record its end all the same. The
    // children are looked up in the run, not copied into the observer (100,000 of them at the
    // top level).
    options.observer = [run, node](const GatherTaskEvent &event) {
        if (event.kind == GatherTaskEvent::Kind::Cancelled)
            endNeverStarted(*run, run->children[std::size_t(node)][event.index]);
    };

    run->add(TaskEvent::Kind::GatherStarted, node);
    try {
        PyValue result;
        if (returnExceptions)
            result = toList(co_await gather<GatherPolicy::ReturnExceptions>(std::move(factories),
                                                                            std::move(options)),
                            *run, children);
        else
            result =
                toList(co_await gather(std::move(factories), std::move(options)), *run, children);
        run->add(TaskEvent::Kind::GatherReturned, node, result);
        co_return result;
    } catch (...) {
        run->add(TaskEvent::Kind::GatherRaised, node, {},
                 describeException(std::current_exception()));
        throw;
    }
}

//! asyncio's `future.cancel()` on \a node: false, doing nothing, when it is done already; a
//! gather, when each of its tasks is. A task is done once its coroutine has ended, a turn
//! before its gather hears of it: after a `time.sleep` a cancellation can fall in that turn.
bool acceptsCancel(const RunState &run, int node)
{
    if (node != 0 && run.ended[std::size_t(node)])
        return false;
    if (node != 0 && run.specs[std::size_t(node)]->kind != TaskSpec::Kind::Gather)
        return true;
    const auto &children = run.children[std::size_t(node)];
    return std::any_of(children.begin(), children.end(),
                       [&run](int child) { return acceptsCancel(run, child); });
}

//! Each `cancel_after` as a timer, in the order the equivalent asyncio program calls
//! `loop.call_later(t, future.cancel)`: depth-first, a gather's after its tasks' (it is made
//! after them), the top-level one last. Equal deadlines run in this order.
void scheduleCancellations(RunState &run, int node)
{
    for (const int child : run.children[std::size_t(node)])
        scheduleCancellations(run, child);
    const std::optional<double> after =
        node == 0 ? run.scenario->cancelAfter : run.specs[std::size_t(node)]->cancelAfter;
    if (!after)
        return;
    // A plain pointer to the run state, not a share of it: the clock the call waits in is part
    // of it, so the call never outlives it.
    std::stop_source stop = node == 0 ? run.cancelRun : run.cancelNode[std::size_t(node)];
    const RunState *state = &run;
    run.clock.callLater(LoopTime(*after), [stop, state, node]() mutable {
        if (acceptsCancel(*state, node))
            stop.request_stop();
    });
}

QCoro::Task<> runScenario(std::shared_ptr<RunState> run)
{
    try {
        co_await runGather(run, 0, run->cancelRun.get_token());
    } catch (...) {
        run->gatherRaised = true;
    }
    run->markEnded(0);
}

} // namespace
} // namespace detail

namespace {

//! \a scenario with the return_exceptions that \a options give apart from the file (the
//! command line, the window's comparison): what the run's file keeps.
Scenario asRun(Scenario scenario, const RunOptions &options)
{
    if (options.returnExceptions)
        scenario.returnExceptions = *options.returnExceptions;
    return scenario;
}

//! The same of a scenario others share: a copy, made only when the option changes it.
std::shared_ptr<const Scenario> asRun(std::shared_ptr<const Scenario> scenario,
                                      const RunOptions &options)
{
    if (!options.returnExceptions || *options.returnExceptions == scenario->returnExceptions)
        return scenario;
    return std::make_shared<const Scenario>(asRun(Scenario(*scenario), options));
}

} // namespace

Runner::Runner(Scenario scenario, RunOptions options, QObject *parent)
    : Runner(std::make_shared<const Scenario>(asRun(std::move(scenario), options)), options, parent)
{}

Runner::Runner(std::shared_ptr<const Scenario> scenario, RunOptions options, QObject *parent)
    : QObject(parent)
    , m_run(std::make_shared<detail::RunState>(asRun(std::move(scenario), options),
                                               options.clockMode))
{
    auto &run = *m_run;
    run.seedIsFresh = !options.seed && !run.scenario->seed;
    run.seed = options.seed         ? *options.seed
               : run.scenario->seed ? *run.scenario->seed
                                    : detail::freshSeed();
    run.clock.setSpeed(options.speed);
    run.record.setKeepsEvents(options.keepEvents);

    // Python's generator, not <random>'s: a seed gives the sleeps `random.seed(seed)` and
    // `random.randint` give, on every platform.
    PyRandom random(run.seed);
    TaskNode root;
    root.label = run.scenario->title.isEmpty() ? QStringLiteral("gather") : run.scenario->title;
    root.cancelAfter = run.scenario->cancelAfter;
    root.returnExceptions = run.scenario->returnExceptions;
    std::vector<TaskNode> nodes{root};
    run.specs.push_back(nullptr);
    detail::addNodes(run, nodes, run.scenario->tasks, 0, random);
    run.ended.assign(nodes.size(), false);
    run.children.resize(nodes.size());
    for (const TaskNode &node : nodes) {
        if (node.parent >= 0)
            run.children[std::size_t(node.parent)].push_back(node.id);
    }
    // A stop state only where a `cancel_after` can use it: a gather links every token it gets.
    run.cancelNode.resize(nodes.size(), std::stop_source(std::nostopstate));
    for (std::size_t id = 1; id < nodes.size(); ++id) {
        if (run.specs[id]->cancelAfter)
            run.cancelNode[id] = std::stop_source();
    }
    // A say_hello or a divide records six events (started, printed, slept, woke, printed,
    // returned), a gather three: room for six a node, made once.
    if (options.keepEvents)
        run.record.reserveEvents(6 * nodes.size());
    run.record.setNodes(std::move(nodes));
}

Runner::~Runner()
{
    if (m_state != State::Running)
        return;
    m_run->onFinished = nullptr;
    m_run->cancelRun.request_stop();
    // A fail-fast gather that already raised cancels nothing: wake every sleeper as
    // cancelled, and stop every wait for a worker thread, so that the tasks left unwind now
    // instead of running on without a window.
    m_run->abandoned.request_stop();
    m_run->clock.cancelAll();
}

const Scenario &Runner::scenario() const
{
    return *m_run->scenario;
}
std::uint64_t Runner::seed() const
{
    return m_run->seed;
}
bool Runner::seedIsFresh() const
{
    return m_run->seedIsFresh;
}
bool Runner::usesRandomSleeps() const
{
    return m_run->usesRandomSleeps;
}
const EventRecord &Runner::record() const
{
    return m_run->record;
}
ScenarioClock &Runner::clock()
{
    return m_run->clock;
}
bool Runner::gatherRaised() const
{
    return m_run->gatherRaised;
}

void Runner::start()
{
    if (m_state != State::Ready)
        return;
    m_state = State::Running;
    m_run->onFinished = [this] {
        // Let the coroutine that ended the run unwind before anyone reacts (and maybe
        // destroys this Runner).
        QTimer::singleShot(0, this, [this] {
            m_state = State::Finished;
            Q_EMIT m_run->record.completed();
            Q_EMIT finished();
        });
    };
    detail::scheduleCancellations(*m_run, 0);
    auto task = detail::runScenario(m_run);
    Q_UNUSED(task); // runs on by itself; the run state keeps everything it needs alive
}

void Runner::restore(const std::vector<TaskEvent> &events)
{
    if (m_state != State::Ready)
        return;
    m_state = State::Finished;
    for (const TaskEvent &event : events) {
        if (event.node == 0 && event.kind == TaskEvent::Kind::GatherRaised)
            m_run->gatherRaised = true;
        m_run->record.append(event);
    }
    Q_EMIT m_run->record.completed();
}

void Runner::cancel()
{
    m_run->clock.catchUp(); // stamped with the moment it was asked for
    m_run->cancelRun.request_stop();
}

void awaitUnwound(const QPointer<const EventRecord> &record)
{
    QDeadlineTimer patience(std::chrono::seconds(5));
    while (record && !patience.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace Gatherscope
