"""The database schema as typed SQLAlchemy declarative models.

Only the store sees these classes: everything outside it gets plain records.
Each fuzzy date takes three columns: its EDTF text and the first and last day
it can mean, so that SQL can sort and filter by date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned(Base):
    """A record's row, counting its saves so that a stale save can be detected."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class AccordRow(Versioned):
    __tablename__ = "accords"
    name: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    first_signed_edtf: Mapped[str | None] = mapped_column(String(100))
    first_signed_lower: Mapped[date | None] = mapped_column(Date)
    first_signed_upper: Mapped[date | None] = mapped_column(Date)
    citations: Mapped[list[CitationRow]] = relationship(
        order_by="CitationRow.position", cascade="all, delete-orphan"
    )


class PartyRow(Versioned):
    __tablename__ = "parties"
    name: Mapped[str] = mapped_column(String(500), index=True)
    party_kind: Mapped[str] = mapped_column(String(20))
    iso_code: Mapped[str | None] = mapped_column(String(2), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    citations: Mapped[list[CitationRow]] = relationship(
        order_by="CitationRow.position", cascade="all, delete-orphan"
    )


class PersonRow(Versioned):
    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(500), index=True)
    office: Mapped[str] = mapped_column(String(500), default="")
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    party: Mapped[PartyRow | None] = relationship()
    citations: Mapped[list[CitationRow]] = relationship(
        order_by="CitationRow.position", cascade="all, delete-orphan"
    )


class SourceRow(Versioned):
    __tablename__ = "sources"
    title: Mapped[str] = mapped_column(String(500), index=True)
    source_kind: Mapped[str] = mapped_column(String(30))
    publisher: Mapped[str] = mapped_column(String(500), default="")
    # Each author as {"family", "given"} or {"literal"} (viewer.domain.authors).
    authors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    published_edtf: Mapped[str | None] = mapped_column(String(100))
    published_lower: Mapped[date | None] = mapped_column(Date)
    published_upper: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str] = mapped_column(Text, default="")
    accessed_edtf: Mapped[str | None] = mapped_column(String(100))
    accessed_lower: Mapped[date | None] = mapped_column(Date)
    accessed_upper: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    container_title: Mapped[str] = mapped_column(String(500), default="", server_default="")
    doi: Mapped[str] = mapped_column(String(500), default="", server_default="")
    # The source's text, kept for checking quotes against (may be long: read
    # by the detail and the checks, never by a list).
    archived_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Derived from the citations by the store (viewer/store/derived.py), for sorting.
    claims: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)


class StatusActionRow(Versioned):
    __tablename__ = "status_actions"
    accord_id: Mapped[int] = mapped_column(
        ForeignKey("accords.id", ondelete="RESTRICT"), index=True
    )
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="RESTRICT"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    date_edtf: Mapped[str | None] = mapped_column(String(100))
    date_lower: Mapped[date | None] = mapped_column(Date, index=True)
    date_upper: Mapped[date | None] = mapped_column(Date)
    certainty: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    # A competing claim (viewer/domain/claims.py): its rank, why a deprecated
    # one is kept, and the group's first claim it competes with.
    rank: Mapped[str] = mapped_column(String(20), default="normal", server_default="normal")
    rank_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    alternative_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("status_actions.id", ondelete="RESTRICT"), index=True
    )
    accord: Mapped[AccordRow] = relationship()
    party: Mapped[PartyRow] = relationship()
    alternative_of: Mapped[StatusActionRow | None] = relationship(remote_side="StatusActionRow.id")
    citations: Mapped[list[CitationRow]] = relationship(
        order_by="CitationRow.position", cascade="all, delete-orphan"
    )


class EventRow(Versioned):
    __tablename__ = "events"
    title: Mapped[str] = mapped_column(String(500), index=True)
    event_kind: Mapped[str] = mapped_column(String(40), index=True)
    accord_id: Mapped[int | None] = mapped_column(
        ForeignKey("accords.id", ondelete="RESTRICT"), index=True
    )
    date_edtf: Mapped[str | None] = mapped_column(String(100))
    date_lower: Mapped[date | None] = mapped_column(Date, index=True)
    date_upper: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str] = mapped_column(String(500), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    certainty: Mapped[str] = mapped_column(String(20), index=True)
    # Derived from the roles by the store (viewer/store/derived.py), for sorting.
    parties: Mapped[str | None] = mapped_column(Text, index=True)
    accord: Mapped[AccordRow | None] = relationship()
    roles: Mapped[list[EventRoleRow]] = relationship(
        order_by="EventRoleRow.position", cascade="all, delete-orphan"
    )
    citations: Mapped[list[CitationRow]] = relationship(
        order_by="CitationRow.position", cascade="all, delete-orphan"
    )


class EventRoleRow(Base):
    __tablename__ = "event_roles"
    __table_args__ = (
        CheckConstraint("(party_id IS NULL) <> (person_id IS NULL)", name="party_or_person"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(30))
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    party: Mapped[PartyRow | None] = relationship()
    person: Mapped[PersonRow | None] = relationship()


CLAIM_COLUMNS = ("accord_id", "party_id", "person_id", "status_action_id", "event_id")


class CitationRow(Base):
    """A citation backs exactly one claim: one of the five claim columns is set."""

    __tablename__ = "citations"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"CAST(({c} IS NOT NULL) AS INTEGER)" for c in CLAIM_COLUMNS) + " = 1",
            name="one_claim",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="RESTRICT"), index=True
    )
    accord_id: Mapped[int | None] = mapped_column(
        ForeignKey("accords.id", ondelete="CASCADE"), index=True
    )
    party_id: Mapped[int | None] = mapped_column(
        ForeignKey("parties.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    status_action_id: Mapped[int | None] = mapped_column(
        ForeignKey("status_actions.id", ondelete="CASCADE"), index=True
    )
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    locator: Mapped[str] = mapped_column(String(500), default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[SourceRow] = relationship()


class RevisionRow(Base):
    """The append-only change log: rows are only ever inserted (on SQLite,
    triggers refuse any UPDATE or DELETE).

    A hash chain makes it tamper-evident: ``hash`` is the SHA-256 of the
    entry's canonical form, which includes ``prev_hash``, the previous
    entry's hash (see :mod:`viewer.store.chain`).
    """

    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_record", "record_kind", "record_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))
    record_kind: Mapped[str] = mapped_column(String(20))
    record_key: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SavedSearchRow(Base):
    """A query kept under a name: a list that stays current (not curated data,
    so not in the revision log or the exchange file)."""

    __tablename__ = "saved_searches"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    query: Mapped[str] = mapped_column(Text)
