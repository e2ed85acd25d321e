"""The database file behind the window: its File menu, its safety net and its backups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, SignalInstance
from PySide6.QtWidgets import QMainWindow, QMenu

from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.window.backup_actions import BackupActions, BackupHost
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.file_actions import FileActions, FileHost
from viewer.ui.window.file_safety import FileSafety, SafetyHost

WHY_MS = 8_000  # a key pressed while writing is stopped says why this long


class DatabaseHost(FileHost, SafetyHost, BackupHost, Protocol):
    """What the File menu, the safety net and the backups need of the window."""


class DatabaseFile(QObject):
    """Opening, importing and exporting (:attr:`actions`), keeping the work
    when the file cannot be written (:attr:`safety`, whose :attr:`lock` guards
    every action that writes) and the backups (:attr:`backups`).

    Writing stops when the editor, the watch for changes or the File menu
    finds the file gone or refused; when it is allowed again the editing
    actions come back as the undo stack and the selection have them.
    """

    def __init__(
        self,
        host: DatabaseHost,
        window: QMainWindow,
        settings: QSettings,
        edits: EditActions,
        editor: RecordEditor,
    ) -> None:
        super().__init__(window)
        self._edits = edits
        self._editor = editor
        self.actions = FileActions(host, window, settings)
        self.safety = FileSafety(host, window, lambda: self.actions.chooser)
        self.lock = self.safety.lock
        self.lock.guard(*edits.writing_actions(), self.actions.import_action)
        self.backups = BackupActions(host, window, settings)
        self.safety.copy_lock.guard(self.backups.back_up_action)
        self.safety.file_lock.guard(self.backups.action)
        for lock in (self.lock, self.safety.copy_lock, self.safety.file_lock):
            lock.say_why_by_keys(lambda text: window.statusBar().showMessage(text, WHY_MS))

    def add_menu(self, menu: QMenu) -> None:
        """Fill the File menu; saving a copy and the backups sit with keeping."""
        keeping = (self.safety.save_copy_action, self.backups.action, self.backups.back_up_action)
        self.actions.add_menu(menu, keeping=keeping)

    def connect_stops(self, *stopped: SignalInstance) -> None:
        """Stop writing when any of ``stopped`` says why (the file went or was refused)."""
        for signal in stopped:
            signal.connect(self.safety.writing_stopped)
        self.actions.writingStopped.connect(self.safety.writing_stopped)
        self.lock.changed.connect(self._writing_changed)

    def may_write(self, say: Callable[[str], None]) -> bool:
        """Whether editing is allowed now; if not, ``say`` is told why."""
        reason = self.lock.reason
        if reason is not None:
            say(f"Not available: {reason}.")
        return reason is None

    def _writing_changed(self) -> None:
        if self.lock.allows():
            stack = self._editor.undo_stack
            self._edits.undo.setEnabled(stack.canUndo())
            self._edits.redo.setEnabled(stack.canRedo())
            self._edits.new.setEnabled(True)
            self.actions.import_action.setEnabled(True)
            self._edits.update()
