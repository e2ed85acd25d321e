"""The small steps of a record's write that the store repeats: finding its
row, checking it, reading it back, what changed, what is derived from it,
and the database's own refusal in words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from viewer.domain.enums import RecordKind
from viewer.domain.records import Record
from viewer.domain.serial import Problem
from viewer.domain.validation import validate
from viewer.store import derived, search_index
from viewer.store.errors import InvalidRecord
from viewer.store.mapping import ROW_TYPES, select_rows
from viewer.store.mapping import to_record as row_to_record
from viewer.store.schema import Versioned


def refresh_derived(session: Session, kind: RecordKind, row_id: int, sources: set[str]) -> None:
    """Bring what is derived from a record just written up to date: its search
    index row, the claims counted for the ``sources`` it cited before or cites
    now, and the participants an event lists (its own, or, for a participant,
    those of its events, in case its name changed)."""
    connection = session.connection()
    search_index.refresh(connection, kind, [row_id])
    derived.refresh_sources(connection, sources)
    if kind is RecordKind.EVENT:
        derived.refresh_events(connection, [row_id])
    elif kind is RecordKind.PARTY:
        derived.refresh_events_of_party(connection, row_id)


def check_record(record: Record) -> None:
    problems = validate(record)
    if problems:
        raise InvalidRecord(problems, record.kind)


def row_of(session: Session, kind: RecordKind, key: str) -> Versioned | None:
    row_type = ROW_TYPES[kind]
    row: Versioned | None = session.scalar(select_rows(kind).where(row_type.key == key))
    return row


def reread(session: Session, row: Versioned) -> Record:
    session.flush()
    session.expire(row)
    return row_to_record(row)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {
        name: (before.get(name), after.get(name))
        for name in after
        if before.get(name) != after.get(name)
    }


def refused_change(error: DatabaseError) -> InvalidRecord:
    """The database's own refusal of what a write held (a constraint, a trigger
    of its administrator's), said in its first line."""
    said = str(error.orig).strip().splitlines()
    return InvalidRecord(
        [Problem("", f"the database refused the change: {said[0] if said else error.orig}")]
    )
