"""What the world map shows and how it is painted, apart from the widget that shows it.

A :class:`MapScene` places an accord's participants on the country shapes
(by ISO 3166 code) and point markers, keeps one style per placed participant
for the day, answers "what is under this pixel?", and paints the whole map
into any rectangle: the widget, a PNG, an SVG, the report's picture.

Moving the day only recomputes the participants' styles (a dict from ISO
code to style); the shapes are built once (:mod:`map_shapes`) and the
countries that take no part are merged into one path when the accord is set,
so that a repaint is one fill for them and one per participant.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform

from viewer.domain.enums import PartyKind
from viewer.domain.overview import AccordOverview, OverviewParty, Standing, standing
from viewer.domain.overview_rows import since_text, status_text
from viewer.ui.overview.map_colours import (
    NOT_PARTICIPANT_STYLE,
    ShapeStyle,
    graticule_colour,
    participant_style,
    sea_colour,
)
from viewer.ui.overview.map_shapes import WorldShapes, to_map
from viewer.ui.overview.map_view import MapView
from viewer.ui.timeline.status_colours import marker_colour, paper_colour

NOT_A_PARTICIPANT = "not a participant"
# Marker radii in pixels: a participant's stands out, the others are just findable.
PARTICIPANT_MARKER = 5.5
OTHER_MARKER = 2.6
# How far from a marker a click or hover still counts as on it, in pixels.
MARKER_SLOP = 4.0
_OTHER_MARKER_BORDER = "#8c8c8c"


@dataclass(frozen=True, slots=True)
class MapHit:
    """What is under a pixel: a country or marker (its map name) and its participant."""

    name: str
    party: OverviewParty | None


class MapScene:
    """The countries, the participants placed on them, and their styles on the day."""

    def __init__(self, shapes: WorldShapes) -> None:
        self.shapes = shapes
        self.day = date.today()
        self._placed: dict[str, OverviewParty] = {}
        self._unplaced: list[str] = []
        self._styles: dict[str, ShapeStyle] = {}
        self._standings: dict[str, Standing] = {}
        self._selected: str | None = None  # the ISO code of the selected participant
        self._others = self._merged(set())
        self._outline = _world_outline()
        # Counts the changes to what paint_ground draws (the accord's participants).
        self.ground_generation = 0

    # -- The accord and the day ------------------------------------------------

    def set_overview(self, overview: AccordOverview | None) -> None:
        """Place the participants of ``overview`` (None: an empty map)."""
        self._placed, self._unplaced = {}, []
        for party in overview.parties if overview is not None else ():
            iso = self._iso_on_map(party)
            if iso is None or iso in self._placed:
                self._unplaced.append(party.name)
            else:
                self._placed[iso] = party
        self._others = self._merged(set(self._placed))
        self.ground_generation += 1
        if self._selected not in self._placed:
            self._selected = None
        self.set_day(self.day)

    def set_day(self, day: date) -> None:
        """Restyle the participants for ``day``: nothing else changes."""
        self.day = day
        self._standings = {iso: standing(p.actions, day) for iso, p in self._placed.items()}
        self._styles = {iso: participant_style(at) for iso, at in self._standings.items()}

    def select(self, key: str | None) -> None:
        """Outline the participant ``key`` (None, or a party not on the map: none)."""
        self._selected = next((iso for iso, p in self._placed.items() if p.key == key), None)

    def selected(self) -> str | None:
        """The key of the outlined participant, if any."""
        party = self._placed.get(self._selected) if self._selected else None
        return party.key if party else None

    def unplaced(self) -> list[str]:
        """The names of the participants the map cannot place, in the overview's order."""
        return list(self._unplaced)

    def style(self, iso: str) -> ShapeStyle:
        """How the country ``iso`` is drawn on the day."""
        return self._styles.get(iso.upper(), NOT_PARTICIPANT_STYLE)

    def participants_bounds(self) -> QRectF:
        """The map rectangle holding every placed participant (empty when none)."""
        bounds = QRectF()
        for iso in self._placed:
            country = self.shapes.country(iso)
            if country is not None:
                bounds = bounds.united(country.bounds)
            point = self.shapes.point(iso)
            if point is not None:
                bounds = bounds.united(
                    QRectF(point.position - QPointF(1, 1), point.position + QPointF(1, 1))
                )
        return bounds

    def _iso_on_map(self, party: OverviewParty) -> str | None:
        if party.party_kind is not PartyKind.STATE or not party.iso_code:
            return None
        iso = party.iso_code.strip().upper()
        if self.shapes.country(iso) is None and self.shapes.point(iso) is None:
            return None
        return iso

    def _merged(self, leave_out: set[str]) -> QPainterPath:
        merged = QPainterPath()
        merged.setFillRule(Qt.FillRule.OddEvenFill)
        for country in self.shapes.countries:
            if country.iso not in leave_out:
                merged.addPath(country.path)
        return merged

    # -- Questions ---------------------------------------------------------------

    def hit(self, area: QRectF, view: MapView, pixel: QPointF) -> MapHit | None:
        """The marker or country under ``pixel`` of ``area``, or None (the sea).

        A participant wins over a country that takes no part: a participant's
        marker first, then a participant's shape under the marker of a small
        state that takes no part (Palestine's marker lies on Israel at the
        world's scale), then that marker, then any country.
        """
        transform = view.transform(area)
        nearest: tuple[float, MapHit] | None = None
        for point in self.shapes.points:
            party = self._placed.get(point.iso) if point.iso else None
            radius = (PARTICIPANT_MARKER if party else OTHER_MARKER) + MARKER_SLOP
            where = transform.map(point.position)
            distance = math.hypot(where.x() - pixel.x(), where.y() - pixel.y())
            if distance > radius:
                continue
            better = nearest is None or (party is not None) > (nearest[1].party is not None)
            same_rank = nearest is not None and (party is None) == (nearest[1].party is None)
            if better or (same_rank and nearest is not None and distance < nearest[0]):
                nearest = (distance, MapHit(point.name, party))
        if nearest is not None and nearest[1].party is not None:
            return nearest[1]
        country = self._country_at(view.to_map(area, pixel))
        if country is not None and (country.party is not None or nearest is None):
            return country
        return nearest[1] if nearest is not None else country

    def _country_at(self, spot: QPointF) -> MapHit | None:
        for country in self.shapes.countries:
            if country.bounds.contains(spot) and country.path.contains(spot):
                party = self._placed.get(country.iso) if country.iso else None
                return MapHit(country.name, party)
        return None

    def describe(self, hit: MapHit) -> str:
        """The hover text: the name, then the participant's status and since when."""
        if hit.party is None:
            return f"{hit.name}\n{NOT_A_PARTICIPANT}"
        iso = (hit.party.iso_code or "").upper()
        at = self._standings.get(iso, Standing(None))
        lines = [hit.party.name, status_text(at)]
        since = since_text(at)
        if since:
            lines.append(f"Since {since}")
        return "\n".join(lines)

    # -- Painting ----------------------------------------------------------------

    def paint(
        self, painter: QPainter, area: QRectF, view: MapView, *, flatten: bool = False
    ) -> None:
        """Paint the map into ``area``: its ground, then the day's colours.

        ``flatten`` maps every path to pixels before drawing it, for the SVG
        file: there a transformed path would scale its hatching too.
        """
        self.paint_ground(painter, area, view, flatten=flatten)
        self.paint_day(painter, area, view, flatten=flatten)

    def paint_ground(
        self, painter: QPainter, area: QRectF, view: MapView, *, flatten: bool = False
    ) -> None:
        """What no day changes: the paper, the sea and the countries taking no
        part (the window keeps it as a picture until the view, the size or
        the accord changes: see :attr:`ground_generation`)."""
        transform = view.transform(area)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(area, paper_colour())
        painter.setClipRect(area)
        if not flatten:
            painter.setTransform(transform, combine=True)
        outline_pen = QPen(graticule_colour(), 1.0)
        outline_pen.setCosmetic(True)
        _draw(
            painter,
            transform,
            flatten,
            self._outline,
            ShapeStyle(QBrush(sea_colour()), None, outline_pen),
        )
        _draw(painter, transform, flatten, self._others, NOT_PARTICIPANT_STYLE)
        painter.restore()

    def paint_day(
        self, painter: QPainter, area: QRectF, view: MapView, *, flatten: bool = False
    ) -> None:
        """The participants in their colours on the day, the selection, the markers."""
        transform = view.transform(area)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(area)
        painter.save()
        if not flatten:
            painter.setTransform(transform, combine=True)
        for iso, style in self._styles.items():
            country = self.shapes.country(iso)
            if country is not None:
                _draw(painter, transform, flatten, country.path, style)
        selected = self.shapes.country(self._selected) if self._selected else None
        if selected is not None:
            path = transform.map(selected.path) if flatten else selected.path
            painter.strokePath(path, _selection_pen())
        painter.restore()
        self._paint_markers(painter, transform)
        painter.restore()

    def _paint_markers(self, painter: QPainter, transform: QTransform) -> None:
        other_pen = QPen(QColor(_OTHER_MARKER_BORDER), 0.8)
        for point in self.shapes.points:
            if point.iso in self._styles:
                continue
            painter.setPen(other_pen)
            painter.setBrush(NOT_PARTICIPANT_STYLE.fill)
            painter.drawEllipse(transform.map(point.position), OTHER_MARKER, OTHER_MARKER)
        # Participants last, so that no other marker covers them.
        for point in self.shapes.points:
            style = self._styles.get(point.iso or "")
            if style is None:
                continue
            centre = transform.map(point.position)
            painter.setPen(Qt.PenStyle.NoPen)
            for brush in (style.fill, style.hatch):
                if brush is not None:
                    painter.setBrush(brush)
                    painter.drawEllipse(centre, PARTICIPANT_MARKER, PARTICIPANT_MARKER)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(style.outline)
            painter.drawEllipse(centre, PARTICIPANT_MARKER, PARTICIPANT_MARKER)
            if point.iso == self._selected:
                painter.setPen(_selection_pen())
                ring = PARTICIPANT_MARKER + 2.5
                painter.drawEllipse(centre, ring, ring)


def _draw(
    painter: QPainter, transform: QTransform, flatten: bool, path: QPainterPath, style: ShapeStyle
) -> None:
    shape = transform.map(path) if flatten else path
    painter.fillPath(shape, style.fill)
    if style.hatch is not None:
        painter.fillPath(shape, style.hatch)
    painter.strokePath(shape, style.outline)


def _selection_pen() -> QPen:
    """The outline of the selected participant: near black and thick, unlike any status."""
    pen = QPen(marker_colour(), 2.6)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _world_outline() -> QPainterPath:
    """The edge of the Equal Earth world: the meridians at 180° west and east."""
    path = QPainterPath()
    path.moveTo(to_map(-180, -90))
    for latitude in range(-90, 91, 3):
        path.lineTo(to_map(180, latitude))
    for latitude in range(90, -91, -3):
        path.lineTo(to_map(-180, latitude))
    path.closeSubpath()
    return path
