"""Issue 10, "shown literally": Qt's own marks in stored text show as written.

In a window title Qt reads ``[*]`` as the place of its "modified" mark and
drops it; in the text of an action or a menu entry it reads ``&`` as the
mark of an Alt key, so ``R&D Council`` showed as "RD Council" with the D
underlined. Each test reads what Qt really shows: the title the platform
window gets (``windowHandle().title()``, not the ``windowTitle()`` the app
set), and the name a menu entry gives to assistive technology (Qt strips
the Alt-key marks there as it does on screen).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from tests.reliability.display_data import window_settings
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.store import Store
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.edit.conflict_dialog import ConflictDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.recent_databases import RecentDatabases
from viewer.ui.window.recent_menu import RecentMenu

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise|grabbing the keyboard)\(?\)?$"
)

MARKED = "Modified[*] Org"
AMPERSAND = "R&D Council"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made, opened = open_or_create(tmp_path / "db.sqlite3", "tester", seed=False)
    made.add(Party("marked", MARKED, PartyKind.ORGANISATION))
    made.add(Party("rd", AMPERSAND, PartyKind.ORGANISATION))
    yield made
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, store: Store) -> MainWindow:
    opener = LinkOpener(open_url=lambda _url: False, ask=lambda *_: False, warn=lambda *_: None)
    built = MainWindow(store, tmp_path / "db.sqlite3", window_settings(tmp_path), opener)
    qtbot.addWidget(built)
    built.editor.services = dataclasses.replace(
        built.editor.services, confirm_discard=lambda _parent: True
    )
    built.show()
    assert built.finish_reads()
    return built


def when_dialog_opens(handle: Callable[[QWidget], None]) -> None:
    """Run ``handle`` on the next modal dialog once it shows."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.windowHandle() is not None:
            handle(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def shown_title(widget: QWidget) -> str:
    """The title the platform's window was given: what a title bar shows."""
    handle = widget.windowHandle()
    assert handle is not None, "the window is not shown"
    return handle.title()


def menu_names(menu: QMenu) -> list[str]:
    """Each entry of ``menu`` as Qt names it to a screen reader (its Alt-key marks read)."""
    face = QAccessible.queryAccessibleInterface(menu)
    assert face is not None
    return [face.child(index).text(QAccessible.Text.Name) for index in range(face.childCount())]


def edit_menu(window: MainWindow) -> QMenu:
    menus = [menu for menu in window.menuBar().findChildren(QMenu) if menu.title() == "&Edit"]
    assert len(menus) == 1
    return menus[0]


def test_the_modified_mark_in_a_name_shows_in_the_forms_title(
    window: MainWindow,
) -> None:
    titles: list[str] = []

    def note(dialog: QWidget) -> None:
        titles.append(shown_title(dialog))
        assert isinstance(dialog, RecordDialog)
        dialog.reject()

    assert window.select_record(RecordKind.PARTY, "marked")
    when_dialog_opens(note)
    window.edit_action.trigger()
    assert titles == [f"Edit {MARKED}"]

    when_dialog_opens(note)
    window.new_status_action.trigger()
    assert titles[1] == f"Change status of {MARKED}"


def test_the_modified_mark_shows_in_the_conflict_dialogs_title(qtbot: QtBot) -> None:
    mine = Party("marked", MARKED, notes="mine", version=2)
    theirs = dataclasses.replace(mine, notes="theirs", version=3)
    dialog = ConflictDialog(mine, theirs)
    qtbot.addWidget(dialog)
    dialog.show()
    assert shown_title(dialog) == f"{MARKED} was changed by someone else"


def test_a_line_break_in_a_name_is_a_mark_in_the_forms_title(qtbot: QtBot, store: Store) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    services = RecordEditor(store, parent).services
    dialog = PartyDialog(Party("two", "Line one\nline\ttwo"), services, lambda record: record)
    qtbot.addWidget(dialog)
    dialog.show()
    assert shown_title(dialog) == "Edit Line one↵line⇥two"


def test_an_ampersand_in_a_name_shows_in_undo_and_redo(qtbot: QtBot, window: MainWindow) -> None:
    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, PartyDialog)
        dialog.notes_edit.setPlainText("Research and development.")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert window.select_record(RecordKind.PARTY, "rd")
    when_dialog_opens(edit)
    window.edit_action.trigger()

    undo, redo = window.undo_action, window.redo_action
    assert undo.text() == "Undo Edit R&&D Council"  # "&&" is how Qt writes a shown "&"
    assert QKeySequence.mnemonic(undo.text()).isEmpty()  # no Alt+D
    assert "Undo Edit R&D Council" in menu_names(edit_menu(window))
    assert undo.toolTip() == "Undo Edit R&D Council"

    undo.trigger()
    assert redo.text() == "Redo Edit R&&D Council"
    assert "Redo Edit R&D Council" in menu_names(edit_menu(window))
    # The status bar says it in plain text, where "&" means nothing.
    assert window.statusBar().currentMessage() == "Undid: Edit R&D Council"


def test_recent_files_show_a_path_as_written(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "R&D [*]"
    folder.mkdir()
    path = folder / "a\tb.sqlite3"
    path.write_bytes(b"")
    recent = RecentDatabases(window_settings(tmp_path))
    recent.add(path)
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = RecentMenu(recent, parent)
    menu.fill()
    # The number is the entry's Alt key; the path's "&" is not one, and its
    # tab shows as ⇥ (a tab in a menu entry starts its shortcut's column).
    entry = menu_names(menu)[0]
    assert entry.startswith("1 ") and entry.endswith("R&D [*]/a⇥b.sqlite3")
    assert QKeySequence.mnemonic(menu.actions()[0].text()).toString() == "Alt+1"


def test_the_modified_mark_in_a_file_name_shows_in_the_windows_title(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    from viewer.app import create_main_window

    path = seeded_copy(tmp_path / "draft[*].sqlite3")
    window = create_main_window(path, window_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert shown_title(window) == "draft[*].sqlite3"
    # The same title, opened read-only.
    window.safety.show_store(window.store, path)
    window.close()
    store, opened = open_or_create(path, "tester", read_only=True)
    try:
        read_only = create_main_window(path, window_settings(tmp_path))
        qtbot.addWidget(read_only)
        read_only.show()
        read_only.safety.show_store(store, path)
        assert shown_title(read_only) == "draft[*].sqlite3 (read-only)"
        read_only.close()
    finally:
        opened.close()
