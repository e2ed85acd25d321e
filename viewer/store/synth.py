"""Synthetic databases for scale work: realistic, deterministic, fast to write.

``synthesise`` writes a new database with the app's own migrations and fills
it with generated records of every kind: several accords, states (with their
ISO 3166 codes) and organisations, people with offices, sources of every
kind, status actions and events with roles, 1-3 citations on every claim, and
one creation in the revision log for each record, holding exactly what the
store itself logs. ``check`` passes on the result.

Records are made as the domain's plain records (so the log is
:func:`record_fields` of each, as the store writes it), then written as rows
with Core ``executemany`` in batches, in one transaction. Dates are drawn
from a bounded pool of distinct EDTF texts, each read by :class:`FuzzyDate`
once. The file is built under a temporary name beside ``path`` and given its
name only when complete, so no half-written database is left behind, and an
existing file is never replaced. The same seed gives the same database
(what the records are is :mod:`viewer.store.synth_records`'s part).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, insert

from viewer.domain.authors import stored_authors
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import (
    Accord,
    Event,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)
from viewer.domain.serial import record_fields
from viewer.store import chain, derived, search_index
from viewer.store.database import open_database
from viewer.store.engine import DatabaseFileError, writer
from viewer.store.schema import (
    AccordRow,
    CitationRow,
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    RevisionRow,
    SourceRow,
    StatusActionRow,
)
from viewer.store.synth_records import RecordMaker, SynthSize

BATCH = 10_000
USER = "synth"
BUILD_PRAGMAS = (
    "PRAGMA journal_mode = MEMORY",
    "PRAGMA synchronous = OFF",
    "PRAGMA cache_size = -262144",  # 256 MB for the indexes' pages
)
# When the log says the records were made: fixed, so a seed gives the same file.
LOGGED_FROM = datetime(2026, 1, 1, tzinfo=UTC)

Progress = Callable[[str], None]


class SynthError(Exception):
    """The synthetic database cannot be written as asked; the message says why."""


def synthesise(
    path: Path, size: SynthSize, seed: int = 0, progress: Progress | None = None
) -> dict[str, int]:
    """Write a new synthetic database at ``path``; returns the rows written per table.

    Raises :class:`SynthError` when the size is impossible or ``path`` exists.
    """
    problems = size.problems()
    if problems:
        raise SynthError("; ".join(problems))
    path = path.expanduser()
    if path.exists():
        raise SynthError(_exists(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".creating"
        )
    except OSError as error:
        raise SynthError(f"cannot write in {path.parent}: {error.strerror or error}") from None
    os.close(handle)
    partial = Path(name)
    try:
        try:
            opened = open_database(partial)
        except DatabaseFileError as error:
            raise SynthError(str(error)) from None
        try:
            written = _fill(opened.engine, size, seed, progress or (lambda _: None))
        finally:
            opened.engine.dispose()
        try:
            os.link(partial, path)  # fails if the name was taken meanwhile
        except FileExistsError:
            raise SynthError(_exists(path)) from None
        return written
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)


def _exists(path: Path) -> str:
    return (
        f"{path} already exists; synth writes a new database and never overwrites a "
        "file: choose another path, or remove that one first"
    )


def _fill(engine: Engine, size: SynthSize, seed: int, progress: Progress) -> dict[str, int]:
    began = time.perf_counter()
    maker = RecordMaker(random.Random(seed), size)
    with writer(engine).connect() as connection:
        # The file has no name yet and no other user: its pages need not go
        # through the write-ahead log first (which would write them twice),
        # nor wait for the disk; a failure removes the whole file. (The app
        # turns the log on again when it opens the file.)
        for pragma in BUILD_PRAGMAS:
            _pragma(connection, pragma)
        with connection.begin():
            sink = _Sink(connection)
            for kind, records in maker.kinds():
                for record in records:
                    sink.add(record)
                    if kind is RecordKind.EVENT and sink.events % 100_000 == 0:
                        progress(
                            f"events: {sink.events:,} of {size.events:,} "
                            f"({time.perf_counter() - began:.0f} s)"
                        )
                sink.flush()
                progress(f"{kind.section.replace('_', ' ')}: {sink.made[kind]:,} written")
            progress("events' participants: writing")
            derived.refresh_all(connection)
            progress("search index: building")
            search_index.rebuild(connection)  # in the same transaction as the data
    progress(f"done in {time.perf_counter() - began:.0f} s")
    return dict(sink.rows)


def _pragma(connection: Connection, pragma: str) -> None:
    """Run a pragma outside any transaction (where SQLite allows changing them)."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(pragma)
        cursor.fetchall()
    finally:
        cursor.close()


# -- rows --------------------------------------------------------------------

_CLAIM_COLUMN = {
    RecordKind.ACCORD: "accord_id",
    RecordKind.PARTY: "party_id",
    RecordKind.PERSON: "person_id",
    RecordKind.STATUS_ACTION: "status_action_id",
    RecordKind.EVENT: "event_id",
}
_TABLES: dict[RecordKind, Table] = {
    RecordKind.ACCORD: AccordRow.__table__,  # type: ignore[dict-item]
    RecordKind.PARTY: PartyRow.__table__,  # type: ignore[dict-item]
    RecordKind.PERSON: PersonRow.__table__,  # type: ignore[dict-item]
    RecordKind.SOURCE: SourceRow.__table__,  # type: ignore[dict-item]
    RecordKind.STATUS_ACTION: StatusActionRow.__table__,  # type: ignore[dict-item]
    RecordKind.EVENT: EventRow.__table__,  # type: ignore[dict-item]
}
_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]
_CITATIONS: Table = CitationRow.__table__  # type: ignore[assignment]
_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]


class _Sink:
    """Turns records into rows, with ids given in order, and writes them in batches."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self._pending: dict[Table, list[dict[str, Any]]] = {}
        self._ids: dict[tuple[RecordKind, str], int] = {}
        self.made: dict[RecordKind, int] = dict.fromkeys(RecordKind, 0)
        self.rows: dict[str, int] = {}
        self.events = 0
        self._log_tip = chain.START

    def add(self, record: Record) -> None:
        kind = record.kind
        self.made[kind] += 1
        row_id = self.made[kind]
        if kind is RecordKind.EVENT:
            self.events += 1
        else:  # events are never referred to: no need to remember a million keys
            self._ids[(kind, record.key)] = row_id
        self._put(
            _TABLES[kind],
            {"id": row_id, "key": record.key, "version": 1, **self._row(record)},
        )
        for position, role in enumerate(getattr(record, "roles", ())):
            self._put(
                _ROLES,
                {
                    "event_id": row_id,
                    "position": position,
                    "role": role.role.value,
                    "party_id": self._id(RecordKind.PARTY, role.party),
                    "person_id": self._id(RecordKind.PERSON, role.person),
                },
            )
        for position, citation in enumerate(getattr(record, "citations", ())):
            row = dict.fromkeys(_CLAIM_COLUMN.values())
            row[_CLAIM_COLUMN[kind]] = row_id
            row.update(
                source_id=self._ids[(RecordKind.SOURCE, citation.source)],
                position=position,
                locator=citation.locator,
                quote=citation.quote,
                note=citation.note,
            )
            self._put(_CITATIONS, row)
        revision = self.rows.get(_REVISIONS.name, 0) + len(self._pending.get(_REVISIONS, ()))
        entry = {
            "at": LOGGED_FROM + timedelta(seconds=revision),
            "user": USER,
            "action": RevisionAction.CREATE.value,
            "record_kind": kind.value,
            "record_key": record.key,
            # What Store._insert logs: every field, from nothing to its value.
            "changes": {name: [None, new] for name, new in creation_fields(record).items()},
        }
        self._log_tip = chain.seal(self._log_tip, entry)  # the log's hash chain, in order
        self._put(_REVISIONS, entry)

    def _row(self, record: Record) -> dict[str, Any]:
        match record:
            case Accord():
                return {
                    "name": record.name,
                    "description": record.description,
                    **_date_columns("first_signed", record.first_signed),
                }
            case Party():
                return {
                    "name": record.name,
                    "party_kind": record.party_kind.value,
                    "iso_code": record.iso_code,
                    "notes": record.notes,
                }
            case Person():
                return {
                    "name": record.name,
                    "office": record.office,
                    "party_id": self._id(RecordKind.PARTY, record.party),
                    "notes": record.notes,
                }
            case Source():
                return {
                    "title": record.title,
                    "source_kind": record.source_kind.value,
                    "publisher": record.publisher,
                    "authors": stored_authors(record.authors),
                    "url": record.url,
                    "notes": record.notes,
                    "container_title": record.container_title,
                    "doi": record.doi,
                    "archived_text": record.archived_text,
                    **_date_columns("published", record.published),
                    **_date_columns("accessed", record.accessed),
                }
            case StatusAction():
                return {
                    "accord_id": self._id(RecordKind.ACCORD, record.accord),
                    "party_id": self._id(RecordKind.PARTY, record.party),
                    "action": record.action.value,
                    "certainty": record.certainty.value,
                    "note": record.note,
                    **_date_columns("date", record.date),
                }
            case Event():
                return {
                    "title": record.title,
                    "event_kind": record.event_kind.value,
                    "accord_id": self._id(RecordKind.ACCORD, record.accord),
                    "location": record.location,
                    "summary": record.summary,
                    "certainty": record.certainty.value,
                    **_date_columns("date", record.date),
                }

    def _id(self, kind: RecordKind, key: str | None) -> int | None:
        return None if key is None else self._ids[(kind, key)]

    def _put(self, table: Table, row: dict[str, Any]) -> None:
        pending = self._pending.setdefault(table, [])
        pending.append(row)
        if len(pending) >= BATCH:
            self._write(table)

    def flush(self) -> None:
        """Write everything pending, what others refer to first."""
        for table in [t for t in _TABLES.values() if t in self._pending] + [
            _ROLES,
            _CITATIONS,
            _REVISIONS,
        ]:
            self._write(table)

    def _write(self, table: Table) -> None:
        pending = self._pending.pop(table, [])
        if not pending:
            return
        if table in (_ROLES, _CITATIONS):
            # Rows that refer to records still pending: write those first.
            for parent in _TABLES.values():
                if parent in self._pending:
                    self._write(parent)
        self._connection.execute(insert(table), pending)
        self.rows[table.name] = self.rows.get(table.name, 0) + len(pending)


def creation_fields(record: Record) -> dict[str, Any]:
    """:func:`record_fields` of ``record``, made faster for the kind there are
    a million of (tests hold the two equal, field for field and in order)."""
    if not isinstance(record, Event):
        return record_fields(record)
    return {
        "title": record.title,
        "event_kind": record.event_kind.value,
        "accord": record.accord,
        "date": record.date.edtf if record.date else None,
        "location": record.location,
        "summary": record.summary,
        "certainty": record.certainty.value,
        "roles": [
            {"role": role.role.value, "party": role.party, "person": role.person}
            for role in record.roles
        ],
        "citations": [
            {"source": c.source, "locator": c.locator, "quote": c.quote, "note": c.note}
            for c in record.citations
        ],
    }


def _date_columns(prefix: str, value: FuzzyDate | None) -> dict[str, Any]:
    if value is None:
        return {f"{prefix}_edtf": None, f"{prefix}_lower": None, f"{prefix}_upper": None}
    return {
        f"{prefix}_edtf": value.edtf,
        f"{prefix}_lower": value.lower,
        f"{prefix}_upper": value.upper,
    }
