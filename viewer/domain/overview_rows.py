"""The participants table of an accord on a day, as words.

One place says what each cell of the overview's table reads, so that the
window's table, its TSV copy, its CSV export and the PDF report say the same
thing. A step not yet sure on the day (the day falls inside its date) says
so, and a prospective certainty (expected, planned, speculative) is always
written out: such a status never reads like a step done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from viewer.domain.enums import Certainty, StatusKind
from viewer.domain.overview import AccordOverview, OverviewParty, Standing, standing, steps_by
from viewer.domain.records import StatusAction

NO_STATUS = "no status"
NO_DATE = "date not given"
CITATION_NEEDED = "citation needed"
NOT_SURE_YET = "perhaps not yet"

FIXED_HEADERS = ("Participant", "Status", "Since")
CITATIONS_HEADER = "Citations"


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """One participant's line of the table on a day."""

    party: OverviewParty
    standing: Standing
    status: str
    since: str
    steps: tuple[str, ...]
    citations: str

    def cells(self) -> tuple[str, ...]:
        return (self.party.name, self.status, self.since, *self.steps, self.citations)


def headers(kinds: tuple[StatusKind, ...]) -> tuple[str, ...]:
    """The table's column titles: the fixed ones, one per kind of step, the citations."""
    return (*FIXED_HEADERS, *(capitalised(kind.label) for kind in kinds), CITATIONS_HEADER)


def rows(overview: AccordOverview, day: date) -> list[ParticipantRow]:
    """Every participant's row on ``day``, in the overview's order (by name)."""
    kinds = overview.step_kinds()
    return [participant_row(party, kinds, day) for party in overview.parties]


def participant_row(
    party: OverviewParty, kinds: tuple[StatusKind, ...], day: date
) -> ParticipantRow:
    at = standing(party.actions, day)
    taken = steps_by(party.actions, day)
    return ParticipantRow(
        party=party,
        standing=at,
        status=status_text(at),
        since=since_text(at),
        steps=tuple(step_text(taken[kind], day) if kind in taken else "" for kind in kinds),
        citations=citations_text(party.citation_count),
    )


def status_text(at: Standing) -> str:
    """ "Agreement signed", "Expected to join (expected)", "Declaration signed;
    perhaps stalled by then (reported)", or "no status"."""
    if at.action is None and at.pending is None:
        return NO_STATUS
    if at.action is None:
        assert at.pending is not None
        return f"{NO_STATUS}; perhaps {with_certainty(at.pending)} by then"
    text = capitalised(with_certainty(at.action))
    if at.pending is not None:
        text += f"; perhaps {with_certainty(at.pending)} by then"
    return text


def with_certainty(action: StatusAction) -> str:
    """The step's label, with its certainty unless confirmed: "expected to join (expected)"."""
    if action.certainty is Certainty.CONFIRMED:
        return action.action.label
    return f"{action.action.label} ({action.certainty.label})"


def since_text(at: Standing) -> str:
    """The date of the step in force, as the app shows dates; "date not given" when undated."""
    if at.action is None:
        return ""
    return date_text(at.action)


def date_text(action: StatusAction) -> str:
    return action.date.display() if action.date is not None else NO_DATE


def step_text(action: StatusAction, day: date) -> str:
    """The date of a step taken by ``day``, marked when it may not have happened yet."""
    text = date_text(action)
    upper = action.date.upper if action.date is not None else None
    if upper is not None and upper > day:
        text += f" ({NOT_SURE_YET})"
    return text


def citations_text(count: int) -> str:
    return CITATION_NEEDED if count == 0 else f"{count:,}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
