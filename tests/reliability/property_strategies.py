"""Hypothesis strategies shared by the property tests: valid dates, and small
valid datasets of every kind of record."""

from __future__ import annotations

import calendar
import unicodedata
from enum import StrEnum
from typing import Any, TypeVar

from hypothesis import strategies as st

from viewer.domain.countries import countries
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import (
    Certainty,
    EventKind,
    PartyKind,
    RecordKind,
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
from viewer.domain.serial import to_json
from viewer.store.exchange import FORMAT_VERSION

QUALIFIERS = st.sampled_from(["", "~", "?", "%"])
YEARS = st.integers(1, 9999)


@st.composite
def single_dates(draw: st.DrawFn) -> str:
    """The EDTF text of one date of level 0 or 1: a year, month or day (each
    maybe approximate, uncertain or both), a season, or a year or month with
    unspecified digits."""
    year = draw(YEARS)
    shape = draw(st.sampled_from(["year", "month", "day", "season", "unspecified"]))
    if shape == "year":
        return f"{year:04d}{draw(QUALIFIERS)}"
    if shape == "month":
        return f"{year:04d}-{draw(st.integers(1, 12)):02d}{draw(QUALIFIERS)}"
    if shape == "day":
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
        return f"{year:04d}-{month:02d}-{day:02d}{draw(QUALIFIERS)}"
    if shape == "season":
        return f"{year:04d}-{draw(st.integers(21, 24))}"
    year = max(year, 100)  # "000X" would take in the year 0
    if draw(st.booleans()):
        hidden = draw(st.integers(1, 2))
        return f"{year:04d}"[: 4 - hidden] + "X" * hidden + draw(QUALIFIERS)
    return f"{year:04d}-" + draw(st.sampled_from(["XX", "XX-XX", "01-XX", "12-XX"]))


@st.composite
def dates(draw: st.DrawFn) -> FuzzyDate:
    """A valid date: one date, or an interval of two in order, either end
    maybe open (``..``) or unknown (empty), but not both ends unknown or one
    unknown and the other open."""
    if draw(st.booleans()):
        return FuzzyDate.parse(draw(single_dates()))
    ends = [draw(single_dates().filter(lambda text: "X" not in text)) for _ in range(2)]
    ends.sort(key=lambda text: (FuzzyDate.parse(text).lower, FuzzyDate.parse(text).upper))
    if FuzzyDate.parse(ends[0]).lower > FuzzyDate.parse(ends[1]).upper:  # type: ignore[operator]
        ends[1] = ends[0]  # overlapping ends that cannot be put in order
    for index in (0, 1):
        ends[index] = draw(st.sampled_from([ends[index], ends[index], "..", ""]))
    if "" in ends and ("" if ends[0] else ends[1]) in ("", ".."):
        ends = ["..", ".."]
    return FuzzyDate.parse("/".join(ends))


# -- datasets ---------------------------------------------------------------

# Printable text of every script: letters, marks, digits, punctuation,
# symbols and spaces (no control or format characters, no surrogates), in
# NFC, as the store keeps names. Each strategy is made once: making one per
# draw costs more than drawing from it.
_PRINTABLE = st.characters(categories=["L", "M", "N", "P", "S", "Zs"])
_LINES = _PRINTABLE | st.sampled_from("\n\t")
KEYS = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?", fullmatch=True)
# One line, maybe empty: a locator, a publisher, an office.
SHORT_TEXTS = st.text(_PRINTABLE, max_size=24).map(lambda text: _nfc(text))
# A required one-line text: something besides spaces, none around it.
NAMES = SHORT_TEXTS.map(str.strip).filter(bool)
# Notes, summaries, quotes: may hold line breaks and tabs.
LONG_TEXTS = st.text(_LINES, max_size=60).map(lambda text: _nfc(text))
MAYBE_DATES = st.none() | dates()
URLS = st.sampled_from(["", "https://example.org/", "http://news.example.com/a?b=1#c"]) | (
    KEYS.map("https://example.net/{}".format)
)
_CODES = st.sampled_from([code for code, _ in countries()])
_CITATION_TEXTS = st.tuples(SHORT_TEXTS, LONG_TEXTS, LONG_TEXTS)


E = TypeVar("E", bound=StrEnum)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _read_before_published(published: FuzzyDate | None, accessed: FuzzyDate | None) -> bool:
    return bool(
        published
        and accessed
        and published.lower
        and accessed.upper
        and accessed.upper < published.lower
    )


def _keys(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(KEYS, min_size=min_size, max_size=max_size, unique=True)


@st.composite
def datasets(draw: st.DrawFn) -> dict[RecordKind, list[Record]]:
    """A small valid database: a few records of each kind, with unique keys
    (per kind) and unique participant names and codes, every reference to a
    record of the set, every date valid, every value in its vocabulary."""
    source_keys = draw(_keys(1, 4))
    party_keys = draw(_keys(1, 4))
    person_keys = draw(_keys(0, 3))
    accord_keys = draw(_keys(1, 2))
    choose = {
        "source": st.sampled_from(source_keys),
        "party": st.sampled_from(party_keys),
        "accord": st.sampled_from(accord_keys),
    }

    def one_of(enum: type[E]) -> E:
        member: E = draw(st.sampled_from(list(enum)))
        return member

    def citations() -> tuple[Citation, ...]:
        count = draw(st.integers(0, 3))
        return tuple(Citation(draw(choose["source"]), *draw(_CITATION_TEXTS)) for _ in range(count))

    sources = []
    for key in source_keys:
        published, accessed = draw(MAYBE_DATES), draw(MAYBE_DATES)
        if _read_before_published(published, accessed):
            accessed = None  # refused
        authors = tuple(
            Author(literal=draw(NAMES)) if draw(st.booleans()) else Author(draw(NAMES), draw(NAMES))
            for _ in range(draw(st.integers(0, 3)))
        )
        sources.append(
            Source(
                key,
                draw(NAMES),
                one_of(SourceKind),
                draw(SHORT_TEXTS),
                authors,
                published,
                draw(URLS),
                accessed,
                draw(LONG_TEXTS),
            )
        )
    accords = [
        Accord(key, draw(NAMES), draw(LONG_TEXTS), draw(MAYBE_DATES), citations())
        for key in accord_keys
    ]
    codes = iter(draw(st.lists(_CODES, min_size=4, max_size=4, unique=True)))
    parties = []
    for number, key in enumerate(party_keys):
        kind = one_of(PartyKind)
        code = next(codes) if kind is PartyKind.STATE and draw(st.booleans()) else None
        # Numbered, so that no two participants share a name in any case.
        name = f"{draw(NAMES)} #{number}"
        parties.append(Party(key, name, kind, code, draw(LONG_TEXTS), citations()))
    maybe_party = st.none() | choose["party"]
    people = [
        Person(
            key, draw(NAMES), draw(SHORT_TEXTS), draw(maybe_party), draw(LONG_TEXTS), citations()
        )
        for key in person_keys
    ]
    steps = [
        StatusAction(
            key,
            draw(choose["accord"]),
            draw(choose["party"]),
            one_of(StatusKind),
            draw(MAYBE_DATES),
            one_of(Certainty),
            draw(LONG_TEXTS),
            citations=citations(),
        )
        for key in draw(_keys(0, 4))
    ]
    actors = st.sampled_from(
        [("party", key) for key in party_keys] + [("person", key) for key in person_keys]
    )

    def roles() -> tuple[EventRole, ...]:
        chosen = [draw(actors) for _ in range(draw(st.integers(0, 4)))]
        return tuple(EventRole(one_of(RoleKind), **{side: key}) for side, key in chosen)

    maybe_accord = st.none() | choose["accord"]
    events = [
        Event(
            key,
            draw(NAMES),
            one_of(EventKind),
            draw(maybe_accord),
            draw(MAYBE_DATES),
            draw(SHORT_TEXTS),
            draw(LONG_TEXTS),
            one_of(Certainty),
            roles(),
            citations(),
        )
        for key in draw(_keys(0, 5))
    ]
    return {
        RecordKind.ACCORD: list(accords),
        RecordKind.PARTY: list(parties),
        RecordKind.PERSON: list(people),
        RecordKind.SOURCE: list(sources),
        RecordKind.STATUS_ACTION: list(steps),
        RecordKind.EVENT: list(events),
    }


def exchange_form(records: dict[RecordKind, list[Record]]) -> dict[str, Any]:
    """The exchange file holding ``records``, as an export writes one."""
    data: dict[str, Any] = {"format": "accords-viewer", "format_version": FORMAT_VERSION}
    for kind in RecordKind:
        data[kind.section] = [to_json(record) for record in records[kind]]
    return data
