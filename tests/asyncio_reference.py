#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
"""Prints what the asyncio program equivalent to a Gatherscope scenario prints.

The reference for `gatherscope --headless --instant`: the seed article's `say_hello` and
`divide`, one `asyncio.gather` per gather of the scenario, `loop.call_later(t, fut.cancel)` for
each `cancel_after`, and the article's way of printing the results. Time is virtual, as on
Gatherscope's scenario clock: when nothing is ready the loop jumps to its next timer instead of
waiting for it, so a run takes milliseconds and events of different instants never race. The
loop's iterations are asyncio's own; only its clock and the order of equal deadlines are set.

Random sleeps are drawn as Gatherscope draws them: `random.seed(seed)`, then `random.randint(min,
max)` for each, depth-first in file order; so a scenario with random sleeps needs its seed.
Usage: asyncio_reference.py SCENARIO.json        (prints what the program prints)
       asyncio_reference.py A.json B.json ...  (one JSON line per scenario, for many at once)
"""

import asyncio
import builtins
import contextlib
import heapq
import io
import itertools
import json
import math
import random
import selectors
import sys
import time


class VirtualTimeSelector(selectors.SelectSelector):
    """Instead of blocking until the next timer is due, moves the loop's clock to it."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("nothing is scheduled: the program would wait forever")
        if timeout > 0:  # nothing is ready: go to the first timer, exactly
            self.loop.now = max(self.loop.now, self.loop._scheduled[0]._when)
        return super().select(0)


class NextDouble(float):
    """A clock resolution that, added to a time, gives the next double after it: `_run_once`
    then pops exactly the timers due at or before the current instant, all in one iteration."""

    def __radd__(self, other):
        return math.nextafter(other, math.inf)


class OrderedTimerHandle(asyncio.TimerHandle):
    """A timer that ties with an equal deadline in the order it was set. asyncio's own heap
    leaves that order to heapq, which does not keep it; on a real clock equal deadlines almost
    never happen, on a virtual one they are the rule."""

    _order = itertools.count()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._order_set = next(self._order)

    def __lt__(self, other):
        return (self._when, self._order_set) < (other._when, other._order_set)


def virtual_time_sleep(seconds):
    """`time.sleep` on the virtual clock: the loop's time moves on by `seconds` at once, and
    since the loop is held nothing else runs meanwhile, as with the real `time.sleep`."""
    loop = asyncio.get_running_loop()
    if not isinstance(loop, VirtualTimeLoop):
        raise RuntimeError("time.sleep on virtual time outside its loop")
    loop.now += seconds


async def virtual_to_thread(work, /, *args):
    """`asyncio.to_thread` on the virtual clock: the work is done at once, in no time, and its
    result comes back as a thread's does, through the loop's ready queue (`_set_state`, which
    `call_soon_threadsafe` schedules), so the task ends two iterations after its first step.
    A twin's `compute` gathers it with `asyncio.sleep(cost)`, so it takes its declared cost, as
    on Gatherscope's virtual clock, whatever this machine takes."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    result = work(*args)
    # asyncio's _set_state leaves a future cancelled meanwhile alone.
    loop.call_soon(lambda: future.cancelled() or future.set_result(result))
    return await future


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """asyncio's event loop, unchanged but for its clock: time stands still while anything is
    ready and jumps to the next timer when nothing is, so a run takes milliseconds and every
    instant is exact. Each iteration is asyncio's own `_run_once`."""

    def __init__(self):
        selector = VirtualTimeSelector()
        super().__init__(selector)
        selector.loop = self
        self.now = 0.0
        self._clock_resolution = NextDouble(0.0)

    def time(self):
        return self.now

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with the timer above.
        self._check_closed()
        timer = OrderedTimerHandle(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


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


async def fail(error, message, sleep):
    await asyncio.sleep(sleep)
    raise error(message)


async def blocking_sleep(sleep):
    time.sleep(sleep)  # the classic mistake: it holds the event loop, no other task runs
    return sleep


def primes_below(n):
    prime = bytearray([1]) * n
    prime[:2] = bytes(min(n, 2))
    k = 2
    while k * k < n:
        if prime[k]:
            prime[k * k::k] = bytes(len(range(k * k, n, k)))
        k += 1
    return prime


WORKS = {
    "sum_primes": lambda n: sum(k for k, is_prime in enumerate(primes_below(n)) if is_prime),
    "count_primes": lambda n: sum(primes_below(n)),
}


async def compute(work, n, cost):
    print(f"Computing {work}({n}) on a worker thread")
    # The twin's to_thread on the virtual clock (done at once), padded to the declared cost.
    result, _ = await asyncio.gather(virtual_to_thread(WORKS[work], n), asyncio.sleep(cost))
    print(f"{work}({n}) = {result}")
    return result


DEFAULT_SLEEP = {"say_hello": {"min": 1, "max": 3}, "divide": 1, "fail": 1, "blocking_sleep": 1,
                 "compute": 1}


def seconds_of(spec):
    """A task's seconds as the file gives them: its sleep, or a compute's cost."""
    return spec.get("cost" if spec["task"] == "compute" else "sleep", DEFAULT_SLEEP[spec["task"]])


def coroutine_of(spec, sleep):
    """The coroutine of a task that is not a gather."""
    kind = spec["task"]
    if kind == "say_hello":
        return say_hello(spec["name"], sleep)
    if kind == "blocking_sleep":
        return blocking_sleep(sleep)
    if kind == "compute":
        return compute(spec["work"], spec["n"], sleep)
    if kind == "fail":
        return fail(getattr(builtins, spec["exception"]), spec["message"], sleep)
    return divide(spec["x"], spec["y"], sleep)


def start(spec, everything):
    """Starts one task of the scenario (depth-first, in file order); its future."""
    loop = asyncio.get_running_loop()
    kind = spec["task"]
    if kind == "gather":
        children = [start(child, everything) for child in spec["tasks"]]
        future = asyncio.gather(*children, return_exceptions=spec.get("return_exceptions", False))
    else:
        sleep = seconds_of(spec)
        if isinstance(sleep, dict):  # drawn here, in the order Gatherscope draws them
            sleep = random.randint(sleep["min"], sleep["max"])
        future = asyncio.ensure_future(coroutine_of(spec, sleep))
    everything.append(future)
    if "cancel_after" in spec:
        loop.call_later(spec["cancel_after"], future.cancel)
    return future


async def main(scenario):
    everything = []
    top = asyncio.gather(*[start(spec, everything) for spec in scenario["tasks"]],
                         return_exceptions=scenario.get("return_exceptions", False))
    if "cancel_after" in scenario:
        asyncio.get_running_loop().call_later(scenario["cancel_after"], top.cancel)
    try:
        result = await top
    except BaseException as error:  # CancelledError too
        message = str(error)
        print(f"gather raised {type(error).__name__}" + (f": {message}" if message else ""))
    else:
        if scenario.get("report", "each") == "list":
            print(result)
        else:
            for r in result:
                if isinstance(r, Exception):
                    print(f"Error: {r}")
                else:
                    print(f"Result: {r}")
    # The tasks that keep running after a fail-fast raise still print.
    if everything:
        await asyncio.wait(everything)
    for future in everything:  # retrieved, so asyncio does not warn about them
        if not future.cancelled():
            future.exception()


def has_random_sleep(tasks):
    return any(has_random_sleep(t["tasks"]) if t["task"] == "gather"
               else isinstance(seconds_of(t), dict) for t in tasks)


def run(path):
    with open(path, encoding="utf-8") as file:
        scenario = json.load(file)
    if "seed" in scenario:
        random.seed(scenario["seed"])
    elif has_random_sleep(scenario["tasks"]):
        raise SystemExit(f"{path}: random sleeps can only be compared with a seed")
    loop = VirtualTimeLoop()
    time.sleep = virtual_time_sleep
    try:
        loop.run_until_complete(main(scenario))
    finally:
        loop.close()


def run_many(paths):
    """One JSON line per scenario: {"path": ..., "stdout": what it printed}."""
    for path in paths:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            run(path)
        print(json.dumps({"path": path, "stdout": captured.getvalue()}))


if __name__ == "__main__":
    if len(sys.argv) == 2:
        run(sys.argv[1])
    else:
        run_many(sys.argv[1:])
