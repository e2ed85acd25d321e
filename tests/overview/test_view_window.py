"""The overview in the real window, on the bundled Abraham Accords."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from viewer.app import create_main_window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, RecordKind, StatusKind
from viewer.domain.overview import AccordOverview
from viewer.domain.records import Accord, StatusAction
from viewer.ui.overview.overview_view import NO_ACCORD
from viewer.ui.overview.participants_model import STATUS
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.overview_controller import FILTER_PLACEHOLDER


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    """The window on a copy of the seeded database, its settings in a temporary
    file, shown and active (keys go where the focus is), its first reads done."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    built.activateWindow()
    qtbot.waitExposed(built)
    built.finish_reads()
    yield built


def show_overview(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+0, as a user presses it, then the overview's read finished."""
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.overview.finish()


def statuses(window: MainWindow) -> dict[str, str]:
    """Each participant's Status cell, as the table shows it."""
    table = window.overview.view.table
    model = table.model()
    return {
        str(model.index(row, 0).data()): str(model.index(row, STATUS).data())
        for row in range(model.rowCount())
    }


def type_day(qtbot: QtBot, window: MainWindow, text: str) -> None:
    field = window.overview.view.as_of.field.line_edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


class TimelineDouble(QWidget):
    """Stands in for the timeline: only what the overview asks of it."""

    dayChanged = Signal(object)
    recordChosen = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.days: list[date] = []
        self.overviews: list[AccordOverview] = []

    def set_overview(self, overview: AccordOverview) -> None:
        self.overviews.append(overview)

    def set_day(self, day: date) -> None:
        self.days.append(day)


def test_ctrl_0_shows_the_overview_in_the_lists_place(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    assert window.stack.currentWidget() is view
    assert window.navigator.currentItem().text() == "Overview"
    assert view.heading.text() == "Abraham Accords"
    assert view.table.model().rowCount() == 9
    assert window.count_label.text() == "Showing 9 of 9 participants in the overview"
    # The detail and citations panes stay beside it.
    assert window.detail_pane.isVisible() and window.citations_pane.isVisible()
    # View ▸ Overview, first in its menu, with its key.
    view_menu = next(
        menu
        for menu in window.menuBar().findChildren(QMenu)
        if menu.title().replace("&", "") == "View"
    )
    first = view_menu.actions()[0]
    assert first.text().replace("&", "") == "Overview"
    assert first.shortcut().toString() == "Ctrl+0"
    # Another list, and back with the menu entry.
    window.show_list(RecordKind.SOURCE)
    assert window.stack.currentWidget() is window.views[RecordKind.SOURCE]
    first.trigger()
    assert window.stack.currentWidget() is view
    assert QApplication.focusWidget() is view.as_of.field.line_edit


def test_on_1_june_2021_the_table_says_who_was_in(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    type_day(qtbot, window, "2021-06-01")
    assert window.overview.view.day() == date(2021, 6, 1)
    found = statuses(window)
    assert found["Israel"] == "Agreement signed"
    for name in ("United Arab Emirates", "Bahrain", "Morocco"):
        assert found[name] == "Normalisation formalised"
    assert found["Sudan"] == "Declaration signed; perhaps stalled (reported) by then"
    assert found["Kazakhstan"] == "no status"


def test_on_7_november_2025_kazakhstan_is_expected_and_two_prospective(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    type_day(qtbot, window, "2025-11-07")
    found = statuses(window)
    assert found["Kazakhstan"] == "Expected to join (expected)"
    assert found["Syria"] == "Prospective / in talks (reported)"
    assert found["Saudi Arabia"] == "Prospective / in talks (reported)"


def test_a_month_typed_means_its_last_day(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    days: list[date] = []
    window.overview.view.dayChanged.connect(days.append)
    type_day(qtbot, window, "2021-06")
    assert window.overview.view.day() == date(2021, 6, 30)
    assert days == [date(2021, 6, 30)]


def test_choosing_kazakhstans_row_selects_it_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    window.overview.view.set_day(date(2025, 11, 7))
    table = window.overview.view.table
    assert table.select_key("kazakhstan")
    # The overview stays; the Participants list and the panes follow the row.
    assert window.stack.currentWidget() is window.overview.view
    participants = window.views[RecordKind.PARTY]
    current = participants.currentIndex()
    assert window.models[RecordKind.PARTY].key_at(current.row()) == "kazakhstan"
    assert participants.selectionModel().isRowSelected(current.row())
    assert window.detail_reader.finish()
    assert window.shown_location() is not None
    assert window.shown_location().key == "kazakhstan"  # type: ignore[union-attr]
    assert "Kazakhstan" in window.detail_pane.text.toPlainText()
    assert window.current_location() == window.shown_location()


def test_the_search_field_filters_the_table_while_the_overview_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    field = window.search_field
    field.setText("visit")
    field.settle()
    show_overview(qtbot, window)
    # The search is set aside: the field filters the table now, and says so.
    assert field.text() == ""
    assert field.placeholderText() == FILTER_PLACEHOLDER
    window.overview.view.set_day(date(2021, 6, 1))
    field.setText("NORMALISATION")
    field.settle()
    assert sorted(statuses(window)) == ["Bahrain", "Morocco", "United Arab Emirates"]
    assert window.count_label.text() == "Showing 3 of 9 participants in the overview"
    field.setText("emirates formalised")  # every word, in the name or the status
    field.settle()
    assert list(statuses(window)) == ["United Arab Emirates"]
    # Another entry of the navigator: the search comes back as it was.
    window.show_list(RecordKind.EVENT)
    assert field.text() == "visit"
    assert field.placeholderText() == "Search (Ctrl+F)"
    window.finish_reads()
    assert window.models[RecordKind.EVENT].filter_text == "visit"
    # And the table's filter comes back with the overview.
    show_overview(qtbot, window)
    assert field.text() == "emirates formalised"
    assert list(statuses(window)) == ["United Arab Emirates"]


def test_the_filter_ignores_accents_and_case(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    window.search_field.setText("MÖRÔCCO")
    window.search_field.settle()
    assert list(statuses(window)) == ["Morocco"]


def test_the_timelines_date_line_moves_the_table(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    timeline = TimelineDouble()
    view.set_timeline(timeline)
    assert timeline.overviews[-1] is view.overview()
    view.set_day(date(2021, 6, 1))
    assert statuses(window)["Kazakhstan"] == "no status"
    timeline.dayChanged.emit(date(2025, 11, 7))
    assert view.day() == date(2025, 11, 7)
    assert view.as_of.field.line_edit.text() == "7 Nov 2025"
    assert statuses(window)["Kazakhstan"] == "Expected to join (expected)"
    assert timeline.days[-1] == date(2025, 11, 7)
    # Its record choices reach the window.
    timeline.recordChosen.emit("event", "mohammed-bin-salman-visit-2025-11-18")
    assert window.shown_location() is not None
    assert window.shown_location().key == "mohammed-bin-salman-visit-2025-11-18"  # type: ignore[union-attr]


def test_a_change_to_the_data_is_read_into_the_overview(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    window.overview.view.set_day(date(2026, 1, 31))
    assert statuses(window)["Kazakhstan"] != "Joined"
    action = StatusAction(
        key="kazakhstan-joined-test",
        accord="abraham-accords",
        party="kazakhstan",
        action=StatusKind.JOINED,
        date=FuzzyDate.parse("2026-01"),
        certainty=Certainty.CONFIRMED,
    )
    window.store.add(action)
    window.refresh()
    assert window.overview.finish()
    assert statuses(window)["Kazakhstan"] == "Joined"
    assert window.stack.currentWidget() is window.overview.view


def test_keyboard_only_tab_walks_field_slider_buttons_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    bar = window.overview.view.as_of
    window.overview.view.set_day(date(2021, 6, 1))  # both step buttons usable
    assert QApplication.focusWidget() is bar.field.line_edit
    walked = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    assert walked[:6] == [
        bar.field.calendar_button,
        bar.slider,
        bar.previous_button,
        bar.play_button,
        bar.next_button,
        window.overview.view.export_button,
    ]
    assert walked[6] is window.overview.view.table
    # Keys step through the change days from the table as from the slider: ] and [.
    overview = window.overview.view.overview()
    assert overview is not None
    days = overview.change_days()
    later = [day for day in days if day > date(2021, 6, 1)]
    earlier = [day for day in days if day < later[0]]
    qtbot.keyClick(window.overview.view.table, Qt.Key.Key_BracketRight)
    assert window.overview.view.day() == later[0]
    bar.slider.setFocus()
    qtbot.keyClick(bar.slider, Qt.Key.Key_BracketLeft)
    assert window.overview.view.day() == earlier[-1]


def test_the_chosen_accord_is_shown_and_nothing_leaks_from_another(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    store.add(Accord("tiny-accord", "A tiny accord"))
    store.add(StatusAction("tiny-israel", "tiny-accord", "israel", StatusKind.WITHDRAWN, None))
    window.refresh()
    show_overview(qtbot, window)
    # The Abraham Accords have more steps: they stay shown, with their own statuses only.
    assert window.overview.view.heading.text() == "Abraham Accords"
    window.overview.view.set_day(date(2021, 6, 1))
    assert statuses(window)["Israel"] == "Agreement signed"
    assert "Withdrawn" not in window.overview.view.table.participants.headers()
    # Chosen in the tool bar, the other accord is the one shown.
    parties = ["israel", "bahrain", "morocco", "sudan", "syria", "kazakhstan"]
    for number in range(12):
        store.add(
            StatusAction(
                f"tiny-{number}",
                "tiny-accord",
                parties[number % len(parties)],
                StatusKind.ANNOUNCED,
                FuzzyDate.parse("2030-01-01"),
            )
        )
    window.refresh()
    assert window.overview.finish()
    assert window.overview.view.heading.text() == "Abraham Accords"
    window.accord_choice.set_key("tiny-accord")
    assert window.overview.finish()
    view = window.overview.view
    assert view.heading.text() == "A tiny accord"
    assert view.table.model().rowCount() == len(parties)
    assert "Bahrain" in statuses(window) and "United States" not in statuses(window)


def test_an_empty_database_shows_a_plain_empty_state(qtbot: QtBot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = create_main_window(tmp_path / "empty.sqlite3", settings, seed=False)
    qtbot.addWidget(built)
    built.show()
    built.show_overview()
    assert built.overview.finish()
    view = built.overview.view
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text() == NO_ACCORD


def test_from_the_search_field_tab_and_enter_reach_the_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.as_of.field.line_edit
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "sud")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.table
    assert list(statuses(window)) == ["Sudan"]
