"""Read-only views that the window shows: list rows, details and claims.

They are assembled by the store from several records, so that the window can
show a record with everything around it in one call and no session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from viewer.domain.enums import RecordKind
from viewer.domain.quote_check import Verdict
from viewer.domain.records import Citation, Record, Source, StatusAction


@dataclass(frozen=True, slots=True)
class ListRow:
    """One line of a list: the record's key and the text of each column."""

    key: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A reference to another record, as a detail pane shows it."""

    kind: RecordKind
    key: str
    label: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement shown in a detail pane, with the citations backing it."""

    label: str
    citations: tuple[Citation, ...]
    record: Link

    @property
    def needs_citation(self) -> bool:
        return not self.citations


@dataclass(frozen=True, slots=True)
class Detail:
    """A record with the records around it, the claims it makes and their sources.

    ``links`` groups related records under a heading ("Status actions",
    "Events", "Citing claims"...): the first few of each, while
    ``link_totals`` says how many there are in all where that is more (a
    total above the store's counting limit means "more than" that limit:
    see :meth:`total_text`).
    ``actions`` holds a participant's status actions for its timeline.
    ``sources`` has every source a claim cites (without its archived text,
    which can be long: ``verdicts`` says, by (claim, citation) index, whether
    each quoting citation's quote is in it).
    """

    record: Record
    links: dict[str, tuple[Link, ...]] = field(default_factory=dict)
    claims: tuple[Claim, ...] = ()
    actions: tuple[StatusAction, ...] = ()
    sources: dict[str, Source] = field(default_factory=dict)
    names: dict[tuple[RecordKind, str], str] = field(default_factory=dict)
    link_totals: dict[str, int] = field(default_factory=dict)
    # Totals were counted up to this many (0: exactly); one more means "more than".
    counted_up_to: int = 0
    verdicts: dict[tuple[int, int], Verdict] = field(default_factory=dict)

    def total_text(self, heading: str) -> str:
        """How many records ``heading`` has in all, as the detail says it:
        "10,003", or "more than 10,000" past the counting limit."""
        total = self.link_totals.get(heading, 0)
        if self.counted_up_to and total > self.counted_up_to:
            return f"more than {self.counted_up_to:,}"
        return f"{total:,}"

    def name_of(self, kind: RecordKind, key: str | None) -> str:
        """The display name of a referenced record, or its key if unknown."""
        if key is None:
            return ""
        return self.names.get((kind, key), key)
