"""Copy bibliography has its place in the Edit menu, with its keys, and copies
from there what the citations pane's own entry copies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Any, settings: QSettings
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def test_the_edit_menu_copies_the_bibliography_of_the_shown_record(
    qtbot: QtBot, window: MainWindow
) -> None:
    entries = {action.objectName(): action for action in window.commands.edit_menu.actions()}
    action = entries["copyBibliographyAction"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+B")
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    qtbot.waitUntil(lambda: action.isEnabled(), timeout=5000)
    QApplication.clipboard().clear()
    action.trigger()
    copied = QApplication.clipboard().mimeData()
    assert "Carnahan" in copied.text() and copied.hasHtml()
