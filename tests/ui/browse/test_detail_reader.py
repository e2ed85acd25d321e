"""The detail and history are read off the GUI thread; a reply the user has left is dropped."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, QSettings, QUrl
from PySide6.QtWidgets import QLabel

from tests.conftest import SeededCopy
from tests.samples import CROWD
from viewer.domain.enums import RecordKind
from viewer.store.api import StoreError, load_detail, open_or_create
from viewer.store.details import COUNT_LIMIT, RELATED_LIMIT
from viewer.store.store import Store
from viewer.ui.browse.detail_pane import LOADING, DetailPane
from viewer.ui.browse.detail_reader import DetailReader, RecordReading
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.window.main_window import MainWindow

MANY = CROWD  # events about Kazakhstan in the `crowded` fixture
GATE_TIMEOUT_S = 20


class GatedReader(DetailReader):
    """A reader whose reads of the ``slow`` keys wait until ``gate`` opens;
    the keys in ``broken`` fail as a damaged database would."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.slow: set[str] = set()
        self.broken: set[str] = set()
        self.gate = threading.Event()
        self.started: list[str] = []
        self.read_through: list[str] = []  # keys whose read ran to the end

    def read(self, kind: RecordKind, key: str) -> RecordReading:
        self.started.append(key)
        if key in self.slow:
            assert self.gate.wait(GATE_TIMEOUT_S), "the test never opened the gate"
        if key in self.broken:
            raise StoreError("the database disk image is malformed")
        reading = super().read(kind, key)
        self.read_through.append(key)
        return reading


@pytest.fixture
def seeded(tmp_path: Path, seeded_copy: SeededCopy) -> Iterator[Store]:
    created, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    yield created
    opened.close()


@pytest.fixture
def reader(seeded: Store) -> GatedReader:
    return GatedReader(seeded)


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded: Store, reader: GatedReader, settings: QSettings
) -> Iterator[MainWindow]:
    built = MainWindow(seeded, tmp_path / "db.sqlite3", settings, LinkOpener(), reader=reader)
    qtbot.addWidget(built)
    built.show()
    assert reader.finish()  # the first row, selected at open
    yield built
    reader.gate.set()  # never leave a read waiting: closing waits for it


def detail_text(window: MainWindow) -> str:
    return window.detail_pane.text.toPlainText()


def citations_message(window: MainWindow) -> str:
    label = window.citations_pane.findChild(QLabel, "citationsMessage")
    assert isinstance(label, QLabel)
    return label.text()


def test_selecting_a_then_b_quickly_shows_b_and_never_a_after_it(
    qtbot: QtBot, window: MainWindow, reader: GatedReader
) -> None:
    shown: list[str] = []
    reader.loaded.connect(lambda reading: shown.append(reading.key))
    reader.slow.add("kazakhstan")
    assert window.select_record(RecordKind.PARTY, "kazakhstan")  # A: its read waits
    qtbot.waitUntil(lambda: "kazakhstan" in reader.started)
    assert window.select_record(RecordKind.PARTY, "israel")  # B, before A's reply
    qtbot.waitUntil(lambda: shown == ["israel"])
    assert "Israel" in detail_text(window)
    assert citations_message(window).startswith("Israel:")

    reader.gate.set()  # A's read now ends, after B's
    assert reader.finish()
    assert "kazakhstan" in reader.read_through  # its reply was made...
    assert shown == ["israel"]  # ...and dropped
    assert "Israel" in detail_text(window)
    assert "Kazakhstan" not in detail_text(window)
    assert citations_message(window).startswith("Israel:")
    location = window.shown_location()
    assert location is not None and location.key == "israel"


def test_a_slow_read_shows_loading_then_the_record(
    qtbot: QtBot, window: MainWindow, reader: GatedReader
) -> None:
    window.select_record(RecordKind.PARTY, "israel")
    assert reader.finish()
    reader.slow.add("kazakhstan")
    window.select_record(RecordKind.PARTY, "kazakhstan")
    # Until the delay has passed the panes keep what they showed: no flicker.
    assert "Israel" in detail_text(window)
    qtbot.waitUntil(lambda: detail_text(window) == LOADING)
    assert citations_message(window) == LOADING
    assert not window.detail_pane.history.revert_button.isEnabled()
    reader.gate.set()
    qtbot.waitUntil(lambda: "Kazakhstan" in detail_text(window))
    assert "expected to join" in detail_text(window)
    assert window.detail_pane.history.revision_ids()


def test_a_read_that_fails_is_shown_in_the_panes_and_never_raised(
    window: MainWindow, reader: GatedReader
) -> None:
    reader.broken.add("sudan")
    window.select_record(RecordKind.PARTY, "sudan")
    assert reader.finish()
    expected = "This record could not be read: the database disk image is malformed"
    assert detail_text(window) == expected
    assert citations_message(window) == expected
    assert window.detail_pane.history.revision_ids() == []
    # The next record reads as usual.
    window.select_record(RecordKind.PARTY, "israel")
    assert reader.finish()
    assert "Israel" in detail_text(window)


def test_clearing_the_selection_drops_a_reply_still_on_its_way(
    qtbot: QtBot, window: MainWindow, reader: GatedReader
) -> None:
    reader.slow.add("kazakhstan")
    window.select_record(RecordKind.PARTY, "kazakhstan")
    qtbot.waitUntil(lambda: "kazakhstan" in reader.started)
    window.views[RecordKind.PARTY].setCurrentIndex(QModelIndex())  # no row is current
    assert window.shown_location() is None
    assert "Select a participant" in detail_text(window)
    reader.gate.set()
    assert reader.finish()
    assert "kazakhstan" in reader.read_through
    assert "Kazakhstan" not in detail_text(window)


def test_closing_the_window_waits_for_a_read_in_flight(
    qtbot: QtBot, window: MainWindow, reader: GatedReader
) -> None:
    shown: list[RecordReading] = []
    reader.loaded.connect(shown.append)
    reader.slow.add("kazakhstan")
    window.select_record(RecordKind.PARTY, "kazakhstan")
    qtbot.waitUntil(lambda: "kazakhstan" in reader.started)
    opener = threading.Timer(0.2, reader.gate.set)
    opener.start()
    window.close()  # returns once the read has ended
    opener.join()
    assert reader.read_through[-1] == "kazakhstan"
    assert reader.finish(0)  # nothing left running
    qtbot.wait(50)
    assert shown == []


# -- a crowded detail ----------------------------------------------------------------


def test_a_detail_with_10000_events_shows_the_first_and_the_count(
    qtbot: QtBot, crowded: Store
) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(load_detail(crowded, RecordKind.PARTY, "kazakhstan"))
    text = pane.text.toPlainText()
    assert f"Events (more than {COUNT_LIMIT:,})" in text  # counted up to the limit
    assert f"The first {RELATED_LIMIT} of more than {COUNT_LIMIT:,} are shown." in text
    # One link per event shown, and no more: the document stays small.
    links = pane.text.toHtml().count("record:event/")
    assert links == RELATED_LIMIT
    assert "Round 00000 of talks" in text
    assert "Round 09999 of talks" not in text
    assert "search:event/party:kazakhstan" in pane.text.toHtml()
    assert "Show all" in text


def test_selecting_a_participant_of_10000_events_in_the_window_shows_the_count(
    qtbot: QtBot, tmp_path: Path, crowded: Store, settings: QSettings
) -> None:
    built = MainWindow(crowded, tmp_path / "crowded.sqlite3", settings, LinkOpener())
    qtbot.addWidget(built)
    built.show()
    assert built.select_record(RecordKind.PARTY, "kazakhstan")
    assert built.detail_reader.finish()
    assert f"The first {RELATED_LIMIT} of more than {COUNT_LIMIT:,}" in detail_text(built)
    # "Show all" opens the events list filtered to the participant's events.
    built.detail_pane.text.anchorClicked.emit(QUrl("search:event/party:kazakhstan"))
    assert built.search_field.text() == "party:kazakhstan"
    assert built.finish_reads()
    assert built.current_kind() is RecordKind.EVENT
    assert built.models[RecordKind.EVENT].total() == MANY + 3
    built.close()
