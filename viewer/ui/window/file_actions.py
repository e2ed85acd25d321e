"""The File menu: which database the window shows, import, export, its properties, Quit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QStatusBar, QWidget

from viewer.store.api import (
    AddressError,
    DatabaseFileError,
    DatabaseGone,
    OpenedDatabase,
    OpenedServer,
    ServerAddress,
    Store,
    StoreError,
    database_properties,
    open_or_create,
    parse_location,
)
from viewer.store.api import Location as DatabaseLocation
from viewer.ui.widgets.shortcuts import shortcuts
from viewer.ui.window.export_actions import ExportActions
from viewer.ui.window.file_chooser import FileDialogChooser, PathChooser
from viewer.ui.window.file_opening import FileOpening
from viewer.ui.window.import_controller import ImportController
from viewer.ui.window.long_task import LongTask, Work
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.open_file import OpenFile, location_of
from viewer.ui.window.problems_dialog import ProblemsDialog
from viewer.ui.window.properties_dialog import PropertiesDialog
from viewer.ui.window.recent_databases import RecentDatabases
from viewer.ui.window.recent_menu import RecentMenu
from viewer.ui.window.server_opening import ServerOpening
from viewer.ui.window.status_feedback import LONG_MESSAGE_MS
from viewer.ui.window.task_progress_dialog import TaskProgressDialog


class FileHost(Protocol):
    """What the File menu needs of the window."""

    @property
    def store(self) -> Store: ...
    def switch_store(
        self, store: Store, location: DatabaseLocation, *, damaged: bool = False
    ) -> None: ...
    def release_store(self) -> None: ...
    def refresh(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def close(self) -> bool: ...
    def current_location(self) -> Location | None: ...


class FileActions(QObject):
    """New, Open and Open Recent switch the window to another database; Import
    and Export run on a :class:`LongTask` with a progress dialog that can
    cancel; Properties describes the database; Quit closes the window.

    Owns the open database (an :class:`OpenedDatabase`, given by
    :meth:`adopt`): a switch closes the one left, and the window's end the
    one shown. Files are asked for through ``chooser`` (a
    :class:`PathChooser`: tests put one of their own) and opened by
    :attr:`files` (:class:`FileOpening`); Export is :attr:`exports`
    (:class:`ExportActions`).

    Signals:
        databaseSwitched(str): the window shows another database; carries its path.
        taskEnded(): an import or export ended (done, failed or cancelled).
        writingStopped(str): an import found the file deleted or replaced; carries why.
    """

    databaseSwitched = Signal(str)
    taskEnded = Signal()
    writingStopped = Signal(str)

    def __init__(self, host: FileHost, window: QWidget, settings: QSettings) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self._settings = settings
        self.recent = RecentDatabases(settings)
        self.chooser: PathChooser = FileDialogChooser(window)
        # A database file: New, Open, and the recent ones.
        self.files = FileOpening(
            self,
            window,
            settings,
            lambda path, _create: open_or_create(path, self.author(), seed=False),
        )
        # A server's database: Open Server Database…, and the recent ones.
        self.servers = ServerOpening(self, window)
        self.task: LongTask | None = None
        self.importer = ImportController(self, window)
        self._file = OpenFile()
        file = self._file
        window.destroyed.connect(lambda: file.close())
        self._make_actions(window)
        self._connect_signals()

    def _make_actions(self, window: QWidget) -> None:
        self.new_action = QAction("&New Database…", window)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_action.setToolTip("Create an empty database and show it (Ctrl+Shift+N)")
        self.open_action = QAction("&Open Database…", window)
        self.open_action.setShortcuts(shortcuts("Ctrl+O", QKeySequence.StandardKey.Open))
        self.open_action.setToolTip("Show another database file in this window (Ctrl+O)")
        self.open_server_action = QAction("Open Ser&ver Database…", window)
        self.open_server_action.setObjectName("openServerAction")
        self.open_server_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_server_action.setToolTip(
            "Show a PostgreSQL database a team shares in this window (Ctrl+Shift+O)"
        )
        self.recent_menu = RecentMenu(self.recent, window)
        self.clear_recent_action = self.recent_menu.clear_action
        self.import_action = QAction("&Import…", window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            "Add the records of a JSON exchange file, merging those the database has (Ctrl+I)"
        )
        self.exports = ExportActions(self, window, self._host.current_location)
        self.export_action = self.exports.export_action
        self.references_action = self.exports.references_action
        self.properties_action = QAction("Database &Properties…", window)
        self.quit_action = QAction("&Quit", window)
        self.quit_action.setShortcuts(shortcuts("Ctrl+Q", QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in self.menu_actions():
            if action is not None:
                window.addAction(action)  # its keys work wherever the focus is

    def menu_actions(self) -> list[QAction | None]:
        """The File menu, top to bottom (Open Recent's submenu goes after Open); None
        is a separator."""
        return [
            self.new_action,
            self.open_action,
            self.open_server_action,
            None,
            self.import_action,
            self.export_action,
            self.references_action,
            None,
            self.properties_action,
            None,
            self.quit_action,
        ]

    def add_menu(self, menu: QMenu, keeping: Sequence[QAction] = ()) -> None:
        """Fill the File ``menu``; the ``keeping`` actions (Save a Copy, Backups)
        go in a group of their own after Export."""
        for action in self.menu_actions():
            if action is self.properties_action and keeping:
                for kept in keeping:
                    menu.addAction(kept)
                menu.addSeparator()
            if action is None:
                menu.addSeparator()
                continue
            menu.addAction(action)
            if action is self.open_server_action:
                menu.addMenu(self.recent_menu)

    def _connect_signals(self) -> None:
        self.new_action.triggered.connect(self.files.new_database)
        self.open_action.triggered.connect(self.files.open_database)
        self.open_server_action.triggered.connect(lambda: self.servers.ask())
        self.recent_menu.databaseChosen.connect(self.open_recent)
        self.clear_recent_action.triggered.connect(self.clear_recent)
        self.import_action.triggered.connect(self.import_file)
        self.properties_action.triggered.connect(self.show_properties)
        self.quit_action.triggered.connect(self._host.close)

    # -- the database shown ----------------------------------------------------------

    def adopt(self, opened: OpenedDatabase | OpenedServer) -> None:
        """Take charge of the database the window was made with (closing it at the end)."""
        self._file.opened = opened
        self.recent.add(location_of(opened))
        self.recent_menu.fill()

    def current_path(self) -> Path | None:
        """The database file shown (None for a server's database)."""
        opened = self._file.opened
        return opened.path if isinstance(opened, OpenedDatabase) else None

    def database_location(self) -> DatabaseLocation | None:
        """The database shown: a file, or a server's."""
        opened = self._file.opened
        return location_of(opened) if opened is not None else None

    def author(self) -> str:
        """Who the revision log names for a database opened next: the window's
        author, without the server role the store shown adds to it."""
        store = self._host.store
        if store.role and store.user.endswith(f" ({store.role})"):
            return store.user.removesuffix(f" ({store.role})")
        return store.user

    def open_recent(self, text: str) -> bool:
        """Open Recent's entry: a file's path or a server database's address."""
        try:
            location = parse_location(text)
        except AddressError as error:
            self.tell("Open Database", str(error))
            return False
        if isinstance(location, ServerAddress):
            return self.servers.open(location)
        return self.open_path(location)

    def close_database(self) -> None:
        """Close every connection to the database, noting a clean close (the
        app's end: Python's own exit would leave the -wal and -shm files, and
        the next start of a large file would check it all again)."""
        self._file.close()

    def open_path(self, path: Path, *, create: bool = False) -> bool:
        """Show the database at ``path`` instead (:meth:`FileOpening.open_path`)."""
        return self.files.open_path(path, create=create)

    def show_opened(
        self,
        store: Store,
        opened: OpenedDatabase | OpenedServer,
        *,
        create: bool = False,
        damaged: bool = False,
    ) -> None:
        """Show the database just opened in place of the one shown, which is closed."""
        location = location_of(opened)
        self._host.switch_store(store, location, damaged=damaged)
        left, self._file.opened = self._file.opened, opened
        if left is not None:
            left.close()
        self.recent.add(location)
        self.recent_menu.fill()
        if create:
            self.say(f"Created {location}: it is empty; File > Import… fills it")
        elif opened.backup_path is not None:
            self.say(f"Upgraded {location}; the previous version is kept at {opened.backup_path}")
        elif store.read_only and isinstance(opened, OpenedServer):
            self.say(f"Opened {location} read-only: your database role may only read")
        elif store.read_only:
            self.say(f"Opened {location} read-only: it cannot be changed")
        else:
            self.say(f"Opened {location}")
        self.databaseSwitched.emit(str(location))

    def replace_file(self, change: Callable[[Path], object]) -> object:
        """Close the database shown, let ``change`` rewrite its file (a restore),
        and show the file again; ``change``'s outcome.

        Every connection is closed first (the window's readers and watch, then
        the engine). If ``change`` fails, its error goes on to the caller once
        the file, as it was, is shown again.
        """
        opened = self._file.opened
        if opened is None:
            raise DatabaseFileError("no database is open")
        if not isinstance(opened, OpenedDatabase):
            raise DatabaseFileError(
                f"{opened.address} is a server's database: it has no file to replace"
            )
        path = opened.path
        self._host.release_store()
        opened.close()
        try:
            outcome = change(path)
        except BaseException:
            self._reopen(path)  # as it was: the change failed before replacing it
            raise
        self._reopen(path)
        return outcome

    def _reopen(self, path: Path) -> None:
        try:
            store, reopened = self.files.opener(path, False)
        except (DatabaseFileError, StoreError, OSError) as error:
            raise DatabaseFileError(
                f"{path} could not be opened again: {error}. Open it (or another file) "
                "with File > Open Database…"
            ) from error
        self._host.switch_store(store, reopened.path)
        self._file.opened = reopened

    def folder(self) -> Path:
        current = self.current_path()
        return current.parent if current is not None else Path.home()

    # -- recent databases ------------------------------------------------------------

    def clear_recent(self) -> None:
        self.recent.clear()
        current = self.database_location()
        if current is not None:
            self.recent.add(current)  # the one shown is still the latest opened
        self.recent_menu.fill()

    # -- import and export -----------------------------------------------------------

    def import_file(self) -> LongTask | None:
        """File ▸ Import… (:class:`ImportController`)."""
        return self.importer.import_file()

    # What the import asks of the File menu (ImportHost).

    @property
    def store(self) -> Store:
        return self._host.store

    def refresh(self) -> None:
        self._host.refresh()

    def export_file(self) -> LongTask | None:
        """File ▸ Export… (:class:`ExportActions`)."""
        return self.exports.export_file()

    def export_selection_references(self) -> LongTask | None:
        """File ▸ Export References of Selection… (:class:`ExportActions`)."""
        return self.exports.export_selection_references()

    def busy(self) -> bool:
        """Whether an import or export is under way. Its dialog blocks the window
        once shown, but not in the moment before: until it ends, no other file
        command starts (opening another database would close the one it writes)."""
        if self.task is None:
            return False
        self.say("An import or export is under way; wait for it to end, or cancel it")
        return True

    def run_task(self, title: str, work: Work) -> LongTask:
        task = LongTask(work, self)
        self.task = task
        TaskProgressDialog(task, title, self._window)
        task.ended.connect(self._task_ended)
        task.start()
        self._file.stop_task = task.stopper()
        return task

    def _task_ended(self) -> None:
        self._file.stop_task = None
        if self.task is not None:
            self.task.deleteLater()
            self.task = None
        self.taskEnded.emit()

    def task_failed(self, doing: str, path: Path, error: object) -> None:
        if isinstance(error, DatabaseGone):
            self.writingStopped.emit(error.reason)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
        else:
            reason = str(error) or type(error).__name__
        self.tell(doing, f"{doing} of {path} failed: {reason}. Nothing was changed.")

    # -- properties ------------------------------------------------------------------

    def show_properties(self) -> PropertiesDialog:
        shown = self.database_location()
        server = shown if isinstance(shown, ServerAddress) else None
        dialog = PropertiesDialog(
            database_properties(self._host.store), self._window, server=server
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- telling the user ------------------------------------------------------------

    def tell(
        self,
        title: str,
        text: str,
        problems: Sequence[str] = (),
        icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
    ) -> QDialog:
        """Show a message (and a list of problems) without blocking: window-modal,
        gone once closed. Plain text: it quotes file names and file contents."""
        dialog: QDialog
        if problems:
            dialog = ProblemsDialog(title, text, problems, self._window)
        else:
            dialog = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
            dialog.setTextFormat(Qt.TextFormat.PlainText)
            dialog.setObjectName("fileMessage")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def say(self, text: str) -> None:
        self._host.statusBar().showMessage(text, LONG_MESSAGE_MS)
