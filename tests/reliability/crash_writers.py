"""The writers that the crash test kills, and what each of them writes.

Two kinds of writer run as processes of their own, so that SIGKILL stops them
wherever they are, as a power cut or the OOM killer would:

- ``python -m viewer --db DB import FILE``, the real command line, on an
  exchange file made by :func:`import_file`;
- :func:`write_saves`, in a process forked for it by this module run as a
  script (``python -m tests.reliability.crash_writers``, see :func:`serve`),
  which makes the saves of :func:`planned_saves` through the store's API one
  after another, and prints ``saved N`` after the N-th returned. Every save
  carries its marker (``RUN.N``) in every field it writes, so that a record
  found half-written would show two markers.

Both are deterministic in (seed, run): the test computes the same plan to
know what the database may hold after a kill.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import sys
import tempfile
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

# Saves a writer attempts; it is killed long before the last of them.
SAVES_PER_RUN = 2_000

_SOURCES = ("crash-source-a", "crash-source-b")
_WORDS = ("Accord", "Émirats", "الإمارات", "ישראל", "Straße", "talks", "signing", "Қазақстан")


def base_records() -> list[Record]:
    """What the crash database holds before the first writer starts: the
    records the saves and imports refer to, and the two that the saves update.
    Every claim is cited, so that a clean ``check`` reports nothing at all."""
    cite = (Citation("crash-source-a", "para. 1", "a quote", "a note"),)
    return [
        Source(
            "crash-source-a",
            "The first source",
            SourceKind.REPORT,
            "Press",
            (Author("Author", "A."),),
        ),
        Source("crash-source-b", "The second source", url="https://example.org/b"),
        Accord("crash-accord", "Crash Accord", "An accord", FuzzyDate.parse("2020"), cite),
        Party("crash-state", "Crash State", PartyKind.STATE, "KZ", citations=cite),
        Party("crash-party", "Crash Party", PartyKind.ORGANISATION, citations=cite),
        Person("crash-person", "Crash Person", "Minister", "crash-state", citations=cite),
        Event(
            "crash-event",
            "Crash Event",
            roles=(EventRole(RoleKind.HOST, party="crash-party"),),
            citations=cite,
        ),
    ]


@dataclass(frozen=True, slots=True)
class Save:
    """One save of a writer: ``record`` added, or saved over the stored one."""

    number: int
    update: bool
    record: Record


def planned_saves(seed: int, run: int, count: int = SAVES_PER_RUN) -> list[Save]:
    """The saves writer ``run`` makes, in order (versions are left at 0: the
    writer takes each from the record it last read or saved)."""
    rng = random.Random(f"saves {seed} {run}")
    saves = []
    for number in range(1, count + 1):
        marker = f"{run}.{number}"
        choice = rng.random()
        if choice < 0.35:
            saves.append(Save(number, True, _event(rng, "crash-event", marker)))
        elif choice < 0.6:
            saves.append(Save(number, True, _party(rng, marker)))
        elif choice < 0.85:
            saves.append(Save(number, False, _event(rng, f"crash-{run}-{number}", marker)))
        else:
            saves.append(Save(number, False, _source(rng, f"crash-source-{run}-{number}", marker)))
    return saves


def _citations(rng: random.Random, marker: str) -> tuple[Citation, ...]:
    return tuple(
        Citation(rng.choice(_SOURCES), f"para. {marker}.{index}", f"quote {marker}", "")
        for index in range(rng.randint(1, 3))
    )


def _event(rng: random.Random, key: str, marker: str) -> Event:
    actors = [("party", "crash-party"), ("party", "crash-state"), ("person", "crash-person")]
    roles = tuple(
        EventRole(RoleKind.SIGNATORY, **{side: actor})
        for side, actor in rng.sample(actors, rng.randint(1, 3))
    )
    return Event(
        key,
        f"Crash event {marker} {rng.choice(_WORDS)}",
        rng.choice(list(EventKind)),
        "crash-accord",
        FuzzyDate.parse(f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}"),
        f"Location {marker}",
        f"Summary {marker}",
        rng.choice(list(Certainty)),
        roles,
        _citations(rng, marker),
    )


def _party(rng: random.Random, marker: str) -> Party:
    return Party(
        "crash-party",
        f"Crash Party {marker}",
        PartyKind.ORGANISATION,
        notes=f"Notes {marker} {rng.choice(_WORDS)}",
        citations=_citations(rng, marker),
    )


def _source(rng: random.Random, key: str, marker: str) -> Source:
    return Source(
        key,
        f"Source {marker} {rng.choice(_WORDS)}",
        rng.choice(list(SourceKind)),
        f"Publisher {marker}",
        (Author(f"Author {marker}"),),
        FuzzyDate.parse(f"{rng.randint(1990, 2030)}"),
        f"https://example.org/{marker}",
    )


def import_file(seed: int, run: int, path: Path, size: int) -> dict[RecordKind, list[str]]:
    """Write an exchange file of about ``size`` records whose keys all start
    with ``imp{run}-``, each claim cited, referring to each other and to the
    base records; returns the keys it holds, by kind."""
    rng = random.Random(f"import {seed} {run}")
    prefix = f"imp{run}-"
    share = max(size // 10, 1)
    sources = [
        Source(f"{prefix}s{n}", f"Imported source {run}.{n} {rng.choice(_WORDS)}")
        for n in range(share)
    ]
    source_keys = [source.key for source in sources] + list(_SOURCES)

    def cited() -> tuple[Citation, ...]:
        return tuple(
            Citation(rng.choice(source_keys), f"p. {n}", rng.choice(_WORDS))
            for n in range(rng.randint(1, 2))
        )

    parties = [
        Party(
            f"{prefix}p{n}", f"Imported party {run}.{n}", PartyKind.ORGANISATION, citations=cited()
        )
        for n in range(share)
    ]
    party_keys = [party.key for party in parties] + ["crash-party", "crash-state"]
    people = [
        Person(
            f"{prefix}m{n}",
            f"Imported person {run}.{n}",
            "Envoy",
            rng.choice(party_keys),
            citations=cited(),
        )
        for n in range(share)
    ]
    person_keys = [person.key for person in people] + ["crash-person"]
    accords = [Accord(f"{prefix}a", f"Imported accord {run}", citations=cited())]
    steps = [
        StatusAction(
            f"{prefix}st{n}",
            rng.choice([f"{prefix}a", "crash-accord"]),
            rng.choice(party_keys),
            rng.choice(list(StatusKind)),
            FuzzyDate.parse(f"{rng.randint(1990, 2030)}-{rng.randint(1, 12):02d}~"),
            citations=cited(),
        )
        for n in range(share * 2)
    ]
    events = [
        Event(
            f"{prefix}e{n}",
            f"Imported event {run}.{n} {rng.choice(_WORDS)}",
            accord=rng.choice([None, f"{prefix}a", "crash-accord"]),
            roles=(
                EventRole(rng.choice(list(RoleKind)), party=rng.choice(party_keys)),
                EventRole(RoleKind.WITNESS, person=rng.choice(person_keys)),
            ),
            citations=cited(),
        )
        for n in range(size - len(sources) - len(parties) - len(people) - 1 - len(steps))
    ]
    sections: dict[RecordKind, Sequence[Record]] = {
        RecordKind.ACCORD: accords,
        RecordKind.PARTY: parties,
        RecordKind.PERSON: people,
        RecordKind.SOURCE: sources,
        RecordKind.STATUS_ACTION: steps,
        RecordKind.EVENT: events,
    }
    data: dict[str, Any] = {"format": "accords-viewer", "format_version": 1}
    data |= {kind.section: [to_json(record) for record in sections[kind]] for kind in RecordKind}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {kind: [record.key for record in records] for kind, records in sections.items()}


def write_saves(database: Path, seed: int, run: int) -> None:
    """Make the saves of writer ``run`` until killed (or done), saying
    ``ready`` once the store is open and ``saved N`` after each save."""
    from viewer.store.bootstrap import open_or_create

    store, _ = open_or_create(database, "crash-writer", seed=False)
    versions = {
        key: record.version
        for kind, key in ((RecordKind.EVENT, "crash-event"), (RecordKind.PARTY, "crash-party"))
        if (record := store.get(kind, key)) is not None
    }
    print("ready", flush=True)
    for save in planned_saves(seed, run):
        if save.update:
            record = dataclasses.replace(save.record, version=versions[save.record.key])
            versions[save.record.key] = store.update(record).version
        else:
            store.add(save.record)
        print(f"saved {save.number}", flush=True)


def serve() -> None:
    """Start a writer for each line read, ``DATABASE SEED RUN OUTPUT`` (tab-separated).

    Each writer is a process of its own, forked from this one, which has
    already loaded and used the store's code: a writer starts in milliseconds
    rather than the half second a new interpreter takes, so that the crash
    test's kills fit its time. The writer's lines go to the file OUTPUT (each
    written through before the next save begins, so a kill loses none);
    this process says ``started PID``, and ``ended CODE`` (as ``Popen``
    gives it: -9 for SIGKILL) once the writer is gone.
    """
    _warm_up()
    for line in sys.stdin:
        database, seed, run, output = line.rstrip("\n").split("\t")
        pid = os.fork()
        if pid == 0:  # the writer
            code = 1
            try:
                with Path(output).open("w", encoding="utf-8") as out:
                    sys.stdout = sys.stderr = out
                    try:
                        write_saves(Path(database), int(seed), int(run))
                        code = 0
                    except BaseException:
                        traceback.print_exc()
            finally:
                os._exit(code)
        print(f"started {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"ended {os.waitstatus_to_exitcode(status)}", flush=True)


def _warm_up() -> None:
    """Load and run once everything a save uses, on a scratch database."""
    from viewer.store.bootstrap import open_or_create

    with tempfile.TemporaryDirectory() as folder:
        store, opened = open_or_create(Path(folder) / "warm.sqlite3", "warm-up", seed=False)
        for record in base_records():
            store.add(record)
        store.update(dataclasses.replace(_party(random.Random(0), "0.0"), version=1))
        opened.close()


if __name__ == "__main__":
    serve()
