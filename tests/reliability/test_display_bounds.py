"""Issue 10, "bound what is laid out": any record shows in a frame's work.

A 100,000-character name took 16 s to select, a 300 KB web address 350 s
to show, and a 2 MB one 26 s before the link question could be answered,
because every widget laid out the whole text. Now each holds a bounded part
of it (these tests assert the length of what is set on the widgets; the time
is measured by benchmarks/long_text.py), and the whole text is a "Show all"
away, in a viewer that lays out only what is in view.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QTreeWidgetItemIterator

from tests.reliability.display_data import (
    HUGE_URL,
    LONG_NAME,
    LONG_NOTE,
    odd_database,
    window_settings,
)
from tests.ui.children import child
from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import Revision
from viewer.store.store import Store
from viewer.ui.browse.full_text_dialog import FullTextDialog
from viewer.ui.browse.history_view import HistoryView
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.widgets.pieced_text_view import PIECE
from viewer.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

# What one field may put on the page at most: its shown part, and the note.
FIELD_BOUND = 2_100


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with odd_database(tmp_path / "odd.sqlite3") as made:
        yield made


@pytest.fixture
def asked() -> list[str]:
    return []


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, store: Store, asked: list[str]) -> MainWindow:
    def ask(_parent: object, text: str) -> bool:
        asked.append(text)
        return False

    opener = LinkOpener(open_url=lambda _url: False, ask=ask, warn=lambda *_: None)
    built = MainWindow(store, tmp_path / "odd.sqlite3", window_settings(tmp_path), opener)
    qtbot.addWidget(built)
    built.show()
    assert built.finish_reads()
    return built


def shown(window: MainWindow, kind: RecordKind, key: str) -> None:
    assert window.select_record(kind, key)
    assert window.finish_reads()


def tree_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items = []
    iterator = QTreeWidgetItemIterator(tree)
    while (item := iterator.value()) is not None:
        items.append(item)
        iterator += 1
    return items


def test_a_100000_character_name_and_note_are_cut_in_the_detail(window: MainWindow) -> None:
    shown(window, RecordKind.PARTY, "long")
    pane = window.detail_pane
    page = pane.text.toPlainText()
    assert len(page) < 2 * FIELD_BOUND + 1_000  # two cut fields and the page's words
    assert page.count("100,000 characters; Show all") == 2
    named = "N" * 60 + "…"
    assert pane.full_texts() == [(f"Name of {named}", LONG_NAME), (f"Notes of {named}", LONG_NOTE)]


def test_show_all_opens_the_whole_text_to_read_and_copy(qtbot: QtBot, window: MainWindow) -> None:
    shown(window, RecordKind.PARTY, "long")
    pane = window.detail_pane
    pane.text.anchorClicked.emit(QUrl("full:1"))  # the notes' "Show all"
    dialogs = pane.findChildren(FullTextDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.viewer.toPlainText() == LONG_NOTE
    assert dialog.viewer.isReadOnly()
    assert child(dialog, QLabel, "fullTextLength").text() == "100,000 characters"
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == LONG_NOTE
    dialog.close()


def test_a_2_mb_web_address_is_cut_on_the_page_and_whole_in_show_all(window: MainWindow) -> None:
    shown(window, RecordKind.SOURCE, "huge")
    pane = window.detail_pane
    page = pane.text.toPlainText()
    assert len(page) < FIELD_BOUND + 1_000
    assert "2,000,020 characters; Show all" in page
    assert pane.full_texts() == [("Web address of A source with a huge address", HUGE_URL)]
    dialog = pane.show_full_text(0)
    assert dialog is not None
    # One line of 2 MB is shown in pieces (Qt lays out a line whole), and says so...
    assert "shown in pieces" in dialog.about.text()
    assert dialog.viewer.document().blockCount() == len(HUGE_URL) // PIECE + 1
    # ... but what is copied is the address as it is, a part or the whole.
    cursor = dialog.viewer.textCursor()
    cursor.setPosition(PIECE - 5)
    cursor.setPosition(3 * PIECE + 5, QTextCursor.MoveMode.KeepAnchor)
    dialog.viewer.setTextCursor(cursor)
    QGuiApplication.clipboard().clear()
    dialog.viewer.copy()
    # Shown position 3 * PIECE + 5 is after three breaks: 3 * PIECE + 2 in the address.
    assert QGuiApplication.clipboard().text() == HUGE_URL[PIECE - 5 : 3 * PIECE + 2]
    dialog.copy_all()
    assert QGuiApplication.clipboard().text() == HUGE_URL
    dialog.close()


def test_the_link_question_for_a_2_mb_address_is_short(
    window: MainWindow, asked: list[str]
) -> None:
    shown(window, RecordKind.SOURCE, "huge")
    window.detail_pane.text.anchorClicked.emit(QUrl("web:address"))
    assert len(asked) == 1
    assert len(asked[0]) < 1_000
    assert asked[0].startswith("Open this link in your web browser?\n\nhttps://example.org/bbb")
    assert "(2,000,020 characters in all; the middle is left out here" in asked[0]
    assert "Site: example.org" in asked[0]


def test_list_cells_and_citations_hold_bounded_text(window: MainWindow) -> None:
    shown(window, RecordKind.PARTY, "long")
    model = window.models[RecordKind.PARTY]
    row = model.row_of("long")
    assert row is not None
    cell = model.data(model.index(row, 0))
    assert len(cell) == 301 and cell.endswith("…")
    assert len(model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) < 1_200
    message = child(window.citations_pane, QLabel, "citationsMessage").text()
    assert len(message) < 400
    tree = child(window.citations_pane, QTreeWidget, "citationsTree")
    items = tree_items(tree)
    assert len(items) == 2  # the claim and its one citation
    assert all(len(item.text(0)) < 1_000 for item in items)
    # The tooltip has the start of the citation's note and the address; the
    # whole of them is "Show full text" away.
    assert all(len(item.toolTip(0)) < 2_500 for item in items)
    citation_tip = items[1].toolTip(0)
    assert "characters in all)" in citation_tip
    dialog = window.citations_pane.show_full_text()
    assert dialog is None  # no citation is selected yet
    tree.setCurrentItem(items[1])
    dialog = window.citations_pane.show_full_text()
    assert dialog is not None
    whole = dialog.text()
    assert LONG_NOTE in whole and HUGE_URL in whole
    dialog.close()


def test_a_revision_of_long_values_is_bounded_in_the_history(qtbot: QtBot) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    revision = Revision(
        1,
        datetime(2026, 1, 2, tzinfo=UTC),
        "tester",
        RevisionAction.UPDATE,
        RecordKind.PARTY,
        "long",
        {"name": ("Long", LONG_NAME), "notes": ("", LONG_NOTE)},
    )
    view.show_revisions([revision])
    items = tree_items(view.tree)
    assert len(items) == 3  # the revision and its two changes
    assert all(len(item.text(0)) < 5_000 for item in items)
    assert all(item.text(0).count("\n") <= 40 for item in items)
    assert all(len(item.toolTip(0)) < 2_500 for item in items)
