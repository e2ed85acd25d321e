"""Keeping the user's work when the database cannot be written: read-only,
damaged, or deleted or replaced under the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from viewer.store.api import DatabaseFileError, Location, Store, StoreError
from viewer.ui.widgets.window_text import title_part
from viewer.ui.window.database_location import (
    ROLE_READ_ONLY_REASON,
    SERVER_COPY_REASON,
    file_of,
    short_name,
)
from viewer.ui.window.file_chooser import PathChooser
from viewer.ui.window.status_feedback import LONG_MESSAGE_MS
from viewer.ui.window.write_lock import (
    DAMAGED_COPY_REASON,
    DAMAGED_REASON,
    READ_ONLY_REASON,
    WriteLock,
)

GONE_TITLE = "The database file is gone"


class SafetyHost(Protocol):
    """What the safety net needs of the window."""

    @property
    def store(self) -> Store: ...

    location: Location


class FileSafety(QObject):
    """Says whether the window may write, and keeps the work when it may not.

    A read-only or damaged database stops writing from the start (the title
    says "(read-only)"); a file deleted or replaced while open (noticed by the
    change probe, or by a save the store refused) stops it from then on, with
    a message once. Either way a permanent status-bar label says why, every
    editing action (guarded by :attr:`lock`) is disabled with the reason in
    its tips, and Save a Copy… writes what the window still holds to a file
    of the user's choice.

    Signals:
        stopped(str): writing was stopped because the file went; carries why.
    """

    stopped = Signal(str)

    def __init__(
        self, host: SafetyHost, window: QMainWindow, chooser: Callable[[], PathChooser]
    ) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self._chooser = chooser  # the File menu's: tests give one that answers at once
        self.lock = WriteLock(self)
        # Copying the whole file (Save a Copy…, Back Up Now) reads every page:
        # stopped while the file is damaged, allowed while it is only read-only;
        # a server's database is its administrator's to back up.
        self.copy_lock = WriteLock(self)
        # What only a file has (its list of backups): stopped on a server.
        self.file_lock = WriteLock(self)
        self._gone: str | None = None
        self.message: QMessageBox | None = None
        self.mode_label = QLabel(window)
        self.mode_label.setObjectName("writeModeLabel")
        self.mode_label.setTextFormat(Qt.TextFormat.PlainText)
        self.mode_label.hide()
        window.statusBar().addPermanentWidget(self.mode_label)
        self.save_copy_action = QAction("Save a &Copy…", window)
        self.save_copy_action.setObjectName("saveCopyAction")
        tip = "Write a copy of the database as this window holds it to another file"
        self.save_copy_action.setToolTip(tip)
        self.save_copy_action.setStatusTip(tip)
        self.save_copy_action.triggered.connect(self.save_copy)
        window.addAction(self.save_copy_action)
        self.copy_lock.guard(self.save_copy_action)

    # -- what the window shows -------------------------------------------------------

    def show_store(self, store: Store, location: Location, *, damaged: bool = False) -> None:
        """A database was opened (at start, or another one): allow or stop writing."""
        self._gone = None
        on_server = file_of(location) is None
        if on_server:
            self.copy_lock.stop(SERVER_COPY_REASON)
            self.file_lock.stop(SERVER_COPY_REASON)
        elif damaged:
            self.copy_lock.stop(DAMAGED_COPY_REASON)
            self.file_lock.allow()
        else:
            self.copy_lock.allow()
            self.file_lock.allow()
        if damaged:
            self.lock.stop(DAMAGED_REASON)
        elif store.read_only:
            self.lock.stop(ROLE_READ_ONLY_REASON if on_server else READ_ONLY_REASON)
        else:
            self.lock.allow()
        self._show_mode(location)

    def writing_stopped(self, reason: str) -> None:
        """The file was deleted or replaced (or refused a write for good): stop
        writing, and say so once."""
        if self._gone is not None:
            return
        self._gone = reason
        self.lock.stop(f"{_sentence(reason)} Nothing more is written to it")
        self._show_mode(self._host.location)
        self._tell_gone(reason)
        self.stopped.emit(reason)

    def gone(self) -> str | None:
        """Why the file is gone, or None."""
        return self._gone

    def _show_mode(self, location: Location) -> None:
        reason = self.lock.reason
        name = title_part(short_name(location))
        if reason is None:
            self._window.setWindowTitle(name)
            self.mode_label.hide()
            self.mode_label.clear()
            return
        if self._gone is not None:
            happened = _what_happened(self._gone)
            self._window.setWindowTitle(f"{name} (not saving: {happened})")
            self.mode_label.setText(
                f"Not saving: {happened}. File ▸ Save a Copy… keeps what was saved"
            )
        else:
            self._window.setWindowTitle(f"{name} (read-only)")
            if reason == DAMAGED_REASON:
                self.mode_label.setText("Read-only: the file is damaged")
            elif reason == ROLE_READ_ONLY_REASON:
                self.mode_label.setText("Read-only: your database role may only read")
            else:
                self.mode_label.setText("Read-only")
        self.mode_label.setToolTip(reason)
        self.mode_label.show()

    def _tell_gone(self, reason: str) -> None:
        # Over the form being saved, if there is one: it stays open, with what was typed.
        parent = QApplication.activeModalWidget() or self._window
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            GONE_TITLE,
            f"{_sentence(reason)}\n\n"
            "From now on nothing is saved: changes would go into a file that no longer "
            "has its name, and be lost when the window closes. An open form stays open "
            "with what you typed, but that cannot be saved any more: copy it from the "
            "form.\n\n"
            "Save a Copy… writes everything saved until now (not what is typed in a "
            "form) to a file of your choice; open that copy to go on working.",
            QMessageBox.StandardButton.Close,
            parent,
        )
        box.setObjectName("fileGoneMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        copy_button = box.addButton("Save a &Copy…", QMessageBox.ButtonRole.ActionRole)
        copy_button.clicked.connect(self.save_copy)
        box.setDefaultButton(copy_button)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message = box
        box.destroyed.connect(lambda: setattr(self, "message", None))
        box.open()

    # -- Save a Copy -----------------------------------------------------------------

    def save_copy(self) -> Path | None:
        """Ask where, and write a consistent copy of the open database there."""
        if self.copy_lock.reason is not None:
            self._tell(f"Not available: {self.copy_lock.reason}.")
            return None
        path = file_of(self._host.location)
        if path is None:
            self._tell(f"Not available: {SERVER_COPY_REASON}.")
            return None
        target = self._chooser().save_copy(path.parent, f"{path.stem}-copy")
        if target is None:
            return None
        target = target.expanduser()
        if target.resolve() in self._host.store.files():
            self._tell(f"{target} is the database itself; choose another file.")
            return None
        try:
            self._host.store.save_copy(target)
        except (DatabaseFileError, StoreError, OSError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self._tell(f"The copy could not be written to {target}: {reason}")
            return None
        self._window.statusBar().showMessage(
            f"Saved a copy of the database to {target}", LONG_MESSAGE_MS
        )
        return target

    def _tell(self, text: str) -> None:
        parent: QWidget = QApplication.activeModalWidget() or self._window
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Save a Copy", text, QMessageBox.StandardButton.Ok, parent
        )
        box.setObjectName("saveCopyMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def _what_happened(reason: str) -> str:
    """What became of the file, in a few words, from the store's reason."""
    # The store says "… was deleted while open" or "… was replaced by another
    # file while open"; a save refused for good otherwise (read-only) is neither.
    if "was deleted" in reason:
        return "the file was deleted"
    if "was replaced" in reason:
        return "the file was replaced"
    return "the file cannot be written"


def _sentence(text: str) -> str:
    """``text`` as a sentence: capitalised, ending in a full stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
