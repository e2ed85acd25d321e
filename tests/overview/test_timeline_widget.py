"""The accord timeline on the bundled data: lanes, the as-of line, clicks, hover, zoom."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QToolTip

from tests.overview.timeline_helpers import show_tooltip, wheel
from viewer.domain.overview import AccordOverview
from viewer.store.api import Store, accord_overview
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.timeline.status_colours import action_fill, marker_colour, tint

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)

KAZAKHSTAN_STEP = "kazakhstan-expected-to-join-2025"
SIGNING = "abraham-accords-signing-ceremony-2020"


def bundled(store: Store) -> AccordOverview:
    overview = accord_overview(store, "abraham-accords")
    assert overview is not None
    return overview


def shown_timeline(
    qtbot: QtBot, overview: AccordOverview, day: date | None = None
) -> AccordTimeline:
    widget = AccordTimeline()
    qtbot.addWidget(widget)
    widget.set_overview(overview)
    if day is not None:
        widget.set_day(day)
    widget.resize(1000, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lane_middle(widget: AccordTimeline, overview: AccordOverview, key: str) -> int:
    lane = next(i for i, party in enumerate(overview.parties) if party.key == key)
    top, bottom = widget.timeline_layout().band_span(lane)
    return round((top + bottom) / 2)


def point(widget: AccordTimeline, day: date, y: int) -> QPoint:
    return QPoint(round(widget.x_of(day)), y)


def events_middle(widget: AccordTimeline) -> int:
    return round(widget.timeline_layout().events_rect().center().y())


def test_one_lane_per_participant_each_named(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    layout = widget.timeline_layout()
    assert layout.lanes == len(overview.parties) == 9
    assert list(layout.visible_lanes()) == list(range(9))  # all fit at this height
    for index, party in enumerate(overview.parties):
        middle = layout.name_rect(index).center()
        assert widget.tooltip_text_at(middle) == party.name


def test_clicking_a_name_chooses_the_party(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    y = lane_middle(widget, overview, "bahrain")
    with qtbot.waitSignal(widget.recordChosen) as chosen:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(20, y))
    assert chosen.args == ["party", "bahrain"]


def test_clicking_kazakhstans_band_chooses_its_step(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None and kazakhstan.actions[0].key == KAZAKHSTAN_STEP
    widget = shown_timeline(qtbot, overview)
    spot = point(widget, date(2025, 11, 20), lane_middle(widget, overview, "kazakhstan"))
    with qtbot.waitSignal(widget.recordChosen) as chosen:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)
    assert chosen.args == ["status_action", KAZAKHSTAN_STEP]
    # Before its step Kazakhstan's lane is empty: a click there chooses nothing.
    empty = point(widget, date(2023, 1, 1), spot.y())
    with qtbot.assertNotEmitted(widget.recordChosen):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=empty)


def test_kazakhstans_expected_step_is_drawn_pale(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    kazakhstan = overview.party("kazakhstan")
    israel = overview.party("israel")
    assert kazakhstan is not None and israel is not None
    widget = shown_timeline(qtbot, overview)
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    spot = point(widget, date(2025, 12, 1), lane_middle(widget, overview, "kazakhstan"))
    sampled = image.pixelColor(round(spot.x() * ratio), round(spot.y() * ratio))
    pale = action_fill(kazakhstan.actions[0])
    assert sampled.rgb() == pale.rgb()
    assert pale.lightness() > QColor("#e69f00").lightness()  # paler than the full amber
    # Israel's signed agreement, at the same day, is drawn in full colour.
    full = point(widget, date(2025, 12, 1), lane_middle(widget, overview, "israel"))
    signed = image.pixelColor(round(full.x() * ratio), round(full.y() * ratio))
    assert signed.rgb() == action_fill(israel.actions[0]).rgb() != tint(signed, 0.35).rgb()


def marker_columns(image: QImage, y: int, left: float) -> list[int]:
    """The columns right of ``left`` (the names) painted in the as-of line's colour at ``y``."""
    return [
        x for x in range(int(left), image.width()) if image.pixel(x, y) == marker_colour().rgb()
    ]


def test_set_day_moves_the_line(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview, date(2021, 6, 1))
    y = lane_middle(widget, overview, "kazakhstan")  # an empty lane until 2025
    for day in (date(2021, 6, 1), date(2023, 3, 1)):
        widget.set_day(day)
        image = widget.grab().toImage().scaled(widget.size())
        columns = marker_columns(image, y, widget.timeline_layout().time_left)
        assert columns, f"no as-of line on {day}"
        assert abs(columns[0] - widget.x_of(day)) <= 1.5
    assert widget.day() == date(2023, 3, 1)


def test_dragging_the_line_emits_the_day_near_the_drop(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview, date(2021, 6, 1))
    y = lane_middle(widget, overview, "kazakhstan")
    days: list[date] = []
    widget.dayChanged.connect(days.append)
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=point(widget, date(2021, 6, 1), y))
    qtbot.mouseMove(widget, point(widget, date(2022, 6, 1), y))
    qtbot.mouseMove(widget, point(widget, date(2023, 3, 1), y))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=point(widget, date(2023, 3, 1), y))
    assert len(days) >= 2  # it follows the mouse, not only the drop
    two_pixels = (widget.day_at(400) - widget.day_at(300)) / 50
    assert abs(days[-1] - date(2023, 3, 1)) <= two_pixels + timedelta(days=1)
    assert widget.day() == days[-1]


def test_a_click_on_the_axis_puts_the_line_there(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview, date(2021, 6, 1))
    with qtbot.waitSignal(widget.dayChanged) as changed:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=point(widget, date(2024, 7, 1), 20))
    assert abs(changed.args[0] - date(2024, 7, 1)) <= timedelta(days=4)


def test_clicking_an_event_marker_chooses_the_event(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    spot = point(widget, date(2020, 9, 15), events_middle(widget))
    with qtbot.waitSignal(widget.recordChosen) as chosen:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=spot)
    assert chosen.args == ["event", SIGNING]


def test_hovering_a_marker_names_its_events(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    spot = point(widget, date(2020, 9, 15), events_middle(widget))
    assert widget.tooltip_text_at(QPointF(spot)) == (
        "Abraham Accords signing ceremony (15 Sep 2020, signing ceremony)"
    )
    assert "Abraham Accords signing ceremony" in show_tooltip(widget, spot)
    QToolTip.hideText()
    # The days of November 2025 crowd into one marker that names them all.
    crowd = widget.tooltip_text_at(QPointF(point(widget, date(2025, 11, 8), events_middle(widget))))
    assert "U.S. officials confirm Kazakhstan is expected to join" in crowd
    assert "Mohammed bin Salman meets President Trump" in crowd
    # Nowhere near a marker, nothing.
    assert (
        widget.tooltip_text_at(QPointF(point(widget, date(2023, 1, 1), events_middle(widget))))
        == ""
    )


def test_a_band_tooltip_names_the_party_and_the_step(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    spot = point(widget, date(2025, 12, 1), lane_middle(widget, overview, "kazakhstan"))
    text = widget.tooltip_text_at(QPointF(spot))
    assert text.splitlines()[:4] == [
        "Kazakhstan",
        "expected to join",
        "Date: 6 Nov 2025",
        "Certainty: expected",
    ]


def test_ctrl_wheel_zooms_about_the_pointer(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview)
    first, last = widget.visible_span()
    spot = point(widget, date(2022, 1, 1), 200)
    anchor = widget.day_at(spot.x())
    wheel(widget, spot, 240, Qt.KeyboardModifier.ControlModifier)
    zoomed_first, zoomed_last = widget.visible_span()
    assert (zoomed_last - zoomed_first) < (last - first) * 0.8
    assert abs(widget.day_at(spot.x()) - anchor) <= timedelta(days=2)  # the day under it stays
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    assert widget.visible_span() == (first, last)


def test_the_view_follows_a_day_set_off_screen(seeded_store: Store, qtbot: QtBot) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview, date(2021, 6, 1))
    for _ in range(6):
        widget.zoom_in()
    first, last = widget.visible_span()
    assert first <= date(2021, 6, 1) <= last < date(2025, 11, 7)
    widget.set_day(date(2025, 11, 7))  # the slider jumps to a day out of sight
    first, last = widget.visible_span()
    assert first <= date(2025, 11, 7) <= last
    # A day after everything recorded (today, say) grows the fitted view to hold it.
    widget.fit()
    widget.set_day(date(2027, 3, 1))
    assert widget.visible_span() == (date(2020, 1, 1), date(2028, 1, 1))


def test_dragging_the_background_pans_and_chooses_nothing(
    seeded_store: Store, qtbot: QtBot
) -> None:
    overview = bundled(seeded_store)
    widget = shown_timeline(qtbot, overview, date(2025, 11, 7))
    widget.zoom_in()
    before = widget.visible_span()
    y = lane_middle(widget, overview, "kazakhstan")  # empty until November 2025
    start = point(widget, date(2022, 1, 1), y)
    with qtbot.assertNotEmitted(widget.recordChosen), qtbot.assertNotEmitted(widget.dayChanged):
        qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(widget, start + QPoint(60, 0))
        qtbot.mouseMove(widget, start + QPoint(120, 0))
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
    after = widget.visible_span()
    assert after[0] < before[0]  # dragged right: earlier days came in
    assert abs((after[1] - after[0]) - (before[1] - before[0])) <= timedelta(days=1)  # no zoom
    assert widget.day() == date(2025, 11, 7)
