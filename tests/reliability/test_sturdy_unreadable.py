"""Stored values the app cannot read (a participant kind 'empire', the date
30 February): the window opens, the lists show, the detail pane says that
the record cannot be read and why, and every other record still shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.reliability.window_support import settings_in, shown
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.window.main_window import MainWindow

EMPIRE = "bahrain"


def _spoiled(path: Path) -> str:
    """Store a participant kind and an event date the app cannot read, as
    another program might; returns the spoiled event's key."""
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE parties SET party_kind = 'empire' WHERE key = ?", (EMPIRE,))
        [event] = connection.execute("SELECT key FROM events ORDER BY id LIMIT 1").fetchone()
        connection.execute("UPDATE events SET date_edtf = '2021-02-30' WHERE key = ?", (event,))
    return str(event)


@pytest.fixture
def spoiled(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> tuple[Path, str]:
    path = seeded_copy(tmp_path / "db.sqlite3")
    return path, _spoiled(path)


def test_the_store_names_the_row_and_the_problem(spoiled: tuple[Path, str]) -> None:
    path, event = spoiled
    store, opened = api.open_or_create(path, "tester", seed=False)
    try:
        with pytest.raises(api.RecordUnreadable) as party_error:
            store.get(RecordKind.PARTY, EMPIRE)
        assert "parties row 'bahrain' cannot be read" in str(party_error.value)
        assert "party kind 'empire' is not one of state, organisation" in str(party_error.value)
        assert "accords-viewer check" in str(party_error.value)
        with pytest.raises(api.RecordUnreadable) as event_error:
            api.load_detail(store, RecordKind.EVENT, event)
        assert f"events row {event!r} cannot be read" in str(event_error.value)
        # The lists read their columns without the records: every row is there.
        query = api.ListQuery(RecordKind.PARTY)
        rows = api.fetch_rows(store, query, 0, 500)
        assert EMPIRE in {row.key for row in rows}
        assert len(rows) == store.count(RecordKind.PARTY)
        # Other records read as before, and so does the history.
        assert store.get(RecordKind.PARTY, "kazakhstan") is not None
        assert store.revisions(RecordKind.PARTY, EMPIRE)
    finally:
        opened.close()


def _detail_text(window: MainWindow) -> str:
    return window.detail_pane.text.toPlainText()


def _history_text(window: MainWindow) -> str:
    tree = window.detail_pane.history.tree
    items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return "\n".join(item.text(0) for item in items if item is not None)


def test_the_window_shows_why_a_record_cannot_be_read_and_goes_on(
    qtbot: QtBot, tmp_path: Path, spoiled: tuple[Path, str]
) -> None:
    path, event = spoiled
    window = shown(qtbot, create_main_window(path, settings_in(tmp_path), seed=False))
    parties = window.models[RecordKind.PARTY]
    assert parties.row_of(EMPIRE) is not None  # listed like any other

    assert window.select_record(RecordKind.PARTY, EMPIRE)
    window.finish_reads()
    text = _detail_text(window)
    assert "could not be read" in text
    assert "parties row 'bahrain' cannot be read" in text and "'empire'" in text
    assert "accords-viewer check" in text
    assert "cannot be read" in _history_text(window)

    assert window.select_record(RecordKind.EVENT, event)
    window.finish_reads()
    assert f"events row {event!r} cannot be read" in _detail_text(window)

    # Every other record still shows, with its history.
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    assert "Kazakhstan" in _detail_text(window)
    assert "cannot be read" not in _detail_text(window)


def _spoil_a_revision(path: Path, action: str, changes: str) -> str:
    """Give the first logged change of a participant an unknown action, or
    changes that are not JSON; returns the participant's key."""
    with closing(sqlite3.connect(path)) as connection, connection:
        for trigger in ("revisions_append_only_update", "revisions_append_only_delete"):
            connection.execute(f"DROP TRIGGER {trigger}")
        [revision, key] = connection.execute(
            "SELECT id, record_key FROM revisions WHERE record_kind = 'party' "
            "AND record_key NOT IN (?, 'kazakhstan') ORDER BY id LIMIT 1",
            (EMPIRE,),
        ).fetchone()
        connection.execute(
            "UPDATE revisions SET action = ?, changes = ? WHERE id = ?", (action, changes, revision)
        )
    return str(key)


@pytest.mark.parametrize(
    ("action", "changes", "problem"),
    [
        ("teleport", '{"name": [null, "X"]}', "action 'teleport' is not one of create"),
        ("create", "{not json", "are not JSON"),
    ],
)
def test_a_history_that_cannot_be_read_says_why_and_the_window_goes_on(
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
    action: str,
    changes: str,
    problem: str,
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    key = _spoil_a_revision(path, action, changes)
    store, opened = api.open_or_create(path, "tester", seed=False)
    try:
        with pytest.raises(api.RecordUnreadable) as error:
            store.revisions(RecordKind.PARTY, key)
        assert problem in str(error.value) and "accords-viewer check" in str(error.value)
        assert store.get(RecordKind.PARTY, key) is not None  # the record itself reads
    finally:
        opened.close()

    window = shown(qtbot, create_main_window(path, settings_in(tmp_path), seed=False))
    with qtbot.captureExceptions() as exceptions:
        assert window.select_record(RecordKind.PARTY, key)
        window.finish_reads()
        assert problem in _history_text(window)
        assert "could not be read" in _detail_text(window)
        assert window.select_record(RecordKind.PARTY, "kazakhstan")
        window.finish_reads()
        assert "Kazakhstan" in _detail_text(window)
    assert exceptions == []


def test_edit_and_delete_of_a_record_that_cannot_be_read_say_why(
    qtbot: QtBot, tmp_path: Path, spoiled: tuple[Path, str]
) -> None:
    path, _ = spoiled
    before = path.read_bytes()
    window = shown(qtbot, create_main_window(path, settings_in(tmp_path), seed=False))
    said: list[str] = []
    window.notify = said.append
    assert window.select_record(RecordKind.PARTY, EMPIRE)
    window.finish_reads()

    window.edit_action.trigger()
    window.delete_action.trigger()

    assert len(said) == 2
    assert said[0].startswith("This participant cannot be opened: parties row 'bahrain'")
    assert said[1].startswith("This participant cannot be deleted: parties row 'bahrain'")
    assert all("'empire'" in text for text in said)
    window.close()
    assert path.read_bytes() == before
