"""Issue 10, "shown literally": stored text is shown as written, never as HTML.

A name with a line break and a tab keeps both in the detail pane; a place
with one line (a list cell, a citation's row) shows the break as ↵ and the
tab as ⇥ rather than growing or flattening them; the history and tooltips
keep the breaks. Text that looks like HTML shows as those characters and
never becomes a link or an image.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QLabel, QTreeWidget

from tests.reliability.display_data import (
    MARKUP,
    PAGE_SCHEMES,
    SCRIPT_LINK,
    TWO_LINES,
    anchors,
    odd_database,
    window_settings,
)
from tests.ui.children import child
from viewer.domain.citation_text import TITLE_SHOWN
from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import Revision
from viewer.store.store import Store
from viewer.ui.browse.history_view import HistoryView
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with odd_database(tmp_path / "odd.sqlite3") as made:
        yield made


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, store: Store) -> MainWindow:
    opener = LinkOpener(open_url=lambda _url: False, ask=lambda *_: False, warn=lambda *_: None)
    built = MainWindow(store, tmp_path / "odd.sqlite3", window_settings(tmp_path), opener)
    qtbot.addWidget(built)
    built.show()
    assert built.finish_reads()
    return built


def shown(window: MainWindow, key: str) -> None:
    assert window.select_record(RecordKind.PARTY, key)
    assert window.finish_reads()


def list_cell(window: MainWindow, key: str, role: int = 0) -> str:
    model = window.models[RecordKind.PARTY]
    row = model.row_of(key)
    assert row is not None
    return str(model.data(model.index(row, 0), role))


def test_a_line_break_and_a_tab_stay_in_the_detail(window: MainWindow) -> None:
    shown(window, "two-lines")
    page = window.detail_pane.text.toPlainText()
    assert page.startswith(f"{TWO_LINES}\n")  # the heading: break and tab as stored
    assert "First line\n\tindented second" in page  # the notes


def test_a_list_cell_shows_a_line_break_as_a_mark_on_one_line(window: MainWindow) -> None:
    # A row of a list is one line high (a list of a million rows pages by
    # uniform rows): the break shows as ↵ and the tab as ⇥, not as a space.
    assert list_cell(window, "two-lines") == "Line one↵line⇥two"
    # The tooltip has room: it shows the two lines, the tab kept.
    assert "Line one<br>line\ttwo" in list_cell(window, "two-lines", 3)


def test_the_citations_pane_names_the_record_on_one_line(window: MainWindow) -> None:
    shown(window, "two-lines")
    message = child(window.citations_pane, QLabel, "citationsMessage").text()
    assert message.startswith("Line one↵line⇥two: ")


def test_the_history_keeps_a_notes_line_breaks(window: MainWindow) -> None:
    shown(window, "two-lines")
    tree = window.detail_pane.history.tree
    top = tree.topLevelItem(0)
    assert top is not None
    changes = [top.child(index).text(0) for index in range(top.childCount())]
    assert "Notes: First line\n\tindented second" in changes
    tips = [top.child(index).toolTip(0) for index in range(top.childCount())]
    assert any("First line<br>\tindented second" in tip for tip in tips)


def test_a_revisions_headline_holds_a_name_on_one_line(qtbot: QtBot) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    revision = Revision(
        1,
        datetime(2026, 1, 2, tzinfo=UTC),
        "tester",
        RevisionAction.CREATE,
        RecordKind.PARTY,
        "two-lines",
        {"name": (None, TWO_LINES)},
    )
    view.show_revisions([revision])
    item = view.tree.topLevelItem(0)
    assert item is not None
    headline, byline = item.text(0).split("\n")
    assert headline == "Created participant Line one↵line⇥two"
    assert "tester" in byline


def test_text_that_looks_like_html_shows_as_written(window: MainWindow) -> None:
    shown(window, "markup")
    page = window.detail_pane.text
    assert MARKUP in page.toPlainText()
    assert SCRIPT_LINK in page.toPlainText()
    # Nothing of it became markup: no image, and every link is one of the page's own.
    assert "<img" not in page.toHtml().replace("&lt;img", "")
    hrefs = anchors(page.document())
    assert hrefs and all(href.startswith(PAGE_SCHEMES) for href in hrefs)
    assert list_cell(window, "markup") == MARKUP
    message = child(window.citations_pane, QLabel, "citationsMessage")
    assert message.text().startswith(MARKUP) and message.textFormat().name == "PlainText"
    assert "&lt;b&gt;bold&lt;/b&gt;" in list_cell(window, "markup", 3)  # tooltip, escaped


def test_the_citation_rows_show_their_text_on_lines_of_their_own(window: MainWindow) -> None:
    shown(window, "long")
    tree = child(window.citations_pane, QTreeWidget, "citationsTree")
    claim = tree.topLevelItem(0)
    assert claim is not None and claim.childCount() == 1
    citation = claim.child(0)
    assert citation is not None
    # The reference (in the chosen style), then the locator: the row's own two
    # lines, each part on one, the reference cut short where its address is huge.
    reference, locator = citation.text(0).split("\n")
    assert reference.startswith("A source with a huge address")
    assert reference.endswith("…") and len(reference) <= TITLE_SHOWN + 1
    assert locator == "p. 1"
