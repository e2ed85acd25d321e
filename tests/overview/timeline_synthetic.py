"""A synthetic accord for the timeline's tests and pictures: many parties, many events.

Built in memory from domain records (no database), the size of the benchmark's
case: 200 participants with a few steps each and 20,000 events.
"""

from __future__ import annotations

from datetime import date, timedelta

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, EventKind, PartyKind, StatusKind
from viewer.domain.overview import AccordOverview, OverviewEvent, OverviewParty
from viewer.domain.records import Accord, StatusAction

_START = date(2015, 1, 1)
_STEPS = (
    (StatusKind.PROSPECTIVE, Certainty.REPORTED),
    (StatusKind.EXPECTED_TO_JOIN, Certainty.EXPECTED),
    (StatusKind.DECLARATION_SIGNED, Certainty.CONFIRMED),
    (StatusKind.AGREEMENT_SIGNED, Certainty.CONFIRMED),
    (StatusKind.JOINED, Certainty.CONFIRMED),
)


def _when(day: date, index: int) -> FuzzyDate:
    """Mostly days, one in seven a month, one in eleven a year: the data is never all exact."""
    if index % 11 == 0:
        return FuzzyDate.parse(f"{day.year}")
    if index % 7 == 0:
        return FuzzyDate.parse(f"{day.year}-{day.month:02d}")
    return FuzzyDate.parse(day.isoformat())


def party(index: int) -> OverviewParty:
    key = f"party-{index:03d}"
    actions = []
    day = _START + timedelta(days=(index * 37) % 2000)
    for step, (kind, certainty) in enumerate(_STEPS[: 2 + index % 4]):
        actions.append(
            StatusAction(
                key=f"{key}-{step}",
                accord="synthetic",
                party=key,
                action=kind,
                date=_when(day, index + step),
                certainty=certainty,
            )
        )
        day += timedelta(days=200 + (index * 13 + step * 71) % 400)
    if index % 9 == 0:  # an undated last step, drawn dotted from the last dated one
        actions.append(
            StatusAction(
                key=f"{key}-undated",
                accord="synthetic",
                party=key,
                action=StatusKind.STALLED,
                certainty=Certainty.REPORTED,
            )
        )
    return OverviewParty(
        key, f"Participant {index:03d} of a long name", PartyKind.STATE, None, tuple(actions)
    )


def event(index: int) -> OverviewEvent:
    day = _START + timedelta(days=(index * 7919) % 3650)
    kinds = tuple(EventKind)
    return OverviewEvent(
        f"event-{index:05d}",
        f"Event {index} <b>not bold</b>",
        kinds[index % len(kinds)],
        _when(day, index),
    )


def synthetic_overview(parties: int = 200, events: int = 20_000) -> AccordOverview:
    accord = Accord(key="synthetic", name="Synthetic accord")
    crowd = tuple(sorted((party(i) for i in range(parties)), key=lambda p: p.name))
    found = tuple(event(i) for i in range(events))
    return AccordOverview(accord, crowd, found, events_total=events)
