"""A party's status in an accord, derived from its dated status actions.

One rule answers every question about a status, "now" included (now is
simply today): on a day, the status is the latest step dated by then. A
step without a date is known to have happened but not when; the sources
give it as the latest word (Morocco's formalisation, Sudan's stall), so it
is placed after every dated step of the party: it holds from the last
dated step on, or always when no step has a date. A step dated in the
future is not in force yet, and neither is an undated step that comes
after it. Only the steps that count take part: of competing claims, those
of the best rank present, never a deprecated one
(:func:`viewer.domain.claims.in_force`). The list's "Current status" column
(viewer/store/listing.py) computes the same rule in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from viewer.domain.claims import in_force
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.records import StatusAction

RULE = (
    "Status on a day: the latest step dated by then; "
    "steps without a date count after all dated ones."
)

# A date given as "as of" that covers several days stands for its last one:
# by then, everything dated inside it has happened.
AS_OF_RULE = "A partial date means its last day: 2021-06 is 30 Jun 2021, 2021 is 31 Dec 2021."


def as_of_day(value: FuzzyDate) -> date:
    """The day a date means when asked "as of" it: its last possible day.

    DateError when it has no last day (an interval open at its end).
    """
    if value.upper is None:
        raise DateError(f"'{value.edtf}' has no last day; give an end, e.g. 2021-06")
    return value.upper


@dataclass(frozen=True, slots=True)
class StatusAsOf:
    """The action in force on a date.

    ``settled`` is False when the day asked about falls inside the date of
    the step that decides ("Jan 2021" asked about on 15 January 2021): the
    status may or may not have applied yet. For an undated step, the step
    that decides is the last dated one it follows.
    """

    action: StatusAction
    settled: bool


def is_dated(action: StatusAction) -> bool:
    """Whether ``action`` can be placed on the axis: it has a first possible day.

    An interval open at its start ("../2020") has none, and counts as undated.
    """
    return action.date is not None and action.date.lower is not None


def chronological(actions: Iterable[StatusAction]) -> list[StatusAction]:
    """Actions in the order they happened; undated ones after all dated ones.

    Ties keep the order given (the store gives actions in the order they were
    recorded, which is also how the list's SQL breaks ties).
    """
    return sorted(
        actions,
        key=lambda a: (
            not is_dated(a),
            a.date.lower if a.date and a.date.lower else date.max,
        ),
    )


def undated_from(actions: Sequence[StatusAction]) -> date | None:
    """The first day on which the party's undated steps hold: the first possible
    day of its last dated step; None when no step has a date (they always hold)."""
    lowers = [a.date.lower for a in actions if a.date is not None and a.date.lower is not None]
    return max(lowers) if lowers else None


def status_as_of(
    actions: Iterable[StatusAction], day: date | None = None, today: date | None = None
) -> StatusAsOf | None:
    """The status on ``day``; without one, the status on ``today`` (default:
    the real today) -- "now" follows the same rule as any other day."""
    when = day or today or date.today()
    ordered = chronological(in_force(actions))
    dated = [a for a in ordered if is_dated(a)]
    undated = [a for a in ordered if not is_dated(a)]
    last = dated[-1] if dated else None
    if undated:
        if last is None:
            return StatusAsOf(undated[-1], settled=True)
        assert last.date is not None and last.date.lower is not None
        if last.date.lower <= when:
            return StatusAsOf(undated[-1], settled=_settled(last, when))
    found: StatusAsOf | None = None
    for action in dated:
        assert action.date is not None and action.date.lower is not None
        if action.date.lower > when:
            break
        found = StatusAsOf(action, settled=_settled(action, when))
    return found


def _settled(action: StatusAction, day: date) -> bool:
    """Whether ``action`` had surely happened by ``day`` (its date's last day is past)."""
    upper = action.date.upper if action.date else None
    return upper is not None and upper <= day
