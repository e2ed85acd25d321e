"""Merging two duplicate records into one, and undoing it, each in one transaction.

Everything that refers to the merged record is moved onto the survivor
(each record so changed is one logged update), the merged record's own
citations are added to the survivor's and its values fill the fields the
survivor leaves empty, and the merged record is deleted
with a "merged into" note in its deletion's entry: the history of both
stays in the log. Undoing writes every one of them back as it was.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import record_noun
from viewer.domain.quoting import quoted
from viewer.domain.records import Party, Record
from viewer.domain.relink import filled_from, relink, with_citations_of
from viewer.domain.serial import record_fields
from viewer.store.dependents import claim_of
from viewer.store.errors import ConflictError, RecordNotFound, StoreError
from viewer.store.mapping import ROW_TYPES, select_rows, to_record
from viewer.store.schema import (
    CitationRow,
    EventRoleRow,
    EventRow,
    PersonRow,
    StatusActionRow,
    Versioned,
)
from viewer.store.store import Store

# The kinds whose records can be merged.
MERGEABLE = (RecordKind.SOURCE, RecordKind.PARTY, RecordKind.PERSON)

# The field a merged record's deletion notes its survivor in.
MERGED_INTO = "merged_into"


class MergeRefused(StoreError):
    """The two records cannot be merged (the message says why); nothing was changed."""


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What a merge changed, as it was before and as it became: enough to undo it.

    ``linked_before`` and ``linked_after`` are the records that referred to
    the merged one, in the same order.
    """

    kind: RecordKind
    survivor_before: Record
    survivor_after: Record
    merged: Record
    linked_before: tuple[Record, ...]
    linked_after: tuple[Record, ...]

    @property
    def moved(self) -> int:
        """How many records now refer to the survivor instead."""
        return len(self.linked_before)


def merge_records(
    store: Store,
    kind: RecordKind,
    survivor_key: str,
    other_key: str,
    *,
    other_kind: RecordKind | None = None,
    versions: tuple[int, int] | None = None,
) -> MergeResult:
    """Merge the ``kind`` record ``other_key`` into ``survivor_key``, in one transaction.

    ``versions`` are the two records' versions when the caller read them: if
    either changed since, :class:`ConflictError` says so and nothing is
    written. Refused with :class:`MergeRefused`: a record with itself, two
    of different kinds (``other_kind``), kinds that are not merged, two
    participants with different ISO codes.
    """
    if other_kind is not None and other_kind is not kind:
        raise MergeRefused(
            f"a {record_noun(kind)} and a {record_noun(other_kind)} cannot be merged: "
            "only two records of one kind can"
        )
    if kind not in MERGEABLE:
        raise MergeRefused(f"{record_noun(kind)} records are not merged")
    if survivor_key == other_key:
        raise MergeRefused(
            f"{record_noun(kind)} {quoted(survivor_key)} cannot be merged with itself"
        )
    with store.writing(f"merging {record_noun(kind)} {quoted(other_key)}") as session:
        survivor, other = _read(session, kind, survivor_key), _read(session, kind, other_key)
        if versions is not None:
            for record, version in zip((survivor, other), versions, strict=True):
                if record.version != version:
                    raise ConflictError(record)
        _refuse_codes(survivor, other)
        linked_before = tuple(
            to_record(row) for row in _referring(session, kind, _row_id(session, kind, other_key))
        )
        # (No record refers to one of its own kind: the survivor is never among them.)
        linked_after = tuple(
            store.update_within(session, relink(record, kind, other_key, survivor_key))
            for record in linked_before
        )
        store.delete_within(session, kind, other_key, {MERGED_INTO: (survivor_key, None)})
        current = to_record(_row(session, kind, survivor_key))
        # After the deletion: a participant's ISO code may pass to the survivor.
        wanted = filled_from(with_citations_of(current, other), other)
        survivor_after = store.update_within(session, wanted)
        return MergeResult(kind, survivor, survivor_after, other, linked_before, linked_after)


def unmerge_records(store: Store, merge: MergeResult) -> None:
    """Undo ``merge`` in one transaction: the merged record back, the survivor
    and every record that referred to the merged one as they were.

    Refused with :class:`ConflictError`, nothing written, if any of them
    changed since the merge (or the merged record's key was taken again).
    """
    kind = merge.kind
    with store.writing(f"undoing the merge of {record_noun(kind)} {quoted(merge.merged.key)}") as (
        session
    ):
        if _row(session, kind, merge.merged.key, required=False) is not None:
            raise ConflictError(to_record(_row(session, kind, merge.merged.key)))
        survivor = _expect(session, merge.survivor_after)
        linked = [_expect(session, after) for after in merge.linked_after]
        # The survivor first: it may give the merged participant's ISO code back.
        store.update_within(
            session, dataclasses.replace(merge.survivor_before, version=survivor.version)
        )
        store.add_within(session, dataclasses.replace(merge.merged, version=0))
        for before, current in zip(merge.linked_before, linked, strict=True):
            store.update_within(session, dataclasses.replace(before, version=current.version))


def remerge_records(store: Store, merge: MergeResult) -> MergeResult:
    """Do ``merge`` again (a redo), if both records are as they were before it."""
    survivor, merged = (_unchanged(store, r) for r in (merge.survivor_before, merge.merged))
    return merge_records(
        store,
        merge.kind,
        survivor.key,
        merged.key,
        versions=(survivor.version, merged.version),
    )


def _unchanged(store: Store, record: Record) -> Record:
    current = store.get(record.kind, record.key)
    if current is None or record_fields(current) != record_fields(record):
        raise ConflictError(current)
    return current


# -- reading ------------------------------------------------------------------------


def _read(session: Session, kind: RecordKind, key: str) -> Record:
    return to_record(_row(session, kind, key))


def _row(session: Session, kind: RecordKind, key: str, *, required: bool = True) -> Versioned:
    row_type = ROW_TYPES[kind]
    row: Versioned | None = session.scalar(select_rows(kind).where(row_type.key == key))
    if row is None and required:
        raise RecordNotFound(f"no {record_noun(kind)} has the key {key!r}")
    return row  # type: ignore[return-value]


def _row_id(session: Session, kind: RecordKind, key: str) -> int:
    return _row(session, kind, key).id


def _refuse_codes(survivor: Record, other: Record) -> None:
    if (
        isinstance(survivor, Party)
        and isinstance(other, Party)
        and survivor.iso_code
        and other.iso_code
        and survivor.iso_code != other.iso_code
    ):
        raise MergeRefused(
            f"“{survivor.name}” ({survivor.iso_code}) and “{other.name}” ({other.iso_code}) "
            "have different ISO codes: they are different countries"
        )


def _referring(session: Session, kind: RecordKind, row_id: int) -> Sequence[Versioned]:
    """The rows of every record that refers to the ``kind`` row ``row_id``, each once."""
    found: dict[tuple[type, int], Versioned] = {}

    def add(rows: Sequence[Versioned]) -> None:
        for row in rows:
            found.setdefault((type(row), row.id), row)

    if kind is RecordKind.SOURCE:
        citations = session.scalars(
            select(CitationRow).where(CitationRow.source_id == row_id).order_by(CitationRow.id)
        )
        for citation in citations:
            claim_kind, claim_key = claim_of(session, citation)
            add([_row(session, claim_kind, claim_key)])
        return list(found.values())
    role = EventRoleRow.party_id if kind is RecordKind.PARTY else EventRoleRow.person_id
    if kind is RecordKind.PARTY:
        add(
            session.scalars(select(StatusActionRow).where(StatusActionRow.party_id == row_id)).all()
        )
        add(session.scalars(select(PersonRow).where(PersonRow.party_id == row_id)).all())
    events = select(EventRow).join(EventRoleRow).where(role == row_id).distinct()
    add(session.scalars(events.order_by(EventRow.id)).all())
    return list(found.values())


def _expect(session: Session, expected: Record) -> Record:
    """The record as stored, which must still be as the merge left it."""
    row = _row(session, expected.kind, expected.key, required=False)
    current = to_record(row) if row is not None else None
    if current is None or record_fields(current) != record_fields(expected):
        raise ConflictError(current)
    return current
