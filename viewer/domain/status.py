"""A party's status in an accord, derived from its dated status actions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from viewer.domain.records import StatusAction


@dataclass(frozen=True, slots=True)
class StatusAsOf:
    """The action in force on a date.

    ``settled`` is False when the action's date is partial and the day asked
    about falls inside it ("Jan 2021" asked about on 15 January 2021): the
    status may or may not have applied yet.
    """

    action: StatusAction
    settled: bool


def chronological(actions: Iterable[StatusAction]) -> list[StatusAction]:
    """Actions in the order they happened; undated ones after all dated ones.

    An undated action is known to have happened but not when, and the sources
    report it as the latest word (Morocco's formalisation, Sudan's stall), so
    it stands as the current status.
    """
    return sorted(
        actions,
        key=lambda a: (
            a.date is None or a.date.lower is None,
            a.date.lower if a.date and a.date.lower else date.max,
        ),
    )


def status_as_of(
    actions: Iterable[StatusAction], day: date | None = None, today: date | None = None
) -> StatusAsOf | None:
    """The status on ``day``, or the current status when ``day`` is None.

    On a given day only dated actions count: an undated one cannot be placed
    before or after it. The current status is the latest action that has
    begun by ``today`` (default: the real today), undated ones included:
    a withdrawal planned for next year is not the status yet.
    """
    ordered = chronological(actions)
    if day is None:
        now = today or date.today()
        begun = [
            a for a in ordered if a.date is None or a.date.lower is None or a.date.lower <= now
        ]
        return StatusAsOf(begun[-1], settled=True) if begun else None
    in_force: StatusAsOf | None = None
    for action in ordered:
        if action.date is None or action.date.lower is None or action.date.lower > day:
            continue
        upper = action.date.upper
        in_force = StatusAsOf(action, settled=upper is not None and upper <= day)
    return in_force
