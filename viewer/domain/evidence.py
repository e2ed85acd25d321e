"""What the Evidence view and ``check`` count: the records whose evidence needs attention."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from viewer.domain.enums import RecordKind


class EvidenceTopic(StrEnum):
    """One kind of gap in the evidence, in the order the Evidence view lists them."""

    UNCITED = "uncited"
    NO_LOCATOR = "no_locator"
    QUOTE_NOT_FOUND = "quote_not_found"
    SOURCE_INCOMPLETE = "source_incomplete"
    SINGLE_SOURCE = "single_source"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def explanation(self) -> str:
        """Why the topic needs attention, in a sentence (a tooltip, ``check``)."""
        return _EXPLANATIONS[self]

    @property
    def fails_check(self) -> bool:
        """Whether ``check`` fails on it (the others are warnings)."""
        return self is EvidenceTopic.UNCITED


_LABELS = {
    EvidenceTopic.UNCITED: "Claims without a citation",
    EvidenceTopic.NO_LOCATOR: "Citations without a locator",
    EvidenceTopic.QUOTE_NOT_FOUND: "Quotes not found in their source's text",
    EvidenceTopic.SOURCE_INCOMPLETE: "Sources without a URL or accessed date",
    EvidenceTopic.SINGLE_SOURCE: "Claims resting on a single source",
}
_EXPLANATIONS = {
    EvidenceTopic.UNCITED: "No source backs these claims yet.",
    EvidenceTopic.NO_LOCATOR: "These citations do not say where in the source "
    "(a page, a paragraph, a timestamp) the claim is made.",
    EvidenceTopic.QUOTE_NOT_FOUND: "These quotes do not appear in the archived text "
    "kept with their source.",
    EvidenceTopic.SOURCE_INCOMPLETE: "These sources cannot be found again or dated "
    "as read: they have no URL, or no accessed date.",
    EvidenceTopic.SINGLE_SOURCE: "Every citation of these claims names the same source: "
    "nothing corroborates them.",
}


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One record that needs attention: the record to open (a status action
    opens its participant), what it is, and what about it.

    ``kind`` and ``key`` name the record the row is about (a status action's,
    a citation's claim); ``open_kind`` and ``open_key`` the one to open."""

    kind: RecordKind
    key: str
    label: str
    note: str
    open_kind: RecordKind
    open_key: str


@dataclass(frozen=True, slots=True)
class EvidencePage:
    """A page of a topic's rows, and where the next one starts (None: none left)."""

    rows: tuple[EvidenceRow, ...]
    after: tuple[int, int] | None
