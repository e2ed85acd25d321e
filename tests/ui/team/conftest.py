"""Two windows on one database, as two users of a team have them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from tests.conftest import SeededCopy
from viewer.app import window_on
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.window.main_window import MainWindow

ANA, BEN = "Ana Ruiz", "Ben Okafor"
# Opens a window on a database as one user (the author the log names).
WindowMaker = Callable[[api.Location, str], MainWindow]
# new_server_database: a new database of the test server (seeded or not).
NewServerDatabase = Callable[[bool], api.ServerAddress]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowMaker]:
    """Opens windows, each with its own store and settings file, as a user
    would in their own app; all closed (and their databases) after the test."""
    made: list[MainWindow] = []

    def make(location: api.Location, user: str) -> MainWindow:
        store, opened = api.open_or_create(location, user, seed=False)
        settings = QSettings(
            str(tmp_path / f"settings-{len(made)}.ini"), QSettings.Format.IniFormat
        )
        window = window_on(store, opened, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.finish_reads()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.file_actions.close_database()


@pytest.fixture
def on_server(
    make_window: WindowMaker, new_server_database: NewServerDatabase
) -> tuple[MainWindow, MainWindow]:
    """Ana's window and Ben's, on one seeded database of the test server."""
    address = new_server_database(True)
    return make_window(address, ANA), make_window(address, BEN)


@pytest.fixture
def on_file(
    make_window: WindowMaker, tmp_path: Path, seeded_copy: SeededCopy
) -> tuple[MainWindow, MainWindow]:
    """Ana's window and Ben's, on one seeded SQLite file."""
    path = seeded_copy(tmp_path / "shared.sqlite3")
    return make_window(path, ANA), make_window(path, BEN)


def save_in_form(
    window: MainWindow, kind: RecordKind, key: str, fill: Callable[[RecordDialog], None]
) -> None:
    """Open ``key``'s form in ``window``, change it with ``fill`` and save it,
    as its user would (the form is modal: it is answered from the event loop)."""

    def answer() -> None:
        form = QApplication.activeModalWidget()
        assert isinstance(form, RecordDialog)
        try:
            fill(form)
            form.accept()
        finally:
            if form.isVisible():
                form.done(0)  # refused: close it, so that the test goes on to fail

    QTimer.singleShot(0, answer)
    assert window.editor.edit(kind, key) is not None, "the form was not saved"


def list_text(window: MainWindow, kind: RecordKind, key: str) -> str | None:
    """What ``window``'s list shows for ``key`` (None: not listed)."""
    model = window.models[kind]
    row = model.row_of(key)
    return None if row is None else str(model.data(model.index(row, 0)))


def selected_key(window: MainWindow, kind: RecordKind) -> str | None:
    view = window.views[kind]
    return window.models[kind].key_at(view.currentIndex().row())
