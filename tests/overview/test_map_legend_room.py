"""The map's legend on screen: shown while there is room, else behind the Key
button (L); pictures always have it, and the note of parties not on the map
is never hidden."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.conftest import SeededCopy
from tests.overview.map_fixtures import KAZAKHSTAN_INSIDE, bundled_overview
from viewer.domain.enums import PartyKind
from viewer.domain.overview import AccordOverview, OverviewParty
from viewer.ui.overview.map_colours import NOT_PARTICIPANT_STYLE
from viewer.ui.overview.map_shapes import to_map
from viewer.ui.overview.world_map import WorldMap
from viewer.ui.timeline.status_colours import action_fill


def shown(qtbot: QtBot, overview: AccordOverview, width: int, height: int) -> WorldMap:
    world = WorldMap()
    qtbot.addWidget(world)
    world.set_overview(overview)
    world.resize(width, height)
    world.show()
    qtbot.waitExposed(world)
    return world


def test_a_roomy_map_shows_its_legend_a_small_one_offers_it(
    qtbot: QtBot, tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    overview = bundled_overview(tmp_path, seeded_copy)
    roomy = shown(qtbot, overview, 1000, 700)
    assert roomy.legend_shown() and roomy.legend_button.isChecked()
    assert roomy.map_area().height() < 700
    small = shown(qtbot, overview, 340, 260)
    assert not small.legend_shown() and not small.legend_button.isChecked()
    assert small.map_area().height() == 260  # the whole height is map
    assert small.legend_button.toolTip() == "Show the legend (L)"
    small.setFocus()
    qtbot.keyClick(small, Qt.Key.Key_L)
    assert small.legend_shown() and small.map_area().height() < 260
    qtbot.mouseClick(small.legend_button, Qt.MouseButton.LeftButton)
    assert not small.legend_shown()
    # A picture has its legend however small the map on screen.
    picture = small.picture(340, 260)
    full = WorldMap()
    full.set_overview(overview)
    assert picture == full.picture(340, 260)


def test_with_the_legend_hidden_the_parties_not_on_the_map_are_still_named(
    qtbot: QtBot, tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    overview = bundled_overview(tmp_path, seeded_copy)
    league = OverviewParty("league", "A League of States", PartyKind.ORGANISATION, None, ())
    with_league = AccordOverview(overview.accord, (*overview.parties, league))
    small = shown(qtbot, with_league, 340, 260)
    assert not small.legend_shown()
    assert small.unplaced() == ["A League of States"]
    assert small.map_area().height() < 260  # the note's line stays under the map


def test_a_new_day_repaints_the_participants_over_the_kept_ground(
    qtbot: QtBot, tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    overview = bundled_overview(tmp_path, seeded_copy)
    world = shown(qtbot, overview, 800, 500)
    world.grab()  # paints as the screen does (the offscreen window may not be mapped yet)
    built = world.ground_builds
    assert built >= 1
    for day in (date(2021, 6, 1), date(2025, 11, 7), date(2020, 1, 1)):
        world.set_day(day)
        world.grab()
    assert world.ground_builds == built  # the day changes colours only
    world.set_day(date(2025, 11, 7))
    on_screen = world.grab().toImage()
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    inside = world.to_widget(to_map(*KAZAKHSTAN_INSIDE)).toPoint()
    assert on_screen.pixelColor(inside) == action_fill(kazakhstan.actions[-1])
    turkey = world.to_widget(to_map(35.0, 39.0)).toPoint()  # from the kept ground
    assert on_screen.pixelColor(turkey) == NOT_PARTICIPANT_STYLE.fill.color()
    world.zoom_in()
    world.grab()
    assert world.ground_builds == built + 1  # a new view draws the ground again
