"""Events as TimelineJS rows: the known parts of a date only, and text that
TimelineJS shows as it is."""

from __future__ import annotations

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import EventKind
from viewer.domain.records import Accord, Event
from viewer.domain.timelinejs import COLUMNS, event_row, title_row

DATE_COLUMNS = ("Year", "Month", "Day", "End Year", "End Month", "End Day", "Display Date")


def dated(edtf: str | None) -> Event:
    return Event(
        key="e",
        title="An event",
        event_kind=EventKind.SUMMIT,
        date=None if edtf is None else FuzzyDate.parse(edtf),
    )


def date_cells(edtf: str) -> tuple[str, ...]:
    row = event_row(dated(edtf))
    assert row is not None
    return tuple(row[column] for column in DATE_COLUMNS)


def test_the_columns_are_timelinejs_template_columns_in_its_order() -> None:
    assert COLUMNS[:4] == ("Year", "Month", "Day", "Time")
    assert COLUMNS[8:11] == ("Display Date", "Headline", "Text")
    assert COLUMNS[-3:] == ("Type", "Group", "Background")
    assert len(COLUMNS) == 18


@pytest.mark.parametrize(
    ("edtf", "cells"),
    [
        ("2021", ("2021", "", "", "", "", "", "")),
        ("2021-01", ("2021", "1", "", "", "", "", "")),
        ("2020-09-15", ("2020", "9", "15", "", "", "", "")),
        ("2021-01~", ("2021", "1", "", "", "", "", "~ Jan 2021")),
        ("2025-11-06?", ("2025", "11", "6", "", "", "", "6 Nov 2025?")),
        ("2020-21", ("2020", "", "", "", "", "", "Spring 2020")),
        ("2020-XX", ("2020", "", "", "", "", "", "2020-XX")),
        ("2020-05-XX", ("2020", "5", "", "", "", "", "2020-05-XX")),
        ("2021-01/2021-03", ("2021", "1", "", "2021", "3", "", "")),
        ("2025-11-10/2025-11-16", ("2025", "11", "10", "2025", "11", "16", "")),
        (
            "2025-11-10~/2025-11-16~",
            ("2025", "11", "10", "2025", "11", "16", "~ week of 10 Nov 2025"),
        ),
        ("2020/..", ("2020", "", "", "", "", "", "from 2020")),
    ],
)
def test_a_date_gives_its_known_parts_and_says_the_rest(edtf: str, cells: tuple[str, ...]) -> None:
    assert date_cells(edtf) == cells


@pytest.mark.parametrize("edtf", [None, "../2021", "/2021", "20XX", "19XX"])
def test_an_event_without_a_known_start_year_has_no_row(edtf: str | None) -> None:
    assert event_row(dated(edtf)) is None


def test_text_is_escaped_so_nothing_becomes_markup() -> None:
    event = Event(
        key="e",
        title="<b>Talks</b> & more",
        event_kind=EventKind.SIGNING_CEREMONY,
        date=FuzzyDate.parse("2020"),
        summary='<script>alert("x")</script> A & B > C',
    )
    row = event_row(event)
    assert row is not None
    assert row["Headline"] == "&lt;b&gt;Talks&lt;/b&gt; &amp; more"
    assert row["Text"] == '&lt;script&gt;alert("x")&lt;/script&gt; A &amp; B &gt; C'
    assert row["Group"] == "signing ceremony"
    assert row["Type"] == "" and row["Time"] == "" and row["Media"] == ""


def test_the_accord_is_the_title_slide() -> None:
    row = title_row(Accord(key="a", name="Pact <1>", description="Who & when"))
    assert row == {
        **dict.fromkeys(COLUMNS, ""),
        "Headline": "Pact &lt;1&gt;",
        "Text": "Who &amp; when",
        "Type": "title",
    }
