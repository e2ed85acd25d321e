"""Plain, immutable records: what the store hands out and takes back.

Records refer to each other by ``key``, a short stable slug such as
``kazakhstan``: keys survive export and import, unlike database row ids.
``version`` counts saves of a record (0 for one never saved); a save that
finds a different version in the database was overtaken by another writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

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


@dataclass(frozen=True, slots=True)
class Citation:
    """The evidence for one claim: a source, where in it, and what it says."""

    source: str
    locator: str = ""
    quote: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Author:
    """One author of a source: a person's family and given names, or a body's
    name whole (``literal``). A particle stays in the family name ("van der
    Berg", "bin Zayed"), as reference managers keep it."""

    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def display(self) -> str:
        """The name as read: "Ashley Carnahan", "Associated Press"."""
        if self.literal:
            return self.literal
        return " ".join(part for part in (self.given, self.family) if part)


@dataclass(frozen=True, slots=True)
class Accord:
    kind: ClassVar[RecordKind] = RecordKind.ACCORD
    key: str
    name: str
    description: str = ""
    first_signed: FuzzyDate | None = None
    citations: tuple[Citation, ...] = ()
    version: int = 0

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Party:
    """A participant: a state (with its ISO 3166-1 alpha-2 code) or an organisation."""

    kind: ClassVar[RecordKind] = RecordKind.PARTY
    key: str
    name: str
    party_kind: PartyKind = PartyKind.STATE
    iso_code: str | None = None
    notes: str = ""
    citations: tuple[Citation, ...] = ()
    version: int = 0

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who acts for a party; the citations back their office."""

    kind: ClassVar[RecordKind] = RecordKind.PERSON
    key: str
    name: str
    office: str = ""
    party: str | None = None
    notes: str = ""
    citations: tuple[Citation, ...] = ()
    version: int = 0

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Source:
    kind: ClassVar[RecordKind] = RecordKind.SOURCE
    key: str
    title: str
    source_kind: SourceKind = SourceKind.NEWS_ARTICLE
    publisher: str = ""
    authors: tuple[Author, ...] = ()
    published: FuzzyDate | None = None
    url: str = ""
    accessed: FuzzyDate | None = None
    notes: str = ""
    # Where it appeared (the newspaper, journal or site), its DOI, and its text
    # as kept for checking quotes against.
    container_title: str = ""
    doi: str = ""
    archived_text: str = ""
    version: int = 0

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True)
class StatusAction:
    """One dated step of a party in an accord; statuses are derived from these."""

    kind: ClassVar[RecordKind] = RecordKind.STATUS_ACTION
    key: str
    accord: str
    party: str
    action: StatusKind
    date: FuzzyDate | None = None
    certainty: Certainty = Certainty.CONFIRMED
    note: str = ""
    # A competing claim (see viewer.domain.claims): its rank, why a deprecated
    # one is kept, and the key of the group's first claim it competes with.
    rank: ClaimRank = ClaimRank.NORMAL
    rank_reason: str = ""
    alternative_of: str | None = None
    citations: tuple[Citation, ...] = ()
    version: int = 0

    @property
    def label(self) -> str:
        when = f" ({self.date.display()})" if self.date else ""
        return f"{self.party}: {self.action.label}{when}"


@dataclass(frozen=True, slots=True)
class EventRole:
    """A party or a person (exactly one of the two) in a role at an event."""

    role: RoleKind
    party: str | None = None
    person: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    kind: ClassVar[RecordKind] = RecordKind.EVENT
    key: str
    title: str
    event_kind: EventKind = EventKind.MEETING
    accord: str | None = None
    date: FuzzyDate | None = None
    location: str = ""
    summary: str = ""
    certainty: Certainty = Certainty.CONFIRMED
    roles: tuple[EventRole, ...] = ()
    citations: tuple[Citation, ...] = ()
    version: int = 0

    @property
    def label(self) -> str:
        return self.title


Record = Accord | Party | Person | Source | StatusAction | Event

RECORD_TYPES: dict[RecordKind, type[Record]] = {
    RecordKind.ACCORD: Accord,
    RecordKind.PARTY: Party,
    RecordKind.PERSON: Person,
    RecordKind.SOURCE: Source,
    RecordKind.STATUS_ACTION: StatusAction,
    RecordKind.EVENT: Event,
}


@dataclass(frozen=True, slots=True)
class Revision:
    """One entry of the append-only change log.

    ``changes`` maps each changed field to its (old, new) values in their
    exchange-file form; a creation has ``None`` as every old value and a
    deletion ``None`` as every new one.
    """

    id: int
    at: datetime
    user: str
    action: RevisionAction
    record_kind: RecordKind
    record_key: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
