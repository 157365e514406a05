#!/usr/bin/env python3
"""Prints what the asyncio program equivalent to a Gatherscope scenario prints.

The reference for `gatherscope --headless --instant`: the seed article's `say_hello` and
`divide`, one `asyncio.gather` per gather of the scenario, `loop.call_later(t, fut.cancel)` for
each `cancel_after`, and the article's way of printing the results. Time is virtual, as on
Gatherscope's scenario clock: when nothing is ready the loop jumps to its next timer instead of
waiting for it, so a run takes milliseconds and events of different instants never race.

Only scenarios with fixed sleeps can be compared (random sleeps draw from another generator).
Usage: asyncio_reference.py SCENARIO.json
"""

import asyncio
import json
import selectors
import sys


class VirtualTimeSelector(selectors.SelectSelector):
    """Instead of blocking until the next timer is due, moves the loop's clock to it."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError("nothing is scheduled: the program would wait forever")
        self.now += max(timeout, 0.0)
        return super().select(0)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """Virtual time that still moves a little with every reading, as a real clock does: timers
    of one instant then fire in the order they were set (asyncio's heap of timers is not stable
    for equal deadlines), as they would on a real clock and on Gatherscope's."""

    TICK = 1e-9

    def __init__(self):
        super().__init__(VirtualTimeSelector())

    def time(self):
        self._selector.now += self.TICK
        return self._selector.now


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


DEFAULT_SLEEP = {"divide": 1}


def start(spec, everything):
    """Starts one task of the scenario (depth-first, in file order); its future."""
    loop = asyncio.get_running_loop()
    kind = spec["task"]
    if kind == "gather":
        children = [start(child, everything) for child in spec["tasks"]]
        future = asyncio.gather(*children, return_exceptions=spec.get("return_exceptions", False))
    else:
        sleep = spec.get("sleep", DEFAULT_SLEEP.get(kind))
        if not isinstance(sleep, (int, float)):
            raise SystemExit(f"{spec}: only fixed sleeps can be compared")
        coroutine = (say_hello(spec["name"], sleep) if kind == "say_hello"
                     else divide(spec["x"], spec["y"], sleep))
        future = asyncio.ensure_future(coroutine)
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


def run(path):
    with open(path, encoding="utf-8") as file:
        scenario = json.load(file)
    loop = VirtualTimeLoop()
    try:
        loop.run_until_complete(main(scenario))
    finally:
        loop.close()


if __name__ == "__main__":
    run(sys.argv[1])
