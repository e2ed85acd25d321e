"""Crashes: writers killed with SIGKILL at random moments leave every write whole or absent.

One database lives through the whole test. Each run starts a writer in a
process of its own and kills it at a random moment: either the command line
(``python -m viewer --db DB import FILE``) importing an exchange file, or a
writer making saves through the store's API (see :mod:`crash_writers`).
After each kill the database must pass SQLite's ``integrity_check`` and the
whole ``check`` (``run_checks``: the search index and kept counts against the
tables, the revision log replayed to the tables, and whatever else it
verifies) with no finding at all, and hold exactly the records expected: the
import all there or not at all, each save the writer said it had made there,
the one it was making whole or absent, and none after it.

The runs are drawn from a seeded random generator, whose seed is printed at
the start: ``ACCORDS_CRASH_SEED=N`` runs the same writers with the same kill
delays again (where a kill lands still depends on the machine's speed).
``ACCORDS_CRASH_RUNS=N`` sets the number of kills (50 by default).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.reliability.crash_writers import Save, base_records, import_file, planned_saves
from viewer.domain.enums import RecordKind
from viewer.domain.records import Record
from viewer.domain.serial import record_fields
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import run_checks
from viewer.store.exchange import export_data
from viewer.store.store import Store

RUNS = int(os.environ.get("ACCORDS_CRASH_RUNS", "50"))
IMPORT_SIZE = 500  # records in each import file
IMPORT_SHARE = 0.4  # of the runs; the others kill a writer of saves
SAVES_KILL_WITHIN = 0.25  # seconds after a writer of saves is ready
STARTING_LIMIT = 120  # seconds a writer may take to start before the test gives up
ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"crash-event": RecordKind.EVENT, "crash-party": RecordKind.PARTY}

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="writers are forked")


@dataclass
class Expected:
    """What the database must hold between runs: every key of every kind, and
    the exchange form of the two records that the saves update."""

    keys: dict[RecordKind, set[str]] = field(default_factory=dict)
    targets: dict[str, dict[str, object]] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportTiming:
    """How long an uninterrupted import took from start to end, and how long
    it held the write lock: only to choose kill moments (nothing is asserted
    on it)."""

    whole: float
    writing: float


def test_crash_kills_leave_every_import_and_save_whole_or_absent(tmp_path: Path) -> None:
    seed = _seed()
    print(f"crash test seed {seed}: ACCORDS_CRASH_SEED={seed} replays it ({RUNS} kills)")
    database = tmp_path / "crash.sqlite3"
    expected = Expected({kind: set() for kind in RecordKind})
    with _opened(database) as store:
        for record in base_records():
            store.add(record)
            expected.keys[record.kind].add(record.key)
        for key, kind in TARGETS.items():
            expected.targets[key] = _fields(store.get(kind, key))
    timing = _whole_import(database, seed, tmp_path, expected)
    print(f"an import took {timing.whole:.3f} s, {timing.writing:.3f} s of it writing")
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    with _Writers() as writers:
        for run in range(1, RUNS + 1):
            context = f"seed {seed}, run {run}"
            if rng.random() < IMPORT_SHARE:
                # Most kills of an import wait for its write transaction, where
                # a kill matters most; the others land anywhere in the command.
                in_write = rng.random() < 0.7
                span = timing.writing * 1.2 if in_write else timing.whole * 1.1
                outcome, detail = _killed_import(
                    database, seed, run, expected, in_write, rng.uniform(0, span), context
                )
            else:
                delay = rng.uniform(0, SAVES_KILL_WITHIN)
                outcome, detail = _killed_saves(
                    writers, database, seed, run, expected, delay, context
                )
            outcomes[outcome] += 1
            print(f"run {run}: {outcome}{detail}")
    print("outcomes:", dict(sorted(outcomes.items())))
    killed = sum(count for outcome, count in outcomes.items() if "killed" in outcome)
    assert killed > 0 or RUNS == 0, "every writer ended before its kill: nothing was tested"


def _seed() -> int:
    chosen = os.environ.get("ACCORDS_CRASH_SEED")
    return int(chosen) if chosen else random.SystemRandom().randrange(2**32)


# -- imports ---------------------------------------------------------------


def _whole_import(database: Path, seed: int, folder: Path, expected: Expected) -> ImportTiming:
    """Run one import to its end (run 0), and time it."""
    path = folder / "import-0.json"
    keys = import_file(seed, 0, path, IMPORT_SIZE)
    started = time.monotonic()
    writer = _start_import(database, path)
    locked = time.monotonic() if _wait_for_write(database, writer) else None
    while locked is not None and writer.poll() is None and _write_locked(database):
        time.sleep(0.005)
    unlocked = time.monotonic()
    _, errors = writer.communicate()
    ended = time.monotonic()
    assert writer.returncode == 0, errors
    for kind, added in keys.items():
        expected.keys[kind] |= set(added)
    with _checked(database, expected, "the uninterrupted import"):
        pass
    return ImportTiming(ended - started, unlocked - (locked or started))


def _killed_import(
    database: Path,
    seed: int,
    run: int,
    expected: Expected,
    in_write: bool,
    delay: float,
    context: str,
) -> tuple[str, str]:
    path = database.parent / f"import-{run}.json"
    keys = import_file(seed, run, path, IMPORT_SIZE)
    writer = _start_import(database, path)
    if in_write:
        _wait_for_write(database, writer)
    time.sleep(delay)
    writing = writer.poll() is None and _write_locked(database)
    writer.send_signal(signal.SIGKILL)
    _, errors = writer.communicate()
    code = writer.returncode
    assert code in (0, -signal.SIGKILL), f"{context}: the import failed: {errors}"
    with _checked(database, expected, context) as store:
        found = {kind: store.keys(kind) & set(added) for kind, added in keys.items()}
        absent = not any(found.values())
        assert absent or all(found[kind] == set(added) for kind, added in keys.items()), (
            f"{context}: the import is partly there: "
            + ", ".join(
                f"{len(found[kind])} of {len(added)} {kind.section}" for kind, added in keys.items()
            )
        )
        assert code != 0 or not absent, f"{context}: the import said it was done, but is not there"
        if not absent:
            written = json.loads(path.read_text(encoding="utf-8"))
            exported = export_data(store)
            for kind in RecordKind:
                ours = set(keys[kind])
                stored = [item for item in exported[kind.section] if item["key"] in ours]
                assert stored == written[kind.section], f"{context}: {kind.section} differ"
                expected.keys[kind] |= ours
    if code == 0:
        return "import done before the kill", ""
    where = " while writing" if writing else ""
    return f"import killed{where}, {'absent' if absent else 'whole'}", f" (after {delay:.3f} s)"


def _start_import(database: Path, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "viewer", "--db", str(database), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
        cwd=path.parent,
    )


def _wait_for_write(database: Path, writer: subprocess.Popen[str]) -> bool:
    """Wait until ``writer`` holds the database's write lock; False if it ended first."""
    while writer.poll() is None:
        if _write_locked(database):
            return True
        time.sleep(0.005)
    return False


def _write_locked(database: Path) -> bool:
    """Whether another connection holds the write lock (is inside a write)."""
    probe = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError:  # "database is locked"
        return True
    finally:
        probe.close()
    return False


def _environment() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH", "")
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


# -- saves -----------------------------------------------------------------


class _Writers:
    """The process that forks each writer of saves (``crash_writers.serve``)."""

    def __enter__(self) -> _Writers:
        self.server = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.crash_writers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_environment(),
            cwd=ROOT,
        )
        self.running: int | None = None
        return self

    def __exit__(self, *_: object) -> None:
        if self.running is not None:  # a failed test left a writer running
            with suppress(ProcessLookupError):
                os.kill(self.running, signal.SIGKILL)
            self.ended()
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait()

    def start(self, database: Path, seed: int, run: int, output: Path) -> int:
        """Start writer ``run``; its process id."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(f"{database}\t{seed}\t{run}\t{output}\n")
        self.server.stdin.flush()
        started = self.server.stdout.readline()
        assert started.startswith("started "), f"the writers' server said {started!r}"
        self.running = int(started.split()[1])
        return self.running

    def ended(self) -> int:
        """The exit code of the writer started last, once it has ended."""
        assert self.server.stdout is not None
        ended = self.server.stdout.readline()
        assert ended.startswith("ended "), f"the writers' server said {ended!r}"
        self.running = None
        return int(ended.split()[1])


def _killed_saves(
    writers: _Writers,
    database: Path,
    seed: int,
    run: int,
    expected: Expected,
    delay: float,
    context: str,
) -> tuple[str, str]:
    output = database.parent / f"saves-{run}.txt"
    pid = writers.start(database, seed, run, output)
    deadline = time.monotonic() + STARTING_LIMIT
    while not _lines(output) and time.monotonic() < deadline:
        time.sleep(0.005)
    if _lines(output)[:1] != ["ready"]:  # the writer failed, or never started
        raise AssertionError(f"{context}: the writer did not start: {output.read_text()}")
    time.sleep(delay)
    writing = _write_locked(database)
    with suppress(ProcessLookupError):  # it made every save and ended
        os.kill(pid, signal.SIGKILL)
    code = writers.ended()
    lines = _lines(output)
    assert code in (0, -signal.SIGKILL), f"{context}: the writer failed: {lines}"
    said = [int(line.removeprefix("saved ")) for line in lines[1:]]
    assert said == list(range(1, len(said) + 1)), f"{context}: the writer said {lines}"
    done = len(said)
    saves = planned_saves(seed, run, done + 1)
    with _checked(database, expected, context) as store:
        for save in saves[:done]:
            if save.update:
                expected.targets[save.record.key] = _fields(save.record)
            else:
                expected.keys[save.record.kind].add(save.record.key)
                assert _fields(store.get(save.record.kind, save.record.key)) == _fields(
                    save.record
                ), f"{context}: save {save.number} ({save.record.key}) is not as it was made"
        # The save under way when the kill came: whole, or absent.
        under_way = len(saves) > done and _made(store, saves[done], context)
        if under_way:
            last = saves[done]
            if last.update:
                expected.targets[last.record.key] = _fields(last.record)
            else:
                expected.keys[last.record.kind].add(last.record.key)
        for key, kind in TARGETS.items():
            current = store.get(kind, key)
            assert _fields(current) == expected.targets[key], (
                f"{context}: {key} is neither as save {done} nor as save {done + 1} left it"
            )
            assert current is not None
            logged = len(store.revisions(kind, key))
            assert current.version == logged, (
                f"{context}: {key} is at version {current.version} after {logged} revisions"
            )
    where = " while writing" if writing else ""
    return f"saves killed{where}, {'one whole' if under_way else 'none'} under way", (
        f" (after save {done})"
    )


def _lines(output: Path) -> list[str]:
    """The whole lines a writer has written so far."""
    text = output.read_text(encoding="utf-8") if output.exists() else ""
    return text.splitlines()[: text.count("\n")]


def _made(store: Store, save: Save, context: str) -> bool:
    """Whether ``save`` is in the database, whole; False if it is absent.
    An added record found other than it was made fails the test."""
    stored = store.get(save.record.kind, save.record.key)
    if save.update:
        return stored is not None and _fields(stored) == _fields(save.record)
    if stored is None:
        return False
    assert _fields(stored) == _fields(save.record), (
        f"{context}: save {save.number} ({save.record.key}) is there in part"
    )
    return True


# -- checks ----------------------------------------------------------------


@contextmanager
def _opened(database: Path) -> Iterator[Store]:
    store, opened = open_or_create(database, "checker", seed=False)
    try:
        yield store
    finally:
        opened.close()


@contextmanager
def _checked(database: Path, expected: Expected, context: str) -> Iterator[Store]:
    """The database after a writer's end: sound before anything else opens it,
    then (after the caller's own checks, which may add to ``expected``)
    checked clean and holding exactly the records expected."""
    connection = sqlite3.connect(database)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    assert integrity == [("ok",)], f"{context}: integrity_check says {integrity}"
    with _opened(database) as store:
        yield store
        # The whole check, as `check` runs it: integrity again, the search
        # index and kept counts against the tables, the revision log replayed
        # to the tables (history_mismatches), and what else it verifies.
        findings = [str(finding) for finding in run_checks(store)]
        assert findings == [], f"{context}: check found problems"
        for kind in RecordKind:
            assert store.keys(kind) == expected.keys[kind], f"{context}: {kind.section} differ"


def _fields(record: Record | None) -> dict[str, object]:
    """A record's exchange form, which leaves out its version (a writer's
    planned records have none)."""
    assert record is not None
    return record_fields(record)
