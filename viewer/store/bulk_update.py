"""Updating many records at once (an import that merges, and its undo).

The counterpart of :func:`viewer.store.bulk.insert_all` for records already
stored: the records are read, checked and written a batch at a time, a
bounded number of statements each, where :meth:`Store.update` spends a dozen
queries on every record. Each update is logged with the fields it changed,
as :meth:`Store.update` logs it; a record whose fields do not change is left
as it is (its version too).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, update
from sqlalchemy.orm import Session

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.names import skeleton
from viewer.domain.records import Party, Record
from viewer.domain.serial import Problem, join_path
from viewer.domain.validation import validate
from viewer.store import chain, derived, search_index
from viewer.store.bulk import (
    BATCH,
    KEYS_PER_QUERY,
    existing_ids,
    party_names_and_codes,
    references,
)

# The row and children writers of the bulk insert, shared so that an update
# writes a record exactly as an insert would.
from viewer.store.bulk import _insert_children as insert_children
from viewer.store.bulk import _values as row_values
from viewer.store.errors import InvalidRecord, StaleRecord
from viewer.store.mapping import ROW_TYPES, select_rows, to_record
from viewer.store.record_form import exchange_fields
from viewer.store.schema import EventRoleRow, RevisionRow
from viewer.store.streams import citation_column, table_of

_ROLES: Table = EventRoleRow.__table__  # type: ignore[assignment]
_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]


def update_all(
    session: Session, records: Sequence[Record], user: str, order: Sequence[RecordKind]
) -> list[Record]:
    """Save each of ``records`` over the stored one of its kind and key, which
    must still have the version it carries (else :class:`StaleRecord`);
    every problem is found (:class:`InvalidRecord`) before anything is
    written. Returns the records as stored now, in the order given."""
    connection = session.connection()
    before = _stored(session, records)
    for record in records:
        found = before.get((record.kind, record.key))
        if found is None or found.version != record.version:
            raise StaleRecord(record.kind, record.key, found)
    ids = existing_ids(connection, _mentioned(records))
    problems = _problems(connection, records, ids)
    if problems:
        raise InvalidRecord(problems)
    at = datetime.now(UTC)
    log_tip = chain.tip(connection)
    stored: dict[tuple[RecordKind, str], Record] = {}
    for kind in order:
        changed = [
            (before[(kind, record.key)], record)
            for record in records
            if record.kind is kind
            and exchange_fields(record) != exchange_fields(before[(kind, record.key)])
        ]
        for start in range(0, len(changed), BATCH):
            batch = changed[start : start + BATCH]
            _write(connection, kind, [new for _, new in batch], ids)
            entries = [_entry(old, new, at, user) for old, new in batch]
            for entry in entries:
                log_tip = chain.seal(log_tip, entry)
            connection.execute(insert(_REVISIONS), entries)
            for old, new in batch:
                stored[(kind, new.key)] = dataclasses.replace(new, version=old.version + 1)
        _refresh(connection, kind, changed, ids)
    return [stored.get((r.kind, r.key), before[(r.kind, r.key)]) for r in records]


def _stored(session: Session, records: Sequence[Record]) -> dict[tuple[RecordKind, str], Record]:
    found: dict[tuple[RecordKind, str], Record] = {}
    for kind in RecordKind:
        keys = sorted({record.key for record in records if record.kind is kind})
        row_type = ROW_TYPES[kind]
        for part in _chunks(keys, KEYS_PER_QUERY):
            for row in session.scalars(select_rows(kind).where(row_type.key.in_(part))):
                record = to_record(row)
                found[(kind, record.key)] = record
    return found


def _mentioned(records: Sequence[Record]) -> dict[RecordKind, set[str]]:
    mentioned: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    for record in records:
        mentioned[record.kind].add(record.key)
        for _, kind, key in references(record):
            mentioned[kind].add(key)
    return mentioned


def _problems(
    connection: Connection, records: Sequence[Record], ids: dict[RecordKind, dict[str, int]]
) -> list[Problem]:
    problems: list[Problem] = []
    parties = [record for record in records if isinstance(record, Party)]
    names: dict[str, tuple[str, str]] = {}
    codes: dict[str, tuple[str, str]] = {}
    if parties:
        updated = {party.key for party in parties}
        for key, name, code in party_names_and_codes(connection):
            if key not in updated:  # those updated are compared as they will be
                names.setdefault(skeleton(name), (key, name))
                if code:
                    codes[code] = (key, name)
    for record in records:
        where = f"{record.kind.section}[{record.key}]"
        found = validate(record)
        for path, kind, key in references(record):
            if key not in ids[kind]:
                found.append(Problem(path, f"no {kind.label} has the key {key!r}"))
        if isinstance(record, Party):
            found += _party_problems(record, names, codes)
        problems += [Problem(join_path(where, p.path), p.message) for p in found]
    return problems


def _party_problems(
    party: Party, names: dict[str, tuple[str, str]], codes: dict[str, tuple[str, str]]
) -> list[Problem]:
    problems = []
    same_name = names.get(skeleton(party.name))
    if same_name is not None and same_name[0] != party.key:
        problems.append(
            Problem("name", f"another participant ({same_name[0]}) is already called that")
        )
    same_code = codes.get(party.iso_code) if party.iso_code else None
    if same_code is not None and same_code[0] != party.key:
        problems.append(
            Problem("iso_code", f"{party.iso_code} is already the code of {same_code[1]}")
        )
    names.setdefault(skeleton(party.name), (party.key, party.name))
    if party.iso_code:
        codes.setdefault(party.iso_code, (party.key, party.name))
    return problems


def _write(
    connection: Connection,
    kind: RecordKind,
    batch: Sequence[Record],
    ids: dict[RecordKind, dict[str, int]],
) -> None:
    """Write the rows of ``batch`` and give them their citations and roles anew."""
    table = table_of(kind)
    row_ids = {record.key: ids[kind][record.key] for record in batch}
    values = []
    for record in batch:
        row = row_values(record, ids)
        del row["key"], row["version"]
        values.append({**row, "row_id": row_ids[record.key]})
    connection.execute(
        update(table).where(table.c.id == bindparam("row_id")).values(version=table.c.version + 1),
        values,
    )
    changed = list(row_ids.values())
    if kind is not RecordKind.SOURCE:
        claim = citation_column(kind)
        connection.execute(delete(claim.table).where(claim.in_(changed)))
    if kind is RecordKind.EVENT:
        connection.execute(delete(_ROLES).where(_ROLES.c.event_id.in_(changed)))
    insert_children(connection, kind, batch, row_ids, ids)


def _refresh(
    connection: Connection,
    kind: RecordKind,
    changed: Sequence[tuple[Record, Record]],
    ids: dict[RecordKind, dict[str, int]],
) -> None:
    """The search index and what is derived, for the records just written."""
    row_ids = [ids[kind][new.key] for _, new in changed]
    for part in _chunks(row_ids, KEYS_PER_QUERY):
        search_index.refresh(connection, kind, part)
        if kind is RecordKind.EVENT:
            derived.refresh_events(connection, part)
    if kind is RecordKind.PARTY:
        for row_id in row_ids:  # participants are few
            derived.refresh_events_of_party(connection, row_id)
    if kind is not RecordKind.SOURCE:
        derived.refresh_sources(connection, derived.sources_of(r for pair in changed for r in pair))


def _entry(old: Record, new: Record, at: datetime, user: str) -> dict[str, Any]:
    before, after = exchange_fields(old), exchange_fields(new)
    return {
        "at": at,
        "user": user,
        "action": RevisionAction.UPDATE.value,
        "record_kind": new.kind.value,
        "record_key": new.key,
        "changes": {
            name: [before.get(name), value]
            for name, value in after.items()
            if before.get(name) != value
        },
    }


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
