"""Issue 10, the window's search field: a 100 KB paste is held to the longest
query the store searches, said so in the field, and searched without a failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.conftest import SeededCopy
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.search_limits import MAX_QUERY_CHARS
from viewer.ui.widgets.search_field import SearchField


@pytest.mark.parametrize("unit", ["kazakhstan ", "%", "_"])
def test_a_100_kb_paste_is_cut_to_the_longest_query_and_said_so(qtbot: QtBot, unit: str) -> None:
    field = SearchField()
    qtbot.addWidget(field)
    QApplication.clipboard().setText(unit * (100_000 // len(unit)))
    field.paste()
    assert len(field.text()) == MAX_QUERY_CHARS
    with qtbot.waitSignal(field.queryChanged):
        field.settle()
    assert f"holds at most {MAX_QUERY_CHARS:,} characters" in field.toolTip()


def test_the_window_searches_a_pasted_page_of_percent_signs_without_failing(
    qtbot: QtBot, tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(window)
    window.show()
    window.search_field.setText("Kazakhstan " + "%" * 100_000)
    window.search_field.settle()
    assert window.search.reader.finish()
    summary = window.search.results.summary.text()
    assert "could not be run" not in summary
    assert "records match" in summary, summary
    # Kazakhstan is the one word in it: the participant is among the hits.
    assert (RecordKind.PARTY, "kazakhstan") in window.search.results.shown_keys()
    model = window.models[RecordKind.PARTY]
    window.show_kind(RecordKind.PARTY)
    assert window.list_readers[0].finish()
    assert model.rowCount() == 1
