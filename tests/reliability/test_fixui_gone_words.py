"""The file deleted or replaced under the window: the words say which, and
the form refused a save says truly where what was typed is (in the form, not
in any copy) and what Save a Copy… keeps."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from tests.reliability.window_support import on_modal_dialog, settings_in, shown, visible_boxes
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.window.main_window import MainWindow


def _window(qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> MainWindow:
    window = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    shown(qtbot, window)
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    return window


def test_a_form_refused_by_a_deleted_file_says_the_typed_text_is_only_in_the_form(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    seen: dict[str, str] = {}

    def in_form(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "Kazakhstan (typed)")
        path.unlink()
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        seen["summary"] = dialog.summary.text()
        [box] = visible_boxes("fileGoneMessage")
        seen["message"] = box.text()
        box.close()
        dialog.done(QDialog.DialogCode.Rejected)

    on_modal_dialog(in_form)
    window.edit_actions.edit_current()

    summary = seen["summary"]
    assert summary.startswith("Not saved: db.sqlite3 was deleted while open")
    assert "still holds everything" not in summary  # a copy never holds the form's text
    assert "stays in this form" in summary
    assert "File ▸ Save a Copy…" in summary and "saved before" in summary
    assert "not what is typed in a form" in seen["message"]
    assert window.windowTitle().startswith("db.sqlite3 (not saving: the file was deleted)")
    assert window.safety.mode_label.text().startswith("Not saving: the file was deleted.")


def test_a_replaced_file_is_called_replaced_not_gone(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    shutil.move(seeded_copy(tmp_path / "other.sqlite3"), path)
    window.watcher.check()
    for box in visible_boxes("fileGoneMessage"):
        box.close()
    assert window.windowTitle().startswith("db.sqlite3 (not saving: the file was replaced)")
    label = window.safety.mode_label.text()
    assert label.startswith("Not saving: the file was replaced.")
    assert "gone" not in window.windowTitle() + label
