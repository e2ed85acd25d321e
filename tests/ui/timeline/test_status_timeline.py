"""The status timeline: what it says for a date, and that it paints what it should."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
)

from tests.ui.children import child
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import Certainty, StatusKind
from viewer.domain.records import StatusAction
from viewer.domain.status import RULE, status_as_of
from viewer.ui.timeline.status_colours import action_fill, marker_colour
from viewer.ui.timeline.status_timeline import StatusTimeline
from viewer.ui.timeline.timeline_canvas import TimelineCanvas

HOSTILE = "<b>x</b><img src=x>"

# The offscreen platform cannot hint window sizes or raise windows and says so
# when a window is shown; those are the only Qt warnings these tests accept.
pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


def action(
    key: str,
    kind: StatusKind,
    when: str | None,
    certainty: Certainty = Certainty.CONFIRMED,
    party: str = "sudan",
    note: str = "",
) -> StatusAction:
    return StatusAction(
        key=key,
        accord="aa",
        party=party,
        action=kind,
        date=FuzzyDate.parse(when) if when else None,
        certainty=certainty,
        note=note,
    )


KAZAKHSTAN = [
    action("kz", StatusKind.EXPECTED_TO_JOIN, "2025-11-06", Certainty.EXPECTED, "kazakhstan")
]
SUDAN = [
    action("sd-declaration", StatusKind.DECLARATION_SIGNED, "2021-01"),
    action("sd-stall", StatusKind.STALLED, None),
]
THREE_STEPS = [
    action("x-talks", StatusKind.PROSPECTIVE, "2020", Certainty.REPORTED),
    action("x-declaration", StatusKind.DECLARATION_SIGNED, "2021-01"),
    action("x-agreement", StatusKind.AGREEMENT_SIGNED, "2021-06-15"),
    action("x-stall", StatusKind.STALLED, None),
]


def timeline(qtbot: QtBot, actions: list[StatusAction], day: date | None = None) -> StatusTimeline:
    widget = StatusTimeline()
    qtbot.addWidget(widget)
    widget.set_actions(actions)
    if day is not None:
        widget.set_as_of(day)
    return widget


def shown(qtbot: QtBot, widget: StatusTimeline) -> StatusTimeline:
    widget.resize(600, 120)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def colours_in(image: QImage) -> set[int]:
    step = max(image.width() // 150, 1)
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(image.height())}


def x_of(canvas: TimelineCanvas, day: date) -> int:
    """The first canvas column that shows ``day`` or, days being narrower than pixels, after it."""
    return next(x for x in range(canvas.width()) if (canvas.day_at(x) or date.min) >= day)


def point_on(canvas: TimelineCanvas, day: date) -> QPoint:
    """A point inside the band drawn over ``day``."""
    x = x_of(canvas, day)
    y = next(y for y in range(canvas.height()) if canvas.actions_at(QPointF(x, y)))
    return QPoint(x, y + 2)


def test_kazakhstan_before_its_expected_accession_has_no_status_yet(qtbot: QtBot) -> None:
    widget = timeline(qtbot, KAZAKHSTAN, date(2021, 6, 1))
    assert widget.as_of_text() == "As of 1 Jun 2021: no status yet"


def test_kazakhstan_on_the_day_is_expected_to_join(qtbot: QtBot) -> None:
    widget = timeline(qtbot, KAZAKHSTAN, date(2025, 11, 6))
    assert widget.as_of_text() == "As of 6 Nov 2025: expected to join (since 6 Nov 2025)"
    assert child(widget, QLabel, "asOfStatus").text() == widget.as_of_text()


def test_editing_the_date_updates_the_status_and_emits_as_of_changed(qtbot: QtBot) -> None:
    widget = timeline(qtbot, KAZAKHSTAN, date(2021, 6, 1))
    edit = child(widget, QLineEdit, "asOfDate")
    edit.clear()
    qtbot.keyClicks(edit, "2025-12-01")
    with qtbot.waitSignal(widget.asOfChanged) as changed:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert changed.args == [date(2025, 12, 1)]
    assert widget.as_of() == date(2025, 12, 1)
    assert widget.as_of_text() == "As of 1 Dec 2025: expected to join (since 6 Nov 2025)"


def test_the_as_of_date_starts_today_and_moves_the_marker(qtbot: QtBot) -> None:
    widget = StatusTimeline()
    qtbot.addWidget(widget)
    assert widget.as_of() == date.today()
    widget.set_as_of(date(2020, 2, 29))
    assert widget.as_of() == date(2020, 2, 29)
    assert child(widget, TimelineCanvas).marker() == date(2020, 2, 29)


def test_date_edit_is_named_for_assistive_technology(qtbot: QtBot) -> None:
    widget = timeline(qtbot, KAZAKHSTAN)
    edit = child(widget, QLineEdit, "asOfDate")
    assert edit.accessibleName() == "Status as of date"
    button = child(widget, QToolButton, "asOfCalendarButton")
    assert button.accessibleName() == "Choose the as-of date on a calendar"
    assert child(widget, QLabel, "asOfReading").accessibleName()
    assert "30 Jun 2021" in edit.toolTip()  # the rule for a partial date


def test_inside_a_partial_month_a_step_is_only_possibly_taken(qtbot: QtBot) -> None:
    widget = timeline(qtbot, SUDAN[:1], date(2021, 1, 15))
    assert widget.as_of_text() == "As of 15 Jan 2021: possibly declaration signed (Jan 2021)"


def test_after_the_month_the_declaration_is_signed(qtbot: QtBot) -> None:
    widget = timeline(qtbot, SUDAN[:1], date(2021, 3, 1))
    assert widget.as_of_text() == "As of 1 Mar 2021: declaration signed (since Jan 2021)"


def test_sudan_undated_stall_follows_the_declaration(qtbot: QtBot) -> None:
    # The rule: an undated step counts after every dated one, so from Jan 2021 on.
    assert timeline(qtbot, SUDAN, date(2020, 12, 1)).as_of_text() == (
        "As of 1 Dec 2020: no status yet"
    )
    assert timeline(qtbot, SUDAN, date(2021, 1, 15)).as_of_text() == (
        "As of 15 Jan 2021: possibly stalled (date not given)"
    )
    assert timeline(qtbot, SUDAN, date(2021, 3, 1)).as_of_text() == (
        "As of 1 Mar 2021: stalled (date not given)"
    )


def test_sudan_undated_stall_is_the_current_status(qtbot: QtBot) -> None:
    widget = timeline(qtbot, SUDAN, date(2021, 3, 1))
    current = child(widget, QLabel, "currentStatus")
    assert current.text() == "Now: stalled (date not given)"
    assert widget.current_text() == current.text()


def test_a_planned_step_is_not_reported_as_done(qtbot: QtBot) -> None:
    planned = [action("j", StatusKind.JOINED, "2027-03-01", Certainty.PLANNED)]
    widget = timeline(qtbot, planned, date(2027, 4, 1))
    assert widget.as_of_text() == "As of 1 Apr 2027: joined (planned, since 1 Mar 2027)"


def test_only_undated_actions_hold_on_every_date(qtbot: QtBot) -> None:
    widget = timeline(qtbot, [action("s", StatusKind.STALLED, None)], date(2021, 3, 1))
    assert widget.as_of_text() == "As of 1 Mar 2021: stalled (date not given)"
    assert widget.current_text() == "Now: stalled (date not given)"


@pytest.mark.parametrize("actions", [KAZAKHSTAN, SUDAN, THREE_STEPS], ids=["kz", "sd", "three"])
def test_now_and_as_of_today_say_the_same(qtbot: QtBot, actions: list[StatusAction]) -> None:
    widget = timeline(qtbot, actions, date.today())
    now = widget.current_text().removeprefix("Now: ")
    assert widget.as_of_text().endswith(f": {now}")


def test_the_rule_is_stated_once_in_a_line(qtbot: QtBot) -> None:
    widget = timeline(qtbot, SUDAN)
    rule = child(widget, QLabel, "statusRule")
    assert rule.text() == RULE
    assert "without a date" in rule.text()


def test_no_actions_say_so_and_still_paint(qtbot: QtBot) -> None:
    widget = shown(qtbot, timeline(qtbot, [], date(2021, 3, 1)))
    assert widget.as_of_text() == "As of 1 Mar 2021: no status actions recorded"
    assert widget.current_text() == "Now: no status actions recorded"
    # The canvas says it in grey on its own ground: two colours at least.
    assert len(colours_in(child(widget, TimelineCanvas).grab().toImage())) > 1


@pytest.mark.parametrize("actions", [KAZAKHSTAN, SUDAN, THREE_STEPS], ids=["kz", "sd", "three"])
def test_canvas_paints_the_actions_in_several_colours(
    qtbot: QtBot, actions: list[StatusAction]
) -> None:
    widget = shown(qtbot, timeline(qtbot, actions, date(2021, 3, 1)))
    image = child(widget, TimelineCanvas).grab().toImage()
    painted = colours_in(image)
    assert len(painted) > 3
    assert any(action_fill(a).rgb() in painted for a in actions)


def test_marker_is_a_line_in_the_marker_colour_at_its_day(qtbot: QtBot) -> None:
    widget = shown(qtbot, timeline(qtbot, THREE_STEPS, date(2021, 3, 1)))
    canvas = child(widget, TimelineCanvas)
    image = canvas.grab().toImage()
    x = x_of(canvas, date(2021, 3, 1))
    run = [
        y
        for y in range(image.height())
        if any(image.pixel(column, y) == marker_colour().rgb() for column in (x, x + 1, x + 2))
    ]
    assert len(run) >= 20  # a vertical line, not specks of text
    far = x_of(canvas, date(2020, 3, 1))
    assert all(image.pixel(far, y) != marker_colour().rgb() for y in range(image.height()))


def test_moving_the_marker_changes_the_picture(qtbot: QtBot) -> None:
    widget = shown(qtbot, timeline(qtbot, THREE_STEPS, date(2021, 3, 1)))
    canvas = child(widget, TimelineCanvas)
    before = canvas.grab().toImage()
    widget.set_as_of(date(2021, 9, 1))
    assert canvas.grab().toImage() != before


def test_clicking_the_timeline_moves_the_as_of_date(qtbot: QtBot) -> None:
    widget = shown(qtbot, timeline(qtbot, THREE_STEPS, date(2021, 3, 1)))
    canvas = child(widget, TimelineCanvas)
    for day, said in ((date(2021, 4, 1), "declaration signed"), (date(2021, 8, 1), "stalled")):
        spot = point_on(canvas, day)
        with qtbot.waitSignal(widget.asOfChanged):
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=spot)
        assert widget.as_of() == canvas.day_at(spot.x())
        # The band clicked is the status the line states.
        (under,) = canvas.actions_at(QPointF(spot))
        assert under.action.label == said
        assert f": {said} (" in widget.as_of_text()


def test_the_band_under_every_day_is_the_status_of_that_day(qtbot: QtBot) -> None:
    for actions in (THREE_STEPS, SUDAN, KAZAKHSTAN, [action("s", StatusKind.PROSPECTIVE, None)]):
        widget = shown(qtbot, timeline(qtbot, actions, date(2021, 3, 1)))
        canvas = child(widget, TimelineCanvas)
        middle = point_on(canvas, canvas.day_at(canvas.width() - 12) or date.today()).y()
        checked = 0
        for x in range(16, canvas.width() - 16, 7):
            days = [canvas.day_at(x + dx) for dx in (-5, 0, 5)]
            statuses = [status_as_of(actions, d) if d else None for d in days]
            if statuses[0] != statuses[2]:
                continue  # a band's edge: pixels and days round apart
            under = canvas.actions_at(QPointF(x, middle))
            found = statuses[1]
            assert under == ([found.action] if found else []), (x, days[1])
            checked += 1
        assert checked > 20


def show_tooltip(canvas: TimelineCanvas, spot: QPoint) -> str:
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, spot, canvas.mapToGlobal(spot)))
    return QToolTip.text()


def test_tooltip_names_the_action_its_date_and_what_followed(qtbot: QtBot) -> None:
    widget = shown(qtbot, timeline(qtbot, THREE_STEPS, date(2021, 3, 1)))
    canvas = child(widget, TimelineCanvas)
    text = canvas.tooltip_text_at(QPointF(point_on(canvas, date(2021, 3, 1))))
    assert text.splitlines()[:4] == [
        "declaration signed",
        "Date: Jan 2021",
        "Certainty: confirmed",
        "Until: 15 Jun 2021 (agreement signed)",
    ]
    assert "declaration signed" in show_tooltip(canvas, point_on(canvas, date(2021, 3, 1)))
    QToolTip.hideText()


def test_hostile_text_is_shown_as_text_never_as_html(qtbot: QtBot) -> None:
    hostile = [
        action("h", StatusKind.JOINED, "2021-01-05", party=HOSTILE, note=HOSTILE),
        action("h2", StatusKind.BROKER, None, party=HOSTILE, note=HOSTILE),
    ]
    widget = shown(qtbot, timeline(qtbot, hostile, date(2021, 3, 1)))
    for name in ("asOfStatus", "currentStatus"):
        assert child(widget, QLabel, name).textFormat() == Qt.TextFormat.PlainText
    canvas = child(widget, TimelineCanvas)
    assert HOSTILE in canvas.tooltip_text_at(QPointF(point_on(canvas, date(2021, 3, 1))))
    shown_tip = show_tooltip(canvas, point_on(canvas, date(2021, 3, 1)))
    assert "&lt;img src=x&gt;" in shown_tip
    assert "<img" not in shown_tip and "<b>" not in shown_tip
    QToolTip.hideText()
