"""Helpers of the window's reliability tests: settings, a shown window, modal
dialogs driven by keys, damaged files, file digests."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from viewer.store import api
from viewer.ui.window.file_chooser import ExportFormat
from viewer.ui.window.main_window import MainWindow

PAGE = 4096


def settings_in(folder: Path) -> QSettings:
    """Window settings in a temporary file, never the user's."""
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def shown(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.finish_reads()
    return window


class AnsweringChooser:
    """Answers the File menu's questions at once, as a user who already chose would."""

    def __init__(self) -> None:
        self.open: Path | None = None
        self.copy: Path | None = None

    def new_database(self, folder: Path) -> Path | None:
        return None

    def open_database(self, folder: Path) -> Path | None:
        return self.open

    def import_file(self, folder: Path) -> Path | None:
        return None

    def export_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        return None

    def references_file(self, folder: Path, name: str) -> tuple[Path, ExportFormat] | None:
        return None

    def save_copy(self, folder: Path, name: str) -> Path | None:
        return self.copy


def on_modal_dialog(handle: Callable[[QWidget], None], *, skip: QWidget | None = None) -> None:
    """Run ``handle`` on the next modal dialog to open (it blocks its opener);
    ``skip``: a modal dialog open already, to wait past."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is skip or not dialog.isVisible():
            QTimer.singleShot(10, poll)
        else:
            handle(dialog)

    QTimer.singleShot(0, poll)


def visible_boxes(name: str) -> list[QMessageBox]:
    """The message boxes shown now with the object name ``name``."""
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.objectName() == name and widget.isVisible()
    ]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_index(path: Path, index: str = "ix_revisions_record") -> None:
    """Overwrite the root page of ``index`` with noise: SQLite's check finds the
    damage, while the lists (which never read that index) can still be read."""
    with closing(sqlite3.connect(path)) as connection:
        [root] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
    data = bytearray(path.read_bytes())
    noise = random.Random(index)
    start = (root - 1) * PAGE + 8  # the page's header is kept: its cells are noise
    data[start : root * PAGE] = bytes(noise.randrange(256) for _ in range(PAGE - 8))
    path.write_bytes(bytes(data))
    _assert_damaged(path)


def damage(path: Path, seed: int = 7, count: int = 40) -> None:
    """Invert ``count`` bytes at random places after the first page, and check
    that the store now calls the file damaged."""
    data = bytearray(path.read_bytes())
    where = random.Random(seed)
    for _ in range(count):
        data[where.randrange(PAGE, len(data))] ^= 0xFF
    path.write_bytes(bytes(data))
    _assert_damaged(path)


def _assert_damaged(path: Path) -> None:
    try:
        api.open_or_create(path, "tester", seed=False)
    except api.DamagedDatabase:
        return
    raise AssertionError(f"{path} does not read as damaged after the bytes were flipped")
