"""Issue 8's figures, each as a ratio against a baseline measured in the same run.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/run.py --events 1000000
     [--db FOLDER] [--only paint,memory,search,select,jump,sort,import,check]
     [--repeats 5] [--import-events 100000] [--check-events 100000]

The synthetic database (``accords-viewer synth``) is built once and kept in
FOLDER (default: a folder in the system's temporary directory), named by its
size and seed, so a second run reuses it. Each figure times the app and its
baseline alternately, at least five times each, so that a busy machine
shifts both alike, and prints min and median of both, the ratio of the
medians, the issue's target and PASS or MISS:

* paint: first paint, and "rows and detail shown", of the window on the
  bundled data and on the synthetic database, against a bare PySide6 window
  with an empty QTableView (each start a process of its own,
  window_startup.py);
* memory: peak memory of ``--screenshot`` on the synthetic database against
  the bundled data (target: at most 80 MB more), as each process reads its
  own (peak_memory.py);
* search: p50 and p95 over the queries of search_queries.py through the
  store's search, against sqlite3 running the raw FTS5 MATCH on the same file;
* select, jump, sort: the detail of the participant with the most events,
  the last row of the events list, and each column of each list sorted,
  against reading the first page of the same list;
* import: an exchange file of ``--import-events`` events through the store,
  against executemany of the same rows (import_and_check.py);
* check: ``check`` at ``--check-events`` and at the full size, against the
  same checks as plain SQL through sqlite3.
"""

# ruff: noqa: S608 (the SQL here is built from this file's own constants only)
from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from import_and_check import exchange_file, plain_sql, through_the_store
from search_queries import CASES

from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.store.database import head_revision
from viewer.store.synth import synthesise
from viewer.store.synth_records import SynthSize

HERE = Path(__file__).resolve().parent
GROUPS = ("paint", "memory", "search", "select", "jump", "sort", "import", "check")
SEED = 1
MEMORY_ALLOWANCE_MB = 80.0


@dataclass
class Figure:
    name: str
    ours: list[float]
    baseline: list[float]
    target: str
    limit: float  # the largest ratio that passes (or, for memory, megabytes more)
    unit: str = "s"
    difference: bool = False  # pass on ours - baseline, not ours / baseline

    @property
    def ratio(self) -> float:
        return statistics.median(self.ours) / max(statistics.median(self.baseline), 1e-9)

    @property
    def passed(self) -> bool:
        if self.difference:
            return statistics.median(self.ours) - statistics.median(self.baseline) <= self.limit
        return self.ratio <= self.limit


def timed(work: Callable[[], object]) -> float:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began


def alternate(
    ours: Callable[[], object], baseline: Callable[[], object], repeats: int
) -> tuple[list[float], list[float]]:
    """Each timed ``repeats`` times, one after the other, after one untimed warm-up."""
    ours()
    baseline()
    ours_times, baseline_times = [], []
    for _ in range(repeats):
        ours_times.append(timed(ours))
        baseline_times.append(timed(baseline))
    return ours_times, baseline_times


# -- databases -------------------------------------------------------------------


def synthetic(folder: Path, events: int) -> Path:
    size = SynthSize(events=events, parties=200, sources=max(100, events // 50))
    # Named by the schema too: a file kept from an older version is not upgraded in place.
    path = folder / (
        f"synth-{events}-p{size.parties}-s{size.sources}-seed{SEED}-schema{head_revision()}.sqlite3"
    )
    if not path.exists():
        print(f"building {path} ...", file=sys.stderr, flush=True)
        began = time.perf_counter()
        synthesise(path, size, SEED, progress=lambda m: print(f"  {m}", file=sys.stderr))
        print(f"built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return path


def bundled(folder: Path) -> Path:
    path = folder / "bundled.sqlite3"
    if not path.exists():
        _, opened = api.open_or_create(path, "benchmark")
        opened.close()
    return path


# -- the window, in processes of its own -----------------------------------------------


def start_window(*arguments: str) -> dict[str, float]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(HERE / "window_startup.py"), *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def paint_figures(big: Path, small: Path, events: int, repeats: int) -> list[Figure]:
    runs: dict[str, list[dict[str, float]]] = {"bare": [], "bundled": [], "synthetic": []}
    start_window("bare")  # warm the file cache
    for _ in range(repeats):
        runs["bare"].append(start_window("bare"))
        runs["bundled"].append(start_window("app", str(small)))
        runs["synthetic"].append(start_window("app", str(big)))
    bare = [run["first_paint"] for run in runs["bare"]]
    figures = []
    for label, name, limit in (
        ("bundled data", "bundled", 3.0),
        (f"{events:,} events", "synthetic", 3.5),
    ):
        figures.append(
            Figure(
                f"first paint, {label}",
                [run["first_paint"] for run in runs[name]],
                bare,
                "<= 1.5x bare window",
                1.5,
            )
        )
        figures.append(
            Figure(
                f"rows and detail shown, {label}",
                [run["rows_and_detail"] for run in runs[name]],
                bare,
                f"<= {limit}x bare window",
                limit,
            )
        )
    return figures


def peak_memory_mb(database: Path, scratch: Path) -> float:
    """The peak memory of ``accords-viewer --screenshot`` on ``database`` (peak_memory.py)."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            str(HERE / "peak_memory.py"),
            "--db",
            str(database),
            "--screenshot",
            str(scratch / "shot.png"),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["exit"] != 0:
        raise RuntimeError(f"--screenshot on {database} failed: {result.stderr.strip()}")
    return float(figures["peak_mb"])


def memory_figure(big: Path, small: Path, events: int, repeats: int) -> Figure:
    ours, baseline = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeats):
            ours.append(peak_memory_mb(big, Path(scratch)))
            baseline.append(peak_memory_mb(small, Path(scratch)))
    return Figure(
        f"peak memory of --screenshot, {events:,} events",
        ours,
        baseline,
        f"<= bundled + {MEMORY_ALLOWANCE_MB:.0f} MB",
        MEMORY_ALLOWANCE_MB,
        unit="MB",
        difference=True,
    )


# -- the store, in this process ---------------------------------------------------------


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def search_figures(store: api.Store, path: Path, repeats: int) -> list[Figure]:
    raw = sqlite3.connect(path)
    ours: list[list[float]] = []
    baseline: list[list[float]] = []
    try:
        for case in CASES:

            def run_raw(case: Any = case) -> None:
                for statement, parameters in case.statements:
                    raw.execute(statement, parameters).fetchall()

            app_times, raw_times = alternate(
                partial(api.search, store, case.query), run_raw, repeats
            )
            ours.append(app_times)
            baseline.append(raw_times)
    finally:
        raw.close()
    figures = []
    for label, fraction, limit in (("p50", 0.5, 3.0), ("p95", 0.95, 3.0)):
        # Each run's percentile over the queries: min and median of those over the runs.
        per_run_ours = [percentile([q[n] for q in ours], fraction) for n in range(repeats)]
        per_run_raw = [percentile([q[n] for q in baseline], fraction) for n in range(repeats)]
        figures.append(
            Figure(
                f"search {label}, {len(CASES)} queries",
                per_run_ours,
                per_run_raw,
                f"<= {limit:g}x raw FTS5" if label == "p95" else "(p95 is the target)",
                limit if label == "p95" else float("inf"),
            )
        )
    return figures


def busiest_party(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as connection:
        key, events = connection.execute(
            "SELECT p.key, count(DISTINCT r.event_id) FROM event_roles r "
            "JOIN parties p ON p.id = r.party_id GROUP BY r.party_id ORDER BY 2 DESC LIMIT 1"
        ).fetchone()
    return str(key), int(events)


def first_page(store: api.Store, kind: RecordKind) -> Callable[[], object]:
    return lambda: api.fetch_rows(store, api.ListQuery(kind), 0, api.PAGE_SIZE)


def select_figure(store: api.Store, path: Path, repeats: int) -> Figure:
    key, events = busiest_party(path)
    ours, baseline = alternate(
        lambda: api.load_detail(store, RecordKind.PARTY, key),
        first_page(store, RecordKind.PARTY),
        repeats,
    )
    return Figure(
        f"select a participant with {events:,} events",
        ours,
        baseline,
        "<= 5x one page",
        5.0,
    )


def jump_figures(store: api.Store, repeats: int) -> list[Figure]:
    """Jumping to a row as the window does: the list's total is known, so
    the row is counted from the nearer end (the last row), or from both
    ends up to the middle (the worst case)."""
    query = api.ListQuery(RecordKind.EVENT)
    total = api.count_rows(store, query)
    figures = []
    for where, row_wanted in (("last", total - 1), ("middle", total // 2)):
        (target,) = api.fetch_rows(store, query, row_wanted, 1)

        def jump(key: str = target.key, wanted: int = row_wanted) -> None:
            row = api.row_index(store, query, key, total)
            assert row == wanted, row
            page = row // api.PAGE_SIZE * api.PAGE_SIZE
            api.fetch_rows(store, query, page, api.PAGE_SIZE, total)

        ours, baseline = alternate(jump, first_page(store, RecordKind.EVENT), repeats)
        figures.append(
            Figure(
                f"jump to the {where} of {total:,} events", ours, baseline, "<= 5x one page", 5.0
            )
        )
    return figures


def sort_figures(store: api.Store, repeats: int) -> list[Figure]:
    figures = []
    for kind in (RecordKind.EVENT, RecordKind.PARTY, RecordKind.PERSON, RecordKind.SOURCE):
        for column, header in enumerate(api.headers(kind)):
            for descending in (False, True):
                query = api.ListQuery(kind, sort_column=column, descending=descending)
                ours, baseline = alternate(
                    partial(api.fetch_rows, store, query, 0, api.PAGE_SIZE),
                    first_page(store, kind),
                    repeats,
                )
                order = "descending" if descending else "ascending"
                figures.append(
                    Figure(
                        f"sort {kind.section} by {header}, {order}",
                        ours,
                        baseline,
                        "<= 5x one page",
                        5.0,
                    )
                )
    return figures


def import_figure(events: int, repeats: int) -> Figure:
    data = exchange_file(events)
    ours, baseline = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as scratch:
            imported, _, path = through_the_store(Path(scratch), data)
            inserted, _ = plain_sql(Path(scratch), data, path)
        ours.append(imported)
        baseline.append(inserted)
    return Figure(f"import {events:,} events", ours, baseline, "<= 3x executemany", 3.0)


PLAIN_CHECKS = (
    "PRAGMA integrity_check",
    "PRAGMA foreign_key_check",
    *(
        f"SELECT t.key FROM {table} t WHERE NOT EXISTS "
        f"(SELECT 1 FROM citations c WHERE c.{column} = t.id) ORDER BY t.id"
        for table, column in (
            ("accords", "accord_id"),
            ("parties", "party_id"),
            ("people", "person_id"),
            ("status_actions", "status_action_id"),
            ("events", "event_id"),
        )
    ),
    "SELECT c.id FROM citations c "
    "WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = c.source_id)",
    *(
        f"SELECT key, {prefix}_edtf, {prefix}_lower, {prefix}_upper FROM {table} "
        f"WHERE {prefix}_edtf IS NOT NULL ORDER BY id"
        for table, prefix in (
            ("accords", "first_signed"),
            ("sources", "published"),
            ("sources", "accessed"),
            ("status_actions", "date"),
            ("events", "date"),
        )
    ),
    "SELECT key FROM sources WHERE accessed_upper < published_lower",
    # The log replay's reads: the log in key order, and every record in key order.
    "SELECT record_kind, record_key, id, action, changes FROM revisions "
    "ORDER BY record_kind, record_key, id",
    *(
        f"SELECT * FROM {table} ORDER BY key"
        for table in ("accords", "parties", "people", "sources", "status_actions", "events")
    ),
    "SELECT * FROM event_roles ORDER BY event_id, position",
    "SELECT * FROM citations ORDER BY source_id",
    "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)",
)


def plain_checks(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        for statement in PLAIN_CHECKS:
            for _ in connection.execute(statement):
                pass
    finally:
        connection.close()


def check_figure(path: Path, events: int, repeats: int) -> Figure:
    store, opened = api.open_or_create(path, "benchmark", seed=False)
    try:
        findings: list[Any] = []
        ours, baseline = alternate(
            lambda: findings.append(api.run_checks(store)), lambda: plain_checks(path), repeats
        )
        assert findings[-1] == [], findings[-1][:3]
    finally:
        opened.close()
    return Figure(f"check {events:,} events", ours, baseline, "<= 5x plain SQL", 5.0)


# -- the report ----------------------------------------------------------------------------


def show(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:8.1f} MB"
    if value < 1:
        return f"{value * 1000:8.1f} ms"
    return f"{value:8.2f} s "


def report(figure: Figure) -> str:
    ours = (
        f"{show(min(figure.ours), figure.unit)} {show(statistics.median(figure.ours), figure.unit)}"
    )
    base = (
        f"{show(min(figure.baseline), figure.unit)} "
        f"{show(statistics.median(figure.baseline), figure.unit)}"
    )
    verdict = "" if figure.limit == float("inf") else ("PASS" if figure.passed else "MISS")
    return (
        f"| {figure.name:46} | {ours} | {base} | {figure.ratio:8.2f}x "
        f"| {figure.target:22} | {verdict:4} |"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="folder that keeps the built databases")
    parser.add_argument(
        "--only", default=",".join(GROUPS), help="comma-separated: " + ",".join(GROUPS)
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--import-events", type=int, default=100_000)
    parser.add_argument("--check-events", type=int, default=100_000)
    arguments = parser.parse_args(argv)
    only = [name.strip() for name in arguments.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(GROUPS))
    if unknown:
        parser.error(f"--only: no group {', '.join(unknown)} (groups: {', '.join(GROUPS)})")
    if arguments.repeats < 5:
        print("note: fewer than 5 repeats; the issue asks for at least 5", file=sys.stderr)
    folder = arguments.db or Path(tempfile.gettempdir()) / "accords-viewer-benchmarks"
    folder.mkdir(parents=True, exist_ok=True)
    big, small = synthetic(folder, arguments.events), bundled(folder)
    repeats = arguments.repeats
    figures: list[Figure] = []

    def note(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if "paint" in only:
        note("timing window starts ...")
        figures += paint_figures(big, small, arguments.events, repeats)
    if "memory" in only:
        note("measuring --screenshot memory ...")
        figures.append(memory_figure(big, small, arguments.events, repeats))
    store, opened = api.open_or_create(big, "benchmark", seed=False)
    try:
        if "search" in only:
            note("timing searches ...")
            figures += search_figures(store, big, repeats)
        if "select" in only:
            note("timing a busy participant's detail ...")
            figures.append(select_figure(store, big, repeats))
        if "jump" in only:
            note("timing a jump to the last row ...")
            figures.extend(jump_figures(store, repeats))
        if "sort" in only:
            note("timing sorts ...")
            figures += sort_figures(store, repeats)
    finally:
        opened.close()
    if "import" in only:
        note(f"timing an import of {arguments.import_events:,} events ...")
        figures.append(import_figure(arguments.import_events, repeats))
    if "check" in only:
        for events in sorted({min(arguments.check_events, arguments.events), arguments.events}):
            note(f"timing check on {events:,} events ...")
            path = big if events == arguments.events else synthetic(folder, events)
            figures.append(check_figure(path, events, repeats))
    print(
        f"\n{arguments.events:,} synthetic events; {repeats} alternating runs each; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    print(
        f"| {'figure':46} | {'app min':>11} {'median':>11} | {'baseline min':>11} {'median':>11} "
        f"| {'ratio':>9} | {'target':22} | {'':4} |"
    )
    print(f"|{'-' * 48}|{'-' * 25}|{'-' * 25}|{'-' * 11}|{'-' * 24}|{'-' * 6}|")
    for figure in figures:
        print(report(figure))


if __name__ == "__main__":
    main()
