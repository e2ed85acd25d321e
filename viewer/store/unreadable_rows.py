"""The ``check`` command's unreadable stored values, each named with its table
and row: a key that is not a key, a value outside its vocabulary, authors
that are not a list of names."""

from __future__ import annotations

import dataclasses
import json
import typing
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, String, Table, select, type_coerce

from viewer.domain.enums import RecordKind, RoleKind
from viewer.domain.quoting import quoted
from viewer.domain.records import RECORD_TYPES
from viewer.domain.validation import KEY_PATTERN
from viewer.store.findings import BATCH, UNREADABLE_TOPIC, Finding
from viewer.store.schema import EventRoleRow, SourceRow
from viewer.store.streams import table_of

_SOURCES: Table = SourceRow.__table__  # type: ignore[assignment]
_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]


def unreadable_rows(connection: Connection) -> list[Finding]:
    """Stored values that cannot be read into a record, each with its table and
    row: a key that is not a key, a value outside its vocabulary, a date bound
    that is not a date, authors that are not a list of names. (Date texts
    that do not read are reported as invalid dates; the log's rows by the
    chain's check.) One pass over each table's keys; the vocabularies are
    checked in SQL."""
    findings: list[Finding] = []
    for kind in RecordKind:
        table = table_of(kind)
        query = select(table.c.id, table.c.key).order_by(table.c.id)
        for row_id, key in connection.execute(query.execution_options(yield_per=BATCH)):
            if not isinstance(key, str) or not KEY_PATTERN.match(key):
                findings.append(
                    Finding(
                        UNREADABLE_TOPIC,
                        f"{table.name} row {row_id}: key {quoted(key)} is not a key "
                        "(1 to 80 lower-case letters, digits and hyphens)",
                    )
                )
        for column, vocabulary in vocabulary_columns(kind).items():
            wrong = select(table.c.id, table.c.key, table.c[column]).where(
                table.c[column].not_in(list(vocabulary))
            )
            for row_id, key, value in connection.execute(wrong.order_by(table.c.id)):
                findings.append(
                    _outside_finding(table.name, row_id, key, column, value, vocabulary)
                )
    roles = select(_ROLES.c.id, _ROLES.c.event_id, _ROLES.c.role).where(
        _ROLES.c.role.not_in(list(RoleKind))
    )
    for row_id, event_id, value in connection.execute(roles.order_by(_ROLES.c.id)):
        findings.append(
            Finding(
                UNREADABLE_TOPIC,
                f"{_ROLES.name} row {row_id} (of events row {event_id}): role {quoted(value)} "
                f"is not one of {_listed(RoleKind)}",
            )
        )
    authors = select(_SOURCES.c.id, _SOURCES.c.key, type_coerce(_SOURCES.c.authors, String))
    for row_id, key, raw in connection.execute(authors.order_by(_SOURCES.c.id)):
        if not _names_list(raw):
            findings.append(
                Finding(
                    UNREADABLE_TOPIC,
                    f"{_SOURCES.name} row {row_id} (source {quoted(key)}): authors "
                    f"{quoted(raw)} are not a JSON list of names",
                )
            )
    return findings


def field_types(kind: RecordKind) -> dict[str, Any]:
    """Each field of ``kind``'s record with its type hint, an optional one
    without its None (``date: FuzzyDate | None`` gives ``FuzzyDate``)."""
    record_type = RECORD_TYPES[kind]
    hints = typing.get_type_hints(record_type)
    return {
        field.name: _without_none(hints[field.name]) for field in dataclasses.fields(record_type)
    }


def vocabulary_columns(kind: RecordKind) -> dict[str, type[StrEnum]]:
    """The columns of ``kind``'s table that hold a value of a vocabulary."""
    return {
        name: hint
        for name, hint in field_types(kind).items()
        if isinstance(hint, type) and issubclass(hint, StrEnum)
    }


def _outside_finding(
    table: str, row_id: int, key: Any, column: str, value: Any, vocabulary: type[StrEnum]
) -> Finding:
    return Finding(
        UNREADABLE_TOPIC,
        f"{table} row {row_id} (key {quoted(key)}): {column} {quoted(value)} "
        f"is not one of {_listed(vocabulary)}",
    )


def _listed(vocabulary: type[StrEnum]) -> str:
    return ", ".join(member.value for member in vocabulary)


def _names_list(raw: Any) -> bool:
    """Whether stored authors read as a list of names."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return False
    return isinstance(value, list) and all(_a_name(name) for name in value)


def _a_name(value: Any) -> bool:
    """A name as stored: {"family", "given"} or {"literal"} texts (or, in a
    row written before names had parts, one text)."""
    if isinstance(value, str):
        return True
    return (
        isinstance(value, dict)
        and set(value) <= {"family", "given", "literal"}
        and all(isinstance(part, str) for part in value.values())
    )


def _without_none(hint: Any) -> Any:
    options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    return options[0] if typing.get_args(hint) and len(options) == 1 else hint
