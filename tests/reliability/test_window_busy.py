"""Another program holding the database's lock beyond the busy timeout: the
message names the operation that waited, Retry saves once the lock is gone,
Cancel keeps the form open with what was typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from tests.reliability.window_support import on_modal_dialog, settings_in, shown
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.window.main_window import MainWindow

TYPED = "Kazakhstan (saved after the lock)"


@pytest.fixture
def window(
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    # A short wait for the lock, so that the test does not wait the default 5 s.
    monkeypatch.setenv("ACCORDS_VIEWER_BUSY_TIMEOUT_MS", "200")
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    shown(qtbot, built)
    assert built.select_record(RecordKind.PARTY, "kazakhstan")
    built.finish_reads()
    yield built


def _lock(path: Path) -> sqlite3.Connection:
    """Another program's connection holding the write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def _name_in_file(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT name FROM parties WHERE key = 'kazakhstan'").fetchone()
    return str(row[0])


def test_retry_after_the_lock_is_released_saves_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.database_path
    other = _lock(path)
    seen: dict[str, object] = {}

    def on_busy(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen["busy"] = box.text()
        other.rollback()  # the other program is done
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Retry is the default

    def in_form(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, TYPED)
        on_modal_dialog(on_busy, skip=dialog)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        seen["closed"] = not dialog.isVisible()

    on_modal_dialog(in_form)
    saved = window.editor.edit(RecordKind.PARTY, "kazakhstan")
    other.close()

    assert f"Saving participant {TYPED!r}" in str(seen["busy"])  # the operation that waited
    assert "waited too long" in str(seen["busy"])
    assert "Retry" in str(seen["busy"])
    assert seen["closed"] is True
    assert saved is not None and saved.label == TYPED
    assert _name_in_file(path) == TYPED
    # Saved as any other change: one step to undo.
    assert window.edit_actions.undo.isEnabled()


def test_cancel_keeps_the_form_open_with_what_was_typed_and_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.database_path
    other = _lock(path)
    seen: dict[str, object] = {}

    def on_busy(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # Cancel

    def in_form(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, TYPED)
        on_modal_dialog(on_busy, skip=dialog)
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        seen["open"] = dialog.isVisible()
        seen["typed"] = dialog.name_edit.text()
        seen["summary"] = dialog.summary.text()
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal_dialog(in_form)
    assert window.editor.edit(RecordKind.PARTY, "kazakhstan") is None
    other.rollback()
    other.close()

    assert seen["open"] is True
    assert seen["typed"] == TYPED
    assert "waited too long" in str(seen["summary"])
    assert "nothing was changed" in str(seen["summary"])
    assert _name_in_file(path) == "Kazakhstan"
    # Busy is not gone: editing goes on.
    assert window.edit_actions.edit.isEnabled()
