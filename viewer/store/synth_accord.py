"""A synthetic accord in an existing database, for the overview at scale.

``synthesise_accord`` adds one accord with ``parties`` states (real ISO
3166-1 alpha-2 codes; a participant already holding a code is reused), each
with 1-4 status steps of varied kinds and certainties, dated in every shape
the app reads between 2000 and 2025 (days, months, years, approximate or
uncertain ones, intervals) or not dated at all, each cited; and
``events`` events of the accord spread over those years, some with roles for
its parties. Everything goes through the store's bulk path
(:meth:`Store.add_all`): checked, written in batches, logged and indexed in
one transaction, so 20,000 events take seconds and ``check`` stays clean.
The same seed gives the same accord.
"""

from __future__ import annotations

import random
import re
import time
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import select

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
from viewer.domain.names import skeleton
from viewer.domain.records import (
    Accord,
    Citation,
    Event,
    EventRole,
    Party,
    Record,
    Source,
    StatusAction,
)
from viewer.store.schema import AccordRow, PartyRow, SourceRow
from viewer.store.store import Store
from viewer.store.synth import SynthError

FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2025, 12, 31)
# Distinct date texts drawn per accord, each read by FuzzyDate once.
DATE_TEXTS = 3_000
# The ways a party moves through an accord: its steps, in order.
PATHS: tuple[tuple[StatusKind, ...], ...] = (
    (StatusKind.PROSPECTIVE,),
    (StatusKind.EXPECTED_TO_JOIN, StatusKind.JOINED),
    (StatusKind.ANNOUNCED, StatusKind.DECLARATION_SIGNED, StatusKind.AGREEMENT_SIGNED),
    (StatusKind.DECLARATION_SIGNED, StatusKind.STALLED),
    (
        StatusKind.ANNOUNCED,
        StatusKind.AGREEMENT_SIGNED,
        StatusKind.NORMALISATION_FORMALISED,
        StatusKind.JOINED,
    ),
    (StatusKind.AGREEMENT_SIGNED, StatusKind.WITHDRAWN),
    (StatusKind.BROKER,),
    (StatusKind.PROSPECTIVE, StatusKind.EXPECTED_TO_JOIN),
    (StatusKind.JOINED, StatusKind.STALLED, StatusKind.WITHDRAWN),
)
# How a step is known: mostly confirmed, often reported, some still to come.
CERTAINTIES = (
    (Certainty.CONFIRMED,) * 6
    + (Certainty.REPORTED,) * 3
    + (Certainty.EXPECTED, Certainty.PLANNED, Certainty.SPECULATIVE)
)
UNDATED_SHARE = 0.08
ROLES = (RoleKind.SIGNATORY, RoleKind.HOST, RoleKind.GUEST, RoleKind.WITNESS, RoleKind.SUBJECT)

Progress = Callable[[str], None]


def synthesise_accord(
    store: Store,
    key: str,
    name: str,
    *,
    parties: int = 200,
    events: int = 20_000,
    seed: int = 0,
    progress: Progress | None = None,
) -> None:
    """Add the synthetic accord ``key`` called ``name`` to ``store`` (see the module).

    Raises :class:`SynthError` when the accord's key is taken or there are
    not ``parties`` country codes to give.
    """
    say = progress or (lambda _: None)
    began = time.perf_counter()
    codes = countries()
    if not 1 <= parties <= len(codes):
        raise SynthError(f"an accord can have 1 to {len(codes)} states with ISO codes")
    if events < 0:
        raise SynthError("the number of events cannot be negative")
    with store.reading() as session:
        if session.scalar(select(AccordRow.id).where(AccordRow.key == key)) is not None:
            raise SynthError(f"an accord with the key {key!r} exists already")
        known = [(k, n, c) for k, n, c in session.execute(_PARTIES)]
        source_taken = session.scalar(select(SourceRow.id).where(SourceRow.key == f"{key}-source"))
    if source_taken is not None:
        raise SynthError(f"a source with the key {key!r}-source exists already")
    maker = _AccordMaker(random.Random(seed), key, name)
    chosen, new_parties = maker.parties(codes, known, parties)
    records: dict[RecordKind, list[Record]] = {
        RecordKind.SOURCE: [maker.source()],
        RecordKind.ACCORD: [maker.accord()],
        RecordKind.PARTY: list(new_parties),
        RecordKind.STATUS_ACTION: maker.status_actions(chosen),
        RecordKind.EVENT: maker.events(chosen, events),
    }
    say(
        f"accord {key}: {len(chosen):,} states ({len(new_parties):,} new), "
        f"{len(records[RecordKind.STATUS_ACTION]):,} status actions, {events:,} events"
    )
    store.add_all(
        records,
        progress=lambda done, total: (
            say(f"written {done:,} of {total:,} records")
            if done == total or done % 10_000 == 0
            else None
        ),
    )
    say(f"accord {key}: done in {time.perf_counter() - began:.1f} s")


_PARTIES = select(PartyRow.key, PartyRow.name, PartyRow.iso_code)


class _AccordMaker:
    """The records of one synthetic accord, drawn from one random generator."""

    def __init__(self, rng: random.Random, key: str, name: str) -> None:
        self.rng = rng
        self.key = key
        self.name = name
        self.source_key = f"{key}-source"
        read: dict[str, FuzzyDate] = {}
        for _ in range(DATE_TEXTS):
            text = self._date_text()
            if text not in read:
                read[text] = FuzzyDate.parse(text)
        self._dates = list(read.values())

    def source(self) -> Source:
        return Source(
            key=self.source_key,
            title=f"Synthetic record of the {self.name}",
            source_kind=SourceKind.REPORT,
            publisher="Accords Viewer synth",
            published=FuzzyDate.parse("2026"),
        )

    def accord(self) -> Accord:
        return Accord(
            key=self.key,
            name=self.name,
            description=f"A generated accord to try the overview at scale ({self.name}).",
            first_signed=FuzzyDate.parse(FIRST_DAY.isoformat()),
            citations=(Citation(self.source_key, "p. 1"),),
        )

    def parties(
        self, codes: list[tuple[str, str]], known: list[tuple[str, str, str | None]], count: int
    ) -> tuple[list[str], list[Party]]:
        """The keys of ``count`` states, reusing a participant that has the
        code (or the country's name), and the new participants to add."""
        by_code = {code: key for key, _, code in known if code}
        by_name = {skeleton(name): (key, code) for key, name, code in known}
        taken = {key for key, _, _ in known}
        order = list(codes)
        self.rng.shuffle(order)
        chosen: list[str] = []
        made: list[Party] = []
        for code, country in order:
            if len(chosen) == count:
                break
            if code in by_code:
                chosen.append(by_code[code])
                continue
            same_name = by_name.get(skeleton(country))
            if same_name is not None:
                if same_name[1] is None:  # the country, recorded without its code
                    chosen.append(same_name[0])
                continue  # the name is another code's: leave this one out
            key = _slug(country) or code.lower()
            if key in taken:
                key = f"{key}-{code.lower()}"
            taken.add(key)
            made.append(
                Party(
                    key=key,
                    name=country,
                    party_kind=PartyKind.STATE,
                    iso_code=code,
                    citations=self._citations(),
                )
            )
            chosen.append(key)
        if len(chosen) < count:
            raise SynthError(f"only {len(chosen)} states could be given to the accord")
        return chosen, made

    def status_actions(self, parties: list[str]) -> list[Record]:
        rng = self.rng
        made: list[Record] = []
        for party in parties:
            path = rng.choice(PATHS)
            steps = path[: rng.randint(1, len(path))] if len(path) > 1 else path
            dates = sorted(
                (self._date() for _ in steps),
                key=lambda d: d.lower if d.lower else FIRST_DAY,
            )
            for number, (kind, when) in enumerate(zip(steps, dates, strict=True)):
                last = number == len(steps) - 1
                undated = rng.random() < UNDATED_SHARE
                certainty = rng.choice(CERTAINTIES) if last else Certainty.CONFIRMED
                made.append(
                    StatusAction(
                        key=f"{self.key}-{party}-{number + 1}"[:80].strip("-"),
                        accord=self.key,
                        party=party,
                        action=kind,
                        date=None if undated else when,
                        certainty=certainty,
                        citations=self._citations(),
                    )
                )
        return made

    def events(self, parties: list[str], count: int) -> list[Record]:
        rng = self.rng
        kinds = list(EventKind)
        made: list[Record] = []
        for number in range(count):
            kind = rng.choice(kinds)
            roles = tuple(
                EventRole(rng.choice(ROLES), party=party)
                for party in dict.fromkeys(rng.choices(parties, k=rng.choice((0, 1, 1, 2, 3))))
            )
            made.append(
                Event(
                    key=f"{self.key}-event-{number + 1:06d}"[:80],
                    title=f"{kind.label.capitalize()} {number + 1:,} of the {self.name}"[:500],
                    event_kind=kind,
                    accord=self.key,
                    date=None if rng.random() < 0.02 else self._date(),
                    certainty=rng.choice(CERTAINTIES),
                    roles=roles,
                    citations=self._citations(),
                )
            )
        return made

    def _citations(self) -> tuple[Citation, ...]:
        # Every claim cited (a claim without one is a finding of `check`),
        # at varied places, some with a quote.
        rng = self.rng
        quote = "as the record of the talks gives it" if rng.random() < 0.2 else ""
        return (Citation(self.source_key, f"p. {rng.randint(1, 400)}", quote),)

    def _date(self) -> FuzzyDate:
        return self._dates[self.rng.randrange(len(self._dates))]

    def _date_text(self) -> str:
        rng = self.rng
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days - 40))
        shape = rng.random()
        if shape < 0.45:
            return day.isoformat()
        if shape < 0.6:
            return day.isoformat()[:7]
        if shape < 0.67:
            return day.isoformat()[:4]
        if shape < 0.74:
            return day.isoformat() + "~"
        if shape < 0.8:
            return day.isoformat() + "?"
        if shape < 0.85:
            return day.isoformat()[:7] + "?"
        if shape < 0.93:
            end = day + timedelta(days=rng.randint(1, 30))
            return f"{day.isoformat()}/{end.isoformat()}"
        end_month = day.month + rng.randint(1, 6)
        end = date(day.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return f"{day.isoformat()[:7]}/{end.isoformat()[:7]}"


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:70].strip("-")
