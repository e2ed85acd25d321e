"""How much slower `import` and `check` are than the same work as plain SQL.

Run: .venv/bin/python benchmarks/import_and_check.py [EVENTS]

Builds an exchange file of the bundled data plus EVENTS generated events
(each with a role and a citation), then, alternately in the same run so that
a busy machine shifts both alike:

* imports it into an empty database through the store (validation, the
  revision log, the search index, one transaction), against `sqlite3`
  `executemany` of the same event, role and citation rows into the same
  schema (issue 8's baseline), and against `executemany` of every row the
  import writes: those, plus the revision log's rows (the same JSON) and the
  search index's rows (the same texts);
* runs `check` on the result, against SQLite's own integrity and foreign key
  checks on the same file, and shows what each of check's data checks takes
  (on the last run's database).

Targets (issue 8): import <= 3x the raw inserts, check <= 5x plain SQL.
(`benchmarks/run.py` also measures check against the same checks as plain SQL.)
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from viewer.store import chain
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import DATA_CHECKS, run_checks
from viewer.store.engine import integrity_problems
from viewer.store.exchange import apply_import, plan_import
from viewer.store.paths import bundled_dataset

REPEATS = 3


def exchange_file(events: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_dataset().read_text(encoding="utf-8"))
    source, accord = data["sources"][0]["key"], data["accords"][0]["key"]
    parties = [party["key"] for party in data["parties"]]
    data["events"] += [
        {
            "key": f"generated-{n:07d}",
            "title": f"Generated meeting {n}",
            "event_kind": "meeting",
            "accord": accord,
            "date": f"{1950 + n % 75}-{n % 12 + 1:02d}",
            "location": "",
            "summary": "",
            "certainty": "confirmed",
            "roles": [{"role": "subject", "party": parties[n % len(parties)], "person": None}],
            "citations": [
                {"source": source, "locator": f"para. {n % 9 + 1}", "quote": "", "note": ""}
            ],
        }
        for n in range(events)
    ]
    return data


def through_the_store(folder: Path, data: dict[str, Any]) -> tuple[float, float, Path]:
    path = folder / "store.sqlite3"
    store, opened = open_or_create(path, "benchmark", seed=False)
    began = time.perf_counter()
    plan = plan_import(data, store)
    assert not plan.problems, plan.problems[:3]
    apply_import(plan, store)
    imported = time.perf_counter() - began
    began = time.perf_counter()
    findings = run_checks(store)
    checked = time.perf_counter() - began
    assert findings == [], findings[:3]
    opened.close()
    return imported, checked, path


def plain_sql(folder: Path, data: dict[str, Any], schema_from: Path) -> tuple[float, float]:
    """The same events, roles and citations written with executemany into an empty
    copy of the schema (with one party and one source for them to refer to)."""
    connection = _empty_copy(schema_from, folder / "plain.sqlite3")
    began = time.perf_counter()
    with connection:
        _insert_event_rows(connection, data["events"])
    inserted = time.perf_counter() - began
    began = time.perf_counter()
    connection.execute("PRAGMA integrity_check").fetchall()
    connection.execute("PRAGMA foreign_key_check").fetchall()
    checked = time.perf_counter() - began
    connection.close()
    return inserted, checked


def every_row_sql(folder: Path, data: dict[str, Any], schema_from: Path) -> float:
    """As :func:`plain_sql`, plus the rows the import also writes for the same
    events: their revision log entries (the same JSON text) and their search
    index rows (the same texts)."""
    connection = _empty_copy(schema_from, folder / "every-row.sqlite3")
    events = data["events"]
    began = time.perf_counter()
    with connection:
        _insert_event_rows(connection, events)
        now = datetime.now(UTC)
        entries = []
        tip = chain.START
        for e in events:  # hashed in the chain as the import hashes them
            changes = {name: [None, value] for name, value in e.items() if name != "key"}
            entry = {
                "at": now,
                "user": "benchmark",
                "action": "create",
                "record_kind": "event",
                "record_key": e["key"],
                "changes": changes,
            }
            tip = chain.seal(tip, entry)
            entries.append(
                (
                    entry["id"],
                    now.isoformat(sep=" "),
                    e["key"],
                    json.dumps(changes),
                    entry["prev_hash"],
                    entry["hash"],
                )
            )
        connection.executemany(
            "INSERT INTO revisions (id, at, user, action, record_kind, record_key, changes, "
            "prev_hash, hash) VALUES (?, ?, 'benchmark', 'create', 'event', ?, ?, ?, ?)",
            entries,
        )
        connection.executemany(
            "INSERT INTO search_index (rowid, label, body, evidence) VALUES (?, ?, ?, ?)",
            [
                (
                    (n + 1) * 8 + 6,
                    e["title"],
                    f"{e['key']} {e['location']} {e['summary']}",
                    " ".join(f"{c['locator']} {c['quote']} {c['note']}" for c in e["citations"]),
                )
                for n, e in enumerate(events)
            ],
        )
    inserted = time.perf_counter() - began
    connection.close()
    return inserted


def _empty_copy(schema_from: Path, path: Path) -> sqlite3.Connection:
    """A new database at ``path`` with the schema of ``schema_from``, and one
    party and one source for the events to refer to."""
    with sqlite3.connect(schema_from) as source, sqlite3.connect(path) as target:
        # The full-text index's own tables come with its CREATE VIRTUAL TABLE.
        for (sql,) in source.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'search\\_index\\_%' ESCAPE '\\'"
        ):
            if not sql.startswith("CREATE TABLE sqlite_"):
                target.execute(sql)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO parties (id, key, version, name, party_kind, notes) "
            "VALUES (1, 'p', 1, 'P', 'state', '')"
        )
        connection.execute(
            "INSERT INTO sources (id, key, version, title, source_kind, publisher, authors, "
            "url, notes) VALUES (1, 's', 1, 'S', 'report', '', '[]', '', '')"
        )
    return connection


def _insert_event_rows(connection: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    connection.executemany(
        "INSERT INTO events (id, key, version, title, event_kind, date_edtf, location, "
        "summary, certainty) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
        [
            (
                n + 1,
                e["key"],
                e["title"],
                e["event_kind"],
                e["date"],
                e["location"],
                e["summary"],
                e["certainty"],
            )
            for n, e in enumerate(events)
        ],
    )
    connection.executemany(
        "INSERT INTO event_roles (event_id, position, role, party_id) VALUES (?, 0, ?, 1)",
        [(n + 1, e["roles"][0]["role"]) for n, e in enumerate(events) if e["roles"]],
    )
    connection.executemany(
        "INSERT INTO citations (source_id, event_id, position, locator, quote, note) "
        "VALUES (1, ?, 0, ?, ?, ?)",
        [
            (n + 1, c["locator"], c["quote"], c["note"])
            for n, e in enumerate(events)
            for c in e["citations"]
        ],
    )


def check_breakdown(path: Path) -> dict[str, float]:
    """The seconds of each part of ``check`` on the database at ``path``."""
    store, opened = open_or_create(path, "benchmark", seed=False)
    parts: dict[str, float] = {}
    began = time.perf_counter()
    integrity_problems(store.engine)
    parts["integrity"] = time.perf_counter() - began
    with store.engine.connect() as connection:
        for check in DATA_CHECKS:
            began = time.perf_counter()
            check(connection)
            parts[check.__name__.strip("_")] = time.perf_counter() - began
    opened.close()
    return parts


def main() -> None:
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    data = exchange_file(events)
    ours_import, ours_check, plain_import, every_import, plain_check = [], [], [], [], []
    breakdown: dict[str, float] = {}
    for repeat in range(REPEATS):
        with tempfile.TemporaryDirectory() as scratch:
            imported, checked, path = through_the_store(Path(scratch), data)
            inserted, sql_checked = plain_sql(Path(scratch), data, path)
            every_import.append(every_row_sql(Path(scratch), data, path))
            if repeat == REPEATS - 1:
                breakdown = check_breakdown(path)
        ours_import.append(imported)
        ours_check.append(checked)
        plain_import.append(inserted)
        plain_check.append(sql_checked)
    median = statistics.median
    print(f"{events:,} events, median of {REPEATS} runs")
    print(
        f"  import {median(ours_import):6.2f} s against executemany {median(plain_import):6.2f} s:"
        f" {median(ours_import) / median(plain_import):6.1f}x (target 3x)"
    )
    print(
        f"         against executemany of every row it writes {median(every_import):6.2f} s:"
        f" {median(ours_import) / median(every_import):6.1f}x"
    )
    print(
        f"  check  {median(ours_check):6.2f} s against integrity and foreign key checks "
        f"{median(plain_check):6.2f} s: "
        f"{median(ours_check) / median(plain_check):6.1f}x (target 5x)"
    )
    print("         " + ", ".join(f"{name} {took:.3f} s" for name, took in breakdown.items()))


if __name__ == "__main__":
    main()
