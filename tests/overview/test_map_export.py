"""The map as a PNG, an SVG and a picture for the report; a failed export says why."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tests.conftest import SeededCopy
from tests.overview.map_fixtures import NOVEMBER_2025, bundled_overview, shown_map
from viewer.domain.enums import StatusKind
from viewer.domain.overview import AccordOverview
from viewer.ui.timeline.status_colours import action_fill

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def overview(tmp_path_factory: pytest.TempPathFactory, seeded_copy: SeededCopy) -> AccordOverview:
    return bundled_overview(tmp_path_factory.mktemp("map"), seeded_copy)


def expected_fill(overview: AccordOverview) -> QColor:
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    expected = kazakhstan.actions[-1]
    assert expected.action is StatusKind.EXPECTED_TO_JOIN
    return action_fill(expected)


def count_colour(image: QImage, colour: QColor) -> int:
    wanted = colour.rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == wanted
    )


def test_the_svg_is_well_formed_with_the_countries_as_paths(
    qtbot: QtBot, overview: AccordOverview, tmp_path: Path
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    target = tmp_path / "map.svg"
    world_map.export_svg(target)
    root = ElementTree.parse(target).getroot()
    assert root.tag == f"{SVG}svg"
    paths = list(root.iter(f"{SVG}path"))
    # The sea, the countries that take no part, and one per participant shape.
    assert len(paths) >= 8
    text = target.read_text(encoding="utf-8")
    assert expected_fill(overview).name() in text  # Kazakhstan, pale
    assert "Not a participant" in text  # the legend travels with the map
    assert "2025-11-07" in text


def test_the_svg_renders_to_the_same_colours(
    qtbot: QtBot, overview: AccordOverview, tmp_path: Path
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    target = tmp_path / "map.svg"
    world_map.export_svg(target)
    renderer = QSvgRenderer(str(target))
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert count_colour(image, expected_fill(overview)) > 50


def test_the_png_has_the_map_and_its_legend(
    qtbot: QtBot, overview: AccordOverview, tmp_path: Path
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    target = tmp_path / "map.png"
    world_map.export_png(target)
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (world_map.width(), world_map.height())
    assert count_colour(image, expected_fill(overview)) > 50
    assert target.stat().st_mode & 0o044  # readable by others, like any picture
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]  # no temporary left


def test_the_picture_for_the_report_has_the_size_asked(
    qtbot: QtBot, overview: AccordOverview
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    picture = world_map.picture(1600, 900)
    assert (picture.width(), picture.height()) == (1600, 900)
    assert count_colour(picture, expected_fill(overview)) > 100


def test_an_export_into_a_missing_folder_says_so(
    qtbot: QtBot, overview: AccordOverview, tmp_path: Path
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    for export, name in ((world_map.export_png, "map.png"), (world_map.export_svg, "map.svg")):
        target = tmp_path / "missing" / name
        with pytest.raises(OSError, match="does not exist") as raised:
            export(target)
        assert str(tmp_path / "missing") in str(raised.value)
        assert "Traceback" not in str(raised.value)
        assert not target.parent.exists()


def test_an_export_over_a_folder_fails_and_keeps_it(
    qtbot: QtBot, overview: AccordOverview, tmp_path: Path
) -> None:
    world_map = shown_map(qtbot, overview, NOVEMBER_2025)
    target = tmp_path / "taken"
    target.mkdir()
    (target / "inside.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(OSError, match="Could not save the map"):
        world_map.export_png(target)
    assert (target / "inside.txt").read_text(encoding="utf-8") == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
