"""The TimelineJS export of the bundled accord's events, read back with the csv module."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import EventKind
from viewer.domain.records import Event
from viewer.domain.timelinejs import COLUMNS
from viewer.store.api import RecordNotFound, Store, export_timelinejs


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def by_headline(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["Headline"]: row for row in rows}


def dates(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        row[column]
        for column in ("Year", "Month", "Day", "End Year", "End Month", "End Day", "Display Date")
    )


def test_the_bundled_events_become_rows_with_their_known_date_parts(
    seeded_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "timeline.csv"
    done = export_timelinejs(seeded_store, path)
    assert (done.accord, done.written, done.left_out) == ("abraham-accords", 7, 2)
    rows = read_rows(path)
    assert len(rows) == 1 + 7
    title = rows[0]
    assert (title["Type"], title["Headline"]) == ("title", "Abraham Accords")
    assert title["Text"].startswith("A set of agreements under which countries establish")
    assert dates(title) == ("",) * 7
    events = by_headline(rows[1:])
    # A day, a month only, an uncertain day, an approximate week (an interval).
    ceremony = events["Abraham Accords signing ceremony"]
    assert dates(ceremony) == ("2020", "9", "15", "", "", "", "")
    assert (ceremony["Group"], ceremony["Type"]) == ("signing ceremony", "")
    assert ceremony["Text"].startswith("President Trump hosted the first signing")
    sudan = events["Sudan signs Abraham Accords declaration"]
    assert dates(sudan) == ("2021", "1", "", "", "", "", "")
    assert sudan["Group"] == "declaration"
    remarks = events["Witkoff remarks at the America Business Forum"]
    assert dates(remarks) == ("2025", "11", "6", "", "", "", "6 Nov 2025?")
    visit = events["Ahmed al-Sharaa visits the White House"]
    assert dates(visit) == ("2025", "11", "10", "2025", "11", "16", "~ week of 10 Nov 2025")
    # Quotation marks in the summary survive the CSV; only &, < and > are escaped.
    assert '("next week", counted from Thursday 6 November 2025)' in visit["Text"]
    # The undated interview and meeting are left out; the rest are in date order.
    assert not any("Sunday Morning Futures" in headline for headline in events)
    assert [row["Year"] + "-" + row["Month"].zfill(2) for row in rows[1:3]] == [
        "2020-09",
        "2021-01",
    ]


def test_text_is_escaped_and_no_cell_is_a_formula(seeded_store: Store, tmp_path: Path) -> None:
    seeded_store.add(
        Event(
            key="formula-event",
            title='=HYPERLINK("http://example.com")',
            event_kind=EventKind.SUMMIT,
            accord="abraham-accords",
            date=FuzzyDate.parse("2022-03"),
            summary="<img src=x onerror=alert(1)> Tea & talks",
        )
    )
    path = tmp_path / "timeline.csv"
    assert export_timelinejs(seeded_store, path, "abraham-accords").written == 8
    row = by_headline(read_rows(path))['\'=HYPERLINK("http://example.com")']
    assert row["Text"] == "&lt;img src=x onerror=alert(1)&gt; Tea &amp; talks"
    assert (row["Year"], row["Month"], row["Group"]) == ("2022", "3", "summit")


def test_an_unknown_accord_writes_nothing_and_keeps_the_file_there(
    seeded_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "timeline.csv"
    path.write_text("kept", encoding="utf-8")
    with pytest.raises(RecordNotFound, match="no accord 'nowhere'"):
        export_timelinejs(seeded_store, path, "nowhere")
    assert path.read_text(encoding="utf-8") == "kept"
    assert not [p.name for p in tmp_path.iterdir() if "partial" in p.name]


def test_an_empty_database_has_no_accord_to_export(store: Store, tmp_path: Path) -> None:
    with pytest.raises(RecordNotFound, match="no accord with status steps"):
        export_timelinejs(store, tmp_path / "timeline.csv")
    assert not (tmp_path / "timeline.csv").exists()
