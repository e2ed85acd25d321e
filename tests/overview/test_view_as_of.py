"""The overview view on its own: the one day, its controls, the slots and the empty state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from viewer.domain.enums import PartyKind, StatusKind
from viewer.domain.overview import AccordOverview, OverviewParty
from viewer.domain.records import Accord, StatusAction
from viewer.domain.status import AS_OF_RULE, RULE
from viewer.store.api import Store, accord_overview
from viewer.ui.overview.as_of_bar import NO_SPAN
from viewer.ui.overview.overview_view import NO_ACCORD, OverviewView


@pytest.fixture
def abraham(seeded_store: Store) -> AccordOverview:
    found = accord_overview(seeded_store, "abraham-accords")
    assert found is not None
    return found


@pytest.fixture
def view(qtbot: QtBot, abraham: AccordOverview) -> OverviewView:
    made = OverviewView(date(2021, 6, 1))
    qtbot.addWidget(made)
    made.set_overview(abraham)
    made.resize(900, 600)
    made.show()
    return made


class MapDouble(QWidget):
    """Stands in for the world map."""

    partyChosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.days: list[date] = []

    def set_overview(self, overview: AccordOverview) -> None:
        self.overview = overview

    def set_day(self, day: date) -> None:
        self.days.append(day)


class TimelineDouble(MapDouble):
    """Stands in for the timeline of everything."""

    dayChanged = Signal(object)
    recordChosen = Signal(str, str)


def test_the_rule_is_said_in_the_view(view: OverviewView) -> None:
    assert view.as_of.rule_label.text() == f"{RULE} {AS_OF_RULE}"
    assert view.heading.text() == "Abraham Accords"


def test_the_step_buttons_go_from_change_to_change(
    qtbot: QtBot, view: OverviewView, abraham: AccordOverview
) -> None:
    days = abraham.change_days()
    bar = view.as_of
    seen: list[date] = []
    view.dayChanged.connect(seen.append)
    view.set_day(days[0])
    assert not bar.previous_button.isEnabled()
    for day in days[1:]:
        qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
        assert view.day() == day
    assert not bar.next_button.isEnabled()
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert view.day() == days[-2]
    assert seen == [*days, days[-2]]
    # The slider follows: its value counts the days from the first change.
    assert bar.slider.value() == (days[-2] - days[0]).days
    assert bar.slider.maximum() == (days[-1] - days[0]).days


def test_the_slider_moves_the_day_and_the_table(
    view: OverviewView, abraham: AccordOverview
) -> None:
    span = abraham.span()
    assert span == (date(2020, 9, 15), date(2025, 11, 6))
    view.as_of.slider.setValue(view.as_of.slider.maximum())
    assert view.day() == date(2025, 11, 6)
    assert view.as_of.field.line_edit.text() == "6 Nov 2025"
    row = view.table.participants.row_of("kazakhstan")
    assert row is not None
    assert view.table.participants.index(row, 1).data() == "Expected to join (expected)"


def test_play_steps_through_the_changes_and_stops_at_the_last(
    qtbot: QtBot, view: OverviewView, abraham: AccordOverview
) -> None:
    days = abraham.change_days()
    bar = view.as_of
    view.set_day(days[-1])
    seen: list[date] = []
    view.dayChanged.connect(seen.append)
    qtbot.mouseClick(bar.play_button, Qt.MouseButton.LeftButton)
    # At the last change, Play starts again from the first.
    assert bar.is_playing() and bar.play_button.text() == "Pause"
    ticks = 0
    while bar.is_playing() and ticks < 50:
        bar.timer.timeout.emit()  # the timer's beat, without waiting for it
        ticks += 1
    assert seen == list(days)
    assert not bar.is_playing() and bar.play_button.text() == "Play"
    assert view.day() == days[-1]


def test_space_on_the_slider_plays_and_pauses(qtbot: QtBot, view: OverviewView) -> None:
    bar = view.as_of
    bar.slider.setFocus()
    view.activateWindow()
    qtbot.keyClick(bar.slider, Qt.Key.Key_Space)
    assert bar.is_playing()
    qtbot.keyClick(bar.slider, Qt.Key.Key_Space)
    assert not bar.is_playing()


def test_brackets_typed_in_the_field_are_text(qtbot: QtBot, view: OverviewView) -> None:
    field = view.as_of.field.line_edit
    field.setFocus()
    field.clear()
    qtbot.keyClicks(field, "[]")
    assert field.text() == "[]"
    assert view.day() == date(2021, 6, 1)


def test_an_accord_without_dated_steps_disables_the_slider_with_a_word(
    view: OverviewView,
) -> None:
    undated = StatusAction("s", "quiet", "p", StatusKind.ANNOUNCED)
    quiet = AccordOverview(
        Accord("quiet", "A quiet accord"),
        (OverviewParty("p", "Papua", PartyKind.STATE, None, (undated,)),),
    )
    view.set_overview(quiet)
    bar = view.as_of
    assert not bar.slider.isEnabled() and not bar.play_button.isEnabled()
    assert not bar.next_button.isEnabled() and not bar.previous_button.isEnabled()
    assert bar.span_label.text() == NO_SPAN
    assert view.table.model().rowCount() == 1


def test_no_accord_is_a_plain_empty_state(qtbot: QtBot) -> None:
    view = OverviewView(date(2021, 6, 1))
    qtbot.addWidget(view)
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text() == NO_ACCORD
    view.show_problem("the database is locked")
    assert view.empty.text() == "The overview cannot be shown: the database is locked"


def test_the_parts_have_no_place_until_set_then_follow_the_day(
    view: OverviewView, abraham: AccordOverview
) -> None:
    assert [view.top.widget(n) for n in range(view.top.count())] == [view.table]
    assert [view.body.widget(n) for n in range(view.body.count())] == [view.top]
    timeline, world = TimelineDouble(), MapDouble()
    view.set_timeline(timeline)
    view.set_map(world)
    # The table with the map beside it, the timeline under both, whatever
    # order they came in.
    assert [view.top.widget(n) for n in range(view.top.count())] == [view.table, world]
    assert [view.body.widget(n) for n in range(view.body.count())] == [view.top, timeline]
    assert world.overview is abraham and timeline.overview is abraham
    view.set_day(date(2025, 11, 7))
    assert world.days[-1] == timeline.days[-1] == date(2025, 11, 7)
    chosen: list[tuple[str, str]] = []
    view.recordChosen.connect(lambda kind, key: chosen.append((kind, key)))
    world.partyChosen.emit("bahrain")
    timeline.recordChosen.emit("event", "some-event")
    assert view.table.select_key("israel")
    assert chosen == [("party", "bahrain"), ("event", "some-event"), ("party", "israel")]


def test_a_failed_export_says_so(tmp_path: Path, view: OverviewView) -> None:
    said: list[str] = []
    view.notify = said.append
    target = tmp_path / "missing" / "table.csv"
    assert not view.export_table(target)
    assert len(said) == 1
    assert said[0].startswith(f"The table was not saved to {target}: ")
    assert said[0].endswith("Choose a folder you can write to and export again.")
    assert view.export_table(tmp_path / "table.csv")
    assert (tmp_path / "table.csv").read_text(encoding="utf-8-sig").startswith("Participant,")
