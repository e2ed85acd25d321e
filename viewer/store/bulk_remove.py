"""Taking out, in bulk, records an import added (undoing the import).

The counterpart of :func:`viewer.store.bulk.insert_all`: a bounded number of
statements for each thousand records, where deleting them one by one costs a
dozen queries each. Each deletion is logged as :meth:`Store.delete` logs it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Table, delete, insert, select

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import Record
from viewer.store import chain, derived, search_index
from viewer.store.bulk import BATCH, KEYS_PER_QUERY
from viewer.store.errors import StaleRecord
from viewer.store.record_form import exchange_fields
from viewer.store.schema import (
    CitationRow,
    EventRoleRow,
    EventRow,
    PersonRow,
    RevisionRow,
    StatusActionRow,
)
from viewer.store.streams import table_of

# Records are taken out in this order, so that what refers to a record goes first.
REMOVE_ORDER = (
    RecordKind.EVENT,
    RecordKind.STATUS_ACTION,
    RecordKind.PERSON,
    RecordKind.PARTY,
    RecordKind.ACCORD,
    RecordKind.SOURCE,
)

_REVISIONS: Table = RevisionRow.__table__  # type: ignore[assignment]


def _column(row_type: Any, name: str) -> Column[Any]:
    table: Table = row_type.__table__
    return table.c[name]


# What may still refer to a record of each kind once the records of the kinds
# before it are gone: a reference left refuses the whole removal.
_REFERRERS: dict[RecordKind, tuple[Column[Any], ...]] = {
    RecordKind.PERSON: (_column(EventRoleRow, "person_id"),),
    RecordKind.PARTY: (
        _column(StatusActionRow, "party_id"),
        _column(PersonRow, "party_id"),
        _column(EventRoleRow, "party_id"),
    ),
    RecordKind.ACCORD: (_column(StatusActionRow, "accord_id"), _column(EventRow, "accord_id")),
    RecordKind.SOURCE: (_column(CitationRow, "source_id"),),
}

# Told the kind and key of a record still referred to; raises the refusal.
Refuse = Callable[[RecordKind, str], None]


def remove_all(
    connection: Connection, records: Sequence[Record], user: str, refuse: Refuse
) -> None:
    """Delete ``records``, each as stored at the version it carries (else
    :class:`StaleRecord`), and log each deletion. A record that something
    outside ``records`` still refers to is handed to ``refuse``, which
    raises. Their citations and event roles go with them."""
    at = datetime.now(UTC)
    log_tip = chain.tip(connection)
    for kind in REMOVE_ORDER:
        batch = [record for record in records if record.kind is kind]
        if not batch:
            continue
        table = table_of(kind)
        stored = _ids_and_versions(connection, table, [record.key for record in batch])
        for record in batch:
            found = stored.get(record.key)
            if found is None or found[1] != record.version:
                raise StaleRecord(kind, record.key, None if found is None else record)
        ids = [stored[record.key][0] for record in batch]
        _refuse_if_referred(connection, kind, ids, stored, refuse)
        for part in _chunks(ids, KEYS_PER_QUERY):
            search_index.remove(connection, kind, part)
            connection.execute(delete(table).where(table.c.id.in_(part)))
        for start in range(0, len(batch), BATCH):
            entries = [_deletion(record, at, user) for record in batch[start : start + BATCH]]
            for entry in entries:
                log_tip = chain.seal(log_tip, entry)
            connection.execute(insert(_REVISIONS), entries)
    derived.refresh_sources(connection, derived.sources_of(records))


def _ids_and_versions(
    connection: Connection, table: Table, keys: list[str]
) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for part in _chunks(sorted(keys), KEYS_PER_QUERY):
        query = select(table.c.key, table.c.id, table.c.version).where(table.c.key.in_(part))
        found.update((key, (row_id, version)) for key, row_id, version in connection.execute(query))
    return found


def _refuse_if_referred(
    connection: Connection,
    kind: RecordKind,
    ids: list[int],
    stored: dict[str, tuple[int, int]],
    refuse: Refuse,
) -> None:
    # The records of the kinds before this one are gone already: a reference
    # left comes from a record outside those taken out.
    for column in _REFERRERS.get(kind, ()):
        for part in _chunks(ids, KEYS_PER_QUERY):
            left = connection.execute(select(column).where(column.in_(part)).limit(1)).scalar()
            if left is not None:
                key = next(key for key, (row_id, _) in stored.items() if row_id == left)
                refuse(kind, key)


def _deletion(record: Record, at: datetime, user: str) -> dict[str, Any]:
    return {
        "at": at,
        "user": user,
        "action": RevisionAction.DELETE.value,
        "record_kind": record.kind.value,
        "record_key": record.key,
        "changes": {name: [old, None] for name, old in exchange_fields(record).items()},
    }


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
