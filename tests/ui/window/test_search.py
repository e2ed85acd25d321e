"""Searching in the window: the field, all results, facets, counts, saved searches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QTableView

from tests.store.test_search import HOSTILE
from tests.ui.children import child
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.query import FILTERS, parse
from viewer.store.api import InvalidRecord, save_search, search
from viewer.ui.browse.facets_panel import FILTER_ROLE, leaf_items
from viewer.ui.browse.match_delegate import MatchDelegate
from viewer.ui.browse.search_reader import SearchReader, SearchResults
from viewer.ui.widgets.search_help_dialog import SearchHelpDialog
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path], settings: QSettings
) -> Iterator[MainWindow]:
    built = create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings)
    qtbot.addWidget(built)
    built.show()
    yield built


def search_for(window: MainWindow, text: str) -> SearchResults:
    """Type ``text`` into the field, let it settle, and wait for the results."""
    window.search_field.setText(text)
    window.search_field.settle()
    found: list[SearchResults] = []

    def keep(results: SearchResults) -> None:
        found.append(results)

    window.search.reader.found.connect(keep)
    assert window.search.reader.finish()
    window.search.reader.found.disconnect(keep)
    assert found, "the search delivered no results"
    return found[-1]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_no_typed_text_makes_the_window_raise(window: MainWindow, text: str) -> None:
    # pytest-qt fails the test on any exception raised inside a Qt slot.
    window.search_field.setText(text)
    window.search_field.settle()
    assert window.search.reader.finish()
    assert "could not be run" not in window.search.results.summary.text()
    model = window.models[RecordKind.PARTY]
    assert model.total() >= 0


def test_what_the_field_cannot_use_is_in_its_tooltip(window: MainWindow) -> None:
    window.search_field.setText("colour:red status:sleepy")
    window.search_field.settle()
    tooltip = window.search_field.toolTip()
    assert "colour: is not a filter" in tooltip
    assert "status:sleepy is not a status" in tooltip
    window.search_field.setText("israel")
    window.search_field.settle()
    assert "is not" not in window.search_field.toolTip()


def test_the_navigator_shows_each_lists_hits_during_a_search(window: MainWindow) -> None:
    search_for(window, "kazakh")
    texts = [window.navigator.item(row).text() for row in range(7)]
    assert texts[1] == "Participants (1 of 9)"
    assert texts[6].startswith("All results (")
    window.search_field.clear()
    window.search_field.settle()  # no search: nothing to read, the counts at once
    assert window.navigator.item(1).text() == "Participants (9)"


def test_all_results_groups_hits_by_kind_with_snippets(qtbot: QtBot, window: MainWindow) -> None:
    results = search_for(window, "zayani")
    window.navigator.show_results()
    view = window.search.results
    assert window.stack.currentWidget() is view
    assert set(view.shown_keys()) == {(hit.kind, hit.key) for hit in results.hits}
    groups = [view.hits.topLevelItem(i) for i in range(view.hits.topLevelItemCount())]
    group = next(g for g in groups if g is not None and g.text(0).startswith("People"))
    assert group.text(0) == "People (1)"
    hit = group.child(0)
    assert hit is not None and "Zayani" in hit.text(0)
    assert "\ue000" not in hit.text(1)  # the match marks are not shown as characters
    # Enter on the hit opens the record in its list.
    view.hits.setCurrentItem(hit)
    view.hits.setFocus()
    qtbot.keyClick(view.hits, Qt.Key.Key_Return)
    location = window.current_location()
    assert location is not None and location.key == "abdullatif-bin-rashid-al-zayani"
    assert window.stack.currentWidget() is window.views[RecordKind.PERSON]


def test_a_facet_adds_its_filter_and_the_counts_follow(window: MainWindow) -> None:
    first = search_for(window, "visit")
    assert first.facets.kinds[RecordKind.EVENT] == 2
    facets = window.search.results.facets
    planned = next(
        item for item in leaf_items(facets) if item.data(0, FILTER_ROLE) == "certainty:planned"
    )
    found: list[SearchResults] = []
    window.search.reader.found.connect(found.append)
    facets.itemClicked.emit(planned, 0)
    assert window.search_field.text() == "visit certainty:planned"
    assert window.search.reader.finish()
    assert found[-1].counts[RecordKind.EVENT] == 1


def test_a_saved_search_is_a_list_that_stays_current(window: MainWindow) -> None:
    window.search_field.setText("kind:event year:2025")
    window.search_field.settle()
    assert window.search.save_current("This year's events")
    assert window.navigator.saved_searches() == ["This year's events"]
    window.search_field.clear()
    window.search_field.settle()
    window.show_kind(RecordKind.PARTY)
    # Choosing it puts its query back and shows its results.
    item = next(
        window.navigator.item(row)
        for row in range(window.navigator.count())
        if window.navigator.item(row).text() == "This year's events"
    )
    window.navigator.setCurrentItem(item)
    assert window.search_field.text() == "kind:event year:2025"
    assert window.search.reader.finish()
    assert window.stack.currentWidget() is window.search.results
    expected = {(hit.kind, hit.key) for hit in search(window.store, "kind:event year:2025")}
    assert set(window.search.results.shown_keys()) == expected and len(expected) > 3
    # Deleting it leaves the navigator and the database.
    window.search.delete_current()
    assert window.navigator.saved_searches() == []


def test_a_saved_search_needs_a_name_and_a_query(window: MainWindow) -> None:
    with pytest.raises(InvalidRecord, match="is required"):
        save_search(window.store, "   ", "kind:event")
    with pytest.raises(InvalidRecord, match="nothing to save"):
        save_search(window.store, "Empty", "  ")


def test_matches_are_highlighted_in_the_lists(window: MainWindow) -> None:
    view = child(window, QTableView, "participantsView")
    delegate = view.itemDelegate()
    assert isinstance(delegate, MatchDelegate)
    search_for(window, "kazakh")
    assert [term.text for term in delegate.terms()] == ["kazakh"]
    assert not view.grab().isNull()  # the highlighted cells paint without error
    window.search_field.clear()
    window.search_field.settle()
    assert delegate.terms() == ()


def test_a_reply_for_text_typed_past_is_dropped(qtbot: QtBot, window: MainWindow) -> None:
    reader = SearchReader(window.store)
    found: list[SearchResults] = []
    reader.found.connect(found.append)
    reader.request_query(parse("israel"))
    reader.request_query(parse("kazakh"))
    assert reader.finish()
    assert [result.query for result in found] == [parse("kazakh")]
    reader.stop()


def test_the_current_hit_shows_in_the_panes(window: MainWindow) -> None:
    search_for(window, "zayani")
    window.navigator.show_results()
    assert window.detail_reader.finish()
    shown = window.shown_location()
    first = window.search.results.shown_keys()[0]
    assert shown is not None and (shown.kind, shown.key) == first


def test_the_help_names_every_filter(qtbot: QtBot) -> None:
    dialog = SearchHelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for name in FILTERS:
        assert f"  {name}:" in text
    assert "at most 1,000 characters" in text  # the bounds the field and the store keep
    assert "STRASSE finds Straße" in text
    assert dialog.text.isReadOnly()


def test_down_or_enter_in_the_field_goes_to_the_results(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search_field, "kazakh")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.views[RecordKind.PARTY].hasFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.search_field.hasFocus()
    assert window.stack.currentWidget() is window.search.results
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.search.results.hits.hasFocus()
    assert window.search.reader.finish()
    qtbot.keyClick(window.search.results.hits, Qt.Key.Key_Return)  # opens the first hit
    assert window.current_location() is not None


def test_a_refresh_during_a_filter_read_keeps_the_typed_filter(window: MainWindow) -> None:
    window.search_field.setText("kazakh")
    window.search_field.settle()
    window.refresh()  # e.g. another program wrote meanwhile
    assert window.finish_reads()
    model = window.models[RecordKind.PARTY]
    assert model.filter_text == "kazakh"
    assert [model.key_at(row) for row in range(model.rowCount())] == ["kazakhstan"]


def test_a_refresh_keeps_all_results_and_the_search(window: MainWindow) -> None:
    search_for(window, "visit")
    window.navigator.show_results()
    window.refresh()
    assert window.finish_reads()
    assert window.stack.currentWidget() is window.search.results
    assert window.search_field.text() == "visit"
    # A search hiding the selected record is not cleared by a refresh either.
    window.select_record(RecordKind.PARTY, "israel")
    search_for(window, "kazakh")
    window.refresh()
    assert window.finish_reads()
    assert window.search_field.text() == "kazakh"


def test_a_search_saved_under_a_lists_name_is_the_one_chosen(window: MainWindow) -> None:
    window.search_field.setText("kind:event")
    window.search_field.settle()
    assert window.search.save_current("All results")
    assert window.navigator.current_saved_search() == "All results"
    assert window.search.delete_action.isEnabled()


def test_the_save_dialog_shows_the_query_as_text(qtbot: QtBot, window: MainWindow) -> None:
    window.search_field.setText("<b>bold</b> <img src=x>")
    window.search_field.settle()
    seen: list[tuple[str, Qt.TextFormat]] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        label = dialog.findChild(QLabel)
        assert label is not None
        seen.append((label.text(), label.textFormat()))
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    assert not window.search.save_current()
    assert seen == [("Save “<b>bold</b> <img src=x>” as:", Qt.TextFormat.PlainText)]


def test_ctrl_shift_s_asks_for_a_name_and_saves(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "party:UAE")
    window.search_field.settle()

    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("About the UAE")
        dialog.accept()

    QTimer.singleShot(0, name_it)
    qtbot.keyClick(
        window.search_field,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.navigator.saved_searches() == ["About the UAE"]
    assert window.navigator.current_saved_search() == "About the UAE"
