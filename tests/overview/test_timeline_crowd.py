"""The accord timeline with 200 participants and 20,000 events (built in memory)."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QToolTip

from tests.overview.timeline_helpers import show_tooltip, wheel
from tests.overview.timeline_synthetic import synthetic_overview
from viewer.domain.overview import AccordOverview
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.overview.event_bins import TITLES_SHOWN

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


@pytest.fixture(scope="module")
def crowd() -> AccordOverview:
    overview = synthetic_overview(200, 20_000)
    assert len(overview.parties) == 200 and len(overview.events) == 20_000
    return overview


@pytest.fixture
def timeline(crowd: AccordOverview, qtbot: QtBot) -> AccordTimeline:
    widget = AccordTimeline()
    qtbot.addWidget(widget)
    widget.set_overview(crowd)
    widget.set_day(date(2018, 6, 1))
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_it_paints_and_moving_the_day_reuses_the_picture(timeline: AccordTimeline) -> None:
    before = timeline.grab().toImage()
    builds = timeline.cache_builds
    assert builds >= 1
    for month in range(1, 13):
        timeline.set_day(date(2019, month, 1))
        timeline.grab()
    assert timeline.cache_builds == builds  # only the line was drawn again
    assert timeline.grab().toImage() != before  # ...and it did move
    timeline.zoom_in()
    timeline.grab()
    assert timeline.cache_builds == builds + 1  # a new zoom is a new picture


def test_only_the_lanes_on_screen_are_laid_out(timeline: AccordTimeline) -> None:
    layout = timeline.timeline_layout()
    assert layout.lanes == 200
    visible = layout.visible_lanes()
    assert visible.start == 0 and len(visible) < 25


def test_the_wheel_scrolls_the_lanes(timeline: AccordTimeline) -> None:
    spot = QPoint(500, 300)
    wheel(timeline, spot, -120 * 5, Qt.KeyboardModifier.NoModifier)
    assert timeline.timeline_layout().visible_lanes().start > 0
    for _ in range(100):  # far past the end: it stops at the last lane
        wheel(timeline, spot, -120 * 5, Qt.KeyboardModifier.NoModifier)
    assert timeline.timeline_layout().visible_lanes().stop == 200
    span = timeline.visible_span()
    wheel(timeline, spot, 120, Qt.KeyboardModifier.ShiftModifier)  # Shift: pans instead
    assert timeline.visible_span() != span


def test_a_crowded_column_names_a_few_and_counts_the_rest(timeline: AccordTimeline) -> None:
    row = timeline.timeline_layout().events_rect()
    spot = QPointF(timeline.x_of(date(2019, 3, 1)), row.center().y())
    text = timeline.tooltip_text_at(spot)
    lines = text.splitlines()
    assert len(lines) == TITLES_SHOWN + 1
    assert lines[-1].startswith("and ") and lines[-1].endswith(" more")
    assert all(line.startswith("Event ") for line in lines[:-1])


def test_event_titles_are_shown_as_text(timeline: AccordTimeline) -> None:
    row = timeline.timeline_layout().events_rect()
    spot = QPoint(round(timeline.x_of(date(2019, 3, 1))), round(row.center().y()))
    shown = show_tooltip(timeline, spot)
    assert "&lt;b&gt;not bold&lt;/b&gt;" in shown and "<b>" not in shown
    QToolTip.hideText()


def test_the_report_picture_fits_every_lane(timeline: AccordTimeline) -> None:
    image = timeline.picture(1000, 1400)
    assert (image.width(), image.height()) == (1000, 1400)
    # The last lane is painted: its band colours reach the bottom part of the picture.
    bottom = {image.pixel(x, 1380) for x in range(300, 1000, 5)}
    assert len(bottom) > 1
