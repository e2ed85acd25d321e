"""A record without its references to another one, for deleting with links."""

from __future__ import annotations

import dataclasses

from viewer.domain.enums import RecordKind
from viewer.domain.records import Event, Person, Record, StatusAction


def unlink(record: Record, kind: RecordKind, key: str) -> Record:
    """``record`` with every reference to the ``kind`` record ``key`` removed.

    Citations of a source go, so do an event's roles naming a party or person;
    a person's party and an event's accord become unknown; a claim that
    competed with a deleted one stands alone.
    """
    changes: dict[str, object] = {}
    citations = getattr(record, "citations", None)
    if kind is RecordKind.SOURCE and citations is not None:
        changes["citations"] = tuple(c for c in citations if c.source != key)
    if isinstance(record, Event):
        if kind is RecordKind.ACCORD and record.accord == key:
            changes["accord"] = None
        if kind in (RecordKind.PARTY, RecordKind.PERSON):
            field = "party" if kind is RecordKind.PARTY else "person"
            changes["roles"] = tuple(r for r in record.roles if getattr(r, field) != key)
    if isinstance(record, Person) and kind is RecordKind.PARTY and record.party == key:
        changes["party"] = None
    if (
        isinstance(record, StatusAction)
        and kind is RecordKind.STATUS_ACTION
        and record.alternative_of == key
    ):
        changes["alternative_of"] = None  # it no longer competes: a claim of its own
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]
