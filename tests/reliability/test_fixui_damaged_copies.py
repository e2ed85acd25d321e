"""A damaged file open read-only: Save a Copy… and Back Up Now (which copy
every page, and stop at the first damaged one) are not offered, and say why;
the messages promise only File ▸ Export…."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.reliability.window_support import (
    AnsweringChooser,
    damage_index,
    digest,
    on_modal_dialog,
    settings_in,
    shown,
)
from viewer.app import open_at_start
from viewer.store import api
from viewer.ui.window.damaged_dialog import DamagedDialog
from viewer.ui.window.damaged_recovery import dialog_asker
from viewer.ui.window.main_window import MainWindow

WHY = "Not available: the file is damaged; File ▸ Export… saves what can be read."


def _open_damaged_read_only(
    qtbot: QtBot, path: Path, settings_folder: Path
) -> tuple[MainWindow, str]:
    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        qtbot.keyClick(dialog.read_only_button, Qt.Key.Key_Space)

    on_modal_dialog(choose)
    opened = open_at_start(
        path,
        settings_in(settings_folder),
        seed=False,
        ask=dialog_asker(None),
        choose_file=lambda _folder: None,
    )
    assert opened is not None
    window, note = opened
    assert note is not None
    return shown(qtbot, window), note


def test_save_a_copy_and_back_up_now_are_disabled_with_the_reason_on_a_damaged_file(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage_index(path)
    damaged = digest(path)
    window, note = _open_damaged_read_only(qtbot, path, tmp_path)

    assert "Export" in note
    assert "Save a Copy" not in note  # it would fail: the note promises only Export
    for action in (window.safety.save_copy_action, window.backups.back_up_action):
        assert not action.isEnabled()
        assert action.toolTip() == WHY
        assert action.statusTip() == WHY
    # Export and the list of backups stay.
    assert window.file_actions.export_action.isEnabled()
    assert window.backups.action.isEnabled()
    # Save a Copy… asked anyway (by code) writes nothing, and says why.
    chooser = AnsweringChooser()
    chooser.copy = tmp_path / "copy.sqlite3"
    window.file_actions.chooser = chooser
    assert window.safety.save_copy() is None
    assert not chooser.copy.exists()
    # No backup, daily or asked for, and the Backups dialog's button says why.
    assert window.backups.start_daily() is None
    assert window.backups.back_up_now() is None
    dialog = window.backups.show_dialog()
    qtbot.waitExposed(dialog)
    assert not dialog.back_up_button.isEnabled()
    assert dialog.back_up_button.toolTip() == WHY
    dialog.close()
    assert api.list_backups(path) == []
    window.close()
    assert digest(path) == damaged
