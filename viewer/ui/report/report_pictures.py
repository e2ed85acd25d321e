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

from viewer.domain.overview import AccordOverview

PictureMaker = Callable[[AccordOverview, date], tuple[str, QImage] | None]


def report_pictures() -> list[PictureMaker]:
    """The pictures every report shows, in order.

    Hook for the overview's map and timeline: add a maker for each here, e.g.
    ``lambda overview, day: ("World map", WorldMap.picture(overview, day))``
    and the same for ``AccordTimeline.picture``.
    """
    return []


def make_pictures(
    makers: list[PictureMaker], overview: AccordOverview, day: date
) -> list[tuple[str, QImage]]:
    """The pictures ``makers`` give for ``overview`` on ``day``, in order; none
    that came back empty."""
    made = (maker(overview, day) for maker in makers)
    return [picture for picture in made if picture is not None and not picture[1].isNull()]
