"""The store's words for what a PostgreSQL server refuses or fails to do.

The counterpart of :class:`viewer.store.file_guard.FileGuard` for a server
database: there is no file to watch or to copy, and the failures are the
server's (a role that may only read, a lost connection, a write lock held
too long), each said as the store's own refusal, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from viewer.store.errors import StoreError
from viewer.store.file_errors import DamagedDatabase, DatabaseBusy, DatabaseFileError
from viewer.store.server_engine import (
    is_connection_problem,
    is_lock_timeout,
    is_permission_refusal,
)


class RoleRefusal(StoreError):
    """The server refused what the connected role may not do (a write, or a
    read of a table it was not granted); nothing was changed."""

    def __init__(self, operation: str, detail: str) -> None:
        super().__init__(
            f"{operation} was refused by the server: your database role may not do "
            f"that ({detail}); nothing was changed. Ask the database's administrator "
            "for the role you need (the viewer or editor role: accords-viewer init-roles)."
        )
        self.operation = operation


class ServerUnreachable(StoreError):
    """The connection to the server failed or was lost; nothing was changed."""

    def __init__(self, operation: str, detail: str) -> None:
        super().__init__(
            f"{operation} failed: the database server could not be reached ({detail}); "
            "nothing was changed. Check the network and try again."
        )
        self.operation = operation


class ServerGuard:
    """Explains what goes wrong with a server database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.path = None

    def refusal(self, error: BaseException, operation: str) -> BaseException:
        detail = _first_line(error)
        if is_lock_timeout(error):
            return DatabaseBusy(operation)
        if is_permission_refusal(error):
            return RoleRefusal(operation, detail)
        if is_connection_problem(error):
            return ServerUnreachable(operation, detail)
        return error

    def refuse(self, error: BaseException, operation: str) -> NoReturn:
        refusal = self.refusal(error, operation)
        if refusal is error:
            raise error
        raise refusal from None

    def damage_found(self, finding: str) -> DamagedDatabase:
        # The server keeps its own pages; what a read cannot decode is reported as found.
        return DamagedDatabase(Path(str(self.engine.url.database)), [finding], None)

    @contextmanager
    def failures_explained(self, operation: str) -> Iterator[None]:
        try:
            yield
        except DatabaseError as error:
            self.refuse(error, operation)

    def gone(self) -> str | None:
        return None  # a server's database is not a file that can be moved away

    def refuse_if_gone(self, operation: str) -> None:
        return None

    def save_copy(self, target: Path) -> None:
        raise DatabaseFileError(
            "a server database is copied with `accords-viewer copy` (to a SQLite file) "
            "or backed up by its administrator with pg_dump; nothing was saved"
        )


def _first_line(error: BaseException) -> str:
    words = str(getattr(error, "orig", error)).strip().splitlines()
    return words[0] if words else type(error).__name__
