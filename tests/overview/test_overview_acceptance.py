"""Issue 11's acceptance, in the real window: the table, the map and the
timeline of the bundled Abraham Accords say the same thing on one date, and
the map and the timeline choose and move like the table."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from tests.overview.test_view_window import show_overview, statuses, window
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.records import Accord, StatusAction
from viewer.ui.overview.map_shapes import to_map, world_shapes
from viewer.ui.overview.participants_model import STATUS
from viewer.ui.overview.world_map import WorldMap
from viewer.ui.timeline.status_colours import action_fill
from viewer.ui.window.main_window import MainWindow

__all__ = ["window"]  # the fixture, shared with the window tests

JUNE_2021 = date(2021, 6, 1)
NOVEMBER_2025 = date(2025, 11, 7)
# Inside each country's 110m shape (longitude, latitude).
INSIDE = {
    "KZ": (67.0, 48.0),
    "SD": (30.0, 15.0),
    "IL": (34.9, 31.0),
    "AE": (54.5, 23.8),
    "MA": (-6.0, 32.0),
}


def map_point(world: WorldMap, iso: str) -> QPointF:
    return world.to_widget(to_map(*INSIDE[iso]))


def map_says(window: MainWindow, iso: str) -> str:
    world = window.overview.map
    return world.text_at(map_point(world, iso))


def pixel(world: WorldMap, point: QPointF) -> object:
    return world.grab().toImage().pixelColor(point.toPoint())


def test_on_1_june_2021_the_table_and_the_map_say_the_same(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    window.overview.view.set_day(JUNE_2021)
    table = statuses(window)
    assert table["Israel"] == "Agreement signed"
    # The UAE and Bahrain signed the agreement on 15 Sep 2020; their
    # formalisation has no date, so by the rule it holds from that day on.
    assert table["United Arab Emirates"] == "Normalisation formalised"
    assert table["Bahrain"] == "Normalisation formalised"
    signed = window.overview.view.table.participants
    column = signed.headers().index("Agreement signed")
    by_name = {
        str(signed.index(row, 0).data()): str(signed.index(row, column).data())
        for row in range(signed.rowCount())
    }
    assert by_name["Israel"] == by_name["United Arab Emirates"] == "15 Sep 2020"
    assert by_name["Bahrain"] == "15 Sep 2020"
    assert table["Sudan"] == "Declaration signed; perhaps stalled (reported) by then"
    assert table["Morocco"] == "Normalisation formalised"
    assert table["Kazakhstan"] == "no status"
    assert "Israel" in map_says(window, "IL") and "Agreement signed" in map_says(window, "IL")
    assert "Normalisation formalised" in map_says(window, "AE")
    assert "Declaration signed; perhaps stalled" in map_says(window, "SD")
    # Morocco: the undated step, said as the rule says it.
    assert "Normalisation formalised" in map_says(window, "MA")
    assert "date not given" in map_says(window, "MA")
    assert "no status" in map_says(window, "KZ")


def test_on_7_november_2025_kazakhstan_is_expected_and_drawn_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    window.overview.view.set_day(NOVEMBER_2025)
    table = statuses(window)
    assert table["Kazakhstan"] == "Expected to join (expected)"
    assert table["Syria"] == table["Saudi Arabia"] == "Prospective / in talks (reported)"
    world = window.overview.map
    assert "Expected to join (expected)" in map_says(window, "KZ")
    overview = window.overview.view.overview()
    assert overview is not None
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    expected = kazakhstan.actions[-1]
    assert expected.action is StatusKind.EXPECTED_TO_JOIN
    # Pale, the expected look: never the colour of a step done.
    assert pixel(world, map_point(world, "KZ")) == action_fill(expected)


def test_clicking_kazakhstan_on_the_map_selects_it_in_the_list_and_the_detail(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    world = window.overview.map
    qtbot.mouseClick(world, Qt.MouseButton.LeftButton, pos=map_point(world, "KZ").toPoint())
    participants = window.views[RecordKind.PARTY]
    assert window.models[RecordKind.PARTY].key_at(participants.currentIndex().row()) == (
        "kazakhstan"
    )
    assert window.detail_reader.finish()
    assert "Kazakhstan" in window.detail_pane.text.toPlainText()
    assert window.overview.view.table.selected_key() == "kazakhstan"
    assert world.selected_party() == "kazakhstan"
    assert window.stack.currentWidget() is window.overview.view


def test_bahrain_is_a_marker_that_a_click_selects(qtbot: QtBot, window: MainWindow) -> None:
    show_overview(qtbot, window)
    world = window.overview.map
    bahrain = world_shapes().point("BH")
    assert bahrain is not None
    qtbot.mouseClick(
        world, Qt.MouseButton.LeftButton, pos=world.to_widget(bahrain.position).toPoint()
    )
    assert window.overview.view.table.selected_key() == "bahrain"
    assert window.detail_reader.finish()
    assert "Bahrain" in window.detail_pane.text.toPlainText()


def test_dragging_the_timelines_date_line_changes_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    view.set_day(JUNE_2021)
    assert statuses(window)["Kazakhstan"] == "no status"
    timeline = window.overview.timeline
    y = round(timeline.timeline_layout().events_rect().bottom()) + 8
    start = QPoint(round(timeline.x_of(JUNE_2021)), y)
    end = QPoint(round(timeline.x_of(date(2025, 12, 20))), y)
    qtbot.mousePress(timeline, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(timeline, end)
    qtbot.mouseRelease(timeline, Qt.MouseButton.LeftButton, pos=end)
    assert view.day() > NOVEMBER_2025
    assert view.as_of.field.day() == view.day()
    assert statuses(window)["Kazakhstan"] == "Expected to join (expected)"
    status_cell = view.table.model().index(0, STATUS)
    assert status_cell.isValid()
    assert "Expected to join" in map_says(window, "KZ")


def test_another_accords_statuses_stay_out_of_this_overview(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    store.add(Accord("test-accord", "Test Accord"))
    store.add(
        StatusAction(
            "kz-joined-test",
            "test-accord",
            "kazakhstan",
            StatusKind.JOINED,
            FuzzyDate.parse("2022-01-01"),
        )
    )
    window.refresh()
    show_overview(qtbot, window)
    window.overview.view.set_day(NOVEMBER_2025)
    assert window.overview.view.heading.text() == "Abraham Accords"
    assert statuses(window)["Kazakhstan"] == "Expected to join (expected)"
    assert "Joined" not in map_says(window, "KZ")
    window.accord_choice.set_key("test-accord")
    assert window.overview.finish()
    assert window.overview.view.heading.text() == "Test Accord"
    assert statuses(window) == {"Kazakhstan": "Joined"}
    assert "Joined" in map_says(window, "KZ")
    assert "no status" not in map_says(window, "KZ")
    assert "not a participant" in map_says(window, "IL")


def test_the_export_menu_saves_the_map_and_the_timeline_as_png_and_svg(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    show_overview(qtbot, window)
    view = window.overview.view
    titles = [action.text() for action in view.export_menu.actions() if action.text()]
    assert titles == [
        "Export Table as CSV…",
        "Export Map as PNG…",
        "Export Map as SVG…",
        "Export Timeline as PNG…",
        "Export Timeline as SVG…",
    ]
    world, timeline = window.overview.map, window.overview.timeline
    for name, write in (
        ("map.svg", world.export_svg),
        ("map.png", world.export_png),
        ("timeline.svg", timeline.export_svg),
        ("timeline.png", timeline.export_png),
    ):
        assert view.export_file(name, write, name.rsplit(".", 1)[1], tmp_path / name)
    assert ElementTree.parse(tmp_path / "map.svg").getroot().tag.endswith("svg")
    assert b"Kazakhstan" in (tmp_path / "timeline.svg").read_bytes()
    assert not QImage(str(tmp_path / "map.png")).isNull()
    assert not QImage(str(tmp_path / "timeline.png")).isNull()
    told: list[str] = []
    view.notify = told.append
    missing = tmp_path / "no-such-folder" / "map.svg"
    assert not view.export_file("map.svg", world.export_svg, "svg", missing)
    assert len(told) == 1 and str(missing) in told[0] and not missing.exists()
