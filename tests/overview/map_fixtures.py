"""The bundled accord's overview and a world map showing it, for the map's tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, QPointF

from tests.conftest import SeededCopy
from viewer.domain.overview import AccordOverview
from viewer.store.api import accord_overview
from viewer.store.bootstrap import open_or_create
from viewer.ui.overview.map_shapes import to_map
from viewer.ui.overview.world_map import WorldMap

JUNE_2021 = date(2021, 6, 1)
NOVEMBER_2025 = date(2025, 11, 7)
# A point well inside Kazakhstan (near Karaganda's west), in degrees.
KAZAKHSTAN_INSIDE = (67.0, 48.0)


def bundled_overview(tmp: Path, seeded_copy: SeededCopy) -> AccordOverview:
    """The bundled Abraham Accords as the overview reads them, from a copy of the seeded file."""
    store, _ = open_or_create(seeded_copy(tmp / "seeded.sqlite3"), "tester")
    try:
        overview = accord_overview(store, "abraham-accords")
    finally:
        store.engine.dispose()
    assert overview is not None
    return overview


def shown_map(qtbot: QtBot, overview: AccordOverview | None, day: date) -> WorldMap:
    world_map = WorldMap()
    qtbot.addWidget(world_map)
    world_map.resize(900, 600)
    world_map.set_overview(overview)
    world_map.set_day(day)
    world_map.show()
    qtbot.waitExposed(world_map)
    return world_map


def widget_point(world_map: WorldMap, longitude: float, latitude: float) -> QPoint:
    """Where a place is on the map widget, through the map's projection and view."""
    return world_map.to_widget(to_map(longitude, latitude)).toPoint()


def widget_pointf(world_map: WorldMap, longitude: float, latitude: float) -> QPointF:
    return world_map.to_widget(to_map(longitude, latitude))
