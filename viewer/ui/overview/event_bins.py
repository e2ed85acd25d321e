"""The accord's events placed on the timeline's axis, gathered per pixel column.

Twenty thousand events cannot each get a marker.  Events a few pixels apart
share one marker with their count beside it; when even those markers would
fill the row, the events of each pixel column make one bin, drawn as a bar as
tall as the crowd (a histogram).  Hovering a marker or a bar names the first
few events and says how many more.  Events are sorted once by
where their marker goes, so the events of a column are one slice of that
order and binning a view is one pass over the events on screen.

An event's marker goes in the middle of the days its date can mean ("Jan
2021": mid-January), and the whole stretch is drawn under it, so a partial
date is never passed off as its first day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from viewer.domain.dates import Precision
from viewer.domain.overview import OverviewEvent
from viewer.ui.overview.timeline_scale import TimelineScale

# Markers closer than this (pixels) turn the events row into a histogram.
MARKER_ROOM = 8.0
# How many titles a tooltip names before "and N more".
TITLES_SHOWN = 5


class EventBin(NamedTuple):
    """Events ``start`` to ``stop`` (in :class:`EventIndex` order), in pixel column ``column``."""

    column: int
    start: int
    stop: int

    @property
    def size(self) -> int:
        return self.stop - self.start


class EventIndex:
    """The dated events of an accord in marker order, and how many have no date."""

    def __init__(self, events: Sequence[OverviewEvent]) -> None:
        placed = []
        self.undated = 0
        for event in events:
            bounds = _bounds(event)
            if bounds is None:
                self.undated += 1
            else:
                placed.append(((bounds[0] + bounds[1]) / 2, bounds, event))
        placed.sort(key=lambda item: item[0])
        self.events: tuple[OverviewEvent, ...] = tuple(item[2] for item in placed)
        self._middles = [item[0] for item in placed]
        self._bounds = [item[1] for item in placed]

    def __len__(self) -> int:
        return len(self.events)

    def middle(self, index: int) -> float:
        """The ordinal (day number) where event ``index``'s marker goes."""
        return self._middles[index]

    def bounds(self, index: int) -> tuple[int, int]:
        """The first and last ordinal event ``index``'s date can mean."""
        return self._bounds[index]

    def bins(self, scale: TimelineScale, room: float = 1.0) -> list[EventBin]:
        """The events on screen, left to right, gathered from each one that starts
        a bin to those less than ``room`` pixels right of it (1: per pixel column)."""
        start = bisect_left(self._middles, scale.ordinal_at(scale.left - 1))
        stop = bisect_right(self._middles, scale.ordinal_at(scale.right + 1))
        found: list[EventBin] = []
        origin, first = -room, start
        for index in range(start, stop):
            here = scale.x_of(self._middles[index])
            if here - origin >= room:
                if index > first:
                    found.append(EventBin(int(origin), first, index))
                origin, first = here, index
        if stop > first:
            found.append(EventBin(int(origin), first, stop))
        return found

    def titles(self, found: EventBin) -> str:
        """The plain text naming the events of ``found``: the first few and how many more."""
        shown = self.events[found.start : min(found.stop, found.start + TITLES_SHOWN)]
        lines = [_line(event) for event in shown]
        if found.size > len(shown):
            lines.append(f"and {found.size - len(shown):,} more")
        return "\n".join(lines)


def dense(bins: Sequence[EventBin], width: float) -> bool:
    """Whether markers ``MARKER_ROOM`` apart would fill half of ``width``: then the
    row is better drawn as a histogram."""
    return len(bins) * MARKER_ROOM * 2 > width


def nearest(bins: Sequence[EventBin], x: float, reach: float) -> EventBin | None:
    """The bin closest to ``x``, if one is within ``reach`` pixels."""
    columns = [b.column for b in bins]
    index = bisect_left(columns, x)
    candidates = [bins[i] for i in (index - 1, index) if 0 <= i < len(bins)]
    best = min(candidates, key=lambda b: abs(b.column + 0.5 - x), default=None)
    return best if best is not None and abs(best.column + 0.5 - x) <= reach else None


def is_exact(event: OverviewEvent) -> bool:
    """A firm single day: drawn as a filled marker; anything vaguer is hollow."""
    when = event.date
    return (
        when is not None
        and when.precision is Precision.DAY
        and when.lower == when.upper
        and not when.approximate
        and not when.uncertain
    )


def _bounds(event: OverviewEvent) -> tuple[int, int] | None:
    if event.date is None or event.date.lower is None:
        return None
    lower = event.date.lower.toordinal()
    upper = event.date.upper.toordinal() if event.date.upper else lower
    return lower, max(upper, lower)


def _line(event: OverviewEvent) -> str:
    when = event.date.display() if event.date else "date not given"
    return f"{event.title} ({when}, {event.event_kind.label})"
