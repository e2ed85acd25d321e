"""The database file deleted or replaced under a running window: writing stops,
the user is told once, an open form keeps what was typed, Save a Copy keeps the data."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from tests.reliability.window_support import (
    AnsweringChooser,
    on_modal_dialog,
    settings_in,
    shown,
    visible_boxes,
)
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.window.main_window import MainWindow


def _window(qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> MainWindow:
    window = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    shown(qtbot, window)
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    return window


def _names(path: Path) -> dict[str, str]:
    read_only = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(read_only, uri=True)) as connection:
        return dict(connection.execute("SELECT key, name FROM parties"))


def _copy_button(box: QMessageBox) -> QPushButton:
    for button in box.buttons():
        if isinstance(button, QPushButton) and "Copy" in button.text():
            return button
    raise AssertionError("the message offers no Save a Copy")


def test_a_save_into_a_deleted_file_is_refused_and_the_form_keeps_what_was_typed(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    before = _names(path)
    chooser = AnsweringChooser()
    chooser.copy = tmp_path / "kept" / "copy.sqlite3"
    chooser.copy.parent.mkdir()
    window.file_actions.chooser = chooser
    seen: dict[str, object] = {}

    def in_form(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Kazakhstan (typed before the file went)")
        path.unlink()  # another program deletes the database under the window
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)  # Save
        boxes = visible_boxes("fileGoneMessage")
        seen["boxes"] = len(boxes)
        seen["message"] = boxes[0].text() if boxes else ""
        seen["form open"] = dialog.isVisible()
        seen["typed"] = dialog.name_edit.text()
        seen["summary"] = dialog.summary.text()
        if boxes:
            qtbot.keyClick(_copy_button(boxes[0]), Qt.Key.Key_Space)  # Save a Copy…
        seen["still typed"] = dialog.name_edit.text()
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal_dialog(in_form)
    window.edit_actions.edit_current()

    assert seen["boxes"] == 1
    assert "was deleted while open" in str(seen["message"])
    assert "Save a Copy" in str(seen["message"])
    assert seen["form open"] is True
    assert seen["typed"] == "Kazakhstan (typed before the file went)"
    assert str(seen["summary"]).startswith("Not saved:")
    assert seen["still typed"] == "Kazakhstan (typed before the file went)"
    # The copy holds every record the window held, and is a database of ours.
    assert _names(chooser.copy) == before
    copy_store, opened = api.open_or_create(chooser.copy, "tester", seed=False)
    try:
        assert copy_store.count(RecordKind.PARTY) == len(before)
    finally:
        opened.close()
    assert "Saved a copy" in window.statusBar().currentMessage()
    # Writing stays stopped, saying why, and nothing was written at the path.
    assert not window.edit_actions.edit.isEnabled()
    assert "deleted while open" in window.edit_actions.edit.toolTip()
    assert "not saving" in window.windowTitle()
    assert not path.exists()


def test_the_change_probe_notices_a_replaced_file_and_says_so_once(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    other = seeded_copy(tmp_path / "other.sqlite3")
    shutil.move(other, path)  # replaced by another file, as a sync tool might
    window.watcher.check()
    boxes = visible_boxes("fileGoneMessage")
    assert len(boxes) == 1
    assert "replaced by another file" in boxes[0].text()
    for action in window.edit_actions.writing_actions():
        assert not action.isEnabled(), action.text()
    assert not window.file_actions.import_action.isEnabled()
    assert "replaced by another file" in window.file_actions.import_action.statusTip()
    label = window.safety.mode_label
    assert label.isVisible() and "Not saving" in label.text()
    # A selection change does not enable editing again.
    assert window.select_record(RecordKind.PARTY, "bahrain")
    assert not window.edit_actions.edit.isEnabled()
    boxes[0].close()
    window.watcher.check()  # once only
    assert visible_boxes("fileGoneMessage") == []
