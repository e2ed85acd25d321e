"""One realistic record of each kind, referring to each other, for store tests."""

from __future__ import annotations

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import (
    Certainty,
    EventKind,
    PartyKind,
    RoleKind,
    SourceKind,
    StatusKind,
)
from viewer.domain.records import (
    Accord,
    Author,
    Citation,
    Event,
    EventRole,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)

SOURCE = Source(
    key="report",
    title="A report on the accords",
    source_kind=SourceKind.REPORT,
    publisher="Example Press",
    authors=(Author("Author", "Ana"), Author("Writer", "Bo")),
    published=FuzzyDate.parse("2025-11-06"),
    url="https://example.org/report",
    accessed=FuzzyDate.parse("2025-11-07"),
    notes="Sample source.",
)
ACCORD = Accord(
    key="sample-accord",
    name="Sample Accord",
    description="An accord for tests.",
    first_signed=FuzzyDate.parse("2020-09-15"),
    citations=(Citation("report", "para. 1", "first signed", "n"),),
)
STATE = Party(
    key="kazakhstan",
    name="Kazakhstan",
    party_kind=PartyKind.STATE,
    iso_code="KZ",
    notes="Central Asia.",
    citations=(Citation("report", "para. 2"),),
)
ORGANISATION = Party(
    key="league",
    name="A League",
    party_kind=PartyKind.ORGANISATION,
    citations=(Citation("report", "para. 3"),),
)
PERSON = Person(
    key="president",
    name="Kassym-Jomart Tokayev",
    office="President",
    party="kazakhstan",
    citations=(Citation("report", "para. 4"),),
)
ACTION = StatusAction(
    key="kz-expected",
    accord="sample-accord",
    party="kazakhstan",
    action=StatusKind.EXPECTED_TO_JOIN,
    date=FuzzyDate.parse("2025-11-06"),
    certainty=Certainty.EXPECTED,
    note="Expected to join.",
    citations=(Citation("report", "para. 5", "expected to join"),),
)
EVENT = Event(
    key="meeting",
    title="An expected meeting",
    event_kind=EventKind.MEETING,
    accord="sample-accord",
    date=FuzzyDate.parse("2025-11-10~/2025-11-16~"),
    location="Washington, D.C.",
    summary="They are expected to meet.",
    certainty=Certainty.EXPECTED,
    roles=(
        EventRole(RoleKind.SUBJECT, party="kazakhstan"),
        EventRole(RoleKind.ANNOUNCER, person="president"),
    ),
    citations=(Citation("report", "para. 6"), Citation("report", "para. 7")),
)

ALL: tuple[Record, ...] = (SOURCE, ACCORD, STATE, ORGANISATION, PERSON, ACTION, EVENT)

# Events about one participant in the `crowded` fixture: far more than a detail shows.
CROWD = 10_000
