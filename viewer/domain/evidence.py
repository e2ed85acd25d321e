"""What the Evidence view and ``check`` count: the records whose evidence needs attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation


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

    @property
    def lists_citations(self) -> bool:
        """Whether its rows are citations (each row names one, :class:`CitedAt`)."""
        return self in (EvidenceTopic.NO_LOCATOR, EvidenceTopic.QUOTE_NOT_FOUND)


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
class CitedAt:
    """One citation of a claim, as an evidence row found it: its place among
    the claim's citations (in the order the claim lists them) and what it said.

    A citation has no key that outlives a save of its claim (the claim's
    citations are written afresh each time), so it is known again by what it
    says: :meth:`found_in` looks at its place first, then anywhere in the claim
    (a citation before it was removed or added meanwhile)."""

    index: int
    citation: Citation

    def found_in(self, citations: Sequence[Citation]) -> int | None:
        """Its place in ``citations`` (the claim as read now), or None once
        it is no longer there (removed, or changed)."""
        if 0 <= self.index < len(citations) and citations[self.index] == self.citation:
            return self.index
        for index, citation in enumerate(citations):
            if citation == self.citation:
                return index
        return None


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One record that needs attention: the record to open (a status action
    opens its participant), what it is, and what about it.

    ``kind`` and ``key`` name the record the row is about (a status action's,
    a citation's claim); ``open_kind`` and ``open_key`` the one to open;
    ``cited`` the citation a row of a topic that lists citations is about
    (None in the other topics)."""

    kind: RecordKind
    key: str
    label: str
    note: str
    open_kind: RecordKind
    open_key: str
    cited: CitedAt | None = None


@dataclass(frozen=True, slots=True)
class EvidencePage:
    """A page of a topic's rows, and where the next one starts (None: none left)."""

    rows: tuple[EvidenceRow, ...]
    after: tuple[int, int] | None
