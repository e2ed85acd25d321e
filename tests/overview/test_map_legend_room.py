"""The map's legend on screen: shown while there is room, else behind the Key
button (L); pictures always have it, and the note of parties not on the map
is never hidden."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.conftest import SeededCopy
from tests.overview.map_fixtures import bundled_overview
from viewer.domain.enums import PartyKind
from viewer.domain.overview import AccordOverview, OverviewParty
from viewer.ui.overview.world_map import WorldMap


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
