"""A review of the overview by eye: at the size a small window gives them, the
map's buttons leave the participants clear."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QToolButton, QWidget

from tests.conftest import SeededCopy
from tests.overview.map_fixtures import bundled_overview
from viewer.domain.enums import StatusKind
from viewer.domain.overview import AccordOverview
from viewer.ui.overview.map_legend import TENTATIVE_LABEL, layout_legend, legend_entries
from viewer.ui.overview.map_shapes import world_shapes
from viewer.ui.overview.world_map import WorldMap

JUNE_2021 = date(2021, 6, 1)


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory, seeded_copy: SeededCopy) -> AccordOverview:
    return bundled_overview(tmp_path_factory.mktemp("review-map"), seeded_copy)


def placed_on_widget(world_map: WorldMap, overview: AccordOverview) -> dict[str, QRectF]:
    """Each placed participant's shape (or marker) as a rectangle of the widget."""
    shapes = world_shapes()
    placed = {}
    for party in overview.parties:
        iso = party.iso_code or ""
        country = shapes.country(iso)
        if country is not None:
            corners = (country.bounds.topLeft(), country.bounds.bottomRight())
            top_left, bottom_right = (world_map.to_widget(corner) for corner in corners)
            placed[iso] = QRectF(top_left, bottom_right)
    return placed


@pytest.mark.parametrize("size", [(320, 230), (340, 250), (460, 330), (900, 600)])
def test_a_fit_keeps_every_participant_clear_of_the_maps_buttons(
    qtbot: QtBot, overview: AccordOverview, size: tuple[int, int]
) -> None:
    world_map = WorldMap()
    qtbot.addWidget(world_map)
    world_map.resize(*size)
    world_map.set_overview(overview)
    world_map.set_day(JUNE_2021)
    world_map.show()
    qtbot.waitExposed(world_map)
    buttons = [QRectF(button.geometry()) for button in world_map.findChildren(QToolButton)]
    assert len(buttons) == 4  # zoom in, zoom out, fit, and the legend's Key
    placed = placed_on_widget(world_map, overview)
    assert {"KZ", "US", "MA", "IL"} <= placed.keys()
    covered = {
        iso: shape
        for iso, shape in placed.items()
        if any(shape.intersects(button) for button in buttons)
    }
    assert covered == {}
    # Still fitted: every participant lies inside the map.
    area = world_map.map_area()
    assert all(area.contains(shape) for shape in placed.values())


@pytest.mark.parametrize("width", [200, 320, 900])
def test_the_legend_cuts_a_label_it_cannot_hold_with_an_ellipsis(qtbot: QtBot, width: int) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    entries = legend_entries((StatusKind.ANNOUNCED, StatusKind.EXPECTED_TO_JOIN))
    layout = layout_legend(entries, "", width, widget.font())
    assert all(text.right() <= width for _entry, _swatch, text in layout.items)
    shown = [entry.label for entry, _swatch, _text in layout.items]
    for whole, label in zip([entry.label for entry in entries], shown, strict=True):
        assert label == whole or (label.endswith("…") and whole.startswith(label[:-1]))
    long_label = QFontMetricsF(widget.font()).horizontalAdvance(TENTATIVE_LABEL)
    if width < long_label:
        assert TENTATIVE_LABEL not in shown
    if width > 2 * long_label:
        assert shown == [entry.label for entry in entries]
