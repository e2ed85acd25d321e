"""Where the report gets its pictures (the world map and the timeline of
everything) from: one list, used by File ▸ Export Report… and by the
``report`` command alike.

A picture maker takes the overview and the as-of day and returns the
picture's title and image, or None when it has nothing to show.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QImage

from viewer.domain.dates import FuzzyDate
from viewer.domain.overview import AccordOverview
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.overview.world_map import WorldMap

PictureMaker = Callable[[AccordOverview, date], tuple[str, QImage] | None]


# The pictures' size in pixels: wide pictures that a landscape page holds
# with their text still readable.
MAP_SIZE = (1400, 900)
TIMELINE_WIDTH = 1400
LANE_PIXELS = 24
TIMELINE_HEIGHTS = (300, 900)  # the fewest and the most pixels, however many lanes


def report_pictures() -> list[PictureMaker]:
    """The pictures every report shows, in order: the world map and the
    timeline of everything, as of the report's day."""
    return [map_picture, timeline_picture]


def map_picture(overview: AccordOverview, day: date) -> tuple[str, QImage] | None:
    """The world map coloured as of ``day``, with its legend."""
    world = WorldMap()
    world.set_overview(overview)
    world.set_day(day)
    unplaced = world.unplaced()
    title = f"World map as of {FuzzyDate.parse(day.isoformat()).display()}"
    if unplaced:
        title += f" (not on the map: {', '.join(unplaced)})"
    return title, world.picture(*MAP_SIZE)


def timeline_picture(overview: AccordOverview, day: date) -> tuple[str, QImage] | None:
    """The timeline of everything over the accord's whole span, the as-of line on ``day``."""
    if not overview.parties and not overview.events:
        return None
    timeline = AccordTimeline()
    timeline.set_overview(overview)
    timeline.set_day(day)
    low, high = TIMELINE_HEIGHTS
    height = min(max(low, 110 + LANE_PIXELS * len(overview.parties)), high)
    return "Timeline of everything", timeline.picture(TIMELINE_WIDTH, height)


def make_pictures(
    makers: list[PictureMaker], overview: AccordOverview, day: date
) -> list[tuple[str, QImage]]:
    """The pictures ``makers`` give for ``overview`` on ``day``, in order; none
    that came back empty."""
    made = (maker(overview, day) for maker in makers)
    return [picture for picture in made if picture is not None and not picture[1].isNull()]
