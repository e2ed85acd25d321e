"""Opening a database file from the File menu: New Database…, Open Database…,
and Open Recent's files, a damaged one included."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from viewer.store.api import (
    DamagedDatabase,
    DatabaseFileError,
    OpenedDatabase,
    OpenedServer,
    Store,
    StoreError,
)
from viewer.ui.window.damaged_dialog import DamagedChoice
from viewer.ui.window.damaged_recovery import DamageAsker, Recovered, dialog_asker, recover
from viewer.ui.window.file_chooser import PathChooser
from viewer.ui.window.preferences import load_preferences

# Opens (or with True, creates empty) a database file: api.open_or_create's refusals apply.
DatabaseOpener = Callable[[Path, bool], tuple[Store, OpenedDatabase]]


class FileOpeningHost(Protocol):
    """What opening a database file needs of the File menu."""

    @property
    def store(self) -> Store: ...
    @property
    def chooser(self) -> PathChooser: ...
    def busy(self) -> bool: ...
    def tell(
        self,
        title: str,
        text: str,
        problems: Sequence[str] = (),
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> QDialog: ...
    def say(self, text: str) -> None: ...
    def folder(self) -> Path: ...
    def current_path(self) -> Path | None: ...
    def show_opened(
        self,
        store: Store,
        opened: OpenedDatabase | OpenedServer,
        *,
        create: bool = False,
        damaged: bool = False,
    ) -> None: ...


class FileOpening(QObject):
    """File ▸ New Database…, Open Database… and Open Recent's files.

    The file is asked for through the File menu's chooser and opened with
    :attr:`opener`; a refusal is told and the database shown stays. A damaged
    file is recovered as the user answers :attr:`damage_asker` (tests answer
    at once).

    Signals: none; what was opened goes to the File menu's ``show_opened``.
    """

    def __init__(
        self, files: FileOpeningHost, window: QWidget, settings: QSettings, opener: DatabaseOpener
    ) -> None:
        super().__init__(window)
        self._files = files
        self._settings = settings
        self.opener = opener
        # Asks what to do with a damaged file (tests answer at once).
        self.damage_asker: DamageAsker = dialog_asker(window)

    def new_database(self) -> bool:
        if self._files.busy():
            return False
        path = self._files.chooser.new_database(self._files.folder())
        return path is not None and self.open_path(path, create=True)

    def open_database(self) -> bool:
        if self._files.busy():
            return False
        path = self._files.chooser.open_database(self._files.folder())
        return path is not None and self.open_path(path)

    def open_path(self, path: Path, *, create: bool = False) -> bool:
        """Show the database at ``path`` (with ``create``, a new empty one) instead
        of the one shown; on a refusal, say why and keep the one shown."""
        files = self._files
        if files.busy():
            return False
        path = path.expanduser()
        title = "New Database" if create else "Open Database"
        current = files.current_path()
        if create and path.exists() and path.stat().st_size > 0:
            files.tell(
                title,
                f"{path} already exists. A new database never replaces a file: "
                "choose another name, or open it with Open Database.",
            )
            return False
        if not create and not path.is_file():
            files.tell(title, f"{path} does not exist (any more).")
            return False
        if current is not None and _same_file(path, current):
            files.say(f"{path.name} is the database shown")
            return True
        try:
            store, opened = self.opener(path, create)
        except DamagedDatabase as damaged:
            return self._open_damaged(damaged)
        except (DatabaseFileError, StoreError, OSError) as error:
            files.tell(title, f"{error}\n\nThe database shown stays open.")
            return False
        files.show_opened(store, opened, create=create)
        return True

    def _open_damaged(self, damaged: DamagedDatabase) -> bool:
        """Ask what to do with a damaged file; the database shown stays until
        another is open."""
        files = self._files
        keep = load_preferences(self._settings).backups_to_keep
        try:
            outcome = recover(damaged, files.store.user, keep, self.damage_asker, at_start=False)
        except (DatabaseFileError, StoreError, OSError) as error:
            files.tell("Open Database", f"{error}\n\nThe database shown stays open.")
            return False
        if outcome is DamagedChoice.OPEN_OTHER:
            return self.open_database()
        if not isinstance(outcome, Recovered):
            files.say(f"{damaged.path} was not opened: it is damaged, and was left as it was")
            return False
        files.show_opened(outcome.store, outcome.opened, damaged=outcome.damaged)
        files.tell("Open Database", outcome.note, icon=QMessageBox.Icon.Information)
        return True


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
