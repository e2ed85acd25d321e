"""The window's words on backups and the file: the Restore question, the
Properties menu item and size line, sizes in one format, times to the second."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from tests.reliability.window_support import on_modal_dialog, settings_in, shown
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.sizes import readable_size
from viewer.store import api
from viewer.ui.window.backup_text import local_time
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.properties_dialog import property_rows


def _window(qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> MainWindow:
    return shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (999, "999 bytes"),
        (345_000, "345 KB"),
        (368_640, "369 KB"),
        (999_700, "1.0 MB"),
        (2_400_000, "2.4 MB"),
        (2_460_000_000, "2.46 GB"),
    ],
)
def test_one_size_format_in_decimal_units(size: int, shown: str) -> None:
    assert readable_size(size) == shown


def test_backup_times_show_seconds_and_sizes_the_one_format(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    taken = api.take_backup(window.store, "manual")
    assert local_time(datetime(2026, 11, 30, 23, 35, 2, tzinfo=UTC)).endswith(":02")
    dialog = window.backups.show_dialog()
    qtbot.waitExposed(dialog)
    row = dialog.list.topLevelItem(0)
    assert row is not None
    assert row.text(0) == taken.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert row.text(2) == readable_size(taken.size)
    assert not row.text(2).startswith("0.")  # "345 KB", never "0.3 MB"


def test_the_restore_question_names_the_backup_and_cancel_is_the_default(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    taken = api.take_backup(window.store, "daily")
    dialog = window.backups.show_dialog()
    qtbot.waitExposed(dialog)
    seen: dict[str, object] = {}

    def look(question: QWidget) -> None:
        assert isinstance(question, QMessageBox)
        seen["text"] = question.text()
        seen["buttons"] = sorted(b.text() for b in question.buttons())
        default = question.defaultButton()
        seen["default"] = default.text() if isinstance(default, QPushButton) else None
        qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter: the default, Cancel

    on_modal_dialog(look, skip=dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert str(seen["text"]).startswith(
        f"Restore the backup taken {local_time(taken.taken_at)} (daily)? "
        "The current file is backed up first."
    )
    assert "because" not in str(seen["text"])
    assert seen["buttons"] == ["&Restore", "Cancel"]
    assert seen["default"] == "Cancel"
    assert [b.reason for b in api.list_backups(window.database_path)] == ["daily"]
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert party is not None


def test_properties_menu_item_opens_a_dialog_and_names_the_wal_and_its_index(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    assert window.file_actions.properties_action.text() == "Database &Properties…"
    found = api.database_properties(window.store)
    rows = dict(property_rows(replace(found, file_bytes=368_640, journal_bytes=32_768)))
    size = rows["Size on disk"]
    assert size.startswith("401 KB (401,408 bytes)")
    assert "33 KB (32,768 bytes) in the write-ahead log and its index" in size
    assert "-wal and -shm" in size
