"""Which days the accord timeline shows and where: zoom, pan and fit on one axis.

A scale is a value (frozen): zooming or panning makes a new one, so the
timeline can key its cached picture on it and know for sure when the picture
is still good.  Days are counted as ordinals (float, so that a zoomed-in view
can start in the middle of a day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

# The narrowest view: two weeks; the widest: the data's years twice over.
MIN_DAYS = 14.0
_WIDEST = 2.0


@dataclass(frozen=True, slots=True)
class TimelineScale:
    """``days`` days from ``first`` drawn over ``width`` pixels from ``left``;
    ``extent`` is the stretch that holds everything (whole years)."""

    extent_first: int
    extent_last: int
    first: float
    days: float
    left: float
    width: float

    @classmethod
    def around(cls, days: Iterable[date], left: float, width: float) -> TimelineScale:
        """A scale fitted to whole years about ``days`` (this year when none)."""
        found = list(days) or [date.today()]
        first = date(min(found).year, 1, 1)
        last_year = max(found).year
        last = date(last_year + 1, 1, 1) if last_year < date.max.year else date.max
        start, end = first.toordinal(), last.toordinal()
        return cls(start, end, float(start), float(end - start), left, max(width, 1.0))

    @property
    def extent(self) -> tuple[date, date]:
        return date.fromordinal(self.extent_first), date.fromordinal(self.extent_last)

    @property
    def right(self) -> float:
        return self.left + self.width

    def x(self, day: date) -> float:
        return self.x_of(day.toordinal())

    def x_of(self, ordinal: float) -> float:
        return self.left + (ordinal - self.first) / self.days * self.width

    def ordinal_at(self, x: float) -> float:
        return self.first + (x - self.left) / self.width * self.days

    def day_at(self, x: float) -> date:
        """The day drawn at ``x`` (kept within the days a date can name)."""
        ordinal = int(self.ordinal_at(x))
        return date.fromordinal(min(max(ordinal, 1), date.max.toordinal()))

    def visible(self) -> tuple[date, date]:
        """The first and the last day on screen."""
        return self.day_at(self.left), self.day_at(self.right)

    def days_per_pixel(self) -> float:
        return self.days / self.width

    # New scales ------------------------------------------------------------

    def resized(self, left: float, width: float) -> TimelineScale:
        """The same days over a new stretch of pixels."""
        return replace(self, left=left, width=max(width, 1.0))

    def including(self, day: date) -> TimelineScale:
        """The extent grown by whole years to hold ``day``; a fitted view stays fitted."""
        if self.extent_first <= day.toordinal() < self.extent_last:
            return self
        last = date.fromordinal(self.extent_last - 1)
        grown = TimelineScale.around([self.extent[0], last, day], self.left, self.width)
        if (self.first, self.days) == (self.extent_first, self.extent_last - self.extent_first):
            return grown.fitted()
        return replace(grown, first=self.first, days=self.days)

    def fitted(self) -> TimelineScale:
        """The whole extent on screen."""
        span = float(self.extent_last - self.extent_first)
        return replace(self, first=float(self.extent_first), days=span)

    def zoomed(self, factor: float, around_x: float) -> TimelineScale:
        """``factor`` times closer (below 1: further), the day at ``around_x`` staying put."""
        anchor = self.ordinal_at(around_x)
        widest = max((self.extent_last - self.extent_first) * _WIDEST, MIN_DAYS)
        days = min(max(self.days / factor, MIN_DAYS), widest)
        fraction = (around_x - self.left) / self.width
        return self._kept(replace(self, first=anchor - fraction * days, days=days))

    def panned(self, pixels: float) -> TimelineScale:
        """The picture moved right by ``pixels``, as when dragged by the mouse:
        earlier days come in from the left."""
        return self._kept(replace(self, first=self.first - pixels * self.days_per_pixel()))

    def _kept(self, scale: TimelineScale) -> TimelineScale:
        """``scale`` with its view kept over the extent: at most half a view beyond it."""
        slack = scale.days / 2
        lowest = self.extent_first - slack
        highest = self.extent_last + slack - scale.days
        first = min(max(scale.first, lowest), max(highest, lowest))
        first = max(first, 1.0)
        return replace(scale, first=first)
