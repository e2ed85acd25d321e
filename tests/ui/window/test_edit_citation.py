"""Edit citation… (F2 in the citations pane, and the Edit menu) opens the
form of the record the selected citation backs, at that citation's locator:
from the Evidence view, a citation without a locator is fixed with keys alone."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTableWidget

from tests.ui.window.test_evidence_citation import _key, _to_citations_without_locator, _tree
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidenceTopic
from viewer.domain.records import Event, StatusAction
from viewer.store.api import evidence_counts
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.window.main_window import MainWindow

INTERVIEW = "trump-sunday-morning-futures-interview"
LOCATOR_COLUMN = 1


def _in_the_form(qtbot: QtBot, act: Callable[[RecordDialog, QTableWidget], None]) -> list[str]:
    """Answer the next modal form with ``act`` (given the form and its
    citations table); what went wrong in it, if anything."""
    failures: list[str] = []

    def answer() -> None:
        form = QApplication.activeModalWidget()
        try:
            assert isinstance(form, RecordDialog), f"no form opened: {form!r}"
            table = form.findChild(QTableWidget, "citationsTable")
            assert isinstance(table, QTableWidget)
            # A modal form is the active window on a desktop; offscreen, it is made so.
            form.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
            act(form, table)
        except AssertionError as error:
            failures.append(str(error))
        finally:
            if isinstance(form, RecordDialog) and form.isVisible():
                form.done(0)

    QTimer.singleShot(0, answer)
    return failures


def test_from_the_evidence_view_a_citation_gets_its_locator_with_keys_alone(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    window = active_window
    _to_citations_without_locator(qtbot, window)
    _key(qtbot, Qt.Key.Key_Return)  # opens the interview at its citation without a locator
    assert window.finish_reads()
    assert QApplication.focusWidget() is _tree(window)
    shown: dict[str, object] = {}

    def type_locator(form: RecordDialog, table: QTableWidget) -> None:
        assert isinstance(form, EventDialog)
        shown.update(row=table.currentRow(), column=table.currentColumn())
        shown["focus"] = QApplication.focusWidget() is table
        qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the cell, as in any table
        editor = QApplication.focusWidget()
        assert editor is not None and editor is not table
        qtbot.keyClicks(editor, "video caption, 0:42")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # The cell takes the text once the event loop turns, as Qt's delegate queues it.
        qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState, timeout=2000)
        form.accept()

    failures = _in_the_form(qtbot, type_locator)
    _key(qtbot, Qt.Key.Key_F2)

    assert failures == []
    # The form opened at that citation's locator, with the keyboard there.
    assert shown == {"row": 1, "column": LOCATOR_COLUMN, "focus": True}
    event = window.store.get(RecordKind.EVENT, INTERVIEW)
    assert isinstance(event, Event)
    assert event.citations[1].locator == "video caption, 0:42"
    assert event.citations[0].locator == "video caption"  # the other one untouched
    assert evidence_counts(window.store)[EvidenceTopic.NO_LOCATOR] == 0


def test_a_status_actions_citation_opens_the_status_form_not_the_participants(
    qtbot: QtBot, active_window: MainWindow
) -> None:
    window = active_window
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    assert window.finish_reads()
    pane = window.citations_pane
    # The claims: Kazakhstan's own, then its step's; the step's second citation.
    pane.select_citation(1, 1)
    _tree(window).setFocus()
    shown: dict[str, object] = {}

    def look(form: RecordDialog, table: QTableWidget) -> None:
        assert isinstance(form, StatusActionDialog)
        shown.update(row=table.currentRow(), column=table.currentColumn())

    failures = _in_the_form(qtbot, look)
    edit = pane.edit_citation_action
    assert edit in window.commands.edit_menu.actions() and edit.isEnabled()
    edit.trigger()  # from the Edit menu this time

    assert failures == []
    assert shown == {"row": 1, "column": LOCATOR_COLUMN}
    action = window.store.get(RecordKind.STATUS_ACTION, "kazakhstan-expected-to-join-2025")
    assert isinstance(action, StatusAction) and len(action.citations) >= 2


def test_edit_citation_waits_for_a_citation(qtbot: QtBot, active_window: MainWindow) -> None:
    window = active_window
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    assert window.finish_reads()
    pane = window.citations_pane
    claim = _tree(window).topLevelItem(0)
    assert claim is not None
    _tree(window).setCurrentItem(claim)  # a claim, not a citation
    assert not pane.edit_citation_action.isEnabled()
    pane.select_citation(0, 0)
    assert pane.edit_citation_action.isEnabled()
