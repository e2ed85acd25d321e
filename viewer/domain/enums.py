"""The closed vocabularies of the model.

Each enum's value is what the database and the exchange files hold; ``label``
is what a person reads.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " "))


class RecordKind(LabelledEnum):
    ACCORD = "accord"
    PARTY = "party"
    PERSON = "person"
    SOURCE = "source"
    STATUS_ACTION = "status_action"
    EVENT = "event"

    @property
    def section(self) -> str:
        """The name of this kind's list in an exchange file."""
        return _SECTIONS[self]


class PartyKind(LabelledEnum):
    STATE = "state"
    ORGANISATION = "organisation"


class StatusKind(LabelledEnum):
    """One step of a party in an accord, roughly in the order they happen."""

    PROSPECTIVE = "prospective"
    EXPECTED_TO_JOIN = "expected_to_join"
    ANNOUNCED = "announced"
    DECLARATION_SIGNED = "declaration_signed"
    AGREEMENT_SIGNED = "agreement_signed"
    NORMALISATION_FORMALISED = "normalisation_formalised"
    JOINED = "joined"
    STALLED = "stalled"
    BROKER = "broker"
    WITHDRAWN = "withdrawn"


class Certainty(LabelledEnum):
    """How firmly the sources establish a claim."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    EXPECTED = "expected"
    PLANNED = "planned"
    SPECULATIVE = "speculative"

    @property
    def is_prospective(self) -> bool:
        """True for things that had not happened when the source was written."""
        return self in (Certainty.EXPECTED, Certainty.PLANNED, Certainty.SPECULATIVE)


class EventKind(LabelledEnum):
    SIGNING_CEREMONY = "signing_ceremony"
    DECLARATION = "declaration"
    ANNOUNCEMENT = "announcement"
    MEETING = "meeting"
    VISIT = "visit"
    SUMMIT = "summit"
    REMARKS = "remarks"
    INTERVIEW = "interview"


class RoleKind(LabelledEnum):
    SIGNATORY = "signatory"
    BROKER = "broker"
    HOST = "host"
    GUEST = "guest"
    WITNESS = "witness"
    ANNOUNCER = "announcer"
    SUBJECT = "subject"
    INTERVIEWER = "interviewer"
    PARTICIPANT = "participant"


class SourceKind(LabelledEnum):
    NEWS_ARTICLE = "news_article"
    OFFICIAL_DOCUMENT = "official_document"
    TREATY = "treaty"
    WEB_PAGE = "web_page"
    INTERVIEW = "interview"
    REPORT = "report"
    BROADCAST = "broadcast"
    OTHER = "other"


class ClaimRank(LabelledEnum):
    """How far a claim is believed against the claims it competes with (as
    Wikidata ranks statements): the best rank present in a group counts;
    a deprecated claim is kept, with its reason, but never counts."""

    PREFERRED = "preferred"
    NORMAL = "normal"
    DEPRECATED = "deprecated"


class RevisionAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


_SECTIONS: dict[RecordKind, str] = {
    RecordKind.ACCORD: "accords",
    RecordKind.PARTY: "parties",
    RecordKind.PERSON: "people",
    RecordKind.SOURCE: "sources",
    RecordKind.STATUS_ACTION: "status_actions",
    RecordKind.EVENT: "events",
}

_LABELS: dict[LabelledEnum, str] = {
    RecordKind.PARTY: "participant",
    RecordKind.STATUS_ACTION: "status action",
    StatusKind.PROSPECTIVE: "prospective / in talks",
    StatusKind.NORMALISATION_FORMALISED: "normalisation formalised",
    EventKind.SIGNING_CEREMONY: "signing ceremony",
    SourceKind.NEWS_ARTICLE: "news article",
    SourceKind.OFFICIAL_DOCUMENT: "official document",
    ClaimRank.PREFERRED: "Preferred",
    ClaimRank.NORMAL: "Normal",
    ClaimRank.DEPRECATED: "Deprecated",
}
