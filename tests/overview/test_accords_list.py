"""The Accords list and an accord's detail, on the bundled data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.overview.accords_window import open_window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.records import Accord
from viewer.store.api import (
    ListQuery,
    Store,
    count_rows,
    fetch_rows,
    headers,
    load_detail,
    row_index,
)
from viewer.ui.browse.detail_html import detail_html
from viewer.ui.window.main_window import MainWindow


def test_the_accords_list_says_name_first_signed_participants_and_events(
    seeded_store: Store,
) -> None:
    query = ListQuery(RecordKind.ACCORD)
    assert headers(RecordKind.ACCORD) == ("Name", "First signed", "Participants", "Events")
    assert count_rows(seeded_store, query) == 1
    [row] = fetch_rows(seeded_store, query, 0, 10)
    assert row.key == "abraham-accords"
    assert row.cells == ("Abraham Accords", "15 Sep 2020", "9", "9")


def test_the_accords_list_sorts_by_each_column_and_finds_a_row(seeded_store: Store) -> None:
    seeded_store.add(Accord("zeta-pact", "Zeta Pact", first_signed=FuzzyDate.parse("1999")))
    for column in range(4):
        for descending in (False, True):
            query = ListQuery(RecordKind.ACCORD, sort_column=column, descending=descending)
            keys = [row.key for row in fetch_rows(seeded_store, query, 0, 10)]
            assert sorted(keys) == ["abraham-accords", "zeta-pact"]
            for position, key in enumerate(keys):
                assert row_index(seeded_store, query, key, len(keys)) == position
    by_date = ListQuery(RecordKind.ACCORD, sort_column=1)
    assert [r.key for r in fetch_rows(seeded_store, by_date, 0, 10)] == [
        "zeta-pact",  # 1999, before 15 Sep 2020
        "abraham-accords",
    ]
    by_events = ListQuery(RecordKind.ACCORD, sort_column=3, descending=True)
    assert fetch_rows(seeded_store, by_events, 0, 10)[0].cells[2:] == ("9", "9")
    found = ListQuery(RecordKind.ACCORD, text="zeta")
    assert [r.key for r in fetch_rows(seeded_store, found, 0, 10)] == ["zeta-pact"]


def test_an_accords_detail_lists_its_participants_with_their_status_and_its_events(
    seeded_store: Store,
) -> None:
    detail = load_detail(seeded_store, RecordKind.ACCORD, "abraham-accords")
    assert detail is not None
    participants = {link.key: link.note for link in detail.links["Participants"]}
    assert len(participants) == 9
    assert participants["kazakhstan"] == "expected to join, 6 Nov 2025"
    assert participants["morocco"] == "normalisation formalised, date not given"
    assert len(detail.links["Events"]) == 9
    assert detail.claims[0].citations  # the accord's own citations
    page = detail_html(detail)
    assert "<h3>Participants (9)</h3>" in page
    assert "<h3>Events (9)</h3>" in page
    assert "record:party/kazakhstan" in page
    assert "15 Sep 2020" in page


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    yield open_window(qtbot, tmp_path, seeded_copy)


def test_ctrl_5_shows_the_accords_list_and_its_record_in_the_panes(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    window.finish_reads()
    view = window.views[RecordKind.ACCORD]
    assert window.current_kind() is RecordKind.ACCORD
    assert view.hasFocus()
    model = window.models[RecordKind.ACCORD]
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "Abraham Accords",
        "15 Sep 2020",
        "9",
        "9",
    ]
    assert window.navigator.currentItem().text() == "Accords (1)"
    qtbot.waitUntil(lambda: window.detail_pane.detail is not None)
    window.finish_reads()
    detail = window.detail_pane.detail
    assert detail is not None and detail.record.key == "abraham-accords"
    assert "Participants (9)" in window.detail_pane.text.toPlainText()
    assert window.citations_pane.isVisible()


def test_a_search_counts_accords_and_all_results_open_them_in_their_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search_field.setText("abraham")
    window.search_field.settle()
    window.finish_reads()
    qtbot.waitUntil(lambda: "Accords (1 of 1)" in window.navigator.item(5).text())
    window.open_record(RecordKind.ACCORD, "abraham-accords")
    window.finish_reads()
    assert window.current_kind() is RecordKind.ACCORD
    view = window.views[RecordKind.ACCORD]
    assert window.models[RecordKind.ACCORD].key_at(view.currentIndex().row()) == "abraham-accords"
