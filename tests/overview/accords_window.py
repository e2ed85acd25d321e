"""The window the accords tests drive: a seeded copy, shown, active and read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.ui.window.main_window import MainWindow


def open_window(qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> MainWindow:
    """The window on a copy of the seeded database, with settings in ``tmp_path``."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitExposed(built)
    built.finish_reads()
    return built


def status_cell(window: MainWindow, key: str, column: int = 2) -> str:
    """What the participants list says of ``key`` in ``column`` (2: Current status)."""
    model = window.models[RecordKind.PARTY]
    row = model.row_of(key)
    assert row is not None
    return str(model.data(model.index(row, column)))
