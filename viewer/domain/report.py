"""What the accord report prints: the accord, every claim about it with its
citations, and the sources those cite.

The store fills a :class:`ReportData` in one read (viewer/store/report_data.py);
the report numbers the sources in the order the report first cites them
(:func:`source_numbers`), so that each citation can refer to its source by
number and the list of sources at the end reads in the same order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from viewer.domain.records import Accord, Citation, Event, Source, StatusAction


@dataclass(frozen=True, slots=True)
class ReportParty:
    """A participant with its steps in the accord (with their citations), in order."""

    key: str
    name: str
    actions: tuple[StatusAction, ...]


@dataclass(frozen=True, slots=True)
class ReportData:
    """An accord with every claim the report prints and every source cited.

    ``parties`` are sorted by name; ``events`` by date (undated last), at
    most :data:`viewer.domain.overview.EVENT_LIMIT` of ``events_total``;
    ``sources`` holds each cited source by key (a citation whose source is
    gone has none).
    """

    accord: Accord
    parties: tuple[ReportParty, ...]
    events: tuple[Event, ...] = ()
    events_total: int = 0
    sources: Mapping[str, Source] = field(default_factory=dict)

    def citations(self) -> Iterator[Citation]:
        """Every citation in the order the report prints them."""
        yield from self.accord.citations
        for party in self.parties:
            for action in party.actions:
                yield from action.citations
        for event in self.events:
            yield from event.citations

    def cited_keys(self) -> tuple[str, ...]:
        """The cited sources' keys, each once, in the order first cited."""
        return tuple(dict.fromkeys(citation.source for citation in self.citations()))

    @property
    def events_left_out(self) -> int:
        return max(self.events_total - len(self.events), 0)


def source_numbers(data: ReportData) -> dict[str, int]:
    """Each cited source's number in the report (1, 2, ...), in the order first cited."""
    return {key: number for number, key in enumerate(data.cited_keys(), start=1)}
