"""Adding an accord from the keyboard, and finding it in the list and the selector."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from tests.overview.accords_window import open_window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Accord
from viewer.ui.edit.forms.accord_dialog import AccordDialog
from viewer.ui.window.main_window import MainWindow


@pytest.fixture
def window(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> Iterator[MainWindow]:
    built = open_window(qtbot, tmp_path, seeded_copy)
    built.editor.services = dataclasses.replace(
        built.editor.services, confirm_discard=lambda _parent: True
    )
    built.notify = lambda text: pytest.fail(f"unexpected message: {text}")
    yield built


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def field_of(dialog: AccordDialog, widget: QWidget) -> str:
    """The form field ``widget`` belongs to ("" for none)."""
    for field, holder in dialog.fields().items():
        if widget is holder or holder.isAncestorOf(widget):
            return field
    return ""


def when_form_opens(handle: Callable[[AccordDialog], None], failures: list[BaseException]) -> None:
    """Run ``handle`` on the accord form once it shows; a failure closes the
    form (so the test does not wait on it) and is kept in ``failures``."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        # Shown, and the keyboard in it: where a user starts typing.
        if not isinstance(dialog, AccordDialog) or focus is None or focus.window() is not dialog:
            QTimer.singleShot(10, poll)
            return
        try:
            handle(dialog)
        except BaseException as failure:  # raised again by the test, outside Qt
            failures.append(failure)
            dialog.done(0)

    QTimer.singleShot(0, poll)


def test_an_accord_added_from_the_keyboard_is_listed_and_can_be_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    visited: list[str] = []

    def fill(dialog: AccordDialog) -> None:
        assert focused() is dialog.name_edit  # the keyboard starts in the first field
        for typed in ("Test Accord", "test-accord", "2022-01", "", ""):
            visited.append(field_of(dialog, focused()))
            qtbot.keyClicks(focused(), typed)
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        # Back from the citations to the date, and Enter there saves.
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        qtbot.keyClick(focused(), Qt.Key.Key_Backtab)
        assert field_of(dialog, focused()) == "first_signed"
        qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter in a one-line field saves

    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    window.finish_reads()
    failures: list[BaseException] = []
    when_form_opens(fill, failures)
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    if failures:
        raise failures[0]
    window.finish_reads()
    # Name, Key, First signed, Description, then the citations: as read.
    assert visited == ["name", "key", "first_signed", "description", "citations"]
    saved = window.store.get(RecordKind.ACCORD, "test-accord")
    assert isinstance(saved, Accord)
    assert saved.name == "Test Accord"
    assert saved.first_signed is not None and saved.first_signed.edtf == "2022-01"
    # Selected in the Accords list, which has two rows now.
    model = window.models[RecordKind.ACCORD]
    assert model.rowCount() == 2
    view = window.views[RecordKind.ACCORD]
    assert model.key_at(view.currentIndex().row()) == "test-accord"
    assert [model.data(model.index(view.currentIndex().row(), c)) for c in range(4)] == [
        "Test Accord",
        "Jan 2022",
        "0",
        "0",
    ]
    # Offered by the selector; the choice stays with the accord of the most steps.
    combo = window.accord_selector.combo
    assert combo.findData("test-accord") >= 0
    assert window.accord_choice.key() == "abraham-accords"
    # Undone like any other record.
    window.activateWindow()  # back from the form: shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.finish_reads()
    assert window.store.get(RecordKind.ACCORD, "test-accord") is None
    assert window.accord_selector.combo.findData("test-accord") < 0


def test_the_selector_is_reached_with_ctrl_shift_a_and_chooses_by_typing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.store.add(Accord("test-accord", "Test Accord"))
    window.refresh()
    window.finish_reads()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    combo = window.accord_selector.combo
    assert combo.search_line.hasFocus()
    choose = window.accord_selector.choose_action
    assert choose in window.actions()  # its key works wherever the focus is
    assert choose.shortcut().toString() == "Ctrl+Shift+A"
    view_menu = window.view_actions.list_actions[RecordKind.PARTY].associatedObjects()
    assert any(
        isinstance(menu, QMenu) and choose in menu.actions() for menu in view_menu
    )  # View ▸ Choose Accord…, beside the lists
    with qtbot.waitSignal(window.accord_choice.changed):
        qtbot.keyClicks(focused(), "Test Accord")
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert window.accord_choice.key() == "test-accord"
    assert window.models[RecordKind.PARTY].accord == "test-accord"


def test_tab_goes_from_the_navigator_to_the_accord_and_on_to_the_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitUntil(window.isActiveWindow)
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert window.accord_selector.isAncestorOf(focused())
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.search_field or window.search_field.isAncestorOf(focused())
