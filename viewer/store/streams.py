"""Records in their exchange form, read straight from the tables a page at a time.

Export and ``check`` read every record of the database. Building an ORM row
and then a record for each (with its dates parsed again) cost them most of
their time; these readers select the columns with SQLAlchemy Core instead,
in keyset pages, and give each record as the plain JSON values of its
exchange form: what :func:`viewer.domain.serial.to_json` gives for the record
read through :mod:`viewer.store.mapping`, field for field and in the same
order. A page's roles and citations are read with one query each.

The stored text is given as it is: an enum value or a date text that no
longer reads is passed on, for the caller to report (``check``) or to write
out (export).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Connection, FromClause, Select, Table, select
from sqlalchemy.sql.elements import ColumnElement

from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES
from viewer.domain.serial import LOCAL_FIELDS, JsonValue
from viewer.store.mapping import ROW_TYPES
from viewer.store.schema import CitationRow, EventRoleRow, PartyRow, PersonRow, SourceRow

# Rows read at a time: bounded memory, and few enough bound values for an IN list.
PAGE = 500
Fields = dict[str, JsonValue]

_CITATIONS: Table = CitationRow.__table__  # type: ignore[assignment]
_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]
_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]
_PARTIES: Table = PartyRow.__table__  # type: ignore[assignment]
_PEOPLE: Table = PersonRow.__table__  # type: ignore[assignment]


def table_of(kind: RecordKind) -> Table:
    table: Table = ROW_TYPES[kind].__table__  # type: ignore[assignment]
    return table


def citation_column(kind: RecordKind) -> Column[Any]:
    """The column of ``citations`` that points at a claim of ``kind``."""
    return _CITATIONS.c[f"{kind.value}_id"]


@dataclass(frozen=True)
class _Layout:
    """How one kind's exchange form is read: its columns, in field order."""

    kind: RecordKind
    table: Table
    source: FromClause
    columns: tuple[ColumnElement[Any], ...]
    names: tuple[str, ...]
    # Fields filled from other tables, in their place among the others.
    with_roles: bool
    with_citations: bool
    order: tuple[str, ...]


def _layout(kind: RecordKind) -> _Layout:
    """Each field of the record type, matched to its column by the schema's names:
    ``<field>`` itself, ``<field>_edtf`` for a date, ``<field>_id`` for a
    reference (read as the key of the row it points at)."""
    table = table_of(kind)
    source: FromClause = table
    columns: list[ColumnElement[Any]] = []
    names: list[str] = []
    order: list[str] = []
    for field in dataclasses.fields(RECORD_TYPES[kind]):
        name = field.name
        if name in LOCAL_FIELDS:
            continue
        order.append(name)
        if name in ("roles", "citations"):
            continue
        if f"{name}_edtf" in table.c:
            columns.append(table.c[f"{name}_edtf"])
        elif f"{name}_id" in table.c:
            reference = table.c[f"{name}_id"]
            target = next(iter(reference.foreign_keys)).column.table.alias(f"ref_{name}")
            source = source.outerjoin(target, reference == target.c.id)
            columns.append(target.c.key)
        else:
            columns.append(table.c[name])
        names.append(name)
    return _Layout(
        kind=kind,
        table=table,
        source=source,
        columns=tuple(columns),
        names=tuple(names),
        with_roles="roles" in order,
        with_citations="citations" in order,
        order=tuple(order),
    )


_LAYOUTS = {kind: _layout(kind) for kind in RecordKind}


def exchange_forms(
    connection: Connection, kind: RecordKind, *, by_key: bool = False
) -> Iterator[Sequence[Fields]]:
    """Every record of ``kind`` in its exchange form (``key`` first), a page at a
    time: in the order they were added, or with ``by_key`` in key order."""
    layout = _LAYOUTS[kind]
    order = layout.table.c.key if by_key else layout.table.c.id
    query: Select[Any] = (
        select(layout.table.c.id, order, *layout.columns)
        .select_from(layout.source)
        .order_by(order)
        .limit(PAGE)
    )
    last: Any = None
    while True:
        page_query = query if last is None else query.where(order > last)
        rows = connection.execute(page_query).all()
        if not rows:
            return
        last = rows[-1][1]
        ids = [row[0] for row in rows]
        roles = _roles(connection, ids) if layout.with_roles else {}
        citations = _citations(connection, kind, ids) if layout.with_citations else {}
        page: list[Fields] = []
        for row in rows:
            values = dict(zip(layout.names, row[2:], strict=True))
            if layout.with_roles or layout.with_citations:
                values["roles"] = roles.get(row[0], [])
                values["citations"] = citations.get(row[0], [])
                values = {name: values[name] for name in layout.order}
            page.append(values)
        yield page


def _roles(connection: Connection, event_ids: list[int]) -> dict[int, list[Fields]]:
    party = _PARTIES.alias("role_party")
    person = _PEOPLE.alias("role_person")
    query = (
        select(_ROLES.c.event_id, _ROLES.c.role, party.c.key, person.c.key)
        .select_from(
            _ROLES.outerjoin(party, _ROLES.c.party_id == party.c.id).outerjoin(
                person, _ROLES.c.person_id == person.c.id
            )
        )
        .where(_ROLES.c.event_id.in_(event_ids))
        .order_by(_ROLES.c.event_id, _ROLES.c.position, _ROLES.c.id)
    )
    found: dict[int, list[Fields]] = {}
    for event_id, role, party_key, person_key in connection.execute(query):
        found.setdefault(event_id, []).append(
            {"role": role, "party": party_key, "person": person_key}
        )
    return found


def _citations(
    connection: Connection, kind: RecordKind, claim_ids: list[int]
) -> dict[int, list[Fields]]:
    claim = citation_column(kind)
    query = (
        select(claim, _SOURCES.c.key, _CITATIONS.c.locator, _CITATIONS.c.quote, _CITATIONS.c.note)
        .select_from(_CITATIONS.outerjoin(_SOURCES, _CITATIONS.c.source_id == _SOURCES.c.id))
        .where(claim.in_(claim_ids))
        .order_by(claim, _CITATIONS.c.position, _CITATIONS.c.id)
    )
    found: dict[int, list[Fields]] = {}
    for claim_id, source, locator, quote, note in connection.execute(query):
        found.setdefault(claim_id, []).append(
            {"source": source, "locator": locator, "quote": quote, "note": note}
        )
    return found
