"""A damaged file opened read-only (to export what can be read), where a page
of the events beyond the list's first page is noise: the window opens, the
rows of that page say that they cannot be read (and so does the status bar),
selecting them or one of their records says why in the detail pane, and the
rest of the window keeps working. No exception reaches Qt or standard error."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel

from tests.reliability.window_support import PAGE, damage_index, settings_in, shown
from viewer.app import window_on
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.browse.record_table_model import CANNOT_READ, KEY_ROLE
from viewer.ui.window.main_window import MainWindow

# Events added before the seeded ones in the list's date order, one a day.
ADDED = 3_000
# The added event whose table page is damaged: on the list's eighth page.
DAMAGED_AT = 1_500
FIRST = date(1990, 1, 1)


def _crowded(path: Path) -> None:
    """Add ADDED events dated one a day from FIRST, so that the events list
    (by date) shows them first, in the order of their rows."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.executemany(
            "INSERT INTO events (key, version, title, event_kind, date_edtf, date_lower, "
            "date_upper, location, summary, certainty) "
            "VALUES (?, 1, ?, 'meeting', ?, ?, ?, '', '', 'confirmed')",
            [
                (f"day-{n:05d}", f"Day {n:05d} of talks", day, day, day)
                for n in range(ADDED)
                for day in [(FIRST + timedelta(days=n)).isoformat()]
            ],
        )


def _damage_page_of(path: Path, key: str, *, keep_header: bool) -> None:
    """Overwrite the events table's leaf page holding ``key`` with noise, found
    with SQLite's dbstat table of pages. (With the page's header kept, SQLite
    reads the page as holding none of its rows, without an error: the store
    finds the rows missing.)"""
    with closing(sqlite3.connect(path)) as connection:
        [row_id] = connection.execute("SELECT id FROM events WHERE key = ?", (key,)).fetchone()
        ids = [i for (i,) in connection.execute("SELECT id FROM events ORDER BY id")]
        leaves = connection.execute(
            "SELECT pageno, ncell FROM dbstat WHERE name = 'events' AND pagetype = 'leaf' "
            "ORDER BY path"
        ).fetchall()
    start, page = 0, None
    for number, cells in leaves:
        if row_id in ids[start : start + cells]:
            page = number
            break
        start += cells
    assert page is not None, f"no leaf page of events holds {key}"
    data = bytearray(path.read_bytes())
    noise = random.Random(page)
    first = (page - 1) * PAGE + (8 if keep_header else 0)
    data[first : page * PAGE] = bytes(noise.randrange(256) for _ in range(page * PAGE - first))
    path.write_bytes(bytes(data))


@pytest.fixture(params=[False, True], ids=["page of noise", "page header kept"])
def damaged_window(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
) -> MainWindow:
    path = seeded_copy(tmp_path / "db.sqlite3")
    _crowded(path)
    _damage_page_of(path, f"day-{DAMAGED_AT:05d}", keep_header=request.param)
    store, opened = api.open_damaged(path, "tester")
    window = window_on(store, opened, settings_in(tmp_path), damaged=True)
    return shown(qtbot, window)


def _detail_text(window: MainWindow) -> str:
    return window.detail_pane.text.toPlainText()


def test_a_damaged_page_of_a_list_says_so_and_the_rest_of_the_window_works(
    qtbot: QtBot, damaged_window: MainWindow, capfd: pytest.CaptureFixture[str]
) -> None:
    window = damaged_window
    with qtbot.captureExceptions() as exceptions:
        window.show_kind(RecordKind.EVENT)
        window.finish_reads()
        model, view = window.models[RecordKind.EVENT], window.views[RecordKind.EVENT]
        assert model.rowCount() > DAMAGED_AT
        # The first page reads as before.
        assert model.data(model.index(0, 1)) == "Day 00000 of talks"
        # Scrolling to the damaged page shows rows that say so, and the status bar says it.
        damaged = model.index(DAMAGED_AT, 0)
        view.scrollTo(damaged)
        qtbot.wait(50)  # let the view paint the rows scrolled to
        shown_text = str(model.data(damaged))
        assert shown_text.startswith(f"{CANNOT_READ}: the database")
        assert "is damaged" in shown_text
        assert model.data(damaged, KEY_ROLE) == ""
        assert "is damaged" in str(model.problem_at(DAMAGED_AT))
        assert model.problem_at(0) is None
        assert "cannot be read" in window.statusBar().currentMessage()
        assert "is damaged" in window.statusBar().currentMessage()
        # Selecting such a row shows no record but says why, and raises nothing.
        view.selectionModel().setCurrentIndex(
            damaged,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        window.finish_reads()
        assert _detail_text(window).startswith("This part of the list cannot be read")
        assert "is damaged" in _detail_text(window)
        # A record on that page, asked for by its key, says why in the detail pane.
        window.preview_record(RecordKind.EVENT, f"day-{DAMAGED_AT:05d}")
        window.finish_reads()
        assert "could not be read" in _detail_text(window)
        assert "is damaged" in _detail_text(window)
        # Finding it in the list cannot read it either: not selected, said in the status bar.
        assert not window.select_record(RecordKind.EVENT, f"day-{DAMAGED_AT:05d}")
        assert "is damaged" in window.statusBar().currentMessage()
        # Rows of readable pages still show, and their records too.
        assert (
            model.data(model.index(DAMAGED_AT + 400, 1)) == f"Day {DAMAGED_AT + 400:05d} of talks"
        )
        assert window.select_record(RecordKind.EVENT, "day-00007")
        window.finish_reads()
        assert "Day 00007 of talks" in _detail_text(window)
        assert window.select_record(RecordKind.PARTY, "kazakhstan")
        window.finish_reads()
        assert "Kazakhstan" in _detail_text(window)
    assert exceptions == []
    assert "Traceback" not in capfd.readouterr().err


def test_a_damaged_index_of_the_log_says_so_in_the_panes_and_the_lists_still_work(
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
    capfd: pytest.CaptureFixture[str],
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage_index(path)  # the index that finds a record's history
    store, opened = api.open_damaged(path, "tester")
    window = shown(qtbot, window_on(store, opened, settings_in(tmp_path), damaged=True))
    with qtbot.captureExceptions() as exceptions:
        assert window.select_record(RecordKind.PARTY, "kazakhstan")
        window.finish_reads()
        text = _detail_text(window)
        assert "could not be read" in text and "is damaged" in text
        assert "Background on this error" not in text
        parties = window.models[RecordKind.PARTY]
        assert parties.rowCount() == store.count(RecordKind.PARTY)
        assert parties.data(parties.index(0, 0))
    assert exceptions == []
    assert "Traceback" not in capfd.readouterr().err
