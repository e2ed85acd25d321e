"""Save a Copy's file dialog opens wide enough to read its columns, and
Escape in it saves nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from tests.reliability.window_support import on_modal_dialog, settings_in, shown
from viewer.app import create_main_window
from viewer.ui.window.file_chooser import FileDialogChooser


def test_the_save_a_copy_dialog_opens_roomy_and_escape_saves_nothing(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )
    seen: dict[str, object] = {}
    sizes: list[tuple[int, int]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        sizes.append((dialog.width(), dialog.height()))
        seen["name"] = dialog.selectedFiles()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    on_modal_dialog(look)
    chosen = FileDialogChooser(window).save_copy(tmp_path, "db-copy")
    assert chosen is None
    [(width, height)] = sizes
    screen = window.screen().availableGeometry()  # offscreen: a small one
    assert width >= min(800, 0.85 * screen.width())
    assert height >= min(500, 0.85 * screen.height())
    assert seen["name"] == [str(tmp_path / "db-copy.sqlite3")]
    assert sorted(p.name for p in tmp_path.glob("*.sqlite3")) == ["db.sqlite3"]
