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
from functools import cache
from typing import Any

from sqlalchemy import Column, Connection, FromClause, Select, Table, bindparam, select
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
    """How one kind's exchange form is read: its columns, in field order, then
    the fields read from other tables (always the records' last ones)."""

    table: Table
    source: FromClause
    columns: tuple[ColumnElement[Any], ...]
    names: tuple[str, ...]
    with_roles: bool
    with_citations: bool


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
    # Roles and citations are read last (from their own tables), so they must
    # be the records' last fields for the exchange form to keep its order.
    children = ("roles",) * ("roles" in order) + ("citations",) * ("citations" in order)
    if tuple(order[len(names) :]) != children:
        raise TypeError(f"{kind.label}: roles and citations must be the last fields")
    return _Layout(
        table=table,
        source=source,
        columns=tuple(columns),
        names=tuple(names),
        with_roles="roles" in order,
        with_citations="citations" in order,
    )


_LAYOUTS = {kind: _layout(kind) for kind in RecordKind}


def exchange_forms(
    connection: Connection, kind: RecordKind, *, by_key: bool = False
) -> Iterator[Sequence[Fields]]:
    """Every record of ``kind`` in its exchange form (``key`` first), a page at a
    time: in the order they were added, or with ``by_key`` in key order."""
    layout = _LAYOUTS[kind]
    names = layout.names
    last: Any = None
    while True:
        queries = _page_queries(kind, by_key, last is None, PAGE)
        position = {"last": last}
        rows = connection.execute(queries.rows, position).all()
        if not rows:
            return
        last = rows[-1][1]
        page: list[Fields] = [dict(zip(names, row[2:], strict=True)) for row in rows]
        if layout.with_roles:
            roles = _roles(connection, queries.roles, position)
            for row, values in zip(rows, page, strict=True):
                values["roles"] = roles.get(row[0], [])
        if layout.with_citations:
            citations = _citations(connection, queries.citations, position)
            for row, values in zip(rows, page, strict=True):
                values["citations"] = citations.get(row[0], [])
        yield page


@dataclass(frozen=True)
class _PageQueries:
    """A page of records, and its roles and citations (None for a kind without)."""

    rows: Select[Any]
    roles: Select[Any] | None
    citations: Select[Any] | None


@cache
def _page_queries(kind: RecordKind, by_key: bool, first: bool, size: int) -> _PageQueries:
    """The queries of a page of ``size`` records: the first, or the one after the
    record ``:last`` (its key, or its id). Built once, so that each page only
    binds ``last``."""
    layout = _LAYOUTS[kind]
    order = layout.table.c.key if by_key else layout.table.c.id

    def paged(query: Select[Any]) -> Select[Any]:
        query = query.order_by(order).limit(size)
        return query if first else query.where(order > bindparam("last"))

    rows = paged(select(layout.table.c.id, order, *layout.columns).select_from(layout.source))
    # The children are picked by the page's own query, not by a list of its
    # ids: no hundreds of bound values to send for each page.
    ids = paged(select(layout.table.c.id)).scalar_subquery()
    roles = None
    if layout.with_roles:
        party, person = _PARTIES.alias("role_party"), _PEOPLE.alias("role_person")
        roles = (
            select(_ROLES.c.event_id, _ROLES.c.role, party.c.key, person.c.key)
            .select_from(
                _ROLES.outerjoin(party, _ROLES.c.party_id == party.c.id).outerjoin(
                    person, _ROLES.c.person_id == person.c.id
                )
            )
            .where(_ROLES.c.event_id.in_(ids))
            .order_by(_ROLES.c.event_id, _ROLES.c.position, _ROLES.c.id)
        )
    citations = None
    if layout.with_citations:
        claim = citation_column(kind)
        citations = (
            select(
                claim, _SOURCES.c.key, _CITATIONS.c.locator, _CITATIONS.c.quote, _CITATIONS.c.note
            )
            .select_from(_CITATIONS.outerjoin(_SOURCES, _CITATIONS.c.source_id == _SOURCES.c.id))
            .where(claim.in_(ids))
            .order_by(claim, _CITATIONS.c.position, _CITATIONS.c.id)
        )
    return _PageQueries(rows, roles, citations)


def _roles(
    connection: Connection, query: Select[Any] | None, position: dict[str, Any]
) -> dict[int, list[Fields]]:
    """A page's roles in exchange form, by event id."""
    found: dict[int, list[Fields]] = {}
    assert query is not None
    for event_id, role, party, person in connection.execute(query, position).all():
        found.setdefault(event_id, []).append({"role": role, "party": party, "person": person})
    return found


def _citations(
    connection: Connection, query: Select[Any] | None, position: dict[str, Any]
) -> dict[int, list[Fields]]:
    """A page's citations in exchange form, by the id of the claim they back."""
    found: dict[int, list[Fields]] = {}
    assert query is not None
    for claim_id, source, locator, quote, note in connection.execute(query, position).all():
        found.setdefault(claim_id, []).append(
            {"source": source, "locator": locator, "quote": quote, "note": note}
        )
    return found
