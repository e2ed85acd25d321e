"""The window tests' window: a seeded copy, shown, active and read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from viewer.app import create_main_window
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def active_window(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    """The window on a copy of the seeded database, shown and active (so that
    keys go where the focus is), with its first reads done."""
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitExposed(built)
    built.finish_reads()
    yield built
