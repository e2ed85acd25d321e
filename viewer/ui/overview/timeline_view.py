"""What the accord timeline shows and where, apart from the widget that shows it.

The widget (:class:`~viewer.ui.overview.accord_timeline.AccordTimeline`) turns
mouse, wheel and keys into calls here and paints what this says; this class
holds the state (the scene, the day, the scale, the scroll) and answers in
plain values, so its logic reads without Qt's event plumbing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from viewer.domain.enums import RecordKind
from viewer.domain.overview import AccordOverview, next_change, previous_change
from viewer.ui.overview.timeline_export import Paint
from viewer.ui.overview.timeline_layout import TimelineLayout
from viewer.ui.overview.timeline_scale import TimelineScale
from viewer.ui.overview.timeline_scene import TimelineScene
from viewer.ui.timeline.status_bands import small_font

_EVENTS_ROW = 28.0
_LINE_REACH = 5.0  # how near the as-of line (pixels) a press grabs it


class TimelineView:
    """The accord's scene seen through a window on its days; ``size`` says how
    big the window is (the widget's size, read when needed)."""

    def __init__(self, size: Callable[[], QSize]) -> None:
        self.scene = TimelineScene()
        self.day: date | None = None
        self.generation = 0  # which overview is shown: part of the cache's key
        self._size = size
        self._change_days: tuple[date, ...] = ()
        self._scale: TimelineScale | None = None
        self._scroll = 0.0
        self._name_width = 110.0
        self._heights = (40.0, _EVENTS_ROW)

    def set_overview(self, overview: AccordOverview, font: QFont) -> None:
        self.scene = TimelineScene(overview)
        self.generation += 1
        self._change_days = overview.change_days()
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(p.name) for p in overview.parties), default=0.0)
        self._name_width = min(max(widest + 20, 110.0), 200.0)
        self._scale, self._scroll = None, 0.0
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        """Room for the axis labels and, above them, the as-of date."""
        line = QFontMetricsF(small_font(font)).height()
        self._heights = (2 * line + 10, _EVENTS_ROW)

    # Geometry ------------------------------------------------------------

    def layout_for(self, width: float, height: float, scroll: float = 0.0) -> TimelineLayout:
        lanes = len(self.scene.parties)
        return TimelineLayout(width, height, lanes, self._name_width, *self._heights, scroll=scroll)

    def layout(self) -> TimelineLayout:
        """The rows as drawn now, the scroll kept within the lanes."""
        size = self._size()
        width, height = float(size.width()), float(size.height())
        unscrolled = self.layout_for(width, height)
        self._scroll = min(max(self._scroll, 0.0), unscrolled.max_scroll())
        return self.layout_for(width, height, self._scroll)

    def fitted_layout(self, width: float, height: float) -> TimelineLayout:
        """Every lane in ``width`` by ``height``, lanes thinner when they must be."""
        lanes = len(self.scene.parties)
        return TimelineLayout.fitted(width, height, lanes, self._name_width, *self._heights)

    def scale(self) -> TimelineScale:
        """The days on screen, fitted to everything until the user zooms or pans."""
        layout = self.layout()
        if self._scale is None:
            self._scale = self.scene.scale(layout).fitted()
            if self.day is not None:
                self._scale = self._scale.including(self.day)
        elif (self._scale.left, self._scale.width) != (layout.time_left, layout.time_width):
            self._scale = self._scale.resized(layout.time_left, layout.time_width)
        return self._scale

    def x_of(self, day: date) -> float:
        """Where the as-of line stands for ``day``: the middle of the day."""
        return self.scale().x_of(day.toordinal() + 0.5)

    def focus_x(self) -> float:
        """Where keyboard zoom centres: the as-of line when on screen, else the middle."""
        scale = self.scale()
        if self.day is not None and scale.left <= self.x_of(self.day) <= scale.right:
            return self.x_of(self.day)
        return scale.left + scale.width / 2

    # Changes -------------------------------------------------------------

    def set_day(self, day: date) -> None:
        """The as-of line on ``day``; the view follows a day off screen (and grows
        to hold a day beyond everything)."""
        self.day = day
        if self._scale is None:
            return
        self._scale = self._scale.including(day)
        x = self.x_of(day)
        if not self._scale.left <= x <= self._scale.right:
            self._scale = self._scale.panned(self._scale.left + self._scale.width / 2 - x)

    def set_scale(self, scale: TimelineScale) -> None:
        self._scale = scale

    def zoom(self, factor: float, around_x: float | None = None) -> None:
        scale = self.scale()
        if around_x is None or not scale.left <= around_x <= scale.right:
            around_x = self.focus_x()
        self._scale = scale.zoomed(factor, around_x)

    def pan(self, pixels: float) -> None:
        self._scale = self.scale().panned(pixels)

    def fit(self) -> None:
        self._scale = self.scale().fitted()

    def scroll_by(self, pixels: float) -> None:
        self._scroll += pixels
        self.layout()  # clamps

    def step(self, forward: bool, by_day: bool) -> date | None:
        """The day one press of an arrow key goes to: the next (previous) change
        day, or with ``by_day`` a day later (earlier) or, zoomed out, a few;
        None when there is nowhere to go."""
        scale = self.scale()
        here = self.day or scale.day_at(scale.left + scale.width / 2)
        if not by_day:
            found = (next_change if forward else previous_change)(self._change_days, here)
            return found if found != self.day else None
        days = max(1, round(scale.days_per_pixel() * 2))
        try:
            return here + timedelta(days=days if forward else -days)
        except OverflowError:  # the first or last day a date can name
            return None

    # What is under a point ---------------------------------------------------

    def near_line(self, point: QPointF) -> bool:
        """Whether a press at ``point`` takes the as-of line: on it, or anywhere on the axis."""
        layout = self.layout()
        if not layout.in_time(point.x()):
            return False
        if point.y() < layout.axis_height:
            return True
        return self.day is not None and abs(point.x() - self.x_of(self.day)) <= _LINE_REACH

    def day_for_line(self, x: float) -> date:
        """The day the as-of line takes when dropped at ``x`` (kept on screen)."""
        scale = self.scale()
        return scale.day_at(min(max(x, scale.left), scale.right))

    def chosen_at(self, point: QPointF) -> tuple[RecordKind, str] | None:
        """The record a click at ``point`` chooses: a step, a party or an event."""
        layout, scale = self.layout(), self.scale()
        hit = self.scene.band_at(layout, scale, point)
        if hit is not None:
            return RecordKind.STATUS_ACTION, hit.band.action.key
        party = self.scene.party_at(layout, point)
        if party is not None:
            return RecordKind.PARTY, party.key
        found = self.scene.bin_at(layout, scale, point)
        if found is not None:
            return RecordKind.EVENT, self.scene.events.events[found.start].key
        return None

    def tooltip_at(self, point: QPointF) -> str:
        return self.scene.tooltip_at(self.layout(), self.scale(), point)

    # Pictures ------------------------------------------------------------

    def painter_for(self, layout: TimelineLayout, scale: TimelineScale, font: QFont) -> Paint:
        """A function painting the whole timeline, as-of line included, at ``layout``."""
        day, scene = self.day, self.scene

        def paint(painter: QPainter) -> None:
            scene.paint(painter, layout, scale, font)
            if day is not None:
                scene.paint_as_of(painter, layout, scale, day, font)

        return paint

    def every_lane(self, width: int, font: QFont) -> tuple[int, int, Paint]:
        """The days on screen with every lane at its usual height, ``width`` wide."""
        every = self.layout_for(width, 0)
        height = int(every.lanes_top() + every.lanes * every.lane_height + 2)
        layout = self.layout_for(width, height)
        scale = self.scale().resized(layout.time_left, layout.time_width)
        return width, height, self.painter_for(layout, scale, font)

    def whole(self, width: int, height: int, font: QFont) -> Paint:
        """Every lane and the whole span in ``width`` by ``height``."""
        layout = self.fitted_layout(width, height)
        scale = self.scene.scale(layout).fitted()
        if self.day is not None:
            scale = scale.including(self.day)
        return self.painter_for(layout, scale, font)
