#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
"""Python's own asyncio.gather on the same work as tests/benchmarks/bench_gather.cpp.

Prints one JSON object per line: {"case": "ready"|"suspend", "n": N, "ns_per_task": ...,
"peak_bytes_per_task": ...}. Time is the best of a few runs; memory comes from a separate
run under tracemalloc (which would distort the timing).
"""
import asyncio
import json
import sys
import time
import tracemalloc


async def return_at_once():
    return 1


async def suspend_once():
    await asyncio.sleep(0)
    return 1


async def gather_all(make, n):
    results = await asyncio.gather(*(make() for _ in range(n)))
    return sum(results)


def measure(make, n, repeats):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter_ns()
        asyncio.run(gather_all(make, n))
        best = min(best, time.perf_counter_ns() - start)
    tracemalloc.start()
    asyncio.run(gather_all(make, n))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best / n, peak / n


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000, 100000, 1000000]
    for name, make in (("ready", return_at_once), ("suspend", suspend_once)):
        for n in sizes:
            repeats = 3 if n <= 100000 else 1
            ns, peak = measure(make, n, repeats)
            print(json.dumps({"case": name, "n": n, "ns_per_task": round(ns, 1),
                              "peak_bytes_per_task": round(peak, 1)}), flush=True)


if __name__ == "__main__":
    main()
