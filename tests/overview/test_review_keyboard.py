"""A review of the overview by keyboard, in the real window: Tab leaves the
table for the map and the timeline, and the overview lets go of a database
the window leaves."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from tests.overview.test_view_window import show_overview, window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import StatusKind
from viewer.domain.records import Accord, Party, StatusAction
from viewer.store.api import open_or_create
from viewer.ui.window.main_window import MainWindow

__all__ = ["window"]  # the fixture, shared with the window tests


def test_tab_leaves_the_table_for_the_map_then_the_timeline(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    view.table.selectRow(0)
    walked = []
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked[0] is window.overview.map
    # Shift+Tab comes back, and the arrows still move between rows.
    for _ in range(len(walked)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.table.currentIndex().row() == 1


def test_the_maps_buttons_follow_the_map_in_the_tab_order(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    world = window.overview.map
    world.setFocus(Qt.FocusReason.TabFocusReason)
    walked = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    buttons = [world.zoom_in_button, world.zoom_out_button, world.fit_button, world.legend_button]
    assert walked == [*buttons, window.overview.timeline]
    # Not before the navigator: Shift+Tab from it goes back to the panes.
    window.navigator.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() not in buttons


def test_opening_another_database_reads_nothing_more_from_the_first(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    show_overview(qtbot, window)
    other, opened = open_or_create(tmp_path / "other.sqlite3", "tester", seed=False)
    try:
        other.add(Party("florin", "Florin", iso_code="FR"))
        other.add(Accord("florin-pact", "Florin Pact"))
        other.add(
            StatusAction(
                key="florin-joins",
                accord="florin-pact",
                party="florin",
                action=StatusKind.JOINED,
                date=FuzzyDate.parse("2022-01-01"),
            )
        )
    finally:
        opened.close()
    first = window.store
    reads: list[object] = []

    def read(*args: object) -> None:
        reads.append(args)

    event.listen(first.engine, "checkout", read)
    try:
        assert window.file_actions.open_path(tmp_path / "other.sqlite3")
        assert window.overview.finish()
    finally:
        event.remove(first.engine, "checkout", read)
    assert window.store is not first
    assert reads == []


def mnemonic(text: str) -> str:
    """The letter after the "&" of a menu entry's text ("" when none)."""
    found = re.search(r"&(\w)", text)
    return found.group(1).casefold() if found else ""


def test_choose_accord_has_a_letter_of_its_own_in_the_view_menu(window: MainWindow) -> None:
    choose = window.accord_selector.choose_action
    menus = [widget for widget in choose.associatedObjects() if isinstance(widget, QMenu)]
    assert menus
    letter = mnemonic(choose.text())
    assert letter
    others = [action.text() for action in menus[0].actions() if action is not choose]
    assert letter not in [mnemonic(text) for text in others]
