"""Moving the as-of date moves colours and a line, never the overview's layout.

When the line under the date field wrapped for some days and not others, the
as-of bar changed height as the slider moved: the table, the map and the
timeline were resized on about every other move, the map fitted itself again
and the timeline painted its whole picture again (20,000 events), and the
three jumped up and down. benchmarks/overview_steps.py times the steps; these
tests count what a step must not do.
"""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from tests.overview.test_view_window import show_overview, window
from viewer.ui.overview.as_of_bar import AsOfBar
from viewer.ui.window.main_window import MainWindow

__all__ = ["window"]  # the fixture, shared with the window tests

STEPS = 200


class EventCounter(QObject):
    """Counts the paint and resize events of the widgets it watches."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.paints = 0
        self.resizes = 0
        self._watched = {id(widget) for widget in widgets}
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if id(watched) in self._watched:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            elif event.type() == QEvent.Type.Resize:
                self.resizes += 1
        return False


def test_sliding_through_the_span_resizes_nothing_and_keeps_the_timeline_picture(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1400, 900)
    show_overview(qtbot, window)
    view = window.overview.view
    world, timeline = window.overview.map, window.overview.timeline
    QApplication.processEvents()
    slider = view.as_of.slider
    assert slider.maximum() > STEPS  # the bundled span is years long
    map_view, bar_height = world.view(), view.as_of.height()
    builds = timeline.cache_builds
    parts = [view.as_of, view.table, view.table.viewport(), world, timeline]
    counter = EventCounter(parts)
    days = set()
    for step in range(STEPS + 1):
        slider.setValue(round(slider.maximum() * step / STEPS))
        QApplication.processEvents()
        QApplication.processEvents()  # a paint posted by a late layout
        days.add(view.day())
    assert len(days) == STEPS + 1  # every move was a new day
    assert timeline.day() == view.day() == world.day()
    assert counter.paints >= STEPS  # the parts did repaint...
    assert counter.resizes == 0  # ...where they were
    assert view.as_of.height() == bar_height
    assert timeline.cache_builds == builds  # only the line moved over the picture
    assert world.view() == map_view  # the map did not fit itself again


def test_the_line_under_the_field_names_any_day_on_one_line(qtbot: QtBot) -> None:
    bar = AsOfBar(date(2021, 6, 1))
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    heights, readings = set(), set()
    for year in (1999, 2000, 2021, 2025):
        for month in range(1, 13):
            for day in (1, 9, 10, 18, 28):
                bar.set_day(date(year, month, day))
                QApplication.processEvents()
                heights.add(bar.sizeHint().height())
                readings.add(bar.field.reading.height())
    assert bar.field.reading.text() == "Understood as 28 Dec 2025"
    assert len(heights) == 1
    assert readings == {bar.field.reading.fontMetrics().height()}
