"""The "as of" field: typed as any date of the app, or picked on its calendar."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCalendarWidget, QLabel, QLineEdit, QToolButton

from tests.ui.children import child
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, StatusKind
from viewer.domain.records import StatusAction
from viewer.ui.timeline.as_of_edit import AsOfEdit
from viewer.ui.timeline.status_timeline import StatusTimeline

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

START = date(2020, 1, 10)
JOINED = StatusAction(
    key="j",
    accord="aa",
    party="p",
    action=StatusKind.JOINED,
    date=FuzzyDate.parse("2021-06"),
    certainty=Certainty.CONFIRMED,
)


@pytest.fixture
def widget(qtbot: QtBot) -> StatusTimeline:
    timeline = StatusTimeline()
    qtbot.addWidget(timeline)
    timeline.set_actions([JOINED])
    timeline.set_as_of(START)
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def type_into(qtbot: QtBot, widget: StatusTimeline, text: str) -> QLineEdit:
    field = child(widget, QLineEdit, "asOfDate")
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    return field


def reading(widget: StatusTimeline) -> str:
    return child(widget, QLabel, "asOfReading").text()


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2021-06-01", date(2021, 6, 1)),
        ("1 Jun 2021", date(2021, 6, 1)),
        ("2021-06", date(2021, 6, 30)),
        ("June 2021", date(2021, 6, 30)),
        ("2021", date(2021, 12, 31)),
    ],
)
def test_typed_dates_are_read_as_every_date_field_reads_them(
    qtbot: QtBot, widget: StatusTimeline, typed: str, day: date
) -> None:
    with qtbot.waitSignal(widget.asOfChanged) as changed:
        field = type_into(qtbot, widget, typed)
    assert changed.args == [day]
    assert widget.as_of() == day
    assert field.text() == typed  # what was typed stays
    shown = FuzzyDate.parse(day.isoformat()).display()
    assert reading(widget).startswith(f"Understood as {shown}")
    assert widget.as_of_text().startswith(f"As of {shown}:")


def test_a_partial_date_says_it_stands_for_its_last_day(
    qtbot: QtBot, widget: StatusTimeline
) -> None:
    type_into(qtbot, widget, "2021-06")
    assert reading(widget) == "Understood as 30 Jun 2021, the last day of Jun 2021"
    assert widget.as_of_text() == "As of 30 Jun 2021: joined (since Jun 2021)"


def test_garbage_shows_its_problem_and_keeps_the_date_and_the_text(
    qtbot: QtBot, widget: StatusTimeline
) -> None:
    with qtbot.assertNotEmitted(widget.asOfChanged):
        field = type_into(qtbot, widget, "the twelfth of never")
    assert widget.as_of() == START
    assert field.text() == "the twelfth of never"
    assert reading(widget).startswith("Not applied: ")
    assert "is not a date this app understands" in reading(widget)
    assert widget.as_of_edit.problem() == reading(widget)
    assert field.accessibleDescription() == reading(widget)


def test_leaving_the_field_applies_it(qtbot: QtBot, widget: StatusTimeline) -> None:
    field = child(widget, QLineEdit, "asOfDate")
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2022-02-02")
    with qtbot.waitSignal(widget.asOfChanged):
        qtbot.keyClick(field, Qt.Key.Key_Tab)  # to the calendar button
    assert widget.as_of() == date(2022, 2, 2)


def test_the_calendar_popup_sets_the_date(qtbot: QtBot, widget: StatusTimeline) -> None:
    qtbot.mouseClick(child(widget, QToolButton, "asOfCalendarButton"), Qt.MouseButton.LeftButton)
    calendar = child(widget, QCalendarWidget, "asOfCalendar")
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == START
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)
    with qtbot.waitSignal(widget.asOfChanged) as changed:
        qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert changed.args == [date(2020, 1, 11)]
    assert not calendar.isVisible()
    assert child(widget, QLineEdit, "asOfDate").text() == "11 Jan 2020"


def test_escape_closes_the_calendar_without_changing_the_date(
    qtbot: QtBot, widget: StatusTimeline
) -> None:
    widget.as_of_edit.show_calendar()
    calendar = child(widget, QCalendarWidget, "asOfCalendar")
    qtbot.waitUntil(calendar.isVisible)
    with qtbot.assertNotEmitted(widget.asOfChanged):
        qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Escape)
    assert not calendar.isVisible()
    assert widget.as_of() == START


def test_typing_says_what_enter_will_do_and_keeps_the_day(qtbot: QtBot) -> None:
    edit = AsOfEdit(date(2021, 6, 30))
    qtbot.addWidget(edit)
    edit.line_edit.clear()
    qtbot.keyClicks(edit.line_edit, "2025-11-07")
    assert edit.reading.text() == "Enter applies 7 Nov 2025"
    assert edit.day() == date(2021, 6, 30)  # not applied until Enter
    edit.line_edit.clear()
    qtbot.keyClicks(edit.line_edit, "garb")
    assert edit.reading.text() == "Enter or Tab applies the date typed"
    qtbot.keyClick(edit.line_edit, Qt.Key.Key_Return)
    assert edit.problem() == "Not applied: 'garb' is not a date this app understands"
