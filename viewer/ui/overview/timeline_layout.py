"""Where the rows of the accord timeline go: the axis, the events row, the lanes.

::

    +-------------+--------------------------------------+
    |             | 2020   2021   2022 ...      (axis)   |
    | Events      |  ◆   ◆◆       ◆         (events row) |
    | Bahrain     | [agreement signed][formalised ...  ] |  lanes, scrolled
    | Israel      | [agreement signed .................] |  by ``scroll``
    +-------------+--------------------------------------+

A value like the scale: the cached picture is keyed on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

LANE_HEIGHT = 26.0
BAND_INSET = 4.0
_MIN_LANE = 1.0  # a fitted picture holds every lane, however thin


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """The rows of a timeline ``width`` by ``height`` pixels holding ``lanes`` lanes."""

    width: float
    height: float
    lanes: int
    name_width: float
    axis_height: float
    events_height: float
    lane_height: float = LANE_HEIGHT
    scroll: float = 0.0

    @classmethod
    def fitted(
        cls,
        width: float,
        height: float,
        lanes: int,
        name_width: float,
        axis_height: float,
        events_height: float,
    ) -> TimelineLayout:
        """Every lane on screen: lanes as tall as the height allows (never taller than usual)."""
        room = height - axis_height - events_height - 2
        lane = min(max(room / max(lanes, 1), _MIN_LANE), LANE_HEIGHT)
        return cls(width, height, lanes, name_width, axis_height, events_height, lane)

    @property
    def time_left(self) -> float:
        return self.name_width

    @property
    def time_width(self) -> float:
        return max(self.width - self.name_width - 8, 1.0)

    def axis_rect(self) -> QRectF:
        return QRectF(self.time_left, 0, self.time_width, self.axis_height)

    def events_rect(self) -> QRectF:
        return QRectF(self.time_left, self.axis_height, self.time_width, self.events_height)

    def lanes_top(self) -> float:
        return self.axis_height + self.events_height

    def lanes_rect(self) -> QRectF:
        """The part of the canvas the lanes scroll in, names included."""
        top = self.lanes_top()
        return QRectF(0, top, self.width, max(self.height - top, 0.0))

    def body_rect(self) -> QRectF:
        """The time area below the axis: events and lanes, where grid lines run."""
        top = self.axis_height
        return QRectF(self.time_left, top, self.time_width, max(self.height - top, 0.0))

    def lane_top(self, index: int) -> float:
        return self.lanes_top() + index * self.lane_height - self.scroll

    def lane_rect(self, index: int) -> QRectF:
        """Lane ``index`` across the whole width (name and time area)."""
        return QRectF(0, self.lane_top(index), self.width, self.lane_height)

    def band_span(self, index: int) -> tuple[float, float]:
        """The top and bottom of the bands in lane ``index``."""
        inset = min(BAND_INSET, self.lane_height / 6)
        top = self.lane_top(index)
        return top + inset, top + self.lane_height - inset

    def name_rect(self, index: int) -> QRectF:
        return QRectF(6, self.lane_top(index), self.name_width - 12, self.lane_height)

    def visible_lanes(self) -> range:
        """The lanes at least partly on screen."""
        room = self.height - self.lanes_top()
        first = max(int(self.scroll // self.lane_height), 0)
        last = min(int((self.scroll + room) // self.lane_height) + 1, self.lanes)
        return range(first, max(last, first))

    def lane_at(self, y: float) -> int | None:
        """The lane at height ``y``, or None above the lanes or below the last."""
        if y < self.lanes_top():
            return None
        index = int((y - self.lanes_top() + self.scroll) // self.lane_height)
        return index if 0 <= index < self.lanes else None

    def max_scroll(self) -> float:
        room = self.height - self.lanes_top()
        return max(self.lanes * self.lane_height - room, 0.0)

    def in_names(self, x: float) -> bool:
        return x < self.time_left

    def in_time(self, x: float) -> bool:
        return self.time_left <= x <= self.time_left + self.time_width
