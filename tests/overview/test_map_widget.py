"""The world map: participants placed, coloured for the day, clickable, hoverable, movable."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QWheelEvent
from PySide6.QtWidgets import QToolButton, QToolTip

from tests.conftest import SeededCopy
from tests.overview.map_fixtures import (
    JUNE_2021,
    KAZAKHSTAN_INSIDE,
    NOVEMBER_2025,
    bundled_overview,
    shown_map,
    widget_point,
    widget_pointf,
)
from tests.ui.children import child
from viewer.domain.enums import PartyKind, StatusKind
from viewer.domain.overview import AccordOverview
from viewer.ui.overview.map_colours import NO_STATUS_STYLE
from viewer.ui.overview.map_shapes import world_shapes
from viewer.ui.overview.world_map import WorldMap
from viewer.ui.timeline.status_colours import action_fill, marker_colour, status_colour


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory, seeded_copy: SeededCopy) -> AccordOverview:
    return bundled_overview(tmp_path_factory.mktemp("map"), seeded_copy)


def pixel(world_map: WorldMap, point: QPoint) -> QColor:
    return world_map.grab().toImage().pixelColor(point)


def test_every_bundled_participant_is_placed(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    assert world_map.unplaced() == []
    assert {party.iso_code for party in overview.parties} == {
        "IL", "AE", "BH", "MA", "SD", "KZ", "US", "SY", "SA"
    }  # fmt: skip


def test_clicking_kazakhstan_chooses_it(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    kazakhstan = world_shapes().country("KZ")
    assert kazakhstan is not None
    inside = widget_pointf(world_map, *KAZAKHSTAN_INSIDE)
    assert kazakhstan.path.contains(world_map.view().to_map(world_map.map_area(), inside))
    with qtbot.waitSignal(world_map.partyChosen, timeout=1000) as chosen:
        qtbot.mouseClick(world_map, Qt.MouseButton.LeftButton, pos=inside.toPoint())
    assert chosen.args == ["kazakhstan"]


def test_clicking_the_centre_of_kazakhstans_shape_chooses_it(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    kazakhstan = world_shapes().country("KZ")
    assert kazakhstan is not None
    centre = world_map.to_widget(kazakhstan.anchor).toPoint()
    with qtbot.waitSignal(world_map.partyChosen, timeout=1000) as chosen:
        qtbot.mouseClick(world_map, Qt.MouseButton.LeftButton, pos=centre)
    assert chosen.args == ["kazakhstan"]


def test_clicking_bahrains_marker_chooses_bahrain(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    bahrain = world_shapes().point("BH")
    assert bahrain is not None
    marker = world_map.to_widget(bahrain.position).toPoint()
    with qtbot.waitSignal(world_map.partyChosen, timeout=1000) as chosen:
        qtbot.mouseClick(world_map, Qt.MouseButton.LeftButton, pos=marker)
    assert chosen.args == ["bahrain"]


def test_clicking_a_country_that_takes_no_part_chooses_nothing(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    with qtbot.assertNotEmitted(world_map.partyChosen):
        # Central Turkey: on the map, not a participant.
        qtbot.mouseClick(world_map, Qt.MouseButton.LeftButton, pos=widget_point(world_map, 33, 39))


def test_kazakhstan_on_7_november_2025_is_pale_expected_not_joined(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    expected = kazakhstan.actions[-1]
    assert expected.action is StatusKind.EXPECTED_TO_JOIN
    found = pixel(world_map, widget_point(world_map, *KAZAKHSTAN_INSIDE))
    assert found == action_fill(expected)
    assert found != status_colour(StatusKind.EXPECTED_TO_JOIN)
    assert found != status_colour(StatusKind.JOINED)


def test_kazakhstan_on_1_june_2021_has_no_status_colour(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    found = pixel(world_map, widget_point(world_map, *KAZAKHSTAN_INSIDE))
    assert found == NO_STATUS_STYLE.fill.color()
    assert all(found != status_colour(kind) for kind in StatusKind)


def test_the_day_recolours_without_moving_the_map(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    view = world_map.view()
    israel = widget_point(world_map, 35.0, 31.0)
    world_map.set_day(NOVEMBER_2025)
    assert world_map.view() == view
    sudan = widget_point(world_map, 30.0, 15.0)
    assert pixel(world_map, sudan) == status_colour(StatusKind.STALLED)
    assert pixel(world_map, israel) == status_colour(StatusKind.AGREEMENT_SIGNED)


def test_hover_names_the_country_its_status_and_since_when(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    kazakhstan = widget_pointf(world_map, *KAZAKHSTAN_INSIDE)
    assert world_map.text_at(kazakhstan) == (
        "Kazakhstan\nExpected to join (expected)\nSince 6 Nov 2025"
    )
    assert world_map.text_at(widget_pointf(world_map, 33, 39)) == "Turkey\nnot a participant"
    world_map.set_day(JUNE_2021)
    assert world_map.text_at(kazakhstan) == "Kazakhstan\nno status"
    # The sea says nothing.
    assert world_map.text_at(widget_pointf(world_map, -40, 30)) == ""


def test_the_tooltip_shows_a_party_name_as_text_not_markup(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    renamed = dataclasses.replace(kazakhstan, name="<b>Kazakhstan</b> & co")
    hostile = dataclasses.replace(overview, parties=(renamed,))
    world_map = shown_map(qtbot, hostile, NOVEMBER_2025)
    where = widget_point(world_map, *KAZAKHSTAN_INSIDE)
    event = QHelpEvent(QEvent.Type.ToolTip, where, world_map.mapToGlobal(where))
    world_map.event(event)
    shown = QToolTip.text()
    QToolTip.hideText()
    assert "&lt;b&gt;Kazakhstan&lt;/b&gt; &amp; co" in shown
    assert "<b>Kazakhstan" not in shown


def test_parties_the_map_cannot_place_are_listed_not_dropped(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    israel = overview.party("israel")
    assert israel is not None
    nowhere = dataclasses.replace(israel, key="nowhere", name="Nowhere Land", iso_code=None)
    unknown = dataclasses.replace(israel, key="xx", name="Exland", iso_code="XX")
    league = dataclasses.replace(
        israel, key="league", name="League of States", party_kind=PartyKind.ORGANISATION,
        iso_code=None,
    )  # fmt: skip
    lower = dataclasses.replace(israel, iso_code="il")
    crowd = dataclasses.replace(overview, parties=(league, nowhere, unknown, lower))
    world_map = shown_map(qtbot, crowd, JUNE_2021)
    assert world_map.unplaced() == ["League of States", "Nowhere Land", "Exland"]
    # A code in lower case still finds its country.
    assert world_map.text_at(widget_pointf(world_map, 35.0, 31.0)).startswith("Israel\n")


def test_keys_zoom_pan_and_fit(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    world_map.setFocus()
    fitted = world_map.view()
    qtbot.keyClick(world_map, Qt.Key.Key_Plus)
    assert world_map.view().zoom > fitted.zoom
    qtbot.keyClick(world_map, Qt.Key.Key_Minus)
    qtbot.keyClick(world_map, Qt.Key.Key_Minus)
    assert world_map.view().zoom < fitted.zoom
    qtbot.keyClick(world_map, Qt.Key.Key_Plus)
    qtbot.keyClick(world_map, Qt.Key.Key_Plus)
    before = world_map.view().centre
    qtbot.keyClick(world_map, Qt.Key.Key_Right)
    assert world_map.view().centre.x() > before.x()
    qtbot.keyClick(world_map, Qt.Key.Key_Up)
    assert world_map.view().centre.y() < before.y()
    qtbot.keyClick(world_map, Qt.Key.Key_0)
    assert world_map.view() == fitted
    qtbot.keyClick(world_map, Qt.Key.Key_Plus)
    qtbot.keyClick(world_map, Qt.Key.Key_Home)
    assert world_map.view() == fitted


def test_the_wheel_zooms_around_the_cursor(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    cursor = widget_pointf(world_map, 30.0, 15.0)  # Sudan
    under = world_map.view().to_map(world_map.map_area(), cursor)
    zoom = world_map.view().zoom
    wheel = QWheelEvent(
        cursor,
        QPointF(world_map.mapToGlobal(cursor.toPoint())),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    world_map.wheelEvent(wheel)
    assert world_map.view().zoom == pytest.approx(zoom * 1.25**2)
    still = world_map.view().to_map(world_map.map_area(), cursor)
    assert (still.x(), still.y()) == pytest.approx((under.x(), under.y()))


def test_dragging_pans_and_does_not_choose(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    start = widget_point(world_map, *KAZAKHSTAN_INSIDE)
    before = world_map.view().centre
    with qtbot.assertNotEmitted(world_map.partyChosen):
        qtbot.mousePress(world_map, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(world_map, start + QPoint(-60, 0))
        qtbot.mouseMove(world_map, start + QPoint(-120, -10))
        qtbot.mouseRelease(world_map, Qt.MouseButton.LeftButton, pos=start + QPoint(-120, -10))
    assert world_map.view().centre.x() > before.x()


def test_the_fit_button_frames_the_participants_again(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    fitted = world_map.view()
    world_map.zoom_in()
    world_map.pan(100, 50)
    assert world_map.view() != fitted
    qtbot.mouseClick(child(world_map, QToolButton, "fitButton"), Qt.MouseButton.LeftButton)
    assert world_map.view() == fitted


def test_the_map_takes_focus_by_tab_and_shows_it(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    assert world_map.focusPolicy() & Qt.FocusPolicy.TabFocus
    edge = QPoint(1, round(world_map.map_area().center().y()))
    unfocused = pixel(world_map, edge)
    world_map.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(world_map.hasFocus)
    framed = pixel(world_map, edge)
    assert framed == world_map.palette().highlight().color()
    assert framed != unfocused


def test_without_participants_the_map_shows_the_world(qtbot: QtBot) -> None:
    world_map = shown_map(qtbot, None, date(2024, 1, 1))
    assert world_map.unplaced() == []
    assert world_map.view().zoom == 1.0
    assert world_map.text_at(widget_pointf(world_map, 33, 39)) == "Turkey\nnot a participant"


def test_the_selected_participant_is_outlined(qtbot: QtBot, overview: AccordOverview) -> None:
    world_map = shown_map(qtbot, overview, JUNE_2021)
    outline = marker_colour()

    def outlined() -> int:
        image = world_map.grab().toImage()
        return sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y) == outline
        )

    plain = outlined()
    world_map.select_party("kazakhstan")
    assert world_map.selected_party() == "kazakhstan"
    assert outlined() > plain + 20
    world_map.select_party("no-such-party")
    assert world_map.selected_party() is None
    # Clicking Bahrain's marker selects it on the map as well.
    bahrain = world_shapes().point("BH")
    assert bahrain is not None
    qtbot.mouseClick(
        world_map, Qt.MouseButton.LeftButton, pos=world_map.to_widget(bahrain.position).toPoint()
    )
    assert world_map.selected_party() == "bahrain"
