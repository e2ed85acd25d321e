"""An accord as a whole, on one day: who took part, at which step, since when.

The overview (table, map and timeline) reads one :class:`AccordOverview`
from the store and asks it, for any day, where each participant stood
(:func:`standing`). The answer follows the one status rule of
:mod:`viewer.domain.status`, with one refinement for a table that must never
overstate: when the step that decides is dated in a span the day falls
inside ("Jan 2021" asked about on 15 January 2021), the table says the step
*surely* reached by then and adds the one that *may* have happened
(``pending``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from viewer.domain.claims import in_force
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, EventKind, PartyKind, StatusKind
from viewer.domain.records import Accord, StatusAction
from viewer.domain.status import chronological, is_dated, status_as_of, undated_from

# The most events of one accord an overview holds; beyond, the timeline says
# how many it leaves out (see AccordOverview.events_total).
EVENT_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class OverviewParty:
    """A participant of the accord with its steps in this accord only, in order."""

    key: str
    name: str
    party_kind: PartyKind
    iso_code: str | None
    actions: tuple[StatusAction, ...]

    @property
    def citation_count(self) -> int:
        """How many citations back this party's steps in the accord."""
        return sum(len(action.citations) for action in self.actions)


@dataclass(frozen=True, slots=True)
class OverviewEvent:
    """An event of the accord, as the timeline marks it."""

    key: str
    title: str
    event_kind: EventKind
    date: FuzzyDate | None
    certainty: Certainty = Certainty.CONFIRMED


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a party stood on a day.

    ``action`` is the step surely in force (None: no status yet);
    ``pending`` a later step that may or may not have happened by then,
    because the day falls inside its date (or inside the date of the last
    dated step an undated one follows).
    """

    action: StatusAction | None
    pending: StatusAction | None = None

    @property
    def shown(self) -> StatusAction | None:
        """The step the map and the table colour by: the sure one, or else the possible one."""
        return self.action or self.pending


@dataclass(frozen=True, slots=True)
class AccordOverview:
    """One accord with every party that has a step in it and its events.

    ``parties`` are sorted by name; ``events`` by date (undated last) and hold
    at most :data:`EVENT_LIMIT`, while ``events_total`` counts them all.
    """

    accord: Accord
    parties: tuple[OverviewParty, ...]
    events: tuple[OverviewEvent, ...] = ()
    events_total: int = 0

    def party(self, key: str) -> OverviewParty | None:
        return next((p for p in self.parties if p.key == key), None)

    def step_kinds(self) -> tuple[StatusKind, ...]:
        """The kinds of step taken in this accord, in the order steps happen."""
        used = {action.action for party in self.parties for action in in_force(party.actions)}
        return tuple(kind for kind in StatusKind if kind in used)

    def change_days(self) -> tuple[date, ...]:
        """Every day on which some party's standing may change, in order.

        A step's first possible day and the day after its last possible one
        (when the step becomes sure) both count.
        """
        days: set[date] = set()
        for party in self.parties:
            for action in in_force(party.actions):
                if action.date is None:
                    continue
                if action.date.lower is not None:
                    days.add(action.date.lower)
                if action.date.upper is not None and action.date.upper != action.date.lower:
                    days.add(action.date.upper)
        return tuple(sorted(days))

    def span(self) -> tuple[date, date] | None:
        """The first and last dated step of the accord, or None when none is dated."""
        days = self.change_days()
        return (days[0], days[-1]) if days else None


def standing(actions: Iterable[StatusAction], day: date) -> Standing:
    """Where a party with ``actions`` (in one accord) stood on ``day``; only
    the claims that count take part (see :mod:`viewer.domain.claims`)."""
    actions = in_force(actions)
    found = status_as_of(actions, day)
    if found is None:
        return Standing(None)
    if found.settled:
        return Standing(found.action)
    sure = [
        action
        for action in actions
        if is_dated(action)
        and action.date is not None
        and action.date.upper is not None
        and action.date.upper <= day
    ]
    before = status_as_of(sure, day) if sure else None
    return Standing(before.action if before else None, pending=found.action)


def steps_by(actions: Sequence[StatusAction], day: date) -> dict[StatusKind, StatusAction]:
    """The latest step of each kind taken by ``day`` (its first possible day
    reached; undated steps once the rule places them in force), of the
    claims that count (see :mod:`viewer.domain.claims`)."""
    actions = in_force(actions)
    start = undated_from(actions)
    taken: dict[StatusKind, StatusAction] = {}
    for action in chronological(actions):
        if is_dated(action):
            assert action.date is not None and action.date.lower is not None
            if action.date.lower <= day:
                taken[action.action] = action
        elif start is None or start <= day:
            taken[action.action] = action
    return taken


def previous_change(days: Sequence[date], day: date) -> date | None:
    """The last change day before ``day``, or None."""
    index = bisect_left(days, day)
    return days[index - 1] if index > 0 else None


def next_change(days: Sequence[date], day: date) -> date | None:
    """The first change day after ``day``, or None."""
    index = bisect_right(days, day)
    return days[index] if index < len(days) else None
