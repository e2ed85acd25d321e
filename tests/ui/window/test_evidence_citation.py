"""An Evidence view's citation row opens that citation: its record selected in
its list, the citation current in the citations pane with the keyboard focus,
or the status bar saying it is no longer there. Keyboard first, as a user."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTreeWidget

from tests import samples
from viewer.app import create_main_window
from viewer.domain.citation_text import copied_reference
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidenceRow, EvidenceTopic
from viewer.domain.records import Citation, Party, Source
from viewer.store.bootstrap import open_or_create
from viewer.ui.window.main_window import MainWindow

WIRE = Source(key="wire", title="A wire story", url="https://example.org/wire")
# The participant's second citation and its status action's only one have no locator.
STATE_CITED = Citation("wire", "", "", "from the wire")
ACTION_CITED = Citation("wire", "")
# The organisation's quote is not in its source's archived text.
ARCHIVE = "The accord was first signed in 2020. Kazakhstan is expected to join it."
UNFOUND = Citation("report", "para. 3", "the league joined at once")


@pytest.fixture
def small_window(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> Iterator[MainWindow]:
    """The window on a database of the samples, with two citations without a locator."""
    path = tmp_path / "small.sqlite3"
    store, opened = open_or_create(path, "tester", seed=False)
    try:
        store.add(dataclasses.replace(samples.SOURCE, archived_text=ARCHIVE))
        store.add(WIRE)
        for record in samples.ALL[1:]:
            if record is samples.STATE:
                record = dataclasses.replace(
                    samples.STATE, citations=(*samples.STATE.citations, STATE_CITED)
                )
            elif record is samples.ORGANISATION:
                record = dataclasses.replace(samples.ORGANISATION, citations=(UNFOUND,))
            elif record is samples.ACTION:
                record = dataclasses.replace(samples.ACTION, citations=(ACTION_CITED,))
            store.add(record)
    finally:
        opened.close()
    window = create_main_window(path, settings)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    window.finish_reads()
    yield window


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the keyboard focus is."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def _to_citations_without_locator(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+9, Down to "Citations without a locator", Tab to its rows."""
    _key(qtbot, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.evidence.finish()
    view = window.evidence.view
    assert QApplication.focusWidget() is view.topics
    _key(qtbot, Qt.Key.Key_Down)
    assert window.evidence.finish()
    assert view.current_topic() is EvidenceTopic.NO_LOCATOR
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.rows


def _tree(window: MainWindow) -> QTreeWidget:
    tree = window.citations_pane.findChild(QTreeWidget, "citationsTree")
    assert isinstance(tree, QTreeWidget)
    return tree


def _claim_of_current(window: MainWindow) -> int:
    """Which claim (its place in the pane) the current citation is under."""
    tree = _tree(window)
    current = tree.currentItem()
    assert current is not None and current.parent() is not None
    return tree.indexOfTopLevelItem(current.parent())


def _listed_key(window: MainWindow, kind: RecordKind) -> str | None:
    return window.models[kind].key_at(window.views[kind].currentIndex().row())


def test_enter_on_a_citation_without_a_locator_opens_that_citation(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    window = active_window
    _to_citations_without_locator(qtbot, window)
    row = window.evidence.view.current_row()
    assert row is not None and row.cited is not None
    # The bundled data's one: an interview known only from a caption.
    assert (row.kind, row.key) == (RecordKind.EVENT, "trump-sunday-morning-futures-interview")
    assert "Enter opens the citation in its record" in window.evidence.view.message.text()
    _key(qtbot, Qt.Key.Key_Return)
    assert window.finish_reads()
    # The record is open in its list...
    assert not window.navigator.showing_evidence()
    assert window.current_kind() is RecordKind.EVENT
    assert _listed_key(window, RecordKind.EVENT) == row.key
    # ...and that very citation is current in the pane, with the keyboard focus.
    pane = window.citations_pane
    current = pane.current_citation()
    assert current is not None
    source, citation = current
    assert citation == row.cited.citation and citation.locator == ""
    assert source.key == "sunday-morning-futures-trump-interview"
    assert _tree(window).currentItem().data(0, Qt.ItemDataRole.UserRole + 1) == row.cited.index
    assert QApplication.focusWidget() is _tree(window)
    # The next key acts on it: Ctrl+C copies its reference.
    QGuiApplication.clipboard().clear()
    _key(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = copied_reference(source, citation, pane.citation_style()).text
    assert QGuiApplication.clipboard().text() == expected
    assert window.feedback.last_message().startswith("Copied reference:")


def test_a_double_click_on_a_status_actions_citation_opens_it_under_its_participant(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    _to_citations_without_locator(qtbot, window)
    view = window.evidence.view
    rows = [view.rows_model.row_at(n) for n in range(view.rows_model.rowCount())]
    assert [(r.kind, r.key) for r in rows if r is not None] == [
        (RecordKind.PARTY, "kazakhstan"),
        (RecordKind.STATUS_ACTION, "kz-expected"),
    ]
    second = view.rows_model.index(1, 0)
    place = view.rows.visualRect(second).center()
    qtbot.mouseClick(view.rows.viewport(), Qt.MouseButton.LeftButton, pos=place)
    qtbot.mouseDClick(view.rows.viewport(), Qt.MouseButton.LeftButton, pos=place)
    assert window.finish_reads()
    assert window.current_kind() is RecordKind.PARTY
    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
    current = window.citations_pane.current_citation()
    assert current is not None and current[1] == ACTION_CITED
    assert _claim_of_current(window) == 1  # the status action's claim, after the party's own
    assert QApplication.focusWidget() is _tree(window)


def test_the_participants_own_citation_is_found_after_one_before_it_was_removed(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    _to_citations_without_locator(qtbot, window)
    # Meanwhile the citation before it goes (another window, say): it moves up.
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(party, Party)
    window.store.update(dataclasses.replace(party, citations=(STATE_CITED,)))
    _key(qtbot, Qt.Key.Key_Return)
    assert window.finish_reads()
    current = window.citations_pane.current_citation()
    assert current is not None and current[1] == STATE_CITED
    assert _claim_of_current(window) == 0
    assert QApplication.focusWidget() is _tree(window)


def test_a_citation_removed_meanwhile_opens_its_record_and_says_so(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    _to_citations_without_locator(qtbot, window)
    row = window.evidence.view.current_row()
    assert isinstance(row, EvidenceRow) and row.key == "kazakhstan"
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(party, Party)
    window.store.update(dataclasses.replace(party, citations=samples.STATE.citations))
    _key(qtbot, Qt.Key.Key_Return)
    assert window.finish_reads()
    # The record opens all the same...
    assert window.current_kind() is RecordKind.PARTY
    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
    assert window.citations_pane.current_citation() is None
    # ...and the status bar says, in a plain line (no dialog opens).
    message = window.feedback.last_message()
    assert "no longer there" in message and "Kazakhstan" in message
    assert QApplication.activeModalWidget() is None


def test_moving_on_before_the_record_is_read_lets_the_citation_go(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    _to_citations_without_locator(qtbot, window)
    _key(qtbot, Qt.Key.Key_Return)
    # The participant is selected in its list, which has the focus while it is read...
    participants = window.views[RecordKind.PARTY]
    assert QApplication.focusWidget() is participants
    # ...and the user moves on to the other participant before it is.
    first = participants.currentIndex().row() == 0
    _key(qtbot, Qt.Key.Key_Down if first else Qt.Key.Key_Up)
    assert window.finish_reads()
    assert _listed_key(window, RecordKind.PARTY) == "league"
    shown = window.shown_location()
    assert shown is not None and shown.key == "league"
    # Nothing takes the focus from them, and no citation is chosen for them.
    assert QApplication.focusWidget() is participants
    assert window.citations_pane.current_citation() is None
    # Going back to the participant later does not bring the wish back either.
    _key(qtbot, Qt.Key.Key_Up if first else Qt.Key.Key_Down)
    assert window.finish_reads()
    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
    assert QApplication.focusWidget() is participants
    assert window.citations_pane.current_citation() is None


def test_enter_on_a_quote_not_found_opens_that_citation(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    _key(qtbot, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.evidence.finish()
    view = window.evidence.view
    for _ in range(list(EvidenceTopic).index(EvidenceTopic.QUOTE_NOT_FOUND)):
        _key(qtbot, Qt.Key.Key_Down)
    assert window.evidence.finish()
    _key(qtbot, Qt.Key.Key_Return)  # in the topics: to its records
    assert QApplication.focusWidget() is view.rows
    row = view.current_row()
    assert row is not None and row.key == "league"
    _key(qtbot, Qt.Key.Key_Return)
    assert window.finish_reads()
    assert _listed_key(window, RecordKind.PARTY) == "league"
    current = window.citations_pane.current_citation()
    assert current is not None and current[1] == UNFOUND
    assert QApplication.focusWidget() is _tree(window)


def test_a_citation_whose_record_a_search_hides_opens_all_the_same(
    qtbot: QtBot, small_window: MainWindow
) -> None:
    window = small_window
    window.search_field.setText("league")  # Kazakhstan is not among its matches
    window.search_field.settle()
    assert window.finish_reads()
    _to_citations_without_locator(qtbot, window)
    row = window.evidence.view.current_row()
    assert row is not None and row.key == "kazakhstan" and row.cited is not None
    _key(qtbot, Qt.Key.Key_Return)
    assert window.finish_reads()
    # The search that hid it is cleared, the record chosen once its list is read...
    assert window.search_field.text() == ""
    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
    # ...and the citation found in it, with the keyboard focus.
    current = window.citations_pane.current_citation()
    assert current is not None and current[1] == row.cited.citation
    assert QApplication.focusWidget() is _tree(window)


def test_a_record_a_search_hid_is_a_step_back_and_forward_once_chosen(
    small_window: MainWindow,
) -> None:
    window = small_window
    assert window.select_record(RecordKind.PARTY, "league")
    assert window.finish_reads()
    window.search_field.setText("league")  # Kazakhstan is not among its matches
    window.search_field.settle()
    assert window.finish_reads()

    window.open_record(RecordKind.PARTY, "kazakhstan")
    assert window.finish_reads()

    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
    # Asked for, so a step of Back/Forward: Back returns to the league.
    window.back_forward.back.trigger()
    assert window.finish_reads()
    assert _listed_key(window, RecordKind.PARTY) == "league"
    window.back_forward.forward.trigger()
    assert window.finish_reads()
    assert _listed_key(window, RecordKind.PARTY) == "kazakhstan"
