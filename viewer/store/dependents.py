"""What refers to a record, and so what deleting it would touch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.field_labels import record_noun
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

# The kinds whose records are named by a title rather than a name.
_TITLED = (RecordKind.EVENT, RecordKind.SOURCE)


@dataclass(frozen=True)
class Dependents:
    """``blocking``: records that cannot exist without this one (their
    descriptions, naming them as people know them); ``links``: records that
    merely refer to it and can let go, as (kind, key, description)."""

    blocking: tuple[str, ...]
    links: tuple[tuple[RecordKind, str, str], ...]

    def descriptions(self) -> list[str]:
        return [*self.blocking, *(description for _, _, description in self.links)]


def find_dependents(session: Session, row: Versioned) -> Dependents:
    """What refers to ``row``, each described by names, as people know the records."""
    blocking: list[str] = []
    links: list[tuple[RecordKind, str, str]] = []

    def link(kind: RecordKind, query: Any, describe: str) -> None:
        for key, label in session.execute(query.distinct()):
            links.append((kind, key, describe.format(_quoted(label))))

    match row:
        case PartyRow():
            blocking += _status_changes(session, StatusActionRow.party_id == row.id)
            link(
                RecordKind.PERSON,
                select(PersonRow.key, PersonRow.name).where(PersonRow.party_id == row.id),
                "person {} (their party)",
            )
            link(
                RecordKind.EVENT,
                select(EventRow.key, EventRow.title)
                .join(EventRoleRow)
                .where(EventRoleRow.party_id == row.id),
                "role in event {}",
            )
        case PersonRow():
            link(
                RecordKind.EVENT,
                select(EventRow.key, EventRow.title)
                .join(EventRoleRow)
                .where(EventRoleRow.person_id == row.id),
                "role in event {}",
            )
        case AccordRow():
            blocking += _status_changes(session, StatusActionRow.accord_id == row.id)
            link(
                RecordKind.EVENT,
                select(EventRow.key, EventRow.title).where(EventRow.accord_id == row.id),
                "event {} (its accord)",
            )
        case StatusActionRow():
            # Its alternatives let go of it and stand alone (see unlink).
            competing = aliased(StatusActionRow, name="competing")
            for key, party, action in session.execute(
                select(competing.key, PartyRow.name, competing.action)
                .join(PartyRow, competing.party_id == PartyRow.id)
                .where(competing.alternative_of_id == row.id)
                .order_by(competing.id)
            ):
                label = _quoted(f"{party}: {StatusKind(action).label}")
                links.append((RecordKind.STATUS_ACTION, key, f"competing claim {label}"))
        case SourceRow():
            for citation in session.scalars(
                select(CitationRow).where(CitationRow.source_id == row.id).order_by(CitationRow.id)
            ):
                kind, key = claim_of(session, citation)
                label = _quoted(claim_label(session, kind, key))
                links.append((kind, key, f"citation on {record_noun(kind)} {label}"))
    return Dependents(tuple(blocking), tuple(links))


def _status_changes(session: Session, which: Any) -> list[str]:
    """Status actions, each as "status change “Kazakhstan: Joined” in Abraham Accords"."""
    query = (
        select(PartyRow.name, StatusActionRow.action, AccordRow.name)
        .join(PartyRow, StatusActionRow.party_id == PartyRow.id)
        .join(AccordRow, StatusActionRow.accord_id == AccordRow.id)
        .where(which)
        .order_by(StatusActionRow.id)
    )
    return [
        f"status change {_quoted(f'{party}: {StatusKind(action).label}')} in {accord}"
        for party, action, accord in session.execute(query)
    ]


def claim_label(session: Session, kind: RecordKind, key: str) -> str:
    """How people name the record ``key`` of ``kind``: its name or title; a
    status action by its participant and step ("Kazakhstan: Joined")."""
    if kind is RecordKind.STATUS_ACTION:
        found = session.execute(
            select(PartyRow.name, StatusActionRow.action)
            .join(PartyRow, StatusActionRow.party_id == PartyRow.id)
            .where(StatusActionRow.key == key)
        ).first()
        return f"{found[0]}: {StatusKind(found[1]).label}" if found else key
    row_type = ROW_TYPES[kind]
    column = getattr(row_type, "title" if kind in _TITLED else "name")
    label = session.scalar(select(column).where(row_type.key == key))
    return str(label) if label else key


def _quoted(label: str) -> str:
    text = " ".join(str(label).split())
    return f"“{text[:80]}…”" if len(text) > 80 else f"“{text}”"


def claim_of(session: Session, citation: CitationRow) -> tuple[RecordKind, str]:
    """The kind and key of the claim a citation backs."""
    for column, kind in zip(CLAIM_COLUMNS, CLAIM_KINDS, strict=True):
        claim_id = getattr(citation, column)
        if claim_id is not None:
            row_type = ROW_TYPES[kind]
            key = session.scalar(select(row_type.key).where(row_type.id == claim_id))
            return kind, str(key)
    raise LookupError(f"citation {citation.id} backs no claim")
