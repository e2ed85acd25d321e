"""The Evidence view in the window, on the bundled data: the same counts as
`check`, each topic's records, each opened with the keyboard."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from viewer.cli import parse_arguments, run_command
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidencePage, EvidenceRow, EvidenceTopic
from viewer.domain.records import Source
from viewer.store.bootstrap import open_or_create
from viewer.ui.browse.evidence_rows_model import EvidenceRowsModel
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.navigator import EVIDENCE


def _show_evidence(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+9, as a user presses it, then the view's reads finished."""
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.evidence.finish()


def _check_counts(database: Path) -> dict[EvidenceTopic, int]:
    """The evidence counts `check` prints for the database."""
    store, opened = open_or_create(database, "tester")
    out, err = io.StringIO(), io.StringIO()
    try:
        assert run_command(parse_arguments(["--db", str(database), "check"]), store, out, err) == 0
    finally:
        opened.close()
    by_label = {topic.label.lower(): topic for topic in EvidenceTopic}
    counts = {}
    for label, number in re.findall(r"^evidence: (.+): ([\d,]+)", out.getvalue(), re.MULTILINE):
        counts[by_label[label.lower()]] = int(number.replace(",", ""))
    return counts


def test_the_views_counts_on_the_bundled_data_equal_checks(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    _show_evidence(qtbot, active_window)
    shown = active_window.evidence.view.counts_shown()
    assert set(shown) == set(EvidenceTopic)
    assert shown[EvidenceTopic.NO_LOCATOR] >= 1  # the bundled data has one, for a start
    assert shown == _check_counts(active_window.database_path)


def test_ctrl_9_shows_the_view_with_the_focus_in_its_topics(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    _show_evidence(qtbot, active_window)
    view = active_window.evidence.view
    assert active_window.stack.currentWidget() is view
    assert active_window.navigator.currentItem().text() == EVIDENCE
    assert QApplication.focusWidget() is view.topics
    assert "need attention" in active_window.count_label.text()


def test_a_topics_records_open_from_the_keyboard(qtbot: QtBot, active_window: MainWindow) -> None:
    _show_evidence(qtbot, active_window)
    view = active_window.evidence.view
    # Down to "Sources without a URL or accessed date", Enter to its records.
    for _ in range(list(EvidenceTopic).index(EvidenceTopic.SOURCE_INCOMPLETE)):
        qtbot.keyClick(view.topics, Qt.Key.Key_Down)
    assert active_window.evidence.finish()
    assert view.current_topic() is EvidenceTopic.SOURCE_INCOMPLETE
    assert view.rows_model.rowCount() == view.counts_shown()[EvidenceTopic.SOURCE_INCOMPLETE]
    qtbot.keyClick(view.topics, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.rows
    first = view.current_row()
    assert first is not None and first.open_kind is RecordKind.SOURCE
    # The current record shows in the panes without leaving the view.
    assert active_window.finish_reads()
    assert active_window.stack.currentWidget() is view
    shown = active_window.shown_location()
    assert shown is not None and shown.key == first.open_key
    # Enter opens it: selected in its list, shown in the detail.
    qtbot.keyClick(view.rows, Qt.Key.Key_Return)
    assert active_window.finish_reads()
    assert active_window.current_kind() is RecordKind.SOURCE
    assert not active_window.navigator.showing_evidence()
    model = active_window.models[RecordKind.SOURCE]
    current = active_window.views[RecordKind.SOURCE].currentIndex()
    assert model.key_at(current.row()) == first.open_key


def test_escape_in_the_records_goes_back_to_the_topics(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    _show_evidence(qtbot, active_window)
    view = active_window.evidence.view
    # No claim of the bundled data lacks a citation: Enter stays in the topics.
    assert view.current_topic() is EvidenceTopic.UNCITED
    qtbot.keyClick(view.topics, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.topics
    assert "none" in view.message.text()
    qtbot.keyClick(view.topics, Qt.Key.Key_Down)
    assert active_window.evidence.finish()
    qtbot.keyClick(view.topics, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.rows
    qtbot.keyClick(view.rows, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view.topics


def _row(n: int) -> EvidenceRow:
    return EvidenceRow(RecordKind.PARTY, f"p{n}", f"Party {n}", "", RecordKind.PARTY, f"p{n}")


def test_the_rows_model_asks_for_the_next_page_and_adds_it(qtmodeltester: ModelTester) -> None:
    tested = EvidenceRowsModel()
    tested.reset(EvidencePage(tuple(_row(n) for n in range(3)), None))
    qtmodeltester.check(tested)
    model = EvidenceRowsModel()
    asked: list[object] = []
    model.moreWanted.connect(asked.append)
    model.reset(EvidencePage(tuple(_row(n) for n in range(3)), (1, 3)))
    assert model.canFetchMore()
    model.fetchMore()
    assert asked == [(1, 3)]
    assert not model.canFetchMore()  # asked once until the page comes
    model.add_page(EvidencePage((_row(3),), None))
    assert model.rowCount() == 4 and not model.has_more()
    assert model.index(3, 0).data() == "Party 3"
    assert model.index(3, 1).data() == RecordKind.PARTY.label


def test_the_counts_follow_a_change_while_shown(qtbot: QtBot, active_window: MainWindow) -> None:
    _show_evidence(qtbot, active_window)
    before = active_window.evidence.view.counts_shown()[EvidenceTopic.SOURCE_INCOMPLETE]
    active_window.store.add(Source("undated", "A source with no URL"))
    active_window.refresh()
    assert active_window.evidence.finish()
    assert active_window.stack.currentWidget() is active_window.evidence.view
    after = active_window.evidence.view.counts_shown()[EvidenceTopic.SOURCE_INCOMPLETE]
    assert after == before + 1
