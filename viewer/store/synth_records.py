"""The records of a synthetic database, made kind by kind in write order.

Parties are states (under their ISO 3166 codes, some under their own name in
their own script, and a few former states without a code) and organisations
with names in several scripts; the parties named first take part in far more
events than the rest (picks follow 1 / rank), so that a few participants have
a great many events, as in the news. Every vocabulary (event kind, role,
status, certainty, source kind, date shape, script) appears once there are
at least as many records of the kind as it has members: the first records
take each member in turn, the rest are drawn at random.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Any, TypeVar

from viewer.domain.authors import guess_author
from viewer.domain.countries import countries
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
    Citation,
    Event,
    EventRole,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)
from viewer.store import synth_text as text
from viewer.store.synth_dates import DatePool

PEOPLE_PER_PARTY = 3
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SynthSize:
    """How many records of the kinds a user sizes; the others follow from them."""

    events: int
    parties: int
    sources: int

    def problems(self) -> list[str]:
        found = []
        if self.events < 0:
            found.append(f"--events must be 0 or more, not {self.events}")
        if self.parties < 1:
            found.append(
                f"--parties must be at least 1 (status actions and events need one), "
                f"not {self.parties}"
            )
        if self.sources < 1:
            found.append(
                f"--sources must be at least 1 (every claim cites one), not {self.sources}"
            )
        return found


def _cover(rng: random.Random, members: Sequence[T], index: int, weights: Sequence[int]) -> T:
    """Each member in turn for the first records, then a weighted draw."""
    if index < len(members):
        return members[index]
    return rng.choices(members, weights)[0]


def _slug(name: str, fallback: str, number: int) -> str:
    """A key: the name's Latin words (or ``fallback`` if it has none) and a number."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_name.lower()).split()
    stem = "-".join(words)[:40].strip("-")
    if not any(ch.isalpha() for ch in stem):
        stem = fallback
    return f"{stem}-{number}"


class _Zipf:
    """Picks from a list, the first entries far more often (as news names some
    states far more than others): entry n is weighted 1 / (n + 1)."""

    def __init__(self, rng: random.Random, entries: Sequence[T]) -> None:
        self._rng = rng
        self._entries = list(entries)
        self._cumulative = list(accumulate(1 / (n + 1) for n in range(len(entries))))

    def pick(self) -> Any:
        return self._rng.choices(self._entries, cum_weights=self._cumulative)[0]


@dataclass(frozen=True, slots=True)
class _PartyName:
    key: str
    name: str
    party_kind: PartyKind
    iso_code: str | None


ROLE_PLANS: dict[EventKind, tuple[tuple[RoleKind, bool, float], ...]] = {
    # (role, is a party (else a person), how often it appears)
    EventKind.SIGNING_CEREMONY: (
        (RoleKind.SIGNATORY, True, 1.0),
        (RoleKind.SIGNATORY, True, 1.0),
        (RoleKind.BROKER, True, 0.4),
        (RoleKind.HOST, True, 0.6),
        (RoleKind.WITNESS, False, 0.5),
    ),
    EventKind.DECLARATION: (
        (RoleKind.ANNOUNCER, True, 1.0),
        (RoleKind.SIGNATORY, True, 0.6),
        (RoleKind.SUBJECT, True, 0.5),
    ),
    EventKind.ANNOUNCEMENT: ((RoleKind.ANNOUNCER, False, 1.0), (RoleKind.SUBJECT, True, 1.0)),
    EventKind.MEETING: (
        (RoleKind.PARTICIPANT, True, 1.0),
        (RoleKind.PARTICIPANT, True, 1.0),
        (RoleKind.HOST, True, 0.4),
        (RoleKind.PARTICIPANT, False, 0.5),
    ),
    EventKind.VISIT: (
        (RoleKind.GUEST, False, 1.0),
        (RoleKind.HOST, True, 1.0),
        (RoleKind.GUEST, True, 0.4),
    ),
    EventKind.SUMMIT: (
        (RoleKind.HOST, True, 1.0),
        (RoleKind.PARTICIPANT, True, 1.0),
        (RoleKind.PARTICIPANT, True, 0.7),
        (RoleKind.PARTICIPANT, True, 0.4),
        (RoleKind.BROKER, True, 0.2),
    ),
    EventKind.REMARKS: ((RoleKind.ANNOUNCER, False, 1.0), (RoleKind.SUBJECT, True, 0.8)),
    EventKind.INTERVIEW: ((RoleKind.INTERVIEWER, False, 1.0), (RoleKind.SUBJECT, False, 1.0)),
}
EVENT_KINDS = tuple(EventKind)
EVENT_KIND_WEIGHTS = (4, 3, 8, 30, 12, 6, 20, 10)
CERTAINTIES = tuple(Certainty)
CERTAINTY_WEIGHTS = (60, 25, 7, 5, 3)
SOURCE_KINDS = tuple(SourceKind)
# In SourceKind's order: news, official, treaty, web page, interview, report, broadcast, other.
SOURCE_KIND_WEIGHTS = (58, 13, 3, 5, 7, 7, 5, 2)
STATUS_KINDS = tuple(StatusKind)
# A party's steps in an accord, in the order they usually come.
PROGRESSION = (
    StatusKind.PROSPECTIVE,
    StatusKind.EXPECTED_TO_JOIN,
    StatusKind.ANNOUNCED,
    StatusKind.DECLARATION_SIGNED,
    StatusKind.AGREEMENT_SIGNED,
    StatusKind.NORMALISATION_FORMALISED,
    StatusKind.JOINED,
)
ENDINGS = (StatusKind.STALLED, StatusKind.WITHDRAWN)


class RecordMaker:
    """Makes the records of one synthetic database, kind by kind, in write order."""

    def __init__(self, rng: random.Random, size: SynthSize) -> None:
        self.rng = rng
        self.size = size
        self.dates = DatePool(rng, max(500, min(40_000, size.events // 25)))
        self.parties = self._party_names(size.parties)
        self.party_picks = _Zipf(rng, self.parties)
        self.party_names = {party.key: party.name for party in self.parties}
        self.accords = text.ACCORDS
        self.accord_picks = _Zipf(rng, self.accords)
        self.source_keys: list[str] = []
        self.people: list[tuple[str, str, str | None]] = []  # key, name, party key
        self.people_of: dict[str, list[str]] = {}
        self.status_actions = 0
        self.citations = 0

    def kinds(self) -> Iterator[tuple[RecordKind, Iterator[Record]]]:
        yield RecordKind.SOURCE, self._sources()
        yield RecordKind.ACCORD, self._accords()
        yield RecordKind.PARTY, self._parties()
        yield RecordKind.PERSON, self._people()
        yield RecordKind.STATUS_ACTION, self._status_actions()
        yield RecordKind.EVENT, self._events()

    # -- names ---------------------------------------------------------------

    def _party_names(self, count: int) -> list[_PartyName]:
        rng = self.rng
        known = dict(countries())
        rest = [code for code in known if code not in text.CORE_STATES]
        rng.shuffle(rest)
        codes = [code for code in text.CORE_STATES if code in known] + rest
        states: list[tuple[str, str | None]] = [
            (text.NATIVE_NAMES.get(code, known[code]), code) for code in codes
        ]
        # Former states (no code) among the first few, so small runs have one.
        states[12:12] = [(name, None) for name in text.FORMER_STATES]
        state_count = min(len(states), max(1, (count * 7 + 9) // 10))
        names: list[_PartyName] = []
        taken: set[str] = set()
        for n, (name, code) in enumerate(states[:state_count]):
            english = known.get(code, "") if code else ""
            key = _slug(english or name, "state", n + 1)
            names.append(_PartyName(key, name, PartyKind.STATE, code))
            taken.add(name.casefold())
        while len(names) < count:
            n = len(names) + 1
            base = name = self._organisation_name(n)
            while name.casefold() in taken:  # the patterns run out: number them
                name = f"{name} {n}"
            taken.add(name.casefold())
            names.append(
                _PartyName(_slug(base, "organisation", n), name, PartyKind.ORGANISATION, None)
            )
        return names

    def _organisation_name(self, n: int) -> str:
        patterns = text.ORGANISATION_PATTERNS
        pattern = patterns[n % len(patterns)]
        words = {
            slot: self.rng.choice(options) for slot, options in text.ORGANISATION_WORDS.items()
        }
        return pattern.format(**words)

    def _person_name(self, script: int) -> str:
        given, family, joiner = text.PERSON_NAMES[script]
        first, last = self.rng.choice(given), self.rng.choice(family)
        return f"{last}{first}" if joiner == "" else f"{first}{joiner}{last}"

    def _fill(self, template: str, party: str = "", other: str = "", accord: str = "") -> str:
        rng = self.rng
        return template.format(
            party=party or self.party_picks.pick().name,
            other=other or self.party_picks.pick().name,
            accord=accord or self.accord_picks.pick()[1],
            city=rng.choice(text.CITIES),
        )[:500]

    def _citations(self) -> tuple[Citation, ...]:
        rng = self.rng
        cited = []
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            locator = rng.choice(text.LOCATORS).format(n=rng.randint(1, 40), m=rng.randint(0, 59))
            cited.append(
                Citation(
                    source=self.source_keys[rng.randrange(len(self.source_keys))],
                    locator=locator,
                    quote=rng.choice(text.QUOTES) if rng.random() < 0.35 else "",
                    note=rng.choice(text.CITATION_NOTES) if rng.random() < 0.1 else "",
                )
            )
        self.citations += len(cited)
        return tuple(cited)

    # -- kinds ---------------------------------------------------------------

    def _sources(self) -> Iterator[Record]:
        rng = self.rng
        for n in range(self.size.sources):
            source_kind = _cover(rng, SOURCE_KINDS, n, SOURCE_KIND_WEIGHTS)
            publisher, site = rng.choice(text.PUBLISHERS[source_kind.value])
            published = None if rng.random() < 0.05 else self.dates.published()
            accessed = self.dates.accessed_after(published) if rng.random() < 0.5 else None
            year = published.edtf[:4] if published else "undated"
            key = _slug(publisher, "source", n + 1).replace(f"-{n + 1}", f"-{year}-{n + 1}")
            self.source_keys.append(key)
            title = self._fill(rng.choice(text.SOURCE_TITLES))
            yield Source(
                key=key,
                title=title,
                source_kind=source_kind,
                publisher=publisher,
                authors=tuple(
                    guess_author(self._person_name(rng.randrange(2)))
                    for _ in range(rng.randint(0, 3))
                ),
                container_title=publisher if source_kind is SourceKind.NEWS_ARTICLE else "",
                published=published,
                url=f"https://{site}/{year}/{n + 1}" if site and rng.random() < 0.8 else "",
                accessed=accessed,
                notes="Paywalled; read in the print edition." if rng.random() < 0.05 else "",
            )

    def _accords(self) -> Iterator[Record]:
        for key, name, signed, description in self.accords:
            yield Accord(
                key=key,
                name=name,
                description=description,
                first_signed=self.dates.read(signed),
                citations=self._citations(),
            )

    def _parties(self) -> Iterator[Record]:
        rng = self.rng
        for party in self.parties:
            yield Party(
                key=party.key,
                name=party.name,
                party_kind=party.party_kind,
                iso_code=party.iso_code,
                notes=rng.choice(text.PARTY_NOTES) if rng.random() < 0.4 else "",
                citations=self._citations(),
            )

    def _people(self) -> Iterator[Record]:
        rng = self.rng
        scripts = len(text.PERSON_NAMES)
        for n in range(self.size.parties * PEOPLE_PER_PARTY):
            party = self.parties[n // PEOPLE_PER_PARTY] if rng.random() < 0.9 else None
            script = n % scripts if n < scripts else rng.randrange(scripts)
            name = self._person_name(script)
            offices = (
                text.ORGANISATION_OFFICES
                if party and party.party_kind is PartyKind.ORGANISATION
                else text.STATE_OFFICES
            )
            key = _slug(name, "person", n + 1)
            self.people.append((key, name, party.key if party else None))
            if party:
                self.people_of.setdefault(party.key, []).append(key)
            yield Person(
                key=key,
                name=name,
                office=rng.choice(offices),
                party=party.key if party else None,
                notes="Also known by a transliterated name." if rng.random() < 0.05 else "",
                citations=self._citations(),
            )

    def _status_actions(self) -> Iterator[Record]:
        rng = self.rng
        number = 0
        for party in self.parties:
            accords = rng.sample(self.accords, k=min(len(self.accords), rng.choice((1, 1, 2, 3))))
            for accord in accords:
                steps = self._steps(party)
                dates = sorted(
                    (self.dates.pick() for _ in steps),
                    key=lambda d: (d.lower or date.min, d.upper or date.max),
                )
                for step, when in zip(steps, dates, strict=True):
                    action = STATUS_KINDS[number] if number < len(STATUS_KINDS) else step
                    certainty = _cover(rng, CERTAINTIES, number, CERTAINTY_WEIGHTS)
                    number += 1
                    yield StatusAction(
                        key=f"{party.key[:40]}-{action.value.replace('_', '-')}-{number}",
                        accord=accord[0],
                        party=party.key,
                        action=action,
                        date=None if rng.random() < 0.03 else when,
                        certainty=certainty,
                        note=rng.choice(text.STATUS_NOTES) if rng.random() < 0.5 else "",
                        citations=self._citations(),
                    )
        self.status_actions = number

    def _steps(self, party: _PartyName) -> list[StatusKind]:
        rng = self.rng
        if party.party_kind is PartyKind.ORGANISATION and rng.random() < 0.5:
            return [StatusKind.BROKER]
        start = rng.randrange(len(PROGRESSION))
        steps = list(PROGRESSION[start : start + rng.randint(1, 3)])
        if rng.random() < 0.15:
            steps.append(rng.choice(ENDINGS))
        return steps

    def _events(self) -> Iterator[Record]:
        rng = self.rng
        for n in range(self.size.events):
            event_kind = _cover(rng, EVENT_KINDS, n, EVENT_KIND_WEIGHTS)
            roles = self._roles(event_kind, everything=n < len(EVENT_KINDS))
            named = [self.party_names[role.party] for role in roles if role.party]
            accord = self.accord_picks.pick() if rng.random() < 0.8 else None
            when = self.dates.pick(n) if n < len(self.dates.shapes) or rng.random() < 0.97 else None
            party, other = [*named, "", ""][:2]
            title = self._fill(
                rng.choice(text.EVENT_TITLES[event_kind.value]),
                party,
                other,
                accord[1] if accord else "",
            )
            yield Event(
                key=f"{event_kind.value.replace('_', '-')}-"
                f"{when.edtf[:4].lower() if when and when.lower else 'undated'}-{n + 1:07d}",
                title=title,
                event_kind=event_kind,
                accord=accord[0] if accord else None,
                date=when,
                location=rng.choice(text.CITIES) if rng.random() < 0.6 else "",
                summary=self._fill(rng.choice(text.SUMMARIES), party, other)
                if rng.random() < 0.5
                else "",
                certainty=_cover(rng, CERTAINTIES, n, CERTAINTY_WEIGHTS),
                roles=roles,
                citations=self._citations(),
            )

    def _roles(self, event_kind: EventKind, *, everything: bool) -> tuple[EventRole, ...]:
        rng = self.rng
        roles: list[EventRole] = []
        parties: list[str] = []
        people: list[str] = []
        for role, is_party, often in ROLE_PLANS[event_kind]:
            if not everything and often < 1.0 and rng.random() >= often:
                continue
            if is_party:
                party = self.party_picks.pick().key
                if party in parties:
                    party = self.party_picks.pick().key  # one more try, then skip
                    if party in parties:
                        continue
                parties.append(party)
                roles.append(EventRole(role, party=party))
            else:
                person = self._person_for(parties)
                if person in people:
                    continue
                people.append(person)
                roles.append(EventRole(role, person=person))
        return tuple(roles)

    def _person_for(self, parties: list[str]) -> str:
        rng = self.rng
        for party in parties:
            staff = self.people_of.get(party)
            if staff and rng.random() < 0.7:
                return rng.choice(staff)
        return self.people[rng.randrange(len(self.people))][0]
