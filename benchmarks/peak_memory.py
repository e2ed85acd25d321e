"""Runs ``accords-viewer`` with the arguments given, then prints its peak memory.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/peak_memory.py --db DB --screenshot OUT

The last line of output is JSON: the exit code and the peak resident memory
in MB. The process reads its own peak (``VmHWM``) rather than its parent
reading ``ru_maxrss``: on Linux a child's ``ru_maxrss`` also counts the
memory of the process that spawned it, so a large benchmark process would
report its own size for every child.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory in MB (Linux's VmHWM)."""
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


if __name__ == "__main__":
    from viewer.app import main  # here: window_startup.py imports this module for peak_mb

    code = main(sys.argv[1:])
    print(json.dumps({"exit": code, "peak_mb": peak_mb()}))
