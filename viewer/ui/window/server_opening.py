"""Opening a server's database from the File menu: the connection form, and
the recent ones opened again."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from viewer.store.api import (
    DatabaseFileError,
    Location,
    OpenedServer,
    ServerAddress,
    Store,
    StoreError,
    open_or_create,
    store_password,
)
from viewer.ui.window.server_dialog import ServerDialog

# Opens a server's database (its password, if typed, in the address for this once).
ServerOpener = Callable[[ServerAddress], tuple[Store, OpenedServer]]


class OpeningHost(Protocol):
    """What opening a server's database needs of the File menu."""

    def busy(self) -> bool: ...
    def author(self) -> str: ...
    def database_location(self) -> Location | None: ...
    def say(self, text: str) -> None: ...
    def show_opened(self, store: Store, opened: OpenedServer) -> None: ...


class ServerOpening(QObject):
    """File ▸ Open Server Database… and Open Recent's servers.

    The connection form (:class:`ServerDialog`) opens the database through
    :attr:`opener`; a password typed there is used for this connection and,
    if the user asks, kept in the system keyring, never in the settings. A
    recent server is opened at once (its password from ``~/.pgpass``,
    ``PGPASSWORD`` or the keyring); if that fails, the form opens filled in,
    saying why.

    Signals: none; what was opened goes to the File menu's ``show_opened``.
    """

    def __init__(self, files: OpeningHost, window: QWidget) -> None:
        super().__init__(window)
        self._files = files
        self._window = window
        self.opener: ServerOpener = lambda address: open_or_create(
            address, files.author(), seed=False
        )
        self.dialog: ServerDialog | None = None

    def ask(self, initial: ServerAddress | None = None, message: str = "") -> ServerDialog | None:
        """Show the connection form (window-modal, not blocking); None while busy."""
        if self._files.busy():
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        current = self._files.database_location()
        if initial is None and isinstance(current, ServerAddress):
            initial = current
        dialog = ServerDialog(self.try_address, initial, message, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open(self, address: ServerAddress) -> bool:
        """Open a server's database known already (Open Recent); if it cannot
        be opened as it is, ask through the form, saying why."""
        if self._files.busy():
            return False
        refused = self.try_address(address, None, False)
        if refused is not None:
            self.ask(address, refused)
            return False
        return True

    def try_address(
        self, address: ServerAddress, password: str | None, remember: bool
    ) -> str | None:
        """Open ``address`` and show it; None once shown, else the reason (the
        database shown stays)."""
        if address == self._files.database_location():
            self._files.say(f"{address} is the database shown")
            return None
        given = dataclasses.replace(address, password=password) if password else address
        try:
            store, opened = self.opener(given)
        except (DatabaseFileError, StoreError, OSError) as error:
            return str(error)
        # What is kept and shown is the address without the password.
        opened = dataclasses.replace(opened, address=address)
        self._files.show_opened(store, opened)
        if remember and password:
            problem = store_password(address, password)
            if problem is not None:
                self._files.say(f"Opened {address}, but the password was not kept: {problem}")
        return None
