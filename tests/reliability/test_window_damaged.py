"""A damaged database, at start-up and at File > Open: the window says what
was found and offers a backup, another file, or reading it; the damaged file
is never written, and kept when a backup replaces it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.reliability.window_support import (
    AnsweringChooser,
    damage,
    damage_index,
    digest,
    on_modal_dialog,
    settings_in,
    shown,
    visible_boxes,
)
from viewer.app import create_main_window, open_at_start
from viewer.domain.enums import RecordKind
from viewer.domain.sizes import readable_size
from viewer.store import api
from viewer.ui.window.backup_text import local_time
from viewer.ui.window.damaged_dialog import DamagedChoice, DamagedDialog
from viewer.ui.window.damaged_recovery import dialog_asker
from viewer.ui.window.main_window import MainWindow

NO_FILE: Callable[[Path], Path | None] = lambda _folder: None  # noqa: E731


def _backed_up(path: Path) -> api.BackupInfo:
    store, opened = api.open_or_create(path, "tester", seed=False)
    try:
        return api.take_backup(store, "manual")
    finally:
        opened.close()


def _kept_beside(path: Path) -> list[Path]:
    return [
        p
        for p in path.parent.iterdir()
        if p.name.startswith(f"{path.name}.damaged-") and not p.name.endswith(("-wal", "-shm"))
    ]


def _parties(path: Path) -> int:
    read_only = f"{path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(read_only, uri=True)) as connection:
        return int(connection.execute("SELECT count(*) FROM parties").fetchone()[0])


def test_at_start_up_restore_puts_the_newest_good_backup_in_place_and_keeps_the_damaged_file(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    parties = _parties(path)
    backup = _backed_up(path)
    damage(path)
    damaged = digest(path)
    seen: dict[str, object] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        seen["message"] = dialog.message.text()
        seen["restore"] = dialog.restore_button.text()
        seen["focus"] = dialog.focusWidget() is dialog.restore_button
        seen["quit"] = dialog.cancel_button.text()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    on_modal_dialog(choose)
    opened = open_at_start(
        path, settings_in(tmp_path), seed=False, ask=dialog_asker(None), choose_file=NO_FILE
    )
    assert opened is not None
    window, note = opened
    shown(qtbot, window)

    assert "is damaged" in str(seen["message"])
    assert "Nothing was written to it" in str(seen["message"])
    assert "•" in str(seen["message"])  # each finding on a line of its own
    assert local_time(backup.taken_at) in str(seen["restore"])
    assert readable_size(backup.size) in str(seen["restore"])
    assert seen["focus"] is True
    assert seen["quit"] == "&Quit"
    # The damaged file is kept beside, byte for byte; the message says where.
    [kept] = _kept_beside(path)
    assert digest(kept) == damaged
    assert note is not None and str(kept) in note and "Restored" in note
    # The window shows the restored data, and may write it.
    assert window.store.count(RecordKind.PARTY) == parties
    assert window.windowTitle() == "db.sqlite3"
    assert window.edit_actions.new.isEnabled()


def test_at_start_up_read_only_opens_the_damaged_file_to_export_and_never_writes_it(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage_index(path)
    damaged = digest(path)
    seen: dict[str, object] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        # No backup: Restore cannot be chosen, the focus starts on the next offer.
        seen["restore enabled"] = dialog.restore_button.isEnabled()
        seen["restore"] = dialog.restore_button.text()
        seen["first"] = dialog.focusWidget() is dialog.other_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen["second"] = dialog.focusWidget() is dialog.read_only_button
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    on_modal_dialog(choose)
    opened = open_at_start(
        path, settings_in(tmp_path), seed=False, ask=dialog_asker(None), choose_file=NO_FILE
    )
    assert opened is not None
    window, note = opened
    shown(qtbot, window)

    assert seen == {
        "restore enabled": False,
        "restore": "&Restore a backup (no good backup of this file was found)",
        "first": True,
        "second": True,
    }
    assert note is not None and "read-only" in note
    assert window.windowTitle().endswith("(read-only)")
    assert "damaged" in (window.write_lock.reason or "")
    assert not window.edit_actions.new.isEnabled()
    assert window.file_actions.export_action.isEnabled()
    assert window.models[RecordKind.PARTY].rowCount() > 0  # what can be read is shown
    window.close()
    assert digest(path) == damaged
    assert _kept_beside(path) == []


def test_read_only_refuses_a_file_too_damaged_to_list_and_leaves_it_as_it_was(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage(path)  # bytes flipped across the tables: the lists cannot be read
    damaged = digest(path)

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        qtbot.keyClick(dialog.read_only_button, Qt.Key.Key_Space)

    on_modal_dialog(choose)
    with pytest.raises(api.DatabaseFileError) as refused:
        open_at_start(
            path, settings_in(tmp_path), seed=False, ask=dialog_asker(None), choose_file=NO_FILE
        )
    assert "too damaged to be shown" in str(refused.value)
    assert "left as it was" in str(refused.value)
    assert digest(path) == damaged


def test_at_start_up_quit_leaves_the_damaged_file_as_it_was(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage(path)
    damaged = digest(path)
    on_modal_dialog(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    opened = open_at_start(
        path, settings_in(tmp_path), seed=False, ask=dialog_asker(None), choose_file=NO_FILE
    )
    assert opened is None
    assert digest(path) == damaged
    assert sorted(p.name for p in path.parent.iterdir()) == ["db.sqlite3"]


def test_at_start_up_open_another_file_shows_that_one(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage(path)
    damaged = digest(path)
    other = seeded_copy(tmp_path / "other.sqlite3")

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        qtbot.keyClick(dialog.other_button, Qt.Key.Key_Space)

    on_modal_dialog(choose)
    opened = open_at_start(
        path,
        settings_in(tmp_path),
        seed=False,
        ask=dialog_asker(None),
        choose_file=lambda _folder: other,
    )
    assert opened is not None
    window, note = opened
    shown(qtbot, window)
    assert note is None
    assert window.database_path == other
    assert digest(path) == damaged


def test_a_foreign_file_at_start_up_is_refused_with_a_message_and_left_untouched(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.sqlite3"
    with closing(sqlite3.connect(path)) as connection, connection:  # committed, closed
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('mine')")
    before = digest(path)
    asked: list[object] = []

    def ask(*question: object) -> DamagedChoice:
        asked.append(question)
        return DamagedChoice.CANCEL

    with pytest.raises(api.DatabaseFileError) as refused:
        open_at_start(path, settings_in(tmp_path), seed=False, ask=ask, choose_file=NO_FILE)
    assert "not an Accords Viewer database" in str(refused.value)
    assert asked == []  # no restore offer
    assert digest(path) == before


def test_file_open_of_a_damaged_file_offers_the_backup_and_the_window_shows_it(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )
    target = seeded_copy(tmp_path / "elsewhere" / "damaged.sqlite3")
    _backed_up(target)
    damage(target)
    damaged = digest(target)
    chooser = AnsweringChooser()
    chooser.open = target
    window.file_actions.chooser = chooser
    seen: dict[str, object] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, DamagedDialog)
        seen["cancel"] = dialog.cancel_button.text()
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Restore

    on_modal_dialog(choose)
    window.file_actions.open_action.trigger()
    window.finish_reads()

    assert seen["cancel"] == "&Cancel"
    assert window.database_path == target
    [kept] = _kept_beside(target)
    assert digest(kept) == damaged
    [box] = [b for b in visible_boxes("fileMessage") if str(kept) in b.text()]
    assert "Restored" in box.text()
    assert window.store.count(RecordKind.PARTY) > 0


def test_file_open_of_a_damaged_file_cancelled_keeps_the_database_shown(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    first = seeded_copy(tmp_path / "db.sqlite3")
    window: MainWindow = shown(qtbot, create_main_window(first, settings_in(tmp_path)))
    target = seeded_copy(tmp_path / "damaged.sqlite3")
    damage(target)
    damaged = digest(target)
    chooser = AnsweringChooser()
    chooser.open = target
    window.file_actions.chooser = chooser
    on_modal_dialog(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    assert window.file_actions.open_path(target) is False
    assert window.database_path == first
    assert "damaged" in window.statusBar().currentMessage()
    assert digest(target) == damaged
