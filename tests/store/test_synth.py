"""Synthetic databases: deterministic, complete in their vocabularies, passing `check`."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from viewer.domain.dates import FuzzyDate, Precision
from viewer.domain.enums import (
    Certainty,
    EventKind,
    PartyKind,
    RecordKind,
    RoleKind,
    SourceKind,
    StatusKind,
)
from viewer.domain.records import Event
from viewer.domain.serial import record_fields
from viewer.domain.validation import KEY_PATTERN, validate
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import run_checks
from viewer.store.search import search
from viewer.store.store import Store
from viewer.store.synth import SynthError, creation_fields, synthesise
from viewer.store.synth_records import PEOPLE_PER_PARTY, SynthSize

SMALL = SynthSize(events=2_000, parties=40, sources=200)
TINY = SynthSize(events=150, parties=8, sources=12)
SCRIPTS = {
    "Latin with diacritics": lambda ch: "LATIN" in _name(ch) and "WITH" in _name(ch),
    "Arabic": lambda ch: _name(ch).startswith("ARABIC"),
    "Hebrew": lambda ch: _name(ch).startswith("HEBREW"),
    "Cyrillic": lambda ch: _name(ch).startswith("CYRILLIC"),
    "CJK": lambda ch: _name(ch).startswith("CJK"),
}


def _name(ch: str) -> str:
    return unicodedata.name(ch, "")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    path = tmp_path_factory.mktemp("synth") / "small.sqlite3"
    written = synthesise(path, SMALL, seed=7)
    yield path, written


@pytest.fixture
def store(small: tuple[Path, dict[str, int]]) -> Iterator[Store]:
    opened_store, opened = open_or_create(small[0], "tester", seed=False)
    yield opened_store
    opened.close()


def rows(path: Path, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, parameters).fetchall()
    finally:
        connection.close()


def table_contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the file, search index included, row by row."""
    names = [name for (name,) in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    # Some of the search index's own tables have no rowid: all their columns order them.
    return {
        str(name): sorted(rows(path, f'SELECT * FROM "{name}"'), key=repr)  # noqa: S608
        for name in names
    }


def test_the_same_seed_gives_the_same_tables_and_another_seed_others(tmp_path: Path) -> None:
    synthesise(tmp_path / "one.sqlite3", TINY, seed=3)
    synthesise(tmp_path / "two.sqlite3", TINY, seed=3)
    synthesise(tmp_path / "other.sqlite3", TINY, seed=4)
    one = table_contents(tmp_path / "one.sqlite3")
    assert one["events"] and one["revisions"] and one["search_index"]
    assert one == table_contents(tmp_path / "two.sqlite3")
    assert one["events"] != table_contents(tmp_path / "other.sqlite3")["events"]


def test_check_finds_nothing(store: Store) -> None:
    assert run_checks(store) == []


def test_the_counts_asked_for_are_written(small: tuple[Path, dict[str, int]], store: Store) -> None:
    written = small[1]
    assert store.count(RecordKind.EVENT) == written["events"] == SMALL.events
    assert store.count(RecordKind.PARTY) == written["parties"] == SMALL.parties
    assert store.count(RecordKind.SOURCE) == written["sources"] == SMALL.sources
    assert store.count(RecordKind.PERSON) == SMALL.parties * PEOPLE_PER_PARTY
    assert store.count(RecordKind.ACCORD) >= 5
    assert store.count(RecordKind.STATUS_ACTION) >= SMALL.parties


def test_every_kind_role_status_and_certainty_appears(small: tuple[Path, dict[str, int]]) -> None:
    path = small[0]

    def values(sql: str) -> set[object]:
        return {value for (value,) in rows(path, sql)}

    assert values("SELECT event_kind FROM events") == {kind.value for kind in EventKind}
    assert values("SELECT role FROM event_roles") == {role.value for role in RoleKind}
    assert values("SELECT action FROM status_actions") == {kind.value for kind in StatusKind}
    every_certainty = {certainty.value for certainty in Certainty}
    assert values("SELECT certainty FROM status_actions") == every_certainty
    assert values("SELECT certainty FROM events") == every_certainty
    assert values("SELECT source_kind FROM sources") == {kind.value for kind in SourceKind}
    assert values("SELECT party_kind FROM parties") == {kind.value for kind in PartyKind}
    assert values("SELECT count(*) FROM event_roles WHERE person_id IS NOT NULL") != {0}
    assert values("SELECT count(*) FROM parties WHERE iso_code IS NULL AND party_kind = 'state'")


def test_states_have_real_codes_and_names_are_in_every_script(store: Store) -> None:
    parties = rows(store.files()[0], "SELECT name, party_kind, iso_code FROM parties")
    codes = [code for _, kind, code in parties if kind == "state" and code]
    assert "IL" in codes and "US" in codes
    assert len(codes) == len(set(codes))
    names = [name for name, _, _ in parties]
    assert len({str(name).casefold() for name in names}) == len(names)
    texts = {
        "participants": names,
        "people": [name for (name,) in rows(store.files()[0], "SELECT name FROM people")],
        "event titles": [title for (title,) in rows(store.files()[0], "SELECT title FROM events")],
    }
    for what, found in texts.items():
        characters = set("".join(map(str, found)))
        for script, is_of in SCRIPTS.items():
            assert any(is_of(ch) for ch in characters), f"no {script} among the {what}"


def test_event_dates_take_every_precision_and_qualifier_within_1945_to_2026(
    small: tuple[Path, dict[str, int]],
) -> None:
    stored = rows(small[0], "SELECT date_edtf, date_lower, date_upper FROM events")
    texts = [text for text, _, _ in stored if text is not None]
    read = [FuzzyDate.parse(str(text)) for text in set(texts)]
    assert {found.precision for found in read} == set(Precision)
    assert any(found.approximate and not found.uncertain for found in read)
    assert any(found.uncertain and not found.approximate for found in read)
    assert any(found.approximate and found.uncertain for found in read)
    assert any(found.lower is None for found in read) and any(found.upper is None for found in read)
    assert any(text is None for text, _, _ in stored)  # some events are undated
    for text, lower, upper in stored:
        if text is None:
            assert lower is None and upper is None
            continue
        found = FuzzyDate.parse(str(text))
        assert (found.lower, found.upper) == (
            date.fromisoformat(str(lower)) if lower else None,
            date.fromisoformat(str(upper)) if upper else None,
        )
        for bound in (found.lower, found.upper):
            assert bound is None or date(1945, 1, 1) <= bound <= date(2026, 12, 31)


def test_every_claim_has_one_to_three_citations_with_locators(
    small: tuple[Path, dict[str, int]],
) -> None:
    path = small[0]
    for table, column in (
        ("accords", "accord_id"),
        ("parties", "party_id"),
        ("people", "person_id"),
        ("status_actions", "status_action_id"),
        ("events", "event_id"),
    ):
        per_claim = Counter(
            claim
            for (claim,) in rows(path, f"SELECT {column} FROM citations WHERE {column} > 0")  # noqa: S608
        )
        (claims,) = rows(path, f"SELECT count(*) FROM {table}")[0]  # noqa: S608
        assert len(per_claim) == claims, f"uncited {table}"
        assert set(per_claim.values()) <= {1, 2, 3}
    citations = rows(path, "SELECT locator, quote, note FROM citations")
    assert all(locator for locator, _, _ in citations)
    assert 0 < sum(1 for _, quote, _ in citations if quote) < len(citations)
    assert 0 < sum(1 for _, _, note in citations if note) < len(citations)


def test_the_log_holds_one_creation_per_record_as_the_store_writes_it(store: Store) -> None:
    path = store.files()[0]
    records = sum(store.count(kind) for kind in RecordKind)
    assert rows(path, "SELECT action, count(*) FROM revisions GROUP BY action") == [
        ("create", records)
    ]
    for kind in RecordKind:
        for record in store.page(kind, 0, 50):
            (changes,) = rows(
                path,
                "SELECT changes FROM revisions WHERE record_kind = ? AND record_key = ?",
                (kind.value, record.key),
            )[0]
            logged = json.loads(str(changes))
            assert logged == {name: [None, new] for name, new in record_fields(record).items()}


def test_the_fast_fields_of_events_are_record_fields_in_the_same_order(store: Store) -> None:
    events = [
        record for record in store.page(RecordKind.EVENT, 0, 500) if isinstance(record, Event)
    ]
    assert len(events) == 500
    for event in events:
        assert json.dumps(creation_fields(event)) == json.dumps(record_fields(event))


def test_the_search_index_is_built_and_finds_names_in_other_scripts(store: Store) -> None:
    assert [hit.key for hit in search(store, "ישראל") if hit.kind is RecordKind.PARTY]
    assert [hit.key for hit in search(store, "Қазақстан") if hit.kind is RecordKind.PARTY]


def test_an_existing_path_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite3"
    path.write_bytes(b"someone's file")
    with pytest.raises(SynthError, match="already exists"):
        synthesise(path, TINY, seed=1)
    assert path.read_bytes() == b"someone's file"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.sqlite3"]


def test_impossible_sizes_are_refused_with_every_reason_and_nothing_written(
    tmp_path: Path,
) -> None:
    size = SynthSize(events=-1, parties=0, sources=0)
    assert [problem.split()[0] for problem in size.problems()] == [
        "--events",
        "--parties",
        "--sources",
    ]
    with pytest.raises(SynthError, match="--events must be 0 or more, not -1"):
        synthesise(tmp_path / "new.sqlite3", size)
    assert list(tmp_path.iterdir()) == []


def test_no_events_is_a_database_of_the_other_kinds_that_passes_check(tmp_path: Path) -> None:
    path = tmp_path / "none.sqlite3"
    written = synthesise(path, SynthSize(events=0, parties=1, sources=1))
    assert "events" not in written and written["parties"] == 1
    store, opened = open_or_create(path, "tester", seed=False)
    try:
        assert run_checks(store) == []
    finally:
        opened.close()


def test_many_parties_get_valid_unique_names_and_keys(tmp_path: Path) -> None:
    """More parties than there are states: organisations fill the rest, and
    names in any script give keys of Latin letters, digits and hyphens."""
    path = tmp_path / "parties.sqlite3"
    synthesise(path, SynthSize(events=20, parties=500, sources=3), seed=2)
    store, opened = open_or_create(path, "tester", seed=False)
    try:
        for kind in RecordKind:
            for record in store.all(kind):
                assert validate(record) == [], (kind, record.key)
        names = [str(name).casefold() for (name,) in rows(path, "SELECT name FROM parties")]
        assert len(names) == len(set(names)) == 500
        assert any(name[-1].isdigit() for name in names)  # the patterns ran out: numbered
        keys = [str(key) for (key,) in rows(path, "SELECT key FROM parties")]
        assert not [key for key in keys if not any(ch.isalpha() for ch in key)]
    finally:
        opened.close()


def test_every_key_is_one_the_store_accepts(small: tuple[Path, dict[str, int]]) -> None:
    # An export of a synthetic database imports back: its keys pass validation
    # ("199x" from a decade's date, never "199X").
    path = small[0]
    for table in ("events", "parties", "people", "sources", "status_actions", "accords"):
        keys = [str(key) for (key,) in rows(path, f"SELECT key FROM {table}")]  # noqa: S608
        bad = [key for key in keys if not KEY_PATTERN.match(key)]
        assert bad == [], (table, bad[:5])
