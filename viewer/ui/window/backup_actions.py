"""Backups from the window: the daily one at launch, File > Backups…, restoring one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QStatusBar, QWidget

from viewer.store.api import (
    BackupInfo,
    DatabaseFileError,
    Location,
    Store,
    StoreError,
    backup_folder,
    daily_backup,
    list_backups,
    restore_backup,
    take_backup,
)
from viewer.ui.window.backup_text import described, local_time
from viewer.ui.window.backups_dialog import BackupsDialog
from viewer.ui.window.database_location import SERVER_COPY_REASON, file_of
from viewer.ui.window.long_task import LongTask, Work
from viewer.ui.window.preferences import load_preferences
from viewer.ui.window.status_feedback import LONG_MESSAGE_MS

MANUAL = "manual"


class BackupHost(Protocol):
    """What the backups need of the window."""

    @property
    def store(self) -> Store: ...

    location: Location

    def statusBar(self) -> QStatusBar: ...
    def writing_stopped_because(self) -> str | None: ...
    def replace_database_file(self, change: Callable[[Path], object]) -> object: ...


class BackupActions(QObject):
    """Backups… (the list, Restore, Back Up Now, Show in Folder) and the daily
    backup taken at launch.

    Copies are taken off the GUI thread (a :class:`LongTask`): a backup reads
    the whole database. Restoring asks first, and happens with every
    connection closed (``replace_database_file``); the window then shows the
    restored file, and says where the file as it was is kept.

    Signals:
        backedUp(object): a backup was taken (a :class:`BackupInfo`).
        restored(str): a backup was put in place; carries what the user was told.
    """

    backedUp = Signal(object)
    restored = Signal(str)

    def __init__(self, host: BackupHost, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self._settings = settings
        self.task: LongTask | None = None
        self.dialog: BackupsDialog | None = None
        self.action = QAction("&Backups…", window)
        self.action.setObjectName("backupsAction")
        tip = "The copies kept of this database: restore one, or take one now"
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open_dialog)
        self.back_up_action = QAction("Back &Up Now", window)
        self.back_up_action.setObjectName("backUpNowAction")
        tip = "Take a checked copy of the database now, kept with its other backups"
        self.back_up_action.setToolTip(tip)
        self.back_up_action.setStatusTip(tip)
        self.back_up_action.triggered.connect(self.back_up_now)
        for action in (self.action, self.back_up_action):
            window.addAction(action)

    def keep(self) -> int:
        """How many backups are kept (Preferences)."""
        return load_preferences(self._settings).backups_to_keep

    # -- taking one ----------------------------------------------------------------

    def start_daily(self) -> LongTask | None:
        """Take the day's backup, if none was taken today, off the GUI thread
        (none of a damaged file: the copy would stop at its first damaged page)."""
        if not self.back_up_action.isEnabled():
            return None
        store, keep = self._host.store, self.keep()
        return self._start(lambda _progress: daily_backup(store, keep))

    def back_up_now(self) -> LongTask | None:
        if not self.back_up_action.isEnabled():
            self._say(self.back_up_action.statusTip())  # says why not
            return None
        store, keep = self._host.store, self.keep()
        return self._start(lambda _progress: take_backup(store, MANUAL, keep))

    def _start(self, work: Work) -> LongTask | None:
        if self.task is not None:
            self._say("A backup is being taken; wait for it to end")
            return None
        task = LongTask(work, self)
        self.task = task
        task.succeeded.connect(self._backed_up)
        task.failed.connect(self._failed)
        task.ended.connect(self._ended)
        task.start()
        return task

    def wait(self) -> None:
        """Let a backup being taken end (before the file is closed or replaced)."""
        if self.task is not None:
            self.task.wait()

    def _backed_up(self, info: object) -> None:
        if not isinstance(info, BackupInfo):
            return  # today's was taken already
        # The name only: a whole path in the backups' folder would not fit the
        # status bar; File > Backups… shows the folder (and the path, on hover).
        self._say(f"Backed up the database as {info.path.name} (File ▸ Backups… lists it)")
        self.backedUp.emit(info)
        path = self._file()
        if self.dialog is not None and path is not None:
            self.dialog.set_backups(list_backups(path))

    def _failed(self, error: object) -> None:
        text = f"The backup could not be taken: {error}. The database was not changed."
        self._say(text)
        self._tell("Backup", text)

    def _ended(self) -> None:
        if self.task is not None:
            self.task.deleteLater()
            self.task = None

    # -- the list --------------------------------------------------------------------

    def _file(self) -> Path | None:
        """The database file; None (and the status bar says why) for a server's."""
        path = file_of(self._host.location)
        if path is None:
            self._say(f"Not available: {SERVER_COPY_REASON}.")
        return path

    def open_dialog(self) -> BackupsDialog | None:
        """File ▸ Backups…: the list, or (a server's database) why there is none."""
        return self.show_dialog() if self._file() is not None else None

    def show_dialog(self) -> BackupsDialog:
        path = file_of(self._host.location)
        if path is None:
            raise DatabaseFileError(f"Not available: {SERVER_COPY_REASON}.")
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        where = (
            f"Copies of {path.name}, newest first, kept in {backup_folder(path)}. "
            f"The newest {self.keep()} are kept (Preferences)."
        )
        dialog = BackupsDialog(list_backups(path), where, self._window)
        dialog.allow_restore(self._host.writing_stopped_because())
        enabled = self.back_up_action.isEnabled()
        dialog.allow_back_up(None if enabled else self.back_up_action.toolTip())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(self._restore_chosen)
        dialog.backUpRequested.connect(self.back_up_now)
        dialog.showFolderRequested.connect(self.show_folder)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_folder(self) -> bool:
        path = self._file()
        if path is None:
            return False
        folder = backup_folder(path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            self._tell(
                "Show in Folder",
                f"The backups' folder {folder} could not be made: {error.strerror or error}.",
            )
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        # No file manager answered (none installed, or none this desktop knows).
        self._tell(
            "Show in Folder",
            f"No file manager could be started to show the backups' folder. It is:\n\n{folder}"
            "\n\n(The text can be selected and copied.)",
        )
        return False

    # -- restoring -------------------------------------------------------------------

    def _restore_chosen(self, info: object) -> None:
        assert isinstance(info, BackupInfo)
        parent = self.dialog or self._window
        if not self._ask(parent, info):
            return
        if self.dialog is not None:
            self.dialog.close()
        self.restore(info)

    def restore(self, info: BackupInfo) -> str | None:
        """Put ``info`` in place of the database shown (the current file backed
        up first), and show it; what the user was told, or None if it failed."""
        self.wait()
        keep = self.keep()
        path = self._file()
        if path is None:
            return None
        try:
            kept = self._host.replace_database_file(
                lambda database: restore_backup(info.path, database, keep)
            )
        except (DatabaseFileError, StoreError, OSError) as error:
            self._tell("Restore", f"{described(info)} was not restored: {error}")
            return None
        text = f"Restored {described(info)} in place of {path}."
        if isinstance(kept, BackupInfo):
            text += f" The file as it was before is kept as a backup: {kept.path}"
        self._say(f"Restored {described(info)} in place of {path.name}")
        self._tell("Restore", text, QMessageBox.Icon.Information)
        self.restored.emit(text)
        return text

    def _ask(self, parent: QWidget, info: BackupInfo) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore",
            f"Restore the backup taken {local_time(info.taken_at)} ({info.reason})? "
            "The current file is backed up first.\n\n"
            f"It replaces {file_of(self._host.location)}; to undo, restore the backup "
            "taken before it.",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setObjectName("restoreQuestion")
        box.setTextFormat(Qt.TextFormat.PlainText)
        restore = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    # -- telling the user ------------------------------------------------------------

    def _say(self, text: str) -> None:
        self._host.statusBar().showMessage(text, LONG_MESSAGE_MS)

    def _tell(
        self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
    ) -> None:
        parent = QApplication.activeModalWidget() or self._window
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("backupMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        # Paths in it are to be copied (to a file manager, a terminal).
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
