#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
"""Prints gather, QtFuture::whenAll and asyncio.gather side by side, with ratios.

Arguments: the Google Benchmark JSON file and the asyncio JSON-lines file. Also prints the
2,000,000-task gather and, for suspending tasks, the bytes gather adds beyond each task's frame."""
import json
import re
import sys


def load(cpp_path, python_path):
    rows = {}
    for bench in json.load(open(cpp_path))["benchmarks"]:
        match = re.match(r"BM_(Gather|WhenAll)_(Ready|Suspend)/(\d+)", bench["name"])
        if match:
            who, case, n = match.group(1), match.group(2).lower(), int(match.group(3))
            # Google Benchmark writes an inverted rate counter in seconds per item.
            rows[(case, n, who)] = (bench["ns_per_task"] * 1e9, bench["peak_bytes_per_task"])
            if "bookkeeping_bytes_per_task" in bench:
                rows[(case, n, "bookkeeping")] = (bench["bookkeeping_bytes_per_task"],
                                                  bench["frame_bytes_per_task"])
        elif bench["name"].startswith("BM_Gather_TwoMillionSuspending"):
            rows["two_million_ms"] = bench["real_time"]
    for line in open(python_path):
        item = json.loads(line)
        rows[(item["case"], item["n"], "asyncio")] = (item["ns_per_task"],
                                                       item["peak_bytes_per_task"])
    return rows


def main():
    rows = load(sys.argv[1], sys.argv[2])
    header = ("case", "N", "gather ns/task", "whenAll ns/task", "asyncio ns/task",
              "asyncio/gather", "whenAll/gather", "gather B/task", "whenAll B/task",
              "asyncio B/task")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for case in ("ready", "suspend"):
        for n in sorted({key[1] for key in rows if key[0] == case}):
            gather = rows.get((case, n, "Gather"))
            when_all = rows.get((case, n, "WhenAll"))
            python = rows.get((case, n, "asyncio"))
            if not (gather and when_all and python):
                continue
            print(f"| {case} | {n:,} | {gather[0]:.0f} | {when_all[0]:.0f} | {python[0]:.0f} | "
                  f"{python[0] / gather[0]:.0f}x | {when_all[0] / gather[0]:.1f}x | "
                  f"{gather[1]:.0f} | {when_all[1]:.0f} | {python[1]:.0f} |")
    print()
    for n in sorted({key[1] for key in rows if key[0] == "suspend" and key[2] == "bookkeeping"}):
        extra, frame = rows[("suspend", n, "bookkeeping")]
        print(f"suspend, N = {n:,}: gather's bookkeeping {extra:.0f} B/task "
              f"beyond the task's frame ({frame:.0f} B)")
    if "two_million_ms" in rows:
        print(f"one gather of 2,000,000 suspending tasks: {rows['two_million_ms']:.0f} ms")


if __name__ == "__main__":
    main()
