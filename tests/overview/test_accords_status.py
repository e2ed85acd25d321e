"""A participant's status is per accord: a second accord's steps never leak into the first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from tests.overview.accords_window import open_window, status_cell
from tests.reliability.window_support import on_modal_dialog
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.records import Accord, Citation, StatusAction
from viewer.store.api import ListQuery, Store, accord_overview, busiest_accord, fetch_rows
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.window.accord_choice import SETTING, AccordChoice
from viewer.ui.window.main_window import MainWindow

SOURCE = "fox-news-kazakhstan-abraham-accords-2025-11-06"


def add_test_accord(store: Store) -> None:
    """The accord "test-accord", in which Kazakhstan joined on 1 January 2022."""
    store.add(Accord("test-accord", "Test Accord", first_signed=FuzzyDate.parse("2022")))
    store.add(
        StatusAction(
            key="kazakhstan-joins-test-accord",
            accord="test-accord",
            party="kazakhstan",
            action=StatusKind.JOINED,
            date=FuzzyDate.parse("2022-01-01"),
            citations=(Citation(SOURCE, "para. 1"),),
        )
    )


def _statuses(store: Store, accord: str | None) -> dict[str, tuple[str, ...]]:
    query = ListQuery(RecordKind.PARTY, accord=accord)
    return {row.key: row.cells[2:] for row in fetch_rows(store, query, 0, 50)}


def test_the_list_says_each_partys_status_in_the_chosen_accord(seeded_store: Store) -> None:
    add_test_accord(seeded_store)
    abraham = _statuses(seeded_store, "abraham-accords")
    assert abraham["kazakhstan"] == ("expected to join", "6 Nov 2025")
    test = _statuses(seeded_store, "test-accord")
    assert test["kazakhstan"] == ("joined", "1 Jan 2022")
    assert test["israel"] == ("", "")  # no step in this accord
    # One row per party, whichever accord is chosen.
    assert len(abraham) == len(test) == 9
    # Without a chosen accord, the latest step of any accord (the former list).
    assert _statuses(seeded_store, None)["kazakhstan"] == ("expected to join", "6 Nov 2025")


def test_the_overview_of_the_first_accord_holds_none_of_the_seconds_steps(
    seeded_store: Store,
) -> None:
    add_test_accord(seeded_store)
    overview = accord_overview(seeded_store, "abraham-accords")
    assert overview is not None
    steps = [action for party in overview.parties for action in party.actions]
    assert steps and all(action.accord == "abraham-accords" for action in steps)
    kazakhstan = overview.party("kazakhstan")
    assert kazakhstan is not None
    assert [a.action for a in kazakhstan.actions] == [StatusKind.EXPECTED_TO_JOIN]
    other = accord_overview(seeded_store, "test-accord")
    assert other is not None
    assert [p.key for p in other.parties] == ["kazakhstan"]


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    built = open_window(qtbot, tmp_path, seeded_copy)
    add_test_accord(built.store)
    built.refresh()
    built.finish_reads()
    yield built


def test_with_the_abraham_accords_chosen_nothing_of_the_test_accord_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.accord_choice.key() == "abraham-accords"  # the most steps
    assert status_cell(window, "kazakhstan") == "expected to join"
    window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    qtbot.waitUntil(lambda: window.detail_pane.detail is not None)
    timeline = window.detail_pane.timeline
    assert {a.accord for a in timeline.shown_actions()} == {"abraham-accords"}
    assert timeline.current_text() == "Now: expected to join (since 6 Nov 2025)"
    page = window.detail_pane.text.toPlainText()
    assert "Status actions in Abraham Accords" in page
    assert "Also in: Test Accord — joined (since 1 Jan 2022)" in page
    assert "Current status\nexpected to join\n" in page


def test_choosing_the_test_accord_says_joined_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    with qtbot.waitSignal(window.accord_choice.changed) as changed:
        window.accord_choice.set_key("test-accord")
    assert changed.args == ["test-accord"]
    window.finish_reads()
    assert status_cell(window, "kazakhstan") == "joined"
    assert status_cell(window, "kazakhstan", 3) == "1 Jan 2022"
    assert status_cell(window, "israel") == ""
    assert window.models[RecordKind.PARTY].rowCount() == 9  # one row per party
    timeline = window.detail_pane.timeline
    assert [a.key for a in timeline.shown_actions()] == ["kazakhstan-joins-test-accord"]
    assert timeline.current_text() == "Now: joined (since 1 Jan 2022)"
    page = window.detail_pane.text.toPlainText()
    assert "Current status\njoined\n" in page
    assert "Also in: Abraham Accords — expected to join" in page
    combo = window.accord_selector.combo
    assert combo.currentText() == "Test Accord"


def test_the_choice_is_remembered_and_falls_back_when_its_accord_is_gone(
    qtbot: QtBot, seeded_store: Store, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "choice.ini"), QSettings.Format.IniFormat)
    add_test_accord(seeded_store)
    assert busiest_accord(seeded_store) == "abraham-accords"
    choice = AccordChoice(seeded_store, settings)
    assert (choice.key(), choice.name()) == ("abraham-accords", "Abraham Accords")
    choice.set_key("no-such-accord")
    assert choice.key() == "abraham-accords"
    choice.set_key("test-accord")
    assert settings.value(SETTING) == "test-accord"
    again = AccordChoice(seeded_store, settings)
    assert again.key() == "test-accord"
    seeded_store.delete(RecordKind.STATUS_ACTION, "kazakhstan-joins-test-accord")
    seeded_store.delete(RecordKind.ACCORD, "test-accord")
    with qtbot.waitSignal(again.changed) as changed:
        again.refresh()
    assert changed.args == ["abraham-accords"]


def test_a_database_without_accords_has_no_choice(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "choice.ini"), QSettings.Format.IniFormat)
    choice = AccordChoice(store, settings)
    assert choice.key() is None and choice.name() == ""
    store.add(Accord("lone-pact", "Lone Pact"))  # no step yet: not chosen for the user
    choice.refresh()
    assert choice.key() is None
    with qtbot.waitSignal(choice.changed) as changed:
        choice.set_key("lone-pact")  # but the user may choose it
    assert changed.args == ["lone-pact"]
    assert choice.name() == "Lone Pact"


def test_change_status_starts_in_the_chosen_accord(qtbot: QtBot, window: MainWindow) -> None:
    window.accord_choice.set_key("test-accord")
    window.select_record(RecordKind.PARTY, "israel")
    window.finish_reads()
    seen: dict[str, str | None] = {}

    def look(dialog: object) -> None:
        assert isinstance(dialog, StatusActionDialog)
        seen["accord"] = dialog.accord_picker.key()
        seen["party"] = dialog.party_picker.key()
        dialog.reject()

    on_modal_dialog(look)
    window.edit_actions.new_status.trigger()
    qtbot.waitUntil(lambda: "accord" in seen)
    assert seen == {"accord": "test-accord", "party": "israel"}
