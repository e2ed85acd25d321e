"""What the start-up check costs on a large database, and what the clean-close note saves.

Run: .venv/bin/python benchmarks/start_up_check.py DATABASE

DATABASE is only read (opened read-only; a scratch user folder holds the
clean-close note). Prints the time of SQLite's quick_check and
integrity_check on it, then of three opens in a row: the first runs the
quick check, the next ones find the file unchanged since the last clean close
and skip it. Measured at 1M events (2.5 GB, on a busy 2-core machine):
quick_check 4.1 s, integrity_check 27 s (what a backup's check costs), open
4.1 s then 0.00 s.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def pragma_seconds(path: Path, pragma: str) -> float:
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        began = time.perf_counter()
        connection.execute(f"PRAGMA {pragma}").fetchall()
        return time.perf_counter() - began
    finally:
        connection.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = Path(argv[0])
    with tempfile.TemporaryDirectory(prefix="accords-bench-") as scratch:
        os.environ["XDG_STATE_HOME"] = scratch  # the note goes here, not to the user's folder
        from viewer.store.bootstrap import open_or_create

        print(f"{path} ({path.stat().st_size / 1e9:.2f} GB)")
        print(f"quick_check(10):     {pragma_seconds(path, 'quick_check(10)'):7.2f} s")
        print(f"integrity_check(10): {pragma_seconds(path, 'integrity_check(10)'):7.2f} s")
        for attempt in range(3):
            began = time.perf_counter()
            _, opened = open_or_create(path, "benchmark", read_only=True)
            took = time.perf_counter() - began
            opened.close()
            print(f"open {attempt + 1}:              {took:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
