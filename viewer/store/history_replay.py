"""The ``check`` command's replay of the revision log against the records.

The log is complete when every write left an entry: replaying creations,
updates and deletions then rebuilds exactly the records in the database.
The log and the records are read side by side in key order, one record's
history at a time, so memory stays bounded however large the database is.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterator
from enum import StrEnum
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, or_, select, type_coerce

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction, RoleKind
from viewer.domain.quoting import quoted
from viewer.domain.records import RECORD_TYPES
from viewer.domain.serial import LOCAL_FIELDS, to_json
from viewer.store import chain
from viewer.store.date_check import date_error
from viewer.store.findings import BATCH, Finding, read_findings
from viewer.store.schema import EventRoleRow, RevisionRow
from viewer.store.store import Store
from viewer.store.streams import Fields, exchange_forms, table_of
from viewer.store.unreadable_rows import field_types

_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]
_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]


def history_mismatches(store: Store) -> list[Finding]:
    """Records whose revision log, replayed from the start, does not give them as stored."""
    return read_findings(store, replay_history)


def replay_history(connection: Connection) -> list[Finding]:
    """The log replayed against the records, kind by kind.

    Linear in the log and the records, and holding one record's history at a
    time: for each kind, the log is read in key order (through its index) and
    merged with the records read in key order (through theirs).
    """
    findings: list[Finding] = []
    for kind in RecordKind:
        try:
            findings += _compare_history(kind, _logged(connection, kind), _stored(connection, kind))
        except (ValueError, TypeError):
            # A stored value the reading of records trips over (a source's
            # authors that are not JSON): named with its row by
            # unreadable_rows; this kind's history is then not compared.
            findings.append(
                Finding(
                    "history",
                    f"the {kind.section.replace('_', ' ')} were not compared with the revision "
                    "log: a stored value cannot be read (see the unreadable findings)",
                )
            )
    return findings


LogEntry = tuple[str, Fields | None, list[str]]


def _logged(connection: Connection, kind: RecordKind) -> Iterator[LogEntry]:
    """Each record of ``kind`` the log names, in key order: its fields as the log
    leaves them (None if deleted), and what in its history did not add up."""
    rows = connection.execute(
        select(
            _REVISIONS.c.record_key,
            _REVISIONS.c.id,
            _REVISIONS.c.action,
            # Read as stored: changes that are not JSON are the chain check's
            # finding, and are left out of the replay here.
            type_coerce(_REVISIONS.c.changes, String),
        )
        .where(_REVISIONS.c.record_kind == kind.value)
        .order_by(_REVISIONS.c.record_key, _REVISIONS.c.id)
        .execution_options(yield_per=BATCH)
    )
    for key, history in groupby(rows, key=itemgetter(0)):
        fields: Fields | None = None
        gaps: list[str] = []
        for _, revision_id, action, raw in history:
            changes = _changes(raw)
            if changes is None or action not in _ACTIONS:
                continue  # unreadable: reported with its row by the chain's check
            if action == _CREATE:
                fields = {name: new for name, (_, new) in changes.items()}
            elif fields is None:
                gaps.append(
                    f"revision {revision_id} changes {kind.label} {key!r}, "
                    "which the log never created"
                )
            elif action == _UPDATE:
                fields.update({name: new for name, (_, new) in changes.items()})
            else:
                fields = None
        yield key, fields, gaps


_CREATE, _UPDATE = RevisionAction.CREATE.value, RevisionAction.UPDATE.value
_ACTIONS = frozenset(action.value for action in RevisionAction)


def _changes(raw: Any) -> dict[str, list[Any]] | None:
    """A revision's stored changes, or None if they are not each field's
    ``[old, new]``."""
    changes = chain.stored_changes(raw)
    if not isinstance(changes, dict):
        return None
    for pair in changes.values():
        if not isinstance(pair, list) or len(pair) != 2:
            return None
    return changes


def _stored(connection: Connection, kind: RecordKind) -> Iterator[tuple[str, Fields | str]]:
    """Each record of ``kind`` in the database, in key order, as the fields of its
    exchange form; or, for a record that cannot be read (a stored date no
    longer valid, a value outside its vocabulary), why."""
    unreadable = _unreadable(connection, kind)
    for page in exchange_forms(connection, kind, by_key=True):
        for fields in page:
            key = fields.pop("key")
            yield key, unreadable.get(key, fields)


def _unreadable(connection: Connection, kind: RecordKind) -> dict[str, str]:
    """The records of ``kind`` whose stored values no longer make a record, and
    why: a value outside its vocabulary, or a date text that does not read.

    One query for the vocabularies, one for each date column's distinct texts
    (each read once); the records are looked up only for what is wrong.
    """
    table = table_of(kind)
    types = field_types(kind)
    vocabularies: dict[str, type[StrEnum]] = {}
    dates: list[str] = []
    for name, hint in types.items():
        if hint is FuzzyDate:
            dates.append(name)
        elif isinstance(hint, type) and issubclass(hint, StrEnum):
            vocabularies[name] = hint
    found: dict[str, str] = {}
    if "roles" in types:
        roles = _ROLES.join(table, _ROLES.c.event_id == table.c.id)
        outside = _ROLES.c.role.not_in(list(RoleKind))
        for key, role in connection.execute(
            select(table.c.key, _ROLES.c.role).select_from(roles).where(outside)
        ):
            found.setdefault(key, _outside(role, RoleKind))
    if vocabularies:
        columns = [table.c[name] for name in vocabularies]
        wrong = or_(*(table.c[name].not_in(list(enum)) for name, enum in vocabularies.items()))
        for key, *values in connection.execute(select(table.c.key, *columns).where(wrong)):
            for value, vocabulary in zip(values, vocabularies.values(), strict=True):
                if value is not None and value not in vocabulary._value2member_map_:
                    found.setdefault(key, _outside(value, vocabulary))
                    break
    for name in dates:
        column = table.c[f"{name}_edtf"]
        texts = connection.execute(select(column).where(column.is_not(None)).distinct())
        errors = {text: error for text in texts.scalars() if (error := date_error(text))}
        if errors:
            query = select(table.c.key, column).where(column.in_(list(errors)))
            for key, text in connection.execute(query):
                found.setdefault(key, errors[text])
    return found


def _outside(value: Any, vocabulary: type[StrEnum]) -> str:
    return f"{quoted(value)} is not a valid {vocabulary.__name__}"  # as the enum says it


def _compare_history(
    kind: RecordKind,
    logged: Iterator[LogEntry],
    stored: Iterator[tuple[str, Fields | str]],
) -> list[Finding]:
    findings: list[Finding] = []
    log_entry, record = next(logged, None), next(stored, None)
    while log_entry is not None or record is not None:
        if record is None or (log_entry is not None and log_entry[0] < record[0]):
            assert log_entry is not None
            key, fields, gaps = log_entry
            findings += [Finding("history", gap) for gap in gaps]
            if fields is not None:
                findings.append(
                    Finding(
                        "history",
                        f"the revision log holds {kind.label} {key!r}, "
                        "which is not in the database",
                    )
                )
            log_entry = next(logged, None)
            continue
        if log_entry is None or record[0] < log_entry[0]:
            findings.append(_unaccounted(kind, record[0]))
            record = next(stored, None)
            continue
        key, fields, gaps = log_entry
        findings += [Finding("history", gap) for gap in gaps]
        if isinstance(record[1], str):
            findings.append(
                Finding(
                    "history",
                    f"{kind.label} {key!r} cannot be read to compare with its log: {record[1]}",
                )
            )
        elif (fields is not None and {**_defaults(kind), **fields} != record[1]) or fields is None:
            findings.append(_unaccounted(kind, key))
        log_entry, record = next(logged, None), next(stored, None)
    return findings


@cache
def _defaults(kind: RecordKind) -> Fields:
    """The exchange form of each field of ``kind`` that has a default: what a
    field added after a record was logged holds (a source's DOI, added by
    migration 0010, is "" for the sources logged before it)."""
    return {
        field.name: typing.cast(Any, to_json(field.default))
        for field in dataclasses.fields(RECORD_TYPES[kind])
        if field.default is not dataclasses.MISSING and field.name not in LOCAL_FIELDS
    }


def _unaccounted(kind: RecordKind, key: str) -> Finding:
    return Finding(
        "history",
        f"the revision log does not account for {kind.label} {key!r} as stored",
    )
