"""The synthetic accord of the overview benchmark: 200 states, 20,000 events, check clean."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from viewer.app import main
from viewer.domain.countries import country_name
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.api import (
    ListQuery,
    Store,
    SynthError,
    accord_overview,
    busiest_accord,
    fetch_rows,
    run_checks,
    synthesise_accord,
)


def test_the_synthetic_accord_has_200_states_and_20000_events_and_checks_clean(
    seeded_store: Store,
) -> None:
    parties_before = seeded_store.count(RecordKind.PARTY)
    synthesise_accord(seeded_store, "synthetic-accord", "Synthetic Accord", seed=3)
    overview = accord_overview(seeded_store, "synthetic-accord")
    assert overview is not None
    assert len(overview.parties) == 200
    assert overview.events_total == 20_000 == len(overview.events)
    codes = [party.iso_code for party in overview.parties]
    assert all(code and country_name(code) for code in codes)
    assert len(set(codes)) == 200
    # A state already recorded with its code is reused, never doubled.
    assert seeded_store.count(RecordKind.PARTY) == parties_before + 200 - sum(
        1 for code in codes if code in {"IL", "AE", "BH", "MA", "SD", "KZ", "US", "SY", "SA"}
    )
    steps = [action for party in overview.parties for action in party.actions]
    assert all(1 <= len(party.actions) <= 4 for party in overview.parties)
    assert len({action.action for action in steps}) >= 6
    assert len({action.certainty for action in steps}) >= 4
    assert any(action.date is None for action in steps)  # some undated
    shapes = Counter(action.date.precision for action in steps if action.date is not None)
    assert len(shapes) >= 3  # days, months, years...
    assert any(a.date is not None and "/" in a.date.edtf for a in steps)  # intervals
    assert any(a.date is not None and a.date.edtf.endswith(("~", "?")) for a in steps)
    for action in steps:
        if action.date is not None and action.date.lower is not None:
            assert 2000 <= action.date.lower.year <= 2025
    assert all(action.citations for action in steps)
    assert any(event.date is not None for event in overview.events)
    assert run_checks(seeded_store) == []
    # The accords list counts it; the busiest accord is the synthetic one now.
    rows = fetch_rows(seeded_store, ListQuery(RecordKind.ACCORD), 0, 10)
    assert [row.cells[2:] for row in rows if row.key == "synthetic-accord"] == [("200", "20,000")]
    assert busiest_accord(seeded_store) == "synthetic-accord"
    kazakhstan = seeded_store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party) and kazakhstan.iso_code == "KZ"


def test_a_taken_key_or_too_many_states_is_refused(seeded_store: Store) -> None:
    with pytest.raises(SynthError, match="exists already"):
        synthesise_accord(seeded_store, "abraham-accords", "Again", parties=5, events=5)
    with pytest.raises(SynthError, match="states with ISO codes"):
        synthesise_accord(seeded_store, "huge", "Huge", parties=1_000, events=5)
    assert accord_overview(seeded_store, "huge") is None


def test_synth_adds_the_accord_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "synthetic.sqlite3"
    small = ["--events", "50", "--parties", "20", "--sources", "5"]
    options = ["--accord-parties", "30", "--accord-events", "400"]
    assert main(["synth", str(path), *small, *options]) == 0
    output = capsys.readouterr()
    assert "accord synthetic-accord: 30 states" in output.err
    assert main(["--db", str(path), "check"]) == 0
    assert "No problems found." in capsys.readouterr().out
    assert main(["--db", str(path), "export", str(tmp_path / "out.json")]) == 0
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert text.count('"accord": "synthetic-accord"') >= 400
