#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# SPDX-FileCopyrightText: 2026 The Gatherscope developers
"""Runs a Python twin (`gatherscope --python`) on a virtual clock, unchanged.

Only the harness differs from `python3 TWIN.py`: asyncio.run gets the reference's virtual-time
loop (asyncio's own iterations; time jumps to the next timer when nothing is ready),
time.sleep moves that loop's time on instead of the process's, and asyncio.to_thread does its
work at once (a compute pads it to its cost with asyncio.sleep), so a run of many seconds takes
milliseconds and prints exactly what it prints in real time. The twin's
stdout and exit status are its own.
Usage: run_twin.py TWIN.py          (prints what it prints, exits with its status)
       run_twin.py A.py B.py ...   (one JSON line per twin: its stdout and its status)
"""

import asyncio
import contextlib
import io
import json
import os
import runpy
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import time  # noqa: E402

from asyncio_reference import (VirtualTimeLoop, virtual_time_sleep,  # noqa: E402
                               virtual_to_thread)


def run_on_virtual_time(main):
    loop = VirtualTimeLoop()
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main)
    finally:
        asyncio.set_event_loop(None)
        loop.close()


def run_twin(path):
    """Runs the twin at `path` as its own program; its exit status."""
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as end:
        return end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
    return 0


def run_many(paths):
    for path in paths:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            status = run_twin(path)
        print(json.dumps({"path": path, "stdout": captured.getvalue(), "status": status}))


if __name__ == "__main__":
    asyncio.run = run_on_virtual_time
    asyncio.to_thread = virtual_to_thread
    time.sleep = virtual_time_sleep
    if len(sys.argv) == 2:
        sys.exit(run_twin(sys.argv[1]))
    run_many(sys.argv[1:])
