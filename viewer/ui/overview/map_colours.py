"""How the world map paints a country: by where its participant stood on the day.

A participant is filled with the colour its status has on every timeline
(:func:`status_colours.action_fill`: pale while only expected or planned) and
outlined in that colour, dashed when tentative. When the day falls inside
the date of a step that may or may not have happened by then, the country
is hatched in that step's colour: over the sure status's fill, or over a
faint ground when there is no sure status yet. A participant with no status
on the day is white with a grey outline: plainly on the list, plainly not
coloured; a country that takes no part is a neutral grey. The sea and the
paper are light whatever the window's theme, like the timeline's, so the
colours read the same in a dark window.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from viewer.domain.overview import Standing
from viewer.ui.timeline.status_colours import (
    action_fill,
    doubt_fill,
    hatch_brush,
    is_tentative,
    status_colour,
)

_SEA = "#e4edf4"
_GRATICULE = "#d3dfe9"
_NOT_PARTICIPANT = "#cdcdcd"
_NOT_PARTICIPANT_BORDER = "#f4f4f4"
_NO_STATUS = "#ffffff"
_NO_STATUS_BORDER = "#6b6b6b"
_TEXT = "#1a1a1a"


@dataclass(frozen=True, slots=True)
class ShapeStyle:
    """The fill, optional hatching and outline of one country or point marker."""

    fill: QBrush
    hatch: QBrush | None
    outline: QPen


def _cosmetic(pen: QPen, width: float) -> QPen:
    # Widths in pixels whatever the zoom: borders stay hairlines when zoomed in.
    pen = QPen(pen)
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def participant_style(at: Standing) -> ShapeStyle:
    """The style of a participant standing ``at`` on the day."""
    shown = at.shown
    if shown is None:
        return NO_STATUS_STYLE
    if at.action is None:
        # Only a step that may have happened: hatched over a faint ground.
        fill = QBrush(doubt_fill(shown))
        hatch: QBrush | None = hatch_brush(shown.action)
    else:
        fill = QBrush(action_fill(shown))
        hatch = hatch_brush(at.pending.action) if at.pending is not None else None
    style = Qt.PenStyle.DashLine if is_tentative(shown) else Qt.PenStyle.SolidLine
    outline = _cosmetic(QPen(status_colour(shown.action), 1.0, style), 1.6)
    return ShapeStyle(fill=fill, hatch=hatch, outline=outline)


NO_STATUS_STYLE = ShapeStyle(
    fill=QBrush(QColor(_NO_STATUS)),
    hatch=None,
    outline=_cosmetic(QPen(QColor(_NO_STATUS_BORDER)), 1.2),
)

NOT_PARTICIPANT_STYLE = ShapeStyle(
    fill=QBrush(QColor(_NOT_PARTICIPANT)),
    hatch=None,
    outline=_cosmetic(QPen(QColor(_NOT_PARTICIPANT_BORDER)), 0.7),
)


def sea_colour() -> QColor:
    return QColor(_SEA)


def graticule_colour() -> QColor:
    """The world's outline and its lines of latitude: just visible on the sea."""
    return QColor(_GRATICULE)


def map_text_colour() -> QColor:
    """Text drawn on the map's own light paper (legend, notes), whatever the theme."""
    return QColor(_TEXT)
