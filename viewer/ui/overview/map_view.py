"""What part of the world the map shows: a centre and a zoom, and the transform they make.

The view is kept in map units (see :mod:`map_shapes`), not pixels, so that a
resize keeps what is shown, and so that the same view draws the widget, a
PNG of another size or the report's picture. Zoom 1 fits the whole world in
the area; the zoom is kept between :data:`MIN_ZOOM` and :data:`MAX_ZOOM`
and the view on the world, so the map can never be lost off the edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

MIN_ZOOM = 0.8
MAX_ZOOM = 60.0
# One key press or one wheel notch zooms by this much.
ZOOM_STEP = 1.25
# Space left around what "fit" frames, as a share of its size.
FIT_MARGIN = 0.08


@dataclass(frozen=True, slots=True)
class MapView:
    """A centre (map units) and a zoom (1: the whole ``world`` fits the area)."""

    world: QRectF
    centre: QPointF
    zoom: float = 1.0

    @classmethod
    def whole(cls, world: QRectF) -> MapView:
        return cls(world=world, centre=world.center(), zoom=1.0)

    def scale(self, area: QRectF) -> float:
        """Pixels per map unit in ``area``."""
        fit = min(area.width() / self.world.width(), area.height() / self.world.height())
        return max(fit, 1e-6) * self.zoom

    def transform(self, area: QRectF) -> QTransform:
        """Map units to the pixels of ``area``."""
        scale = self.scale(area)
        transform = QTransform()
        transform.translate(area.center().x(), area.center().y())
        transform.scale(scale, scale)
        transform.translate(-self.centre.x(), -self.centre.y())
        return transform

    def to_map(self, area: QRectF, pixel: QPointF) -> QPointF:
        scale = self.scale(area)
        return QPointF(
            self.centre.x() + (pixel.x() - area.center().x()) / scale,
            self.centre.y() + (pixel.y() - area.center().y()) / scale,
        )

    def zoomed(self, area: QRectF, factor: float, around: QPointF | None = None) -> MapView:
        """Zoomed by ``factor``, keeping the map point under pixel ``around`` (default:
        the centre) where it is."""
        zoom = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        if around is None:
            return self._moved(area, self.centre, zoom)
        fixed = self.to_map(area, around)
        ratio = self.zoom / zoom
        centre = QPointF(
            fixed.x() + (self.centre.x() - fixed.x()) * ratio,
            fixed.y() + (self.centre.y() - fixed.y()) * ratio,
        )
        return self._moved(area, centre, zoom)

    def panned(self, area: QRectF, dx: float, dy: float) -> MapView:
        """Moved so that the map follows a drag of ``dx``, ``dy`` pixels."""
        scale = self.scale(area)
        return self._moved(
            area, QPointF(self.centre.x() - dx / scale, self.centre.y() - dy / scale), self.zoom
        )

    def fitted(self, area: QRectF, target: QRectF, top: float = 0.0) -> MapView:
        """Framing ``target`` (map units) with a margin, as large as the area
        allows, in the area below its ``top`` pixels (where controls may lie)."""
        if target.isEmpty():
            target = QRectF(target.center() - QPointF(2, 2), target.center() + QPointF(2, 2))
        margin_x, margin_y = target.width() * FIT_MARGIN, target.height() * FIT_MARGIN
        framed = target.adjusted(-margin_x, -margin_y, margin_x, margin_y)
        top = min(max(top, 0.0), area.height() / 2)
        fit = max(min(area.width() / self.world.width(), area.height() / self.world.height()), 1e-6)
        wanted = min(area.width() / framed.width(), (area.height() - top) / framed.height())
        zoom = min(max(wanted / fit, MIN_ZOOM), MAX_ZOOM)
        # The framed centre goes to the middle of the part below ``top``.
        shift = top / 2 / (fit * zoom)
        return self._moved(area, framed.center() - QPointF(0, shift), zoom, top)

    def _moved(self, area: QRectF, centre: QPointF, zoom: float, top: float = 0.0) -> MapView:
        """A view at ``centre`` and ``zoom``, moved as little as needed to show no
        more beyond the world's edges than the area's shape forces (and than
        the ``top`` pixels kept clear for controls, which may show the paper)."""
        moved = MapView(world=self.world, centre=centre, zoom=zoom)
        scale = moved.scale(area)
        half_width, half_height = area.width() / 2 / scale, area.height() / 2 / scale
        return MapView(
            world=self.world,
            centre=QPointF(
                _within(
                    centre.x(), self.world.left() + half_width, self.world.right() - half_width
                ),
                _within(
                    centre.y(),
                    self.world.top() + half_height - top / scale,
                    self.world.bottom() - half_height,
                ),
            ),
            zoom=zoom,
        )


def _within(value: float, low: float, high: float) -> float:
    """``value`` kept between ``low`` and ``high``; their middle when they cross."""
    if low > high:
        return (low + high) / 2
    return min(max(value, low), high)
