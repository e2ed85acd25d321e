"""The accord timeline's parts without a widget: the scale, the event bins, the axis ticks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QFont, QFontMetricsF

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import EventKind
from viewer.domain.overview import OverviewEvent
from viewer.ui.overview.event_bins import TITLES_SHOWN, EventIndex, dense, is_exact, nearest
from viewer.ui.overview.timeline_axis import ticks
from viewer.ui.overview.timeline_layout import LANE_HEIGHT, TimelineLayout
from viewer.ui.overview.timeline_scale import MIN_DAYS, TimelineScale


def scale() -> TimelineScale:
    return TimelineScale.around([date(2020, 9, 15), date(2025, 11, 6)], 100, 600)


def event(key: str, when: str | None) -> OverviewEvent:
    return OverviewEvent(
        key, f"Title {key}", EventKind.MEETING, FuzzyDate.parse(when) if when else None
    )


def test_the_scale_spans_whole_years_about_the_days() -> None:
    whole = scale()
    assert whole.extent == (date(2020, 1, 1), date(2026, 1, 1))
    assert whole.visible() == whole.extent
    assert whole.x(date(2020, 1, 1)) == 100 and whole.x(date(2026, 1, 1)) == 700
    for day in (date(2020, 1, 1), date(2022, 7, 14), date(2025, 12, 31)):
        middle = whole.x_of(day.toordinal() + 0.5)
        assert whole.day_at(middle) == day


def test_zoom_keeps_the_day_under_the_pointer_within_limits() -> None:
    whole = scale()
    anchor = whole.ordinal_at(250)
    closer = whole.zoomed(4, 250)
    assert closer.days == pytest.approx(whole.days / 4)
    assert closer.ordinal_at(250) == pytest.approx(anchor)
    deepest = whole.zoomed(1e9, 250)
    assert deepest.days == MIN_DAYS
    widest = whole.zoomed(1e-9, 250)
    assert widest.days == pytest.approx(2 * whole.days)
    assert widest.fitted() == whole


def test_pan_follows_the_mouse_and_stops_half_a_view_past_the_data() -> None:
    closer = scale().zoomed(4, 400)
    moved = closer.panned(60)  # dragged right: earlier days come in
    assert moved.first == pytest.approx(closer.first - 60 * closer.days_per_pixel())
    far_left = closer.panned(1e7)
    assert far_left.first == pytest.approx(far_left.extent_first - far_left.days / 2)
    far_right = closer.panned(-1e7)
    assert far_right.first + far_right.days == pytest.approx(
        far_right.extent_last + far_right.days / 2
    )


def test_events_sit_in_the_middle_of_their_dates_and_undated_ones_are_counted() -> None:
    index = EventIndex(
        [event("b", "2021-01"), event("a", "2020-09-15"), event("c", None), event("d", "2021")]
    )
    assert [e.key for e in index.events] == ["a", "b", "d"]
    assert index.undated == 1
    january = date.fromordinal(round(index.middle(1)))
    assert january == date(2021, 1, 16)
    assert index.bounds(1) == (date(2021, 1, 1).toordinal(), date(2021, 1, 31).toordinal())
    assert is_exact(index.events[0]) and not is_exact(index.events[1])


def test_bins_cover_every_event_on_screen_once() -> None:
    start = date(2020, 1, 1)
    events = [
        event(f"e{i:04d}", (start + timedelta(days=i % 2000)).isoformat()) for i in range(5000)
    ]
    index = EventIndex(events)
    whole = TimelineScale.around([start, start + timedelta(days=2000)], 0, 500)
    per_column = index.bins(whole)
    assert sum(b.size for b in per_column) == 5000
    columns = [b.column for b in per_column]
    assert columns == sorted(set(columns))  # one bin a column, left to right
    assert dense(index.bins(whole, 8.0), whole.width)
    found = nearest(per_column, per_column[10].column + 0.5, 2)
    assert found == per_column[10]
    lines = index.titles(found).splitlines()
    assert len(lines) == TITLES_SHOWN + 1 and lines[-1] == f"and {found.size - TITLES_SHOWN} more"
    # Zoomed in, only the events on screen are binned.
    closer = whole.zoomed(20, 250)
    on_screen = sum(b.size for b in index.bins(closer))
    assert 0 < on_screen < 5000
    assert nearest(per_column, -50, 5) is None


def test_the_axis_names_years_then_months_then_days(qtbot: QtBot) -> None:
    metrics = QFontMetricsF(QFont())
    whole = TimelineScale.around([date(2020, 9, 15), date(2025, 11, 6)], 0, 900)
    years = ticks(whole, metrics)
    assert [t.label for t in years if t.label][:3] == ["2020", "2021", "2022"]
    months = ticks(whole.zoomed(12, 450), metrics)
    assert "Jan 2023" in [t.label for t in months]  # half a year across: every month named
    assert all(t.day.day == 1 for t in months) and len(months) >= 6
    days = ticks(whole.zoomed(1e6, 450), metrics)  # two weeks across
    labelled = [t for t in days if t.label]
    assert len(labelled) >= 7
    assert all(t.day.day == int(t.label.split()[0]) for t in labelled)


def test_a_fitted_layout_holds_every_lane_however_many() -> None:
    for lanes, height in ((9, 400), (200, 700), (200, 300)):
        layout = TimelineLayout.fitted(1000, height, lanes, 150, 40, 28)
        assert list(layout.visible_lanes()) == list(range(lanes))
        assert layout.lane_top(lanes - 1) + layout.lane_height <= height
        assert layout.max_scroll() == 0
    assert TimelineLayout.fitted(1000, 2000, 9, 150, 40, 28).lane_height == LANE_HEIGHT
