"""Read-only, by keys: a guarded action's key says why it does nothing, in the
status bar; the detail pane's edit links show as not available."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.reliability.window_support import digest, settings_in, shown
from viewer.app import create_main_window, window_on
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.write_lock import READ_ONLY_REASON

WHY = f"Not available: {READ_ONLY_REASON}."


def _read_only_window(qtbot: QtBot, path: Path, tmp_path: Path) -> MainWindow:
    store, opened = api.open_or_create(path, "tester", seed=False, read_only=True)
    window = shown(qtbot, window_on(store, opened, settings_in(tmp_path)))
    assert window.select_record(RecordKind.PARTY, "kazakhstan")
    window.finish_reads()
    return window


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),  # Edit
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),  # Delete, in the list
        (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),  # Undo
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),  # New
        (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),  # Import
    ],
)
def test_a_guarded_key_pressed_read_only_says_why_in_the_status_bar(
    qtbot: QtBot,
    tmp_path: Path,
    seeded_copy: Callable[[Path], Path],
    key: Qt.Key,
    modifier: Qt.KeyboardModifier,
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    before = digest(path)
    window = _read_only_window(qtbot, path, tmp_path)
    view = window.views[RecordKind.PARTY]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    window.statusBar().clearMessage()
    qtbot.keyClick(view, key, modifier)
    assert window.statusBar().currentMessage() == WHY
    window.close()
    assert digest(path) == before


def test_the_keys_act_again_on_a_writable_file(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    window = shown(
        qtbot, create_main_window(seeded_copy(tmp_path / "db.sqlite3"), settings_in(tmp_path))
    )
    assert window.write_lock.key_catchers() == []
    assert window.safety.copy_lock.key_catchers() == []


def test_the_detail_panes_edit_links_show_as_plain_text_while_read_only(
    qtbot: QtBot, tmp_path: Path, seeded_copy: Callable[[Path], Path]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    window = _read_only_window(qtbot, path, tmp_path)
    page = window.detail_pane.text.toHtml()
    assert "Change status…" in page and "Edit" in page
    assert "change-status:" not in page and "edit:" not in page  # no live links
    assert "not available" in window.detail_pane.text.toPlainText()
    # Revert in the History tab is not offered either, and says why.
    revert = window.detail_pane.history.revert_button
    assert not revert.isEnabled() and revert.toolTip() == WHY
    # A writable file: the links are live again.
    writable = shown(qtbot, create_main_window(path, settings_in(tmp_path / "w")))
    assert writable.select_record(RecordKind.PARTY, "kazakhstan")
    writable.finish_reads()
    live = writable.detail_pane.text.toHtml()
    assert "change-status:" in live and "edit:" in live
    assert writable.detail_pane.history.revert_button.toolTip() != WHY
