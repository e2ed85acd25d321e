"""File ▸ Export… as a TimelineJS CSV: the events of the accord the window shows."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from tests.ui.window.test_file_menu import AnsweringChooser, run_to_end
from viewer.app import create_main_window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import EventKind
from viewer.domain.records import Accord, Event
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def shown(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path], settings: QSettings
) -> Iterator[tuple[MainWindow, AnsweringChooser]]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    chooser = AnsweringChooser()
    built.file_actions.chooser = chooser
    qtbot.addWidget(built)
    built.show()
    yield built, chooser


def headlines(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["Headline"] for row in csv.DictReader(handle)]


def test_export_writes_the_events_of_the_chosen_accord(
    qtbot: QtBot, shown: tuple[MainWindow, AnsweringChooser], tmp_path: Path
) -> None:
    window, chooser = shown
    path = tmp_path / "timeline.csv"
    chooser.export = (path, "timelinejs")
    run_to_end(qtbot, window.file_actions.export_file())
    assert window.statusBar().currentMessage() == (
        f"Exported 7 events of abraham-accords to {path}; 2 without a known start date left out"
    )
    assert headlines(path)[:2] == ["Abraham Accords", "Abraham Accords signing ceremony"]

    window.store.add(Accord(key="other-pact", name="Other pact"))
    window.store.add(
        Event(
            key="other-talks",
            title="Talks & toasts",
            event_kind=EventKind.MEETING,
            accord="other-pact",
            date=FuzzyDate.parse("2024-05"),
        )
    )
    window.accord_choice.set_key("other-pact")
    run_to_end(qtbot, window.file_actions.export_file())
    assert window.statusBar().currentMessage() == f"Exported 1 event of other-pact to {path}"
    assert headlines(path) == ["Other pact", "Talks &amp; toasts"]
