"""A keyboard-only session: add a source, edit a participant, change Kazakhstan's status.

No click anywhere: every step is a key pressed where the focus is, as a
person without a mouse (or who does not want one) works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QWidget

from viewer.domain.enums import RecordKind, StatusKind
from viewer.domain.records import Party, StatusAction
from viewer.store.checks import run_checks
from viewer.ui.edit.forms.dialog_services import ask_discard
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def window(active_window: MainWindow) -> MainWindow:
    return active_window


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    if modifier is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot: QtBot, wanted: Callable[[QWidget], bool], limit: int = 40) -> QWidget:
    """Press Tab until the focus is on a widget ``wanted`` accepts."""
    for _ in range(limit):
        if wanted(focused()):
            return focused()
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the widget; the focus is on {focused()!r}")


def back_in(qtbot: QtBot, window: MainWindow) -> None:
    """A closed form hands the focus back to the window: the window system
    does it on a desktop; the offscreen platform needs telling."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def in_(widget: QWidget) -> Callable[[QWidget], bool]:
    return lambda found: found is widget or widget.isAncestorOf(found)


def with_the_form(steps: Callable[[RecordDialog], None], failures: list[str]) -> None:
    """Run ``steps`` (keys only) in the next form once it shows."""

    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        settled = focus is not None and dialog is not None and dialog.isAncestorOf(focus)
        if not isinstance(dialog, RecordDialog) or (not settled and waited[0] < 100):
            waited[0] += 1  # the form is shown; the window system gives it the focus next
            QTimer.singleShot(10, poll)
            return
        try:
            steps(dialog)
        except AssertionError as error:  # said after the form is closed
            failures.append(str(error))
            dialog.done(0)

    QTimer.singleShot(0, poll)


def test_a_keyboard_only_session(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    failures: list[str] = []
    sources_before = store.count(RecordKind.SOURCE)

    # 1. Add a source: Ctrl+4 to the sources, Ctrl+N, type its title, Enter.
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_kind() is RecordKind.SOURCE

    def add_source(dialog: RecordDialog) -> None:
        assert focused() is cast(SourceDialog, dialog).title_edit, (
            "the form opens in its first field"
        )
        type_text(qtbot, "Kazakhstan joins the Abraham Accords")
        press(qtbot, Qt.Key.Key_Return)  # Enter in a one-line field saves

    with_the_form(add_source, failures)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert failures == []
    assert store.count(RecordKind.SOURCE) == sources_before + 1
    window.finish_reads()
    shown = window.shown_location()
    assert shown is not None and shown.kind is RecordKind.SOURCE

    # 2. Edit a participant: Ctrl+1, type-ahead to Kazakhstan, Ctrl+E, a note, Save.
    back_in(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.views[RecordKind.PARTY]
    type_text(qtbot, "Kaz")
    window.finish_reads()
    assert window.shown_location() is not None
    assert window.shown_location().key == "kazakhstan"  # type: ignore[union-attr]

    def add_note(dialog: RecordDialog) -> None:
        tab_to(qtbot, in_(cast(PartyDialog, dialog).notes_edit))
        press(qtbot, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, " Confirmed by a US official.")
        tab_to(qtbot, lambda widget: widget is dialog.save_button)
        press(qtbot, Qt.Key.Key_Space)

    with_the_form(add_note, failures)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert failures == []
    kazakhstan = store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(kazakhstan, Party)
    assert kazakhstan.notes.endswith("Confirmed by a US official.")

    # 3. Change Kazakhstan's status: Ctrl+Shift+E, Status "joined", a date, Save.
    back_in(qtbot, window)
    actions_before = store.count(RecordKind.STATUS_ACTION)

    def change_status(dialog: RecordDialog) -> None:
        combo = tab_to(qtbot, in_(cast(StatusActionDialog, dialog).action_combo))
        for _ in range(len(StatusKind)):
            if (
                cast(StatusActionDialog, dialog).action_combo.currentData()
                == StatusKind.JOINED.value
            ):
                break
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert (
            cast(StatusActionDialog, dialog).action_combo.currentData() == StatusKind.JOINED.value
        )
        tab_to(qtbot, in_(cast(StatusActionDialog, dialog).date_edit))
        type_text(qtbot, "2025-11-06")
        save = tab_to(qtbot, lambda widget: widget is dialog.save_button)
        assert isinstance(save, QPushButton) and save.isEnabled(), dialog.summary.text()
        press(qtbot, Qt.Key.Key_Space)

    with_the_form(change_status, failures)
    press(
        qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert failures == []
    assert store.count(RecordKind.STATUS_ACTION) == actions_before + 1
    window.finish_reads()
    assert window.detail_pane.timeline.current_text().startswith("Now: joined")
    joined = [
        action
        for action in store.all(RecordKind.STATUS_ACTION)
        if isinstance(action, StatusAction)
        and action.party == "kazakhstan"
        and action.action is StatusKind.JOINED
    ]
    assert len(joined) == 1
    assert "Saved" in window.feedback.last_message() or "Added" in window.feedback.last_message()
    # Sound, and the new step asks for its evidence like any uncited claim.
    findings = run_checks(store)
    assert [f.topic for f in findings] == ["citation needed"]


def test_the_participant_form_says_where_its_status_is_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    seen: list[str] = []

    def read_hint(dialog: RecordDialog) -> None:
        hint = dialog.findChild(QLabel, "statusHint")
        seen.append(hint.text() if hint is not None else "")
        dialog.done(0)

    with_the_form(read_hint, seen)
    window.edit_action.trigger()
    assert len(seen) == 1 and "Change status… (Ctrl+Shift+E)" in seen[0]
    keys = window.edit_actions.new_status.shortcut().toString()
    assert keys == "Ctrl+Shift+E"


def test_a_forms_alt_keys_reach_their_fields(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    reached: list[str] = []

    def use_alt_keys(dialog: RecordDialog) -> None:
        party = cast(PartyDialog, dialog)
        hint = dialog.findChild(QLabel, "statusHint")
        assert hint is not None and hint.width() >= hint.sizeHint().width(), "hint cut"
        for key, field in ((Qt.Key.Key_O, party.notes_edit), (Qt.Key.Key_N, party.name_edit)):
            press(qtbot, key, Qt.KeyboardModifier.AltModifier)
            reached.append("yes" if focused() is field else f"no: {focused()!r}")
        dialog.done(0)

    failures: list[str] = []
    with_the_form(use_alt_keys, failures)
    window.edit_action.trigger()
    assert failures == []
    assert reached == ["yes", "yes"]


def test_a_message_in_the_detail_never_becomes_a_link(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    text = window.detail_pane.text
    text.setFocus()
    qtbot.keyClick(text, Qt.Key.Key_Tab)  # the keyboard rests on a link
    assert text.textCursor().charFormat().isAnchor()
    window.search_field.setText("zzzzqqq")
    window.search_field.settle()
    window.finish_reads()
    document = text.document()
    block = document.begin()
    anchors = []
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            anchors.append(iterator.fragment().charFormat().isAnchor())
            iterator += 1
        block = block.next()
    assert text.toPlainText().startswith("No participant matches")
    assert not any(anchors)


def test_status_forms_are_named_after_their_participant(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    titles: list[str] = []

    def read_title(dialog: RecordDialog) -> None:
        titles.append(dialog.windowTitle())
        dialog.done(0)

    with_the_form(read_title, titles)
    window.new_status_action.trigger()
    with_the_form(read_title, titles)
    window.editor.edit(RecordKind.STATUS_ACTION, "kazakhstan-expected-to-join-2025")
    assert titles == ["Change status of Kazakhstan", "Edit status step of Kazakhstan"]


def test_discard_changes_has_an_alt_key(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        button = box.button(QMessageBox.StandardButton.Discard)
        texts.append(button.text())
        button.click()

    QTimer.singleShot(0, answer)
    assert ask_discard(parent) is True
    assert texts == ["&Discard"]
