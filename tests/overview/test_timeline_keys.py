"""The accord timeline from the keyboard: Tab to it, step the as-of line, zoom, fit, scroll."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from viewer.domain.overview import AccordOverview
from viewer.store.api import Store, accord_overview
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.timeline.status_colours import paper_colour

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


class Holder(QWidget):
    """A field, then the timeline: what Tab reaches in order."""

    def __init__(self, overview: AccordOverview) -> None:
        super().__init__()
        self.field, self.timeline = QLineEdit(), AccordTimeline()
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.timeline)
        self.timeline.set_overview(overview)
        self.resize(1000, 420)


def window(qtbot: QtBot, overview: AccordOverview) -> Holder:
    holder = Holder(overview)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    holder.field.setFocus()
    qtbot.waitUntil(holder.field.hasFocus)
    return holder


@pytest.fixture
def overview(seeded_store: Store) -> AccordOverview:
    found = accord_overview(seeded_store, "abraham-accords")
    assert found is not None
    return found


def test_tab_reaches_it_and_the_focus_shows(overview: AccordOverview, qtbot: QtBot) -> None:
    holder = window(qtbot, overview)
    field, timeline = holder.field, holder.timeline
    unfocused = timeline.grab().toImage().pixelColor(1, 1)
    assert unfocused.rgb() == paper_colour().rgb()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert timeline.hasFocus()
    focused = timeline.grab().toImage().pixelColor(1, 1)
    assert focused.rgb() == timeline.palette().highlight().color().rgb() != unfocused.rgb()


def test_left_and_right_step_through_the_change_days(
    overview: AccordOverview, qtbot: QtBot
) -> None:
    holder = window(qtbot, overview)
    timeline = holder.timeline
    timeline.setFocus()
    timeline.set_day(date(2020, 9, 15))
    days: list[date] = []
    timeline.dayChanged.connect(days.append)
    changes = overview.change_days()
    for _ in changes[1:]:
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    assert days == list(changes[1:])
    qtbot.keyClick(timeline, Qt.Key.Key_Right)  # past the last change: stays
    assert timeline.day() == changes[-1] and len(days) == len(changes) - 1
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert timeline.day() == changes[-2]


def test_shift_arrows_move_by_about_a_day(overview: AccordOverview, qtbot: QtBot) -> None:
    holder = window(qtbot, overview)
    timeline = holder.timeline
    timeline.setFocus()
    timeline.set_day(date(2022, 6, 1))
    for _ in range(8):  # zoomed in, a press is one day
        qtbot.keyClick(timeline, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(timeline.dayChanged) as changed:
        qtbot.keyClick(timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert changed.args == [date(2022, 6, 2)]
    qtbot.keyClick(timeline, Qt.Key.Key_Home)  # zoomed out, a press is a few days at most
    qtbot.keyClick(timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert timedelta(days=1) <= date(2022, 6, 2) - (timeline.day() or date.max) <= timedelta(10)


def test_ctrl_plus_and_minus_zoom_and_home_fits(overview: AccordOverview, qtbot: QtBot) -> None:
    holder = window(qtbot, overview)
    timeline = holder.timeline
    timeline.setFocus()
    whole = timeline.visible_span()
    assert whole == (date(2020, 1, 1), date(2026, 1, 1))  # whole years about everything
    qtbot.keyClick(timeline, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    closer = timeline.visible_span()
    assert closer[1] - closer[0] < whole[1] - whole[0]
    qtbot.keyClick(timeline, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(timeline, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    further = timeline.visible_span()
    assert further[1] - further[0] > whole[1] - whole[0]
    qtbot.keyClick(timeline, Qt.Key.Key_Home)
    assert timeline.visible_span() == whole


def test_keys_bring_an_offscreen_day_into_view(overview: AccordOverview, qtbot: QtBot) -> None:
    holder = window(qtbot, overview)
    timeline = holder.timeline
    timeline.setFocus()
    timeline.set_day(date(2020, 9, 15))
    for _ in range(10):
        timeline.zoom_in()
    qtbot.keyClick(timeline, Qt.Key.Key_End, Qt.KeyboardModifier.NoModifier)  # ignored
    for _ in range(len(overview.change_days())):
        qtbot.keyClick(timeline, Qt.Key.Key_Right)
    first, last = timeline.visible_span()
    assert first <= (timeline.day() or date.min) <= last
