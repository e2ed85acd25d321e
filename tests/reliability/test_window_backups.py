"""Backups from the window: the daily one at launch (off the GUI thread), the
number kept (a preference), File > Backups… with Restore and Back Up Now, by keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.reliability.window_support import (
    digest,
    on_modal_dialog,
    settings_in,
    shown,
    visible_boxes,
)
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.domain.sizes import readable_size
from viewer.store import api
from viewer.ui.window.backup_text import local_time
from viewer.ui.window.backups_dialog import BackupsDialog
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.preferences import load_preferences, save_preferences
from viewer.ui.window.preferences_dialog import PreferencesDialog


def _window(qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> MainWindow:
    return shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )


def _finish(qtbot: QtBot, window: MainWindow) -> None:
    """Let the backup being taken end, and its outcome reach the window."""
    task = window.backups.task
    assert task is not None
    assert task.wait(60)
    qtbot.waitUntil(lambda: window.backups.task is None)


def _rename(window: MainWindow, name: str) -> None:
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(party, Party)
    window.store.update(replace(party, name=name))


def test_the_first_launch_of_a_day_takes_one_backup_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    assert api.list_backups(window.database_path) == []
    assert window.backups.start_daily() is not None
    _finish(qtbot, window)
    [daily] = api.list_backups(window.database_path)
    assert daily.reason == "daily"
    assert daily.path.name in window.statusBar().currentMessage()
    # The same day again: none more.
    window.backups.start_daily()
    _finish(qtbot, window)
    assert api.list_backups(window.database_path) == [daily]


def test_the_number_of_backups_kept_is_the_preference(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert load_preferences(settings).backups_to_keep == 10
    save_preferences(settings, replace(load_preferences(settings), backups_to_keep=2))
    automatic = [api.take_backup(window.store, "daily") for _ in range(3)]
    window.backups.back_up_now()  # a manual one: it keeps the automatic ones to 2
    _finish(qtbot, window)
    left = api.list_backups(window.database_path)
    assert [info.reason for info in left] == ["manual", "daily", "daily"]
    assert [info.path for info in left[1:]] == [automatic[2].path, automatic[1].path]


def test_the_backups_dialog_lists_them_with_the_focus_in_the_list_and_escape_closes(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    first = api.take_backup(window.store, "manual")
    window.backups.action.trigger()
    dialog = window.backups.dialog
    assert isinstance(dialog, BackupsDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.list)
    row = dialog.list.topLevelItem(0)
    assert row is not None
    assert [row.text(column) for column in range(3)] == [
        local_time(first.taken_at),
        "manual",
        readable_size(first.size),
    ]
    assert row.text(2).endswith(("KB", "MB"))
    # Back Up Now, by keys: Tab to it, Space.
    qtbot.keyClick(dialog.list, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.back_up_button
    qtbot.keyClick(dialog.back_up_button, Qt.Key.Key_Space)
    _finish(qtbot, window)
    assert dialog.list.topLevelItemCount() == 2
    assert dialog.current() == api.list_backups(window.database_path)[0]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.backups.dialog is None)


def test_enter_restores_the_chosen_backup_after_asking_and_backs_up_the_current_file_first(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    taken = api.take_backup(window.store, "manual")
    _rename(window, "Kazakhstan (changed after the backup)")
    window.backups.show_dialog()
    dialog = window.backups.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    seen: dict[str, str] = {}

    def answer(question: QWidget) -> None:
        assert isinstance(question, QMessageBox)
        seen["question"] = question.text()
        [restore] = [b for b in question.buttons() if b.text() == "&Restore"]
        qtbot.keyClick(restore, Qt.Key.Key_Space)

    on_modal_dialog(answer, skip=dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter on the backup
    window.finish_reads()

    assert local_time(taken.taken_at) in seen["question"]
    assert "backed up first" in seen["question"]
    # The window shows the file as the backup had it.
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert party is not None and party.label == "Kazakhstan"
    assert window.database_path == path
    # The file as it was is kept, and the message says where.
    before_restore = [b for b in api.list_backups(path) if b.reason == "before restore"]
    assert len(before_restore) == 1
    [told] = visible_boxes("backupMessage")
    assert str(before_restore[0].path) in told.text()
    kept, opened = api.open_or_create(before_restore[0].path, "tester", seed=False)
    try:
        changed = kept.get(RecordKind.PARTY, "kazakhstan")
        assert changed is not None and changed.label == "Kazakhstan (changed after the backup)"
    finally:
        opened.close()
    assert window.edit_actions.new.isEnabled()


def test_no_to_the_question_restores_nothing(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    api.take_backup(window.store, "manual")
    _rename(window, "Kazakhstan (kept)")
    dialog = window.backups.show_dialog()
    qtbot.waitExposed(dialog)
    on_modal_dialog(lambda question: qtbot.keyClick(question, Qt.Key.Key_Escape), skip=dialog)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    party = window.store.get(RecordKind.PARTY, "kazakhstan")
    assert party is not None and party.label == "Kazakhstan (kept)"
    assert dialog.isVisible()
    assert [b.reason for b in api.list_backups(window.database_path)] == ["manual"]
    assert QApplication.activeModalWidget() is None or not isinstance(
        QApplication.activeModalWidget(), QMessageBox
    )


def test_backups_to_keep_is_set_in_preferences_by_keys(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    seen: dict[str, object] = {}

    def set_it(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.author_edit)
        # Tab from the colours reaches it: the field after them, as read.
        dialog.scheme_combo.setFocus()
        qtbot.keyClick(dialog.scheme_combo, Qt.Key.Key_Tab)
        seen["focus"] = dialog.focusWidget() is dialog.backups_spin
        spin = dialog.backups_spin
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin, "3")
        qtbot.keyClick(spin, Qt.Key.Key_Return)  # OK

    on_modal_dialog(set_it)
    chosen = window.preferences.open_dialog()
    assert seen["focus"] is True
    assert chosen is not None and chosen.backups_to_keep == 3
    assert window.backups.keep() == 3
    assert "The newest 3 are kept" in window.backups.show_dialog().intro.text()


def test_a_backup_that_fails_its_check_is_not_restored_and_the_window_goes_on(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = _window(qtbot, tmp_path, seeded_copy)
    path = window.database_path
    before = digest(path)
    taken = api.take_backup(window.store, "manual")
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)  # no database inside
    assert window.backups.restore(replace(taken, path=bad)) is None
    [told] = visible_boxes("backupMessage")
    assert "was not restored" in told.text()
    assert digest(path) == before
    # The window reads and writes its file as before.
    _rename(window, "Kazakhstan (still writable)")
    window.refresh()
    window.finish_reads()
    assert window.database_path == path
    assert window.edit_actions.new.isEnabled()
