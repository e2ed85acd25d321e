"""What refers to a record, and so what deleting it would touch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from viewer.domain.enums import RecordKind
from viewer.store.mapping import ROW_TYPES
from viewer.store.schema import (
    CLAIM_COLUMNS,
    AccordRow,
    CitationRow,
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    SourceRow,
    StatusActionRow,
    Versioned,
)

# The claim kind behind each claim column of a citation, in CLAIM_COLUMNS order.
CLAIM_KINDS = (
    RecordKind.ACCORD,
    RecordKind.PARTY,
    RecordKind.PERSON,
    RecordKind.STATUS_ACTION,
    RecordKind.EVENT,
)


@dataclass(frozen=True)
class Dependents:
    """``blocking``: records that cannot exist without this one (their
    descriptions); ``links``: records that merely refer to it and can let go,
    as (kind, key, description)."""

    blocking: tuple[str, ...]
    links: tuple[tuple[RecordKind, str, str], ...]

    def descriptions(self) -> list[str]:
        return [*self.blocking, *(description for _, _, description in self.links)]


def find_dependents(session: Session, row: Versioned) -> Dependents:
    blocking: list[str] = []
    links: list[tuple[RecordKind, str, str]] = []

    def block(query: Any, describe: str) -> None:
        blocking.extend(describe.format(key) for key in session.scalars(query))

    def link(kind: RecordKind, query: Any, describe: str) -> None:
        for key in session.scalars(query.distinct()):
            links.append((kind, key, describe.format(key)))

    match row:
        case PartyRow():
            block(
                select(StatusActionRow.key).where(StatusActionRow.party_id == row.id),
                "status action {}",
            )
            link(
                RecordKind.PERSON,
                select(PersonRow.key).where(PersonRow.party_id == row.id),
                "person {} (party)",
            )
            link(
                RecordKind.EVENT,
                select(EventRow.key).join(EventRoleRow).where(EventRoleRow.party_id == row.id),
                "role in event {}",
            )
        case PersonRow():
            link(
                RecordKind.EVENT,
                select(EventRow.key).join(EventRoleRow).where(EventRoleRow.person_id == row.id),
                "role in event {}",
            )
        case AccordRow():
            block(
                select(StatusActionRow.key).where(StatusActionRow.accord_id == row.id),
                "status action {}",
            )
            link(
                RecordKind.EVENT,
                select(EventRow.key).where(EventRow.accord_id == row.id),
                "event {} (accord)",
            )
        case SourceRow():
            for citation in session.scalars(
                select(CitationRow).where(CitationRow.source_id == row.id).order_by(CitationRow.id)
            ):
                kind, key = claim_of(session, citation)
                links.append((kind, key, f"citation on {kind.label} {key}"))
    return Dependents(tuple(blocking), tuple(links))


def claim_of(session: Session, citation: CitationRow) -> tuple[RecordKind, str]:
    """The kind and key of the claim a citation backs."""
    for column, kind in zip(CLAIM_COLUMNS, CLAIM_KINDS, strict=True):
        claim_id = getattr(citation, column)
        if claim_id is not None:
            row_type = ROW_TYPES[kind]
            key = session.scalar(select(row_type.key).where(row_type.id == claim_id))
            return kind, str(key)
    raise LookupError(f"citation {citation.id} backs no claim")
