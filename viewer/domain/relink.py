"""A record with its references moved from one record to another (merging duplicates)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TypeVar

from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation, Event, EventRole, Person, Record, StatusAction

_Item = TypeVar("_Item", Citation, EventRole)


def relink(record: Record, kind: RecordKind, old_key: str, new_key: str) -> Record:
    """``record`` with every reference to the ``kind`` record ``old_key`` made
    one to ``new_key``: a source's citations, a party's status actions, roles
    and people, a person's roles.

    What becomes a repeat of what the record already held (the same citation
    of the survivor, the same role of the same party) is kept once.
    """
    changes: dict[str, object] = {}
    citations = getattr(record, "citations", None)
    if kind is RecordKind.SOURCE and citations is not None:
        moved = (
            dataclasses.replace(c, source=new_key) if c.source == old_key else c for c in citations
        )
        changes["citations"] = once(moved)
    if isinstance(record, Event) and kind in (RecordKind.PARTY, RecordKind.PERSON):
        field = "party" if kind is RecordKind.PARTY else "person"
        renamed: dict[str, str] = {field: new_key}
        roles = (
            dataclasses.replace(r, **renamed)  # type: ignore[arg-type]
            if getattr(r, field) == old_key
            else r
            for r in record.roles
        )
        changes["roles"] = once(roles)
    party_of = isinstance(record, Person | StatusAction) and kind is RecordKind.PARTY
    if party_of and getattr(record, "party", None) == old_key:
        changes["party"] = new_key
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def once(items: Iterable[_Item]) -> tuple[_Item, ...]:
    """``items`` in their order, each only the first time it comes."""
    return tuple(dict.fromkeys(items))


def with_citations_of(survivor: Record, merged: Record) -> Record:
    """``survivor`` with ``merged``'s own citations after its own, none twice."""
    mine = getattr(survivor, "citations", None)
    theirs = getattr(merged, "citations", ())
    if mine is None:
        return survivor
    return dataclasses.replace(survivor, citations=once((*mine, *theirs)))  # type: ignore[arg-type]


def filled_from(survivor: Record, merged: Record) -> Record:
    """``survivor`` with each field it leaves empty (no URL, no DOI, no ISO
    code, no office...) taken from ``merged``, so that merging loses nothing
    the survivor lacked; what it holds it keeps. Citations are not fields
    here: see :func:`with_citations_of`."""
    changes: dict[str, object] = {}
    for field in dataclasses.fields(survivor):
        if field.name in ("key", "version", "citations"):
            continue
        theirs = getattr(merged, field.name, None)
        if _empty(getattr(survivor, field.name)) and not _empty(theirs):
            changes[field.name] = theirs
    return dataclasses.replace(survivor, **changes)  # type: ignore[arg-type]


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str | tuple) and not value)
