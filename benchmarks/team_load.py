"""Many writers on one database at once: nothing lost, every conflict told, the log whole.

Run: PYTHONPATH=$PWD .venv/bin/python benchmarks/team_load.py
     [--clients 8] [--ops 500] [--url postgresql://me@host/db] [--seed 1]

Without ``--url``, a throwaway PostgreSQL server is started on a temporary
folder (tests/postgres_server.py; its programs must be installed) and
stopped at the end. The database is seeded with the bundled dataset, then
CLIENTS processes (spawned, each with its own store, the log naming it
"client-N") make OPS random operations each on the same few records: the
seeded events and participants, and the events the clients add.

* edit: read a record, change one text field, save it;
* undo: save back the value a field had before this client's last edit,
  on the version that edit gave the record (refused if anyone saved the
  record since, as the window's undo is);
* add: a new event, with a role and a citation;
* delete: an event some client added, on the version just read.

Each client notes every save that succeeded (what it wrote, the version it
read and the version it got) and every refusal it was told of. Then:

(a) no lost update: each save is the log entry that gave the record the
    version the client was told, holding what the client wrote, made on the
    version the client read; what it wrote is in the final record, or a
    later entry of the log changed that field; and the log holds no entry
    that no client was told it saved (a refused save wrote nothing);
(b) conflicts: how many each client was told of, more than none in all
    (and the other refusals: "gone", a record deleted before it was read,
    and "busy", a SQLite file locked longer than a writer waits; any other
    refusal fails the run);
(c) ``check`` is clean (among its checks: the log's hash chain, and the log
    replayed gives exactly what the tables hold);
(d) versions: each record's log starts with its creation, ends with its
    deletion if it was deleted, and its stored version is its number of
    entries, so versions rose by one at each save and no two saves share one.

Then the same clients run on one SQLite file seeded the same way, and the
throughput (operations per second over the whole run) and the p95 latency
of a save are printed for both, with their ratio. Exit status 1 if any
verification failed.
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import queue
import random
import statistics
import sys
import tempfile
import time
import traceback
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.domain.enums import EventKind, RecordKind, RevisionAction, RoleKind
from viewer.domain.records import Citation, Event, EventRole, Record, Revision
from viewer.domain.serial import record_fields
from viewer.store import api
from viewer.store.locations import Location, ServerAddress, parse_server

# What each client does, and how often.
OPERATIONS = (("edit", 45), ("undo", 25), ("add", 15), ("delete", 15))
# The text fields an edit changes, per kind of record.
EDITED_FIELDS = {RecordKind.EVENT: ("summary", "location"), RecordKind.PARTY: ("notes",)}
CLIENT_TIMEOUT_S = 1_800

# A record, as the verification names it.
RecordId = tuple[RecordKind, str]


@dataclass(frozen=True)
class Save:
    """A save that succeeded, as its client was told.

    ``entry`` is the version the save gave the record, which is also the
    place of its entry among the record's log entries (a creation is the
    first; a deletion is the entry after the last version). ``field`` and
    ``value`` are what an edit or undo wrote (None for an add or a delete).
    """

    client: int
    operation: str
    kind: RecordKind
    key: str
    version_read: int
    entry: int
    field: str | None = None
    value: Any = None


@dataclass(frozen=True)
class Refusal:
    """A save the store refused, as its client was told: ``reason`` is
    "conflict" (someone saved or deleted the record since it was read),
    "gone" (the record was deleted before it could be read) or "busy" (the
    other writers kept the database locked longer than a writer waits:
    SQLite's busy timeout; the client is told to try again)."""

    client: int
    operation: str
    kind: RecordKind
    key: str
    reason: str


@dataclass
class ClientResult:
    client: int
    saves: list[Save] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    # Any other refusal (a rule broken, a server's error): none is expected.
    failures: list[str] = field(default_factory=list)
    save_seconds: list[float] = field(default_factory=list)
    operations: int = 0
    began: float = 0.0
    ended: float = 0.0

    @property
    def conflicts(self) -> int:
        return self.refused("conflict")

    def refused(self, reason: str) -> int:
        return sum(1 for refusal in self.refusals if refusal.reason == reason)


@dataclass(frozen=True)
class Edited:
    """What an undo needs: the record as this client's edit saved it, and the old value."""

    record: Record
    field: str
    previous: Any


class Client:
    """One client's operations on its own store; every outcome goes into ``result``."""

    def __init__(self, store: api.Store, number: int, seed: int, tag: str) -> None:
        self.store = store
        self.number = number
        self.random = random.Random(f"{seed}-{number}")
        self.tag = tag  # in the keys of added events: a run's keys are its own
        self.result = ClientResult(number)
        self.edited: list[Edited] = []
        self.added = 0
        self.sources = sorted(store.keys(RecordKind.SOURCE))
        self.accords = sorted(store.keys(RecordKind.ACCORD))
        self.parties = sorted(store.keys(RecordKind.PARTY))

    def step(self) -> None:
        names = [name for name, _ in OPERATIONS]
        operation = self.random.choices(names, [weight for _, weight in OPERATIONS])[0]
        added = self.added_events()
        if (operation == "undo" and not self.edited) or (operation == "delete" and not added):
            operation = "edit"
        self.result.operations += 1
        if operation == "add":
            self.add()
        elif operation == "delete":
            self.delete(self.random.choice(added))
        elif operation == "undo":
            self.undo()
        else:
            kind = self.random.choice(sorted(EDITED_FIELDS, key=lambda k: k.value))
            self.edit(kind, self.random.choice(sorted(self.store.keys(kind))))

    def added_events(self) -> list[str]:
        prefix = f"load-{self.tag}-"
        return sorted(key for key in self.store.keys(RecordKind.EVENT) if key.startswith(prefix))

    def edit(self, kind: RecordKind, key: str) -> None:
        record = self.store.get(kind, key)
        if record is None:
            self._refused("edit", kind, key, "gone")
            return
        name = self.random.choice(EDITED_FIELDS[kind])
        value = f"client {self.number}, operation {self.result.operations}: {self.random.random()}"
        saved = self._save("edit", record, name, value)
        if saved is not None:
            self.edited.append(Edited(saved, name, getattr(record, name)))

    def undo(self) -> None:
        edited = self.edited.pop()
        self._save("undo", edited.record, edited.field, edited.previous)

    def add(self) -> None:
        self.added += 1
        event = Event(
            key=f"load-{self.tag}-c{self.number}-{self.added}",
            title=f"Load test meeting {self.number}.{self.added}",
            event_kind=EventKind.MEETING,
            accord=self.random.choice(self.accords),
            roles=(EventRole(RoleKind.SUBJECT, party=self.random.choice(self.parties)),),
            citations=(Citation(self.random.choice(self.sources), locator="para. 1"),),
        )
        began = time.monotonic()
        try:
            saved = self.store.add(event)
        except api.StoreError as error:
            self._failed("add", event.kind, event.key, error)
            return
        self.result.save_seconds.append(time.monotonic() - began)
        self.result.saves.append(Save(self.number, "add", event.kind, event.key, 0, saved.version))

    def delete(self, key: str) -> None:
        record = self.store.get(RecordKind.EVENT, key)
        if record is None:
            self._refused("delete", RecordKind.EVENT, key, "gone")
            return
        began = time.monotonic()
        try:
            self.store.delete(RecordKind.EVENT, key, record.version)
        except api.ConflictError:
            self._refused("delete", RecordKind.EVENT, key, "conflict")
            return
        except api.RecordNotFound:
            self._refused("delete", RecordKind.EVENT, key, "gone")
            return
        except api.StoreError as error:
            self._failed("delete", RecordKind.EVENT, key, error)
            return
        self.result.save_seconds.append(time.monotonic() - began)
        self.result.saves.append(
            Save(self.number, "delete", RecordKind.EVENT, key, record.version, record.version + 1)
        )

    def _save(self, operation: str, record: Record, name: str, value: Any) -> Record | None:
        changed: Record = dataclasses.replace(record, **{name: value})
        began = time.monotonic()
        try:
            saved = self.store.update(changed)
        except api.ConflictError:
            self._refused(operation, record.kind, record.key, "conflict")
            return None
        except api.StoreError as error:
            self._failed(operation, record.kind, record.key, error)
            return None
        self.result.save_seconds.append(time.monotonic() - began)
        if saved.version == record.version:
            return None  # nothing to change (the value was already there): nothing logged
        self.result.saves.append(
            Save(
                self.number,
                operation,
                record.kind,
                record.key,
                record.version,
                saved.version,
                name,
                value,
            )
        )
        return saved

    def _refused(self, operation: str, kind: RecordKind, key: str, reason: str) -> None:
        self.result.refusals.append(Refusal(self.number, operation, kind, key, reason))

    def _failed(self, operation: str, kind: RecordKind, key: str, error: Exception) -> None:
        if isinstance(error, api.DatabaseBusy):
            self._refused(operation, kind, key, "busy")
            return
        self.result.failures.append(f"{operation} {kind.value} {key!r}: {error}")


# -- the processes -----------------------------------------------------------------


def client_process(
    location: Location,
    number: int,
    ops: int,
    seed: int,
    tag: str,
    start: Any,  # a Barrier of the spawn context
    results: Any,  # a Queue of the spawn context
) -> None:
    """One client, in a process of its own: opens its store, waits for the
    others, makes ``ops`` operations and puts its ClientResult on ``results``
    (or, if it broke, the traceback as text)."""
    try:
        store, opened = api.open_or_create(location, f"client-{number}", seed=False)
        try:
            client = Client(store, number, seed, tag)
            start.wait(timeout=CLIENT_TIMEOUT_S)
            client.result.began = time.monotonic()
            for _ in range(ops):
                client.step()
            client.result.ended = time.monotonic()
            results.put(client.result)
        finally:
            opened.close()
    except Exception:
        start.abort()
        results.put(f"client {number}: {traceback.format_exc()}")


def run_clients(location: Location, clients: int, ops: int, seed: int) -> list[ClientResult]:
    """Run ``clients`` processes of ``ops`` operations each on ``location``, all at once."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(clients)
    results = context.Queue()
    tag = f"{seed}-{time.time_ns() % 10**9}"
    processes = [
        context.Process(
            target=client_process,
            args=(location, number, ops, seed, tag, start, results),
            name=f"client-{number}",
        )
        for number in range(1, clients + 1)
    ]
    for process in processes:
        process.start()
    collected: list[ClientResult] = []
    broken: list[str] = []
    try:
        for _ in processes:
            try:
                got = results.get(timeout=CLIENT_TIMEOUT_S)
            except queue.Empty:
                broken.append(f"no result within {CLIENT_TIMEOUT_S} s")
                break
            if isinstance(got, ClientResult):
                collected.append(got)
            else:
                broken.append(str(got))
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join()
    if broken:
        raise RuntimeError("a client broke:\n" + "\n".join(broken))
    return sorted(collected, key=lambda result: result.client)


# -- the verification ------------------------------------------------------------


@dataclass
class Verification:
    problems: dict[str, list[str]] = field(default_factory=dict)

    def add(self, check: str, problem: str) -> None:
        self.problems.setdefault(check, []).append(problem)

    @property
    def passed(self) -> bool:
        return not any(self.problems.values())


CHECKS = ("no lost update", "conflicts", "check clean", "versions")


def verify(
    store: api.Store,
    results: Sequence[ClientResult],
    *,
    logged_before: int,
    require_conflicts: bool = True,
) -> Verification:
    """The checks (a) to (d) of this module's docstring on the database as the
    clients left it; ``logged_before`` is the last log entry before they began."""
    outcome = Verification({check: [] for check in CHECKS})
    saves = [save for result in results for save in result.saves]
    log = _entries_by_record(store.revisions())
    touched = {(save.kind, save.key) for save in saves}
    final = {(kind, key): store.get(kind, key) for kind, key in touched}
    for save in saves:
        problem = _lost(save, log.get((save.kind, save.key), []), final[(save.kind, save.key)])
        if problem:
            outcome.add("no lost update", problem)
    told = {(save.kind, save.key, save.entry) for save in saves}
    for (kind, key), entries in log.items():
        for place, revision in enumerate(entries, start=1):
            if revision.id > logged_before and (kind, key, place) not in told:
                outcome.add(
                    "no lost update",
                    f"log entry {revision.id} ({revision.action.value} of {kind.value} {key!r}"
                    f" by {revision.user}) is a save no client was told succeeded",
                )
    if require_conflicts and sum(result.conflicts for result in results) == 0:
        outcome.add("conflicts", "no client was told of a conflict on records all of them edit")
    for result in results:
        for failure in result.failures:
            outcome.add("conflicts", f"client {result.client} was refused otherwise: {failure}")
    for finding in api.run_checks(store):
        outcome.add("check clean", str(finding))
    for record_id in sorted(touched, key=lambda pair: (pair[0].value, pair[1])):
        problem = _versions_problem(record_id, log.get(record_id, []), final[record_id])
        if problem:
            outcome.add("versions", problem)
    return outcome


def _entries_by_record(revisions: Sequence[Revision]) -> dict[RecordId, list[Revision]]:
    """Each record's log entries, oldest first, from its latest creation on (a
    key deleted and used again before the run names a new record)."""
    log: dict[RecordId, list[Revision]] = defaultdict(list)
    for revision in revisions:  # oldest first
        record_id = (revision.record_kind, revision.record_key)
        if revision.action is RevisionAction.CREATE:
            log[record_id] = []
        log[record_id].append(revision)
    return log


def _lost(save: Save, entries: Sequence[Revision], final: Record | None) -> str | None:
    """Why ``save`` is not in the final record nor superseded in the log, or None."""
    what = f"client {save.client}'s {save.operation} of {save.kind.value} {save.key!r}"
    if save.entry != save.version_read + 1:
        return f"{what} read version {save.version_read} but was told it made {save.entry}"
    if save.entry > len(entries):
        return f"{what} made version {save.entry}, but the log has {len(entries)} entries for it"
    entry = entries[save.entry - 1]
    expected = {"add": RevisionAction.CREATE, "delete": RevisionAction.DELETE}.get(
        save.operation, RevisionAction.UPDATE
    )
    if entry.action is not expected:
        return f"{what}: its log entry {entry.id} is a {entry.action.value}"
    if save.field is None:
        return None
    change = entry.changes.get(save.field)
    if change is None or change[1] != save.value:
        return f"{what}: its log entry {entry.id} does not hold what it wrote to {save.field}"
    later = entries[save.entry :]
    if any(save.field in revision.changes for revision in later):
        return None  # superseded, and the log says by whom
    held = record_fields(final).get(save.field) if final is not None else None
    if held != save.value:
        return (
            f"{what} wrote {save.field} = {save.value!r}; the record holds {held!r} and "
            "no later log entry changed that field"
        )
    return None


def _versions_problem(
    record_id: RecordId, entries: Sequence[Revision], final: Record | None
) -> str | None:
    kind, key = record_id
    what = f"{kind.value} {key!r}"
    actions = [entry.action for entry in entries]
    if not actions or actions[0] is not RevisionAction.CREATE:
        return f"the log of {what} does not begin with its creation"
    if RevisionAction.DELETE in actions[:-1]:
        return f"the log of {what} goes on after its deletion"
    if actions[-1] is RevisionAction.DELETE:
        return f"{what} was deleted but is still there" if final is not None else None
    if final is None:
        return f"{what} is gone, but the log has no deletion of it"
    if final.version != len(entries):
        return f"{what} is at version {final.version}, but the log has {len(entries)} entries"
    return None


# -- the figures -----------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    operations: int
    seconds: float
    save_p50: float
    save_p95: float

    @property
    def throughput(self) -> float:
        return self.operations / max(self.seconds, 1e-9)


def figures(results: Sequence[ClientResult]) -> Figures:
    latencies = sorted(second for result in results for second in result.save_seconds)
    return Figures(
        operations=sum(result.operations for result in results),
        seconds=max(r.ended for r in results) - min(r.began for r in results),
        save_p50=statistics.median(latencies) if latencies else 0.0,
        save_p95=_percentile(latencies, 0.95),
    )


def _percentile(ordered: Sequence[float], fraction: float) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


@dataclass(frozen=True)
class Run:
    results: list[ClientResult]
    verification: Verification
    figures: Figures


def load(
    location: Location, clients: int, ops: int, seed: int, *, require_conflicts: bool = True
) -> Run:
    """Seed ``location`` if it is new, run the clients on it, and verify what they left."""
    store, opened = api.open_or_create(location, "load-test", seed=True)
    try:
        logged_before = last_entry(store)
        results = run_clients(location, clients, ops, seed)
        outcome = verify(
            store, results, logged_before=logged_before, require_conflicts=require_conflicts
        )
    finally:
        opened.close()
    return Run(results, outcome, figures(results))


def last_entry(store: api.Store) -> int:
    """The id of the log's last entry (0 for an empty log)."""
    return max((revision.id for revision in store.revisions()), default=0)


def report(title: str, run: Run) -> None:
    print(title)
    print("  client  operations  saves  conflicts  gone  busy")
    for result in run.results:
        print(
            f"  {result.client:>6}  {result.operations:>10}  {len(result.saves):>5}"
            f"  {result.conflicts:>9}  {result.refused('gone'):>4}  {result.refused('busy'):>4}"
        )
    for check in CHECKS:
        problems = run.verification.problems.get(check, [])
        print(f"  ({'abcd'[CHECKS.index(check)]}) {check}: {'FAIL' if problems else 'ok'}")
        for problem in problems[:10]:
            print(f"        {problem}")
        if len(problems) > 10:
            print(f"        ... and {len(problems) - 10} more")
    numbers = run.figures
    print(
        f"  {numbers.operations} operations in {numbers.seconds:.1f} s: "
        f"{numbers.throughput:.0f} ops/s; save latency p50 {numbers.save_p50 * 1000:.1f} ms, "
        f"p95 {numbers.save_p95 * 1000:.1f} ms"
    )


def main(arguments: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--ops", type=int, default=500, help="operations per client")
    parser.add_argument("--url", help="a PostgreSQL database (default: a throwaway server)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed")
    options = parser.parse_args(arguments)
    shape = f"{options.clients} clients x {options.ops} operations, seed {options.seed}"
    server = None
    if options.url:
        address: ServerAddress = parse_server(options.url)
        where = str(address)
    else:
        from tests import postgres_server

        server = postgres_server.start()
        url = server.create_database("accords_team_load")
        address = parse_server(url.render_as_string(hide_password=False))
        where = "a throwaway server"
    try:
        on_server = load(address, options.clients, options.ops, options.seed)
    finally:
        if server is not None:
            server.stop()
    report(f"PostgreSQL ({where}), {shape}", on_server)
    with tempfile.TemporaryDirectory() as folder:
        on_file = load(Path(folder) / "team.sqlite3", options.clients, options.ops, options.seed)
    report(f"SQLite (one file), {shape}", on_file)
    server_figures, file_figures = on_server.figures, on_file.figures
    print(
        f"PostgreSQL against SQLite: throughput "
        f"{server_figures.throughput / max(file_figures.throughput, 1e-9):.2f}x, "
        f"p95 save latency {server_figures.save_p95 / max(file_figures.save_p95, 1e-9):.2f}x"
    )
    passed = on_server.verification.passed and on_file.verification.passed
    print("all verifications passed" if passed else "VERIFICATION FAILED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
