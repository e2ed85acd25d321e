"""The status bar's messages stay readable: the path's label gives up its room
while one shows, and the backup messages name files, not long paths."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.reliability.window_support import settings_in, shown, visible_boxes
from viewer.app import create_main_window
from viewer.store import api


def test_the_daily_backup_message_is_not_cut_under_the_database_path(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    deep = tmp_path.joinpath(*(["a folder with a long name"] * 6))
    deep.mkdir(parents=True)
    window = shown(
        qtbot, create_main_window(seeded_copy(deep / "db.sqlite3"), settings_in(tmp_path))
    )
    window.resize(900, 600)
    label = window.path_label
    assert label.isVisible() and label.toolTip() == str(window.database_path)
    assert window.backups.start_daily() is not None
    task = window.backups.task
    assert task is not None and task.wait(60)
    qtbot.waitUntil(lambda: window.backups.task is None)
    [daily] = api.list_backups(window.database_path)
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Backed up the database as {daily.path.name}")
    assert str(daily.path.parent) not in message  # a name, not a long path
    assert not label.isVisible()  # the message has the bar's width
    window.statusBar().clearMessage()
    assert label.isVisible()


@pytest.mark.qt_log_ignore("does not support QPlatformServices")
def test_show_in_folder_without_a_file_manager_names_the_folder_in_a_message(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    # The offscreen platform has no file manager to start, as some desktops have none.
    window = shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )
    dialog = window.backups.show_dialog()
    qtbot.waitExposed(dialog)
    dialog.folder_button.setFocus()
    qtbot.keyClick(dialog.folder_button, Qt.Key.Key_Space)
    [told] = visible_boxes("backupMessage")
    folder = api.backup_folder(window.database_path)
    assert "No file manager could be started" in told.text()
    assert str(folder) in told.text()
    flags = told.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
