"""Between rows and records: the only place that knows both shapes."""

from __future__ import annotations

from datetime import UTC, date
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload
from sqlalchemy.sql import Select

from viewer.domain.authors import read_stored_authors, stored_authors
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import (
    Certainty,
    ClaimRank,
    EventKind,
    PartyKind,
    RecordKind,
    RevisionAction,
    RoleKind,
    SourceKind,
    StatusKind,
)
from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import (
    Accord,
    Citation,
    Event,
    EventRole,
    Party,
    Person,
    Record,
    Revision,
    Source,
    StatusAction,
)
from viewer.store.errors import RecordUnreadable
from viewer.store.schema import (
    AccordRow,
    CitationRow,
    EventRoleRow,
    EventRow,
    PartyRow,
    PersonRow,
    RevisionRow,
    SourceRow,
    StatusActionRow,
    Versioned,
)

ROW_TYPES: dict[RecordKind, type[Versioned]] = {
    RecordKind.ACCORD: AccordRow,
    RecordKind.PARTY: PartyRow,
    RecordKind.PERSON: PersonRow,
    RecordKind.SOURCE: SourceRow,
    RecordKind.STATUS_ACTION: StatusActionRow,
    RecordKind.EVENT: EventRow,
}

# The column a record is known by, in lists, pickers and search hits: a party's
# name, a source's title, an event's title; a status action has only its key.
LABEL_COLUMNS: dict[RecordKind, InstrumentedAttribute[str]] = {
    RecordKind.ACCORD: AccordRow.name,
    RecordKind.PARTY: PartyRow.name,
    RecordKind.PERSON: PersonRow.name,
    RecordKind.SOURCE: SourceRow.title,
    RecordKind.STATUS_ACTION: StatusActionRow.key,
    RecordKind.EVENT: EventRow.title,
}


class MissingReference(LookupError):
    def __init__(self, kind: RecordKind, key: str) -> None:
        super().__init__(f"no {kind.label} has the key {key!r}")
        self.kind = kind
        self.key = key


class Resolver:
    """Finds row ids by key within one session, remembering what it found."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._ids: dict[tuple[RecordKind, str], int] = {}

    def id_of(self, kind: RecordKind, key: str) -> int:
        found = self._ids.get((kind, key))
        if found is None:
            row_type = ROW_TYPES[kind]
            found = self._session.scalar(select(row_type.id).where(row_type.key == key))
            if found is None:
                raise MissingReference(kind, key)
            self._ids[(kind, key)] = found
        return found

    def optional_id(self, kind: RecordKind, key: str | None) -> int | None:
        return None if key is None else self.id_of(kind, key)


def select_rows(kind: RecordKind) -> Select[Any]:
    """A query for rows of ``kind`` with what their records need loaded eagerly."""
    row_type = ROW_TYPES[kind]
    query = select(row_type)
    if hasattr(row_type, "citations"):
        query = query.options(selectinload(row_type.citations).selectinload(CitationRow.source))
    if row_type is EventRow:
        query = query.options(
            selectinload(EventRow.roles).selectinload(EventRoleRow.party),
            selectinload(EventRow.roles).selectinload(EventRoleRow.person),
            selectinload(EventRow.accord),
        )
    elif row_type is StatusActionRow:
        query = query.options(
            selectinload(StatusActionRow.accord),
            selectinload(StatusActionRow.party),
            selectinload(StatusActionRow.alternative_of),
        )
    elif row_type is PersonRow:
        query = query.options(selectinload(PersonRow.party))
    return query


# What reading a stored value into a record raises when the value is not one
# the app can read: a word outside its vocabulary, an impossible date, a
# missing reference (a row whose related row is gone), a value of a wrong type.
UNREADABLE = (ValueError, KeyError, TypeError, AttributeError, LookupError)


def to_record(row: Versioned) -> Record:
    """The plain record of ``row``; :class:`RecordUnreadable` (naming the table,
    the key and the problem) if a stored value cannot be read. (The ``try``
    costs nothing while the values read, so lists and pages keep their speed.)"""
    try:
        return _to_record(row)
    except UNREADABLE as error:
        problem = _outside_vocabulary(row) or unreadable_problem(error)
        raise RecordUnreadable(_table(row), getattr(row, "key", "?"), problem) from None


# The columns of each row type that hold a word of a vocabulary (an enum).
_WORDS: dict[type[Any], tuple[tuple[str, type[Enum]], ...]] = {
    PartyRow: (("party_kind", PartyKind),),
    SourceRow: (("source_kind", SourceKind),),
    StatusActionRow: (("action", StatusKind), ("certainty", Certainty), ("rank", ClaimRank)),
    EventRow: (("event_kind", EventKind), ("certainty", Certainty)),
    EventRoleRow: (("role", RoleKind),),
    RevisionRow: (("action", RevisionAction), ("record_kind", RecordKind)),
}


def _outside_vocabulary(row: object) -> str:
    """The first stored word of ``row`` outside its vocabulary, said in words
    (looked for only once reading the row failed: reading costs nothing more)."""
    found = [(row, column, enum) for column, enum in _WORDS.get(type(row), ())]
    for role in row.roles if isinstance(row, EventRow) else ():
        found += [(role, column, enum) for column, enum in _WORDS[EventRoleRow]]
    for holder, column, enum in found:
        value = getattr(holder, column)
        if value not in {member.value for member in enum}:
            words = ", ".join(str(member.value) for member in enum)
            return f"{column.replace('_', ' ')} {quoted(value)} is not one of {words}"
    return ""


def _table(row: object) -> str:
    return str(getattr(row, "__tablename__", type(row).__name__))


def unreadable_problem(error: BaseException) -> str:
    """What went wrong, as the exception says it, with a stored value in it cut short."""
    return shortened(printable(str(error))) or type(error).__name__


def _to_record(row: Versioned) -> Record:
    match row:
        case AccordRow():
            return Accord(
                key=row.key,
                name=row.name,
                description=row.description,
                first_signed=_date(row.first_signed_edtf),
                citations=_citations(row.citations),
                version=row.version,
            )
        case PartyRow():
            return Party(
                key=row.key,
                name=row.name,
                party_kind=PartyKind(row.party_kind),
                iso_code=row.iso_code,
                notes=row.notes,
                citations=_citations(row.citations),
                version=row.version,
            )
        case PersonRow():
            return Person(
                key=row.key,
                name=row.name,
                office=row.office,
                party=row.party.key if row.party else None,
                notes=row.notes,
                citations=_citations(row.citations),
                version=row.version,
            )
        case SourceRow():
            return Source(
                key=row.key,
                title=row.title,
                source_kind=SourceKind(row.source_kind),
                publisher=row.publisher,
                authors=read_stored_authors(row.authors),
                published=_date(row.published_edtf),
                url=row.url,
                accessed=_date(row.accessed_edtf),
                notes=row.notes,
                container_title=row.container_title,
                doi=row.doi,
                archived_text=row.archived_text,
                version=row.version,
            )
        case StatusActionRow():
            return StatusAction(
                key=row.key,
                accord=row.accord.key,
                party=row.party.key,
                action=StatusKind(row.action),
                date=_date(row.date_edtf),
                certainty=Certainty(row.certainty),
                note=row.note,
                citations=_citations(row.citations),
                rank=ClaimRank(row.rank),
                rank_reason=row.rank_reason,
                alternative_of=row.alternative_of.key if row.alternative_of else None,
                version=row.version,
            )
        case EventRow():
            roles = tuple(
                EventRole(
                    role=RoleKind(r.role),
                    party=r.party.key if r.party else None,
                    person=r.person.key if r.person else None,
                )
                for r in row.roles
            )
            return Event(
                key=row.key,
                title=row.title,
                event_kind=EventKind(row.event_kind),
                accord=row.accord.key if row.accord else None,
                date=_date(row.date_edtf),
                location=row.location,
                summary=row.summary,
                certainty=Certainty(row.certainty),
                roles=roles,
                citations=_citations(row.citations),
                version=row.version,
            )
    raise TypeError(f"not a record row: {row!r}")


def apply(row: Versioned, record: Record, refs: Resolver) -> None:
    """Copy ``record``'s fields onto ``row``, resolving its references by key."""
    match row, record:
        case AccordRow(), Accord():
            row.name, row.description = record.name, record.description
            _set_date(row, "first_signed", record.first_signed)
        case PartyRow(), Party():
            row.name, row.party_kind = record.name, record.party_kind.value
            row.iso_code, row.notes = record.iso_code, record.notes
        case PersonRow(), Person():
            row.name, row.office, row.notes = record.name, record.office, record.notes
            row.party_id = refs.optional_id(RecordKind.PARTY, record.party)
        case SourceRow(), Source():
            row.title, row.source_kind = record.title, record.source_kind.value
            row.publisher, row.authors = record.publisher, stored_authors(record.authors)
            row.url, row.notes = record.url, record.notes
            row.container_title, row.doi = record.container_title, record.doi
            row.archived_text = record.archived_text
            _set_date(row, "published", record.published)
            _set_date(row, "accessed", record.accessed)
        case StatusActionRow(), StatusAction():
            row.accord_id = refs.id_of(RecordKind.ACCORD, record.accord)
            row.party_id = refs.id_of(RecordKind.PARTY, record.party)
            row.action, row.certainty = record.action.value, record.certainty.value
            row.note = record.note
            row.rank, row.rank_reason = record.rank.value, record.rank_reason
            row.alternative_of_id = refs.optional_id(
                RecordKind.STATUS_ACTION, record.alternative_of
            )
            _set_date(row, "date", record.date)
        case EventRow(), Event():
            row.title, row.event_kind = record.title, record.event_kind.value
            row.accord_id = refs.optional_id(RecordKind.ACCORD, record.accord)
            row.location, row.summary = record.location, record.summary
            row.certainty = record.certainty.value
            _set_date(row, "date", record.date)
            row.roles = [
                EventRoleRow(
                    position=index,
                    role=role.role.value,
                    party_id=refs.optional_id(RecordKind.PARTY, role.party),
                    person_id=refs.optional_id(RecordKind.PERSON, role.person),
                )
                for index, role in enumerate(record.roles)
            ]
        case _:
            raise TypeError(f"{type(record).__name__} does not fit {type(row).__name__}")
    if hasattr(row, "citations"):
        row.citations = [
            CitationRow(
                position=index,
                source_id=refs.id_of(RecordKind.SOURCE, c.source),
                locator=c.locator,
                quote=c.quote,
                note=c.note,
            )
            for index, c in enumerate(getattr(record, "citations", ()))
        ]


def _date(edtf: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(edtf) if edtf else None


def _set_date(row: Versioned, prefix: str, value: FuzzyDate | None) -> None:
    bounds: tuple[str | None, date | None, date | None] = (
        (value.edtf, value.lower, value.upper) if value else (None, None, None)
    )
    for suffix, part in zip(("edtf", "lower", "upper"), bounds, strict=True):
        setattr(row, f"{prefix}_{suffix}", part)


def _citations(rows: list[CitationRow]) -> tuple[Citation, ...]:
    return tuple(
        Citation(source=c.source.key, locator=c.locator, quote=c.quote, note=c.note) for c in rows
    )


def to_revision(row: RevisionRow) -> Revision:
    """A revision log row as the plain record the window and the checks read;
    :class:`RecordUnreadable` (naming the entry) if it cannot be read."""
    try:
        return _to_revision(row)
    except UNREADABLE as error:
        problem = _outside_vocabulary(row) or unreadable_problem(error)
        raise RecordUnreadable("revisions", row.id, problem) from None


def _to_revision(row: RevisionRow) -> Revision:
    at = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
    return Revision(
        id=row.id,
        at=at,
        user=row.user,
        action=RevisionAction(row.action),
        record_kind=RecordKind(row.record_kind),
        record_key=row.record_key,
        changes={name: (pair[0], pair[1]) for name, pair in row.changes.items()},
    )
