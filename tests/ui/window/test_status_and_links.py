"""One status rule everywhere, "Change status…" within reach, and sources' links.

Issue 9: the list, the "Now" line, the "As of" line and the timeline agree
for every participant of the bundled data; a participant's status is changed
from the detail, the list's context menu, the toolbar or Ctrl+Shift+E; a
source's web address is a link that opens only through the LinkOpener.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QStyleFactory, QWidget

from tests.ui.children import child
from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.records import Party, Source
from viewer.domain.status import RULE
from viewer.domain.views import Detail
from viewer.store import api
from viewer.store.bootstrap import open_or_create
from viewer.store.store import Store
from viewer.ui.browse.detail_html import CHANGE_STATUS, detail_html
from viewer.ui.browse.detail_pane import DetailPane
from viewer.ui.browse.link_opener import COPY_ADDRESS, LinkOpener
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

AXIOS = "axios-kazakhstan-abraham-accords-report"
AXIOS_URL = "https://www.axios.com/2025/11/06/kazakhstan-abraham-accords?from=viewer&x=1"


@dataclass
class World:
    """The browser and the link dialogs, recorded instead of shown."""

    opened: list[QUrl] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True

    def ask(self, _parent: QWidget | None, text: str) -> bool:
        self.asked.append(text)
        return True

    def warn(self, _parent: QWidget | None, text: str, address: str) -> None:
        self.warned.append(f"{text}\n{address}")


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def store(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Iterator[Store]:
    created, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    # The bundled sources give no address; this one gets one, as users add them.
    axios = created.get(RecordKind.SOURCE, AXIOS)
    assert isinstance(axios, Source)
    created.update(dataclasses.replace(axios, url=AXIOS_URL))
    yield created
    opened.close()


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, store: Store, settings: QSettings, world: World
) -> Iterator[MainWindow]:
    opener = LinkOpener(open_url=world.open_url, ask=world.ask, warn=world.warn)
    built = MainWindow(store, tmp_path / "db.sqlite3", settings, opener)
    qtbot.addWidget(built)
    built.show()
    assert built.finish_reads()
    yield built


def when_dialog_opens(handle: Callable[[QWidget], None]) -> None:
    """Run ``handle`` on the next modal dialog once it shows."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            handle(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def status_form_party(opened: list[str]) -> Callable[[QWidget], None]:
    """Note which participant the status form opened for, and close it."""

    def note(dialog: QWidget) -> None:
        assert isinstance(dialog, StatusActionDialog)
        opened.append(dialog.party_picker.key() or "")
        dialog.reject()

    return note


# -- item 5: one rule, the same answer everywhere ----------------------------


def test_every_participant_reads_the_same_in_the_list_and_the_pane(window: MainWindow) -> None:
    model = window.models[RecordKind.PARTY]
    timeline = window.detail_pane.timeline
    keys = [model.key_at(row) for row in range(model.rowCount())]
    assert len(keys) == 9
    seen_undated = False
    for row, key in enumerate(keys):
        assert key is not None
        listed = str(model.data(model.index(row, 2)) or "")
        since = str(model.data(model.index(row, 3)) or "")
        assert window.select_record(RecordKind.PARTY, key)
        assert window.finish_reads()
        timeline.set_as_of(date.today())
        now = timeline.current_text().removeprefix("Now: ")
        # "Now" is "as of today": the same words after the date.
        assert timeline.as_of_text().endswith(f": {now}"), key
        assert now.removeprefix("possibly ").startswith(f"{listed} ("), (key, listed, now)
        if "date not given" in now:
            seen_undated = True
            assert since == "date not given", key
        else:
            assert since and since in now, (key, since, now)
        detail = window.detail_pane.detail
        assert detail is not None, key
        assert f"Current status</th><td>{listed}" in detail_html(detail), key
    assert seen_undated  # UAE, Bahrain, Morocco, Sudan, Saudi Arabia…


def test_saudi_arabia_and_the_uae_answer_alike_now_and_today(window: MainWindow) -> None:
    timeline = window.detail_pane.timeline
    window.select_record(RecordKind.PARTY, "saudi-arabia")
    assert window.finish_reads()
    assert timeline.current_text() == "Now: prospective / in talks (date not given)"
    timeline.set_as_of(date(2021, 6, 1))
    assert timeline.as_of_text() == "As of 1 Jun 2021: prospective / in talks (date not given)"
    window.select_record(RecordKind.PARTY, "united-arab-emirates")
    assert window.finish_reads()
    timeline.set_as_of(date(2026, 11, 30))
    assert timeline.current_text() == "Now: normalisation formalised (date not given)"
    assert timeline.as_of_text().endswith(": normalisation formalised (date not given)")
    assert child(timeline, QWidget, "statusRule").property("text") == RULE


def test_sorting_by_status_follows_the_order_of_the_steps(store: Store) -> None:
    order = {kind.label: position for position, kind in enumerate(StatusKind)}
    for descending in (False, True):
        query = api.ListQuery(RecordKind.PARTY, sort_column=2, descending=descending)
        rows = api.fetch_rows(store, query, 0, api.PAGE_SIZE)
        ranks = [order[row.cells[2]] for row in rows if row.cells[2]]
        assert ranks == sorted(ranks, reverse=descending)
        assert len(set(ranks)) >= 4
        # Not the alphabet: "prospective" sorts before "agreement signed".
        labels = [row.cells[2] for row in rows if row.cells[2]]
        if not descending:
            assert labels.index("prospective / in talks") < labels.index("agreement signed")
        # A record's place (a jump) agrees with the page's order.
        for index, row in enumerate(rows):
            assert api.row_index(store, query, row.key, len(rows)) == index


# -- item 8: "Change status…" within reach ---------------------------------


def test_change_status_from_the_detail_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "kazakhstan")
    assert window.finish_reads()
    text = window.detail_pane.text
    assert CHANGE_STATUS in text.toPlainText()
    window.activateWindow()
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # the first link of the page
    assert text.textCursor().selectedText() == CHANGE_STATUS
    opened: list[str] = []
    when_dialog_opens(status_form_party(opened))
    qtbot.keyClick(text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == ["kazakhstan"])


def test_change_status_from_the_context_menu_the_shortcut_and_the_toolbar(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.select_record(RecordKind.PARTY, "sudan")
    view = window.views[RecordKind.PARTY]
    (entry,) = [a for a in view.actions() if a.text().replace("&", "") == "Change status…"]
    assert entry.isEnabled()
    assert entry.shortcut().toString() == "Ctrl+Shift+E"
    assert all(
        entry not in other.actions()
        for kind, other in window.views.items()
        if kind != RecordKind.PARTY
    )
    opened: list[str] = []
    when_dialog_opens(status_form_party(opened))
    entry.trigger()
    assert opened == ["sudan"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    when_dialog_opens(status_form_party(opened))
    qtbot.keyClick(
        view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert opened == ["sudan", "sudan"]
    button = child(window, QWidget, "changeStatusButton")
    assert button.isVisible()
    when_dialog_opens(status_form_party(opened))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == ["sudan"] * 3


def test_change_status_is_off_without_a_participant(window: MainWindow) -> None:
    window.select_record(RecordKind.SOURCE, AXIOS)
    assert not window.edit_actions.new_status.isEnabled()


def test_a_status_line_is_not_an_edit_link_but_has_one(qtbot: QtBot, window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "kazakhstan")
    assert window.finish_reads()
    detail = window.detail_pane.detail
    assert detail is not None
    page = detail_html(detail)
    assert "<li><b>expected to join</b>" in page
    assert "edit:status_action/kazakhstan-expected-to-join-2025'>Edit</a>" in page
    opened: list[str] = []

    def note(dialog: QWidget) -> None:
        assert isinstance(dialog, RecordDialog)
        opened.append(type(dialog).__name__)
        dialog.reject()

    when_dialog_opens(note)
    window.detail_pane.text.anchorClicked.emit(
        QUrl("edit:status_action/kazakhstan-expected-to-join-2025")
    )
    assert opened == ["StatusActionDialog"]


# -- item 12: a source's address is a link, opened only through the LinkOpener --


def test_a_sources_address_is_a_link_opened_after_the_question(
    window: MainWindow, world: World
) -> None:
    window.select_record(RecordKind.SOURCE, AXIOS)
    assert window.finish_reads()
    source = window.store.get(RecordKind.SOURCE, AXIOS)
    assert isinstance(source, Source) and source.url == AXIOS_URL
    pane = window.detail_pane
    assert source.url in pane.text.toPlainText()
    assert "<a href='web:address'>" in detail_html(pane.detail) if pane.detail else False
    pane.text.anchorClicked.emit(QUrl("web:address"))
    assert len(world.asked) == 1 and source.url in world.asked[0]
    assert [url.toString() for url in world.opened] == [source.url]


def test_open_link_works_for_a_selected_source(
    qtbot: QtBot, window: MainWindow, world: World
) -> None:
    window.select_record(RecordKind.SOURCE, AXIOS)
    assert window.finish_reads()
    button = child(window.citations_pane, QWidget, "openLinkButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    source = window.store.get(RecordKind.SOURCE, AXIOS)
    assert isinstance(source, Source)
    assert [url.toString() for url in world.opened] == [source.url]


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>"]
)
def test_a_source_link_that_is_not_the_web_never_opens(
    qtbot: QtBot, world: World, url: str
) -> None:
    opener = LinkOpener(open_url=world.open_url, ask=world.ask, warn=world.warn)
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.webLinkRequested.connect(lambda address: opener.request(address, pane))
    pane.show_detail(Detail(Source("s", "A source", url=url)))
    assert url in pane.text.toPlainText()
    pane.text.anchorClicked.emit(QUrl("web:address"))
    assert world.opened == [] and world.asked == []
    assert len(world.warned) == 1 and world.warned[0].endswith(f"\n{url}")


def test_link_not_opened_shows_the_whole_address_and_copies_it(qtbot: QtBot) -> None:
    long_url = "javascript:" + "x" * 150 + "-the-end"
    seen: list[str] = []

    def copy(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == COPY_ADDRESS]
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)

    when_dialog_opens(copy)
    QGuiApplication.clipboard().clear()
    LinkOpener(warn=None).request(long_url, None)
    assert long_url in seen[0]
    assert QGuiApplication.clipboard().text() == long_url


# -- the detail page in a dark palette ------------------------------------


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Link, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_the_detail_reads_in_a_dark_palette(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before, style = app.palette(), app.style().name()
    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette())
    try:
        pane = DetailPane()
        qtbot.addWidget(pane)
        pane.resize(520, 640)
        pane.show()
        qtbot.waitExposed(pane)
        detail = api.load_detail(store, RecordKind.PARTY, "sudan")
        assert detail is not None and isinstance(detail.record, Party)
        pane.show_detail(detail)
        sheet = pane.text.document().defaultStyleSheet()
        # Secondary text and links take light colours on the dark ground.
        muted = QColor(sheet.split(".muted { color: ")[1][:7])
        link = QColor(sheet.split("a { color: ")[1][:7])
        assert muted.lightness() > 128 and link == QColor("#8ab4f8")
        assert "#555" not in detail_html(detail) and "#666" not in detail_html(detail)
        image = pane.grab().toImage()
        image.save(str(tmp_path / "detail-dark.png"))
        centre = image.pixelColor(image.width() // 2, image.height() // 4)
        assert centre.lightness() < 80  # the page's ground is dark, not a white sheet
    finally:
        app.setPalette(before)
        app.setStyle(QStyleFactory.create(style))
