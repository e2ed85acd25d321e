"""Moving through the window by keyboard, and panes that always show the list's record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from tests.ui.children import child
from tests.ui.edit.test_editing import when_dialog_opens
from viewer.app import create_main_window, current_user
from viewer.domain.enums import RecordKind
from viewer.ui import colour_scheme
from viewer.ui.colour_scheme import ColourScheme
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.widgets.shortcuts import listed_shortcuts
from viewer.ui.window.focus_frame import FocusFrame
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.preferences import Preferences


@pytest.fixture
def window(active_window: MainWindow) -> MainWindow:
    return active_window


def pane_of(window: MainWindow, widget: QWidget | None) -> str:
    """Which pane holds ``widget``: its frame's name, or "search", or "elsewhere"."""
    if widget is None:
        return "nowhere"
    if widget is window.search_field:
        return "search"
    if window.accord_selector.isAncestorOf(widget):
        return "accord"
    for frame in window.frames:
        if widget is frame.pane or frame.pane.isAncestorOf(widget):
            return frame.objectName().removesuffix("Frame")
    return f"elsewhere ({widget.objectName() or type(widget).__name__})"


def detail_title(window: MainWindow) -> str:
    window.finish_reads()
    detail = window.detail_pane.detail
    return detail.record.label if detail is not None else ""


def test_tab_walks_the_panes_in_reading_order(qtbot: QtBot, window: MainWindow) -> None:
    window.navigator.setFocus()
    seen = [pane_of(window, QApplication.focusWidget())]
    for _ in range(16):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        pane = pane_of(window, QApplication.focusWidget())
        if pane != seen[-1]:
            seen.append(pane)
        if pane == "citationsPane":
            break
    assert seen == ["navigator", "accord", "search", "lists", "detailPane", "citationsPane"]


def test_tab_leaves_a_list_in_one_press(qtbot: QtBot, window: MainWindow) -> None:
    view = window.views[RecordKind.PARTY]
    view.setFocus()
    before = window.shown_location()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert pane_of(window, QApplication.focusWidget()) == "detailPane"
    assert window.shown_location() == before  # Tab did not move the selection
    # Arrows still move inside the list.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert window.shown_location() != before


def test_ctrl_number_switches_lists_and_puts_the_focus_in_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    for key, kind in (
        (Qt.Key.Key_2, RecordKind.EVENT),
        (Qt.Key.Key_3, RecordKind.PERSON),
        (Qt.Key.Key_4, RecordKind.SOURCE),
        (Qt.Key.Key_1, RecordKind.PARTY),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_kind() is kind
        assert QApplication.focusWidget() is window.views[kind]
        assert window.shown_location() is not None
        assert window.shown_location().kind is kind  # type: ignore[union-attr]


def test_a_link_in_the_detail_is_reached_with_tab_and_followed_with_enter(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PERSON, "steve-witkoff")
    assert detail_title(window) == "Steve Witkoff"
    text = child(window.detail_pane, QTextBrowser, "detailText")
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # the first link: his party
    assert text.textCursor().hasSelection()
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert window.current_kind() is RecordKind.PARTY
    assert detail_title(window) == "United States"


@pytest.mark.parametrize("dark", [False, True])
def test_the_focused_pane_shows_a_frame_in_the_highlight_colour(
    qtbot: QtBot, window: MainWindow, dark: bool
) -> None:
    if dark:
        palette = QPalette(QColor("#202124"))
        palette.setColor(QPalette.ColorRole.Highlight, QColor("#8ab4f8"))
        window.setPalette(palette)
    frame = window.frames[2]
    window.detail_pane.text.setFocus()
    assert isinstance(frame, FocusFrame) and frame.has_focus_inside()
    assert not window.frames[1].has_focus_inside()
    image = frame.grab().toImage()
    edge = image.pixelColor(image.width() // 2, 0)
    highlight = frame.palette().color(QPalette.ColorRole.Highlight)
    background = frame.palette().color(QPalette.ColorRole.Window)
    assert _close(edge, highlight), (edge.name(), highlight.name())
    # The frame stands out from what is around it, in either palette.
    assert abs(highlight.lightness() - background.lightness()) > 40


def _close(one: QColor, other: QColor) -> bool:
    pairs = (
        (one.red(), other.red()),
        (one.green(), other.green()),
        (one.blue(), other.blue()),
    )
    return all(abs(a - b) <= 24 for a, b in pairs)


def test_switching_lists_shows_that_lists_record(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    assert detail_title(window) == "Kazakhstan"
    window.navigator.set_kind(RecordKind.SOURCE)
    view = window.views[RecordKind.SOURCE]
    current = view.currentIndex()
    assert current.isValid()
    key = window.models[RecordKind.SOURCE].key_at(current.row())
    assert window.shown_location() is not None
    assert window.shown_location().key == key  # type: ignore[union-attr]
    assert detail_title(window) != "Kazakhstan"


def test_a_search_that_leaves_no_rows_empties_the_panes_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.search_field.setText("Baier")
    window.search_field.settle()
    window.finish_reads()
    assert window.models[RecordKind.PARTY].rowCount() == 0
    assert window.shown_location() is None
    shown = window.detail_pane.text.toPlainText()
    assert shown.startswith("No participant matches “Baier”")
    assert "1 person" in shown  # Bret Baier
    assert window.views[RecordKind.PARTY].empty_message() == shown
    assert window.edit_action.isEnabled() is False
    # Esc in the field clears the search: the list and its record come back.
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    window.finish_reads()
    assert window.search_field.text() == ""
    assert window.models[RecordKind.PARTY].rowCount() > 0
    assert window.shown_location() is not None


def test_a_search_keeps_the_shown_record_when_it_still_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.search_field.setText("Kazakhstan")
    window.search_field.settle()
    window.finish_reads()
    assert window.views[RecordKind.PARTY].currentIndex().isValid()
    assert detail_title(window) == "Kazakhstan"


def test_an_empty_list_says_so(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    empty = create_main_window(tmp_path / "empty.sqlite3", settings, seed=False)
    qtbot.addWidget(empty)
    empty.show()
    empty.finish_reads()
    message = empty.views[RecordKind.PARTY].empty_message()
    assert message == "No participants yet. Press Ctrl+N to add one."
    assert empty.detail_pane.text.toPlainText() == message


def test_all_results_count_the_results_not_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.search.show_query(None, "Witkoff")
    window.finish_reads()
    assert window.count_label.text().endswith("results in all lists")
    assert "Showing 0" not in window.count_label.text()


def test_the_view_menu_hides_and_brings_back_the_panes(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.view_actions.pane_actions
    actions["Citations"].trigger()
    assert window.frames[3].isHidden()
    actions["Toolbar"].trigger()
    assert window.toolbar.isHidden()
    window.view_actions.reset_action.trigger()
    assert not window.frames[3].isHidden() and not window.toolbar.isHidden()
    assert actions["Citations"].isChecked()
    sizes = window.splitter.sizes()
    assert sizes[3] <= sizes[2]  # the citations never wider than the detail


def test_all_results_show_their_current_hit_or_say_nothing_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.search.show_query(None, "Baier")
    window.finish_reads()
    shown = window.shown_location()
    assert shown is not None
    assert (shown.kind, shown.key) == window.search.results.shown_keys()[0]
    window.search.show_query(None, "zzqqxx")
    window.finish_reads()
    assert window.shown_location() is None
    assert window.detail_pane.text.toPlainText() == "Nothing matches this search."


def test_the_status_bar_says_what_was_saved_undone_and_redone(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")

    def add_a_note(dialog: RecordDialog) -> None:
        notes = child(dialog, QPlainTextEdit, "notesEdit")
        notes.setPlainText("Joined in November 2025.")
        dialog.accept()

    when_dialog_opens(add_a_note)
    window.edit_action.trigger()
    assert window.feedback.last_message() == "Saved Kazakhstan"
    window.undo_action.trigger()
    assert window.feedback.last_message() == "Undid: Edit Kazakhstan"
    window.redo_action.trigger()
    assert window.feedback.last_message() == "Redid: Edit Kazakhstan"
    # Shown for a few seconds, then gone.
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=8_000)


def test_the_author_in_the_preferences_signs_the_next_change(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, settings: QSettings
) -> None:
    window.preferences.apply(Preferences(author="Ana Lopez"))
    assert window.select_record(RecordKind.PARTY, "kazakhstan")

    def add_a_note(dialog: RecordDialog) -> None:
        child(dialog, QPlainTextEdit, "notesEdit").setPlainText("Signed by Ana.")
        dialog.accept()

    when_dialog_opens(add_a_note)
    window.edit_action.trigger()
    latest = window.store.revisions(RecordKind.PARTY, "kazakhstan")[-1]
    assert latest.user == "Ana Lopez"
    # Blank again: the system's name for the user, as at first.
    window.preferences.apply(Preferences(author=""))
    assert window.store.user == current_user()
    # The next start reads the preference before anything is written.
    window.preferences.apply(Preferences(author="Ana Lopez"))
    again = create_main_window(tmp_path / "second.sqlite3", settings)
    qtbot.addWidget(again)
    seeded = again.store.revisions(RecordKind.PARTY, "kazakhstan")
    assert seeded[-1].user == "Ana Lopez"


def test_a_dark_scheme_chosen_while_running_recolours_the_detail_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        colour_scheme.apply(app, ColourScheme.DARK)
        link = app.palette().color(QPalette.ColorRole.Link)
        assert link.lightness() > 150  # a light link on the dark ground
        document = window.detail_pane.text.document()
        qtbot.waitUntil(lambda: f"a {{ color: {link.name()}; }}" in document.defaultStyleSheet())
    finally:
        colour_scheme.apply(app, ColourScheme.SYSTEM)
    light = app.palette().color(QPalette.ColorRole.Link).name()
    qtbot.waitUntil(lambda: f"a {{ color: {light}; }}" in document.defaultStyleSheet())


def test_copy_reference_says_so_in_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    window.citations_pane.select_citation(0, 0)
    button = window.citations_pane.findChild(QToolButton, "copyReferenceButton")
    assert button is not None
    button.click()
    copied = QApplication.clipboard().text()
    assert copied
    assert window.feedback.last_message().startswith("Copied reference: ")
    assert copied.startswith(window.feedback.last_message().removeprefix("Copied reference: ")[:40])


def test_at_800_by_600_every_pane_keeps_a_usable_width(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    fresh = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    small = create_main_window(seeded_copy(tmp_path / "small.sqlite3"), fresh)
    qtbot.addWidget(small)
    small.resize(800, 600)
    small.show()
    qtbot.waitExposed(small)
    navigator, lists, detail, citations = small.splitter.sizes()
    assert citations <= detail
    assert min(lists, detail) >= 180
    # The navigator shows its longest label whole.
    assert navigator >= small.navigator.sizeHintForColumn(0)
    # The toolbar drops its words rather than hide the search field.
    assert small.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert small.search_field.isVisible()


def test_no_two_alt_keys_of_the_window_clash(window: MainWindow) -> None:
    """Alt+letter reaches one place: a menu, a detail tab or the As of field."""
    texts = [action.text() for action in window.menuBar().actions()]
    tabs = window.detail_pane.tabs
    texts += [tabs.tabText(index) for index in range(tabs.count())]
    texts += [
        label.text()
        for label in window.detail_pane.findChildren(QLabel)
        if label.buddy() is not None
    ]
    letters = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(letters) >= 7
    assert len(letters) == len(set(letters)), texts


def test_the_shortcuts_list_names_the_keys_that_have_no_menu_entry(window: MainWindow) -> None:
    listed = {(entry.command, entry.keys) for entry in listed_shortcuts(window)}
    assert ("Clear the search", "Esc") in listed
    assert ("Next pane, previous pane", "Tab, Shift+Tab") in listed
    assert ("Details tab, History tab", "Alt+D, Alt+Y") in listed
    undo = [keys for command, keys in listed if command == "Undo"]
    assert undo and "F14" not in undo[0]
