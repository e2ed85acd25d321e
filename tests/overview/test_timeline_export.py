"""The accord timeline's pictures: PNG and SVG files, and the report's picture."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from tests.overview.timeline_synthetic import synthetic_overview
from viewer.domain.enums import EventKind
from viewer.domain.overview import AccordOverview, OverviewEvent
from viewer.store.api import Store, accord_overview
from viewer.ui.overview.accord_timeline import AccordTimeline
from viewer.ui.timeline.status_colours import marker_colour

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def timeline(seeded_store: Store, qtbot: QtBot) -> AccordTimeline:
    overview = accord_overview(seeded_store, "abraham-accords")
    assert isinstance(overview, AccordOverview)
    widget = AccordTimeline()
    qtbot.addWidget(widget)
    widget.set_overview(overview)
    widget.set_day(date(2025, 11, 7))
    widget.resize(900, 200)  # too short for every lane: the files hold them all anyway
    return widget


def test_svg_export_is_well_formed_and_holds_the_names(
    timeline: AccordTimeline, tmp_path: Path
) -> None:
    path = tmp_path / "timeline.svg"
    timeline.export_svg(path)
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join(t.strip() for t in root.itertext())
    for name in ("Kazakhstan", "United States", "Israel", "7 Nov 2025"):
        assert name in texts
    assert root.find(f"{SVG}title") is not None
    assert "Abraham Accords" in (root.findtext(f"{SVG}title") or "")
    assert not list(tmp_path.glob("*.part"))  # nothing left over


def test_png_export_holds_every_lane_and_the_line(timeline: AccordTimeline, tmp_path: Path) -> None:
    path = tmp_path / "timeline.png"
    timeline.export_png(path)
    image = QImage(str(path))
    assert not image.isNull()
    layout = timeline.timeline_layout()
    assert image.height() >= layout.lanes_top() + 9 * layout.lane_height
    last_lane = round(layout.lanes_top() + 8.5 * layout.lane_height)
    row = [image.pixel(x, last_lane) for x in range(image.width())]
    assert marker_colour().rgb() in row  # the as-of line runs down to the last lane


def test_export_into_a_missing_folder_says_so(timeline: AccordTimeline, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "timeline.svg"
    with pytest.raises(OSError, match="does not exist") as raised:
        timeline.export_svg(missing)
    assert str(missing.parent) in str(raised.value)
    with pytest.raises(OSError, match="does not exist"):
        timeline.export_png(missing.with_suffix(".png"))
    assert not missing.parent.exists()


def test_export_over_a_folder_says_so_and_loses_nothing(
    timeline: AccordTimeline, tmp_path: Path
) -> None:
    # A folder where the file should go: refused whoever runs the tests (even root).
    taken = tmp_path / "timeline.png"
    taken.mkdir()
    (taken / "kept.txt").write_text("earlier work")
    with pytest.raises(OSError, match="Could not save the timeline") as raised:
        timeline.export_png(taken)
    assert "Choose another folder or file name" in str(raised.value)
    assert (taken / "kept.txt").read_text() == "earlier work"
    assert not list(tmp_path.glob("*.part")), "a half-written file was left"


def test_the_report_picture_has_the_size_asked_and_every_lane(
    timeline: AccordTimeline,
) -> None:
    image = timeline.picture(800, 500)
    assert (image.width(), image.height()) == (800, 500)
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 500, 3)}
    assert len(colours) > 10
    small = timeline.picture(600, 150)  # lanes shrink to fit
    assert (small.width(), small.height()) == (600, 150)


def test_events_without_a_date_or_left_out_are_counted_not_dropped(
    qtbot: QtBot, tmp_path: Path
) -> None:
    overview = replace(synthetic_overview(3, 10), events_total=40)
    undated = OverviewEvent("undated", "Undated talk", EventKind.MEETING, None)
    overview = replace(overview, events=(*overview.events, undated), events_total=41)
    widget = AccordTimeline()
    qtbot.addWidget(widget)
    widget.set_overview(overview)
    widget.resize(900, 200)
    path = tmp_path / "few.svg"
    widget.export_svg(path)
    texts = " ".join(t.strip() for t in ET.parse(path).getroot().itertext())
    assert "Events (1 undated, 30 left out)" in texts
    heading = widget.timeline_layout().events_rect().center()
    note = widget.tooltip_text_at(QPointF(20, heading.y()))
    assert note.splitlines() == [
        "Dated events: 10, marked where their dates fall.",
        "Without a date: 1 (no place on the axis).",
        "Left out: 30 (the overview holds the first 11).",
    ]
