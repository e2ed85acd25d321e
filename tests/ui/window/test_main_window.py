"""The main window, driven as a user drives it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from tests.paths import PROJECT_ROOT
from tests.ui.children import child
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Citation, Party, Source
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import history_mismatches
from viewer.store.store import Store
from viewer.ui.window.main_window import MainWindow

ROOT = PROJECT_ROOT
ARTICLE = "Kazakhstan joining Abraham Accords, US official confirms"


@pytest.fixture
def db_path(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Path:
    """The window's database: a copy of the seeded template, as first use leaves it."""
    return seeded_copy(tmp_path / "db.sqlite3")


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    built = create_main_window(db_path, settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def tree_text(tree: QTreeWidget) -> str:
    lines = []
    for top in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(top)
        assert item is not None
        lines.append(" | ".join(item.text(c) for c in range(tree.columnCount())))
        for index in range(item.childCount()):
            sub = item.child(index)
            assert sub is not None
            lines.append("  " + " | ".join(sub.text(c) for c in range(tree.columnCount())))
    return "\n".join(lines)


def citations_text(window: MainWindow) -> str:
    assert window.detail_reader.finish()  # the panes are filled off the GUI thread
    return tree_text(child(window, QTreeWidget, "citationsTree"))


def current_key(window: MainWindow) -> str:
    """The key of the record the window shows; fails if it shows none."""
    location = window.current_location()
    assert location is not None, "the window shows no record"
    return location.key


def detail_text(window: MainWindow) -> str:
    assert window.detail_reader.finish()  # the panes are filled off the GUI thread
    return window.detail_pane.text.toPlainText()


def test_the_window_has_its_named_parts(window: MainWindow) -> None:
    assert window.findChild(QLineEdit, "searchField") is not None
    assert window.findChild(QListWidget, "navigator") is not None
    for name in ("participantsView", "eventsView", "peopleView", "sourcesView", "accordsView"):
        assert window.findChild(QTableView, name) is not None
    for name in ("detailPane", "citationsPane"):
        assert window.findChild(QWidget, name) is not None
    navigator = child(window, QListWidget, "navigator")
    entries = []
    for row in range(navigator.count()):
        entry = navigator.item(row)
        assert entry is not None
        entries.append(entry.text())
    assert entries == [
        "Overview",
        "Participants (9)",
        "Events (9)",
        "People (10)",
        "Sources (3)",
        "Accords (1)",
        "All results",
        "Evidence",
        "Saved searches",  # a heading, hidden until a search is saved
    ]
    assert "Showing 9 of 9 participants" in window.count_label.text()


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not isinstance(w.parent(), (QTableView, QTreeWidget))  # viewports
        and type(w).__name__ not in ("QWidget", "QScrollBar")
    ]
    assert unnamed == []


def test_selecting_kazakhstan_shows_its_status_and_evidence(window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    detail = detail_text(window)
    assert "Kazakhstan" in detail and "expected to join" in detail and "6 Nov 2025" in detail
    citations = citations_text(window)
    assert "expected to join · 6 Nov 2025 · expected" in citations
    assert ARTICLE in citations and "para. 1" in citations
    timeline = window.detail_pane.timeline
    assert timeline.isVisible()
    timeline.set_as_of(date(2021, 6, 1))
    assert "no status yet" in timeline.as_of_text()


def test_selecting_sudan_shows_the_january_2021_declaration(window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "sudan")
    detail = detail_text(window)
    assert "declaration signed — Jan 2021" in detail
    assert "stalled" in detail


def test_each_list_drives_the_detail_and_citation_panes(window: MainWindow) -> None:
    for kind in (RecordKind.EVENT, RecordKind.PERSON, RecordKind.SOURCE, RecordKind.PARTY):
        window.show_kind(kind)
        view = window.views[kind]
        view.selectRow(1)
        key = window.models[kind].key_at(1)
        assert window.current_location() is not None
        assert current_key(window) == key
        assert key is not None
        record = window.store.get(kind, key)
        assert record is not None
        assert record.label in detail_text(window)
        if kind is not RecordKind.SOURCE:
            # The record's own claim heads the citations pane, by its label.
            message = child(window.citations_pane, QLabel, "citationsMessage")
            assert message.text().startswith(f"{record.label}:"), kind
            assert record.label in citations_text(window), kind
    window.select_record(RecordKind.PERSON, "donald-trump")
    assert "Office: President of the United States" in citations_text(window)
    window.select_record(RecordKind.SOURCE, "axios-kazakhstan-abraham-accords-report")
    assert "Citing claims" in detail_text(window)


def test_search_narrows_the_current_list_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    field = child(window, QLineEdit, "searchField")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert field.hasFocus()
    qtbot.keyClicks(field, "kazakh")
    model = window.models[RecordKind.PARTY]
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert "Showing 1 of 9 participants" in window.count_label.text()
    field.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 9)


def test_links_move_the_selection_and_back_and_forward_walk_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_record(RecordKind.EVENT, "al-sharaa-white-house-visit-2025")
    assert "Syria" in detail_text(window)
    window.detail_pane.text.anchorClicked.emit(QUrl("record:party/syria"))
    assert window.current_kind() is RecordKind.PARTY
    assert current_key(window) == "syria"
    assert window.views[RecordKind.PARTY].currentIndex().data() == "Syria"
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_kind() is RecordKind.EVENT
    assert current_key(window) == "al-sharaa-white-house-visit-2025"
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert current_key(window) == "syria"
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()


def test_a_link_to_a_record_hidden_by_the_search_clears_the_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search_field.setText("israel")
    parties = window.models[RecordKind.PARTY]
    qtbot.waitUntil(lambda: parties.filter_text == "israel")
    assert "syria" not in [parties.key_at(r) for r in range(parties.rowCount())]
    window.select_record(RecordKind.EVENT, "al-sharaa-white-house-visit-2025")
    window.detail_pane.text.anchorClicked.emit(QUrl("record:party/syria"))
    assert current_key(window) == "syria"
    assert window.search_field.text() == ""


def test_go_to_source_selects_the_source(window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "kazakhstan")
    window.citations_pane.sourceRequested.emit("axios-kazakhstan-abraham-accords-report")
    assert window.current_kind() is RecordKind.SOURCE
    assert "Axios" in detail_text(window)


def test_text_from_the_database_is_shown_literally(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    hostile = "<b>x</b><img src=x>"
    store, opened = open_or_create(db_path, "tester")
    store.add(Source(key="evil", title=hostile, publisher=hostile))
    store.add(
        Party(
            key="evil-party",
            name=hostile,
            notes=hostile,
            citations=(Citation("evil", hostile, hostile),),
        )
    )
    assert history_mismatches(store) == []
    opened.engine.dispose()
    built = create_main_window(db_path, settings)
    qtbot.addWidget(built)
    built.show()
    assert built.select_record(RecordKind.PARTY, "evil-party")
    assert detail_text(built).count(hostile) >= 2
    assert "<img" not in built.detail_pane.text.toHtml().replace("&lt;img", "")
    assert hostile in citations_text(built)
    model = built.models[RecordKind.PARTY]
    assert hostile in [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_layout_and_selection_come_back_on_the_next_launch(
    qtbot: QtBot, db_path: Path, settings: QSettings
) -> None:
    first = create_main_window(db_path, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # the offscreen screen is 800 x 600
    first.select_record(RecordKind.EVENT, "mohammed-bin-salman-visit-2025-11-18")
    first.views[RecordKind.EVENT].setColumnWidth(1, 321)
    first.close()
    second = create_main_window(db_path, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.current_kind() is RecordKind.EVENT
    assert current_key(second) == "mohammed-bin-salman-visit-2025-11-18"
    assert second.views[RecordKind.EVENT].columnWidth(1) == 321
    assert (second.width(), second.height()) == (700, 500)


def test_screenshot_command_writes_the_window_as_a_png(tmp_path: Path, db_path: Path) -> None:
    picture = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(db_path),
            "--screenshot",
            str(picture),
            "--select",
            "participant:Kazakhstan",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert image.width() >= 1000 and image.height() >= 600
    # Every connection was closed at the end: SQLite removed its -wal and -shm.
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) == [
        db_path.name
    ]
    bad = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--db",
            str(db_path),
            "--screenshot",
            str(picture),
            "--select",
            "participant:Atlantis",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert bad.returncode == 1 and "no such record" in bad.stderr
    # The window is closed (its readers stopped) before its database is let go.
    assert "exception thrown from a worker thread" not in bad.stderr


def test_search_waits_for_a_pause_in_typing(qtbot: QtBot, window: MainWindow) -> None:
    model = window.models[RecordKind.PARTY]
    reloads: list[int] = []
    model.reloaded.connect(reloads.append)
    qtbot.keyClicks(window.search_field, "saudi")
    qtbot.waitUntil(lambda: model.filter_text == "saudi")
    assert len(reloads) == 1  # one query for the burst of five keys


def test_the_toolbar_buttons_walk_the_history(qtbot: QtBot, window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "israel")
    window.select_record(RecordKind.PERSON, "benjamin-netanyahu")
    back = child(window, QToolButton, "backButton")
    forward = child(window, QToolButton, "forwardButton")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert current_key(window) == "israel"
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    assert current_key(window) == "benjamin-netanyahu"


def test_the_status_bar_names_the_database(window: MainWindow, db_path: Path) -> None:
    assert window.path_label.text() == f"Database: {db_path}"


def test_splitter_sizes_come_back(qtbot: QtBot, db_path: Path, settings: QSettings) -> None:
    first = create_main_window(db_path, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen, so the size is kept
    first.splitter.setSizes([100, 300, 200, 150])
    sizes = first.splitter.sizes()
    first.close()
    second = create_main_window(db_path, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.splitter.sizes() == sizes


def test_the_window_opens_100000_events_with_one_page(
    qtbot: QtBot, big_store: Store, settings: QSettings
) -> None:
    path = big_store.engine.url.database
    assert path is not None
    built = create_main_window(Path(path), settings)
    qtbot.addWidget(built)
    built.show()
    built.show_kind(RecordKind.EVENT)
    events = built.models[RecordKind.EVENT]
    assert events.rowCount() == 100_000
    assert events.cached_pages() == 1  # what the view shows: one page read
    assert "Showing 100,000 of 100,000 events" in built.count_label.text()
    assert built.select_record(RecordKind.EVENT, "event-004321")
    # Scrolled to the record's page, with no page read above it.
    assert events.cached_pages() <= 3
    assert current_key(built) == "event-004321"
    assert events.key_at(built.views[RecordKind.EVENT].currentIndex().row()) == "event-004321"
