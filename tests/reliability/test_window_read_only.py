"""A database that cannot be written is shown read-only: said in the title and
the status bar, every editing action disabled with the reason, nothing written."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.reliability.window_support import digest, settings_in, shown
from viewer.app import create_main_window, window_on
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.window.main_window import MainWindow


def _read_only_window(qtbot: QtBot, path: Path, tmp_path: Path) -> MainWindow:
    store, opened = api.open_or_create(path, "tester", seed=False, read_only=True)
    return shown(qtbot, window_on(store, opened, settings_in(tmp_path)))


def _assert_read_only(window: MainWindow) -> None:
    assert window.windowTitle().endswith("(read-only)")
    label = window.safety.mode_label
    assert label.isVisible() and label.text() == "Read-only"
    actions = [*window.edit_actions.writing_actions(), window.file_actions.import_action]
    for action in actions:
        assert not action.isEnabled(), action.text()
        assert "open read-only" in action.toolTip(), action.text()
        assert "open read-only" in action.statusTip(), action.text()
    # What only reads stays: Export, Save a Copy, Backups, Open.
    assert window.file_actions.export_action.isEnabled()
    assert window.safety.save_copy_action.isEnabled()
    assert window.file_actions.open_action.isEnabled()


def test_a_read_only_database_disables_every_edit_and_writes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    before = digest(path)
    window = _read_only_window(qtbot, path, tmp_path)
    _assert_read_only(window)
    asked: list[object] = []  # any form or question the keys below would open

    def run_dialog(dialog: object) -> int:
        asked.append(dialog)
        return 0

    def confirm(*question: object) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(window.editor, "_run_dialog", run_dialog)
    monkeypatch.setattr(window.editor, "_confirm", confirm)
    # A selection does not enable editing; Enter on a row (which edits) and
    # the keys of the editing commands open no form.
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    _assert_read_only(window)
    view = window.views[RecordKind.PARTY]
    view.setFocus()
    for key, modifier in (
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(view, key, modifier)
    assert asked == []
    # The detail pane's Edit link says why, instead of failing at the save.
    window._edit_requested(RecordKind.PARTY.value, "kazakhstan")
    assert "open read-only" in window.statusBar().currentMessage()
    window.close()
    assert digest(path) == before


def test_switching_from_a_read_only_database_to_a_writable_one_allows_editing_again(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _read_only_window(qtbot, seeded_copy(tmp_path / "db.sqlite3"), tmp_path)
    writable = seeded_copy(tmp_path / "other.sqlite3")
    assert window.file_actions.open_path(writable)
    window.finish_reads()
    assert window.windowTitle() == "other.sqlite3"
    assert not window.safety.mode_label.isVisible()
    assert window.edit_actions.new.isEnabled()
    assert window.edit_actions.edit.isEnabled()
    assert window.file_actions.import_action.isEnabled()
    assert "open read-only" not in window.edit_actions.new.toolTip()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
def test_a_file_in_a_read_only_folder_opens_read_only(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    folder = tmp_path / "locked"
    path = seeded_copy(folder / "db.sqlite3")
    path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        window = shown(qtbot, create_main_window(path, settings_in(tmp_path)))
        _assert_read_only(window)
        window.close()
    finally:
        folder.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
