"""The world's country shapes and small-state markers, read once from the bundled file.

``resources/map/world-110m.json`` is written by ``tools/build_world_map.py``
from Natural Earth (public domain); it says there how it is laid out. Here
each country becomes one :class:`QPainterPath` in *map units*: the Equal
Earth projection (:mod:`map_projection`) scaled by :data:`MAP_UNITS` with
``y`` pointing down, as on screen, so that a view is only a scale and a
shift. The paths are built once per process and never change: the map
recolours them, it never rebuilds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF

from viewer.ui.overview.map_projection import equal_earth

MAP_FILE = "world-110m.json"
# Map units per unit of the projection (a sphere of radius 1): the world is
# about 543 units wide.
MAP_UNITS = 100.0


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country of the 110m shapes, in map units.

    ``anchor`` is a point inside the shape (in its largest piece), where a
    label or a test's click can go.
    """

    iso: str | None
    numeric: str | None
    name: str
    path: QPainterPath = field(compare=False)
    bounds: QRectF = field(compare=False)
    anchor: QPointF = field(compare=False)


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A marker for a state too small to see (or absent) at 110m, in map units."""

    iso: str | None
    numeric: str | None
    name: str
    position: QPointF = field(compare=False)


@dataclass(frozen=True, slots=True)
class WorldShapes:
    """Every country shape and point marker, with where they came from."""

    source: str
    licence: str
    countries: tuple[CountryShape, ...]
    points: tuple[MapPoint, ...]
    bounds: QRectF = field(compare=False)
    _countries_by_iso: dict[str, CountryShape] = field(compare=False, repr=False)
    _points_by_iso: dict[str, MapPoint] = field(compare=False, repr=False)

    def country(self, iso: str) -> CountryShape | None:
        """The shape with ISO 3166-1 alpha-2 code ``iso`` (any case), or None."""
        return self._countries_by_iso.get(iso.upper())

    def point(self, iso: str) -> MapPoint | None:
        """The point marker of ``iso`` (any case), or None."""
        return self._points_by_iso.get(iso.upper())


def to_map(longitude: float, latitude: float) -> QPointF:
    """Degrees to map units (y down)."""
    x, y = equal_earth(longitude, latitude)
    return QPointF(x * MAP_UNITS, -y * MAP_UNITS)


def map_file() -> Traversable:
    """The bundled shapes file, installed as ``viewer.resources/map``."""
    try:
        root: Traversable = resources.files("viewer.resources")
    except ModuleNotFoundError:
        # Running from a source checkout that was not installed.
        root = Path(__file__).resolve().parents[3] / "resources"
    return root / "map" / MAP_FILE


@cache
def world_shapes() -> WorldShapes:
    """The shapes, read and projected on first use and shared afterwards."""
    return parse_shapes(json.loads(map_file().read_text(encoding="utf-8")))


def parse_shapes(document: dict[str, Any]) -> WorldShapes:
    scale = float(document["units_per_degree"])
    countries = tuple(_country(entry, scale) for entry in document["countries"])
    points = tuple(
        MapPoint(
            iso=entry["iso"],
            numeric=entry["id"],
            name=entry["name"],
            position=to_map(entry["lon"], entry["lat"]),
        )
        for entry in document["points"]
    )
    bounds = QRectF()
    for country in countries:
        bounds = bounds.united(country.bounds)
    return WorldShapes(
        source=document["source"],
        licence=document["licence"],
        countries=countries,
        points=points,
        bounds=bounds,
        _countries_by_iso={c.iso: c for c in countries if c.iso is not None},
        _points_by_iso={p.iso: p for p in points if p.iso is not None},
    )


def _country(entry: dict[str, Any], scale: float) -> CountryShape:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # holes (Lesotho in South Africa) are rings too
    largest = QPainterPath()
    for encoded in entry["rings"]:
        ring = _ring(encoded, scale)
        path.addPolygon(ring)
        path.closeSubpath()
        if ring.boundingRect().width() * ring.boundingRect().height() > (
            largest.boundingRect().width() * largest.boundingRect().height()
        ):
            largest = QPainterPath()
            largest.addPolygon(ring)
            largest.closeSubpath()
    return CountryShape(
        iso=entry["iso"],
        numeric=entry["id"],
        name=entry["name"],
        path=path,
        bounds=path.boundingRect(),
        anchor=_inside(largest, path),
    )


def _ring(encoded: list[int], scale: float) -> QPolygonF:
    x = y = 0
    points: list[QPointF] = []
    for index in range(0, len(encoded), 2):
        x += encoded[index]
        y += encoded[index + 1]
        points.append(to_map(x / scale, y / scale))
    return QPolygonF(points)


def _inside(piece: QPainterPath, whole: QPainterPath) -> QPointF:
    """A point of ``whole`` inside ``piece``: its centre when that is inside, else
    the middle of the longest inside stretch of a few horizontal lines across it."""
    box = piece.boundingRect()
    if whole.contains(box.center()):
        return box.center()
    steps = 64
    best: tuple[int, QPointF] = (0, box.center())
    for row in range(1, 8):
        y = box.top() + box.height() * row / 8
        run: list[QPointF] = []
        for step in range(steps + 2):
            point = QPointF(box.left() + box.width() * step / steps, y)
            if step <= steps and whole.contains(point):
                run.append(point)
                continue
            if len(run) > best[0]:
                best = (len(run), run[len(run) // 2])
            run = []
    return best[1]
