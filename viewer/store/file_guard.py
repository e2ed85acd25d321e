"""The store's watch over its database file, and its words for SQLite's failures.

:class:`FileGuard` tells whether the path still names the file opened,
turns a failure SQLite reported into the store's own refusal
(:class:`DamagedDatabase`, :class:`DatabaseBusy`, :class:`DiskFull`,
:class:`ReadOnlyStore`), and writes a checked copy of what is open.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from viewer.store.backups import create_with_mode, file_mode
from viewer.store.engine import (
    copy_to,
    file_identity,
    is_damage,
    is_disk_full,
    is_locked,
    is_read_only_refusal,
)
from viewer.store.file_errors import (
    DamagedDatabase,
    DatabaseBusy,
    DatabaseFileError,
    DatabaseGone,
    DiskFull,
    ReadOnlyStore,
)
from viewer.store.inspection import run_quick_check


class FileGuard:
    """Watches the file behind ``engine`` and explains what goes wrong with it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.path = Path(engine.url.database or "")
        # The file opened, to tell later whether the path still names it.
        self._identity = file_identity(self.path) if engine.url.database else None

    # -- failures ------------------------------------------------------------

    def refusal(self, error: BaseException, operation: str) -> BaseException:
        """The store's own refusal for a failure SQLite reported, else the failure."""
        if is_locked(error):
            return DatabaseBusy(operation)
        if is_disk_full(error):
            return DiskFull(self.path.parent)
        if is_read_only_refusal(error):
            return ReadOnlyStore(self.path, operation)
        if is_damage(error):
            return self.damage_found(str(getattr(error, "orig", error)))
        return error

    def refuse(self, error: BaseException, operation: str) -> NoReturn:
        """Raise the refusal for ``error`` (see :meth:`refusal`) in its place,
        or ``error`` itself when it is none of them; called while handling it."""
        refusal = self.refusal(error, operation)
        if refusal is error:
            raise error
        raise refusal from None

    def damage_found(self, finding: str) -> DamagedDatabase:
        """The refusal for damage a read found (``finding`` says what); the
        next open checks the whole file again."""
        from viewer.store.clean_close import forget_clean_close
        from viewer.store.database import newest_backup

        forget_clean_close(self.path)
        return DamagedDatabase(self.path, [finding], newest_backup(self.path))

    @contextmanager
    def failures_explained(self, operation: str) -> Iterator[None]:
        """Within it, a failure met on the database's pages (damage found while
        reading, as SQLite's error or as text that does not decode) becomes
        :class:`DamagedDatabase`, a lock held too long :class:`DatabaseBusy`,
        a full disk :class:`DiskFull`: messages, never a traceback."""
        try:
            yield
        except (DatabaseError, sqlite3.DatabaseError, UnicodeDecodeError) as error:
            self.refuse(error, operation)

    # -- the file ------------------------------------------------------------

    def gone(self) -> str | None:
        """None while the path still names the file opened; else what happened to it.

        Two stat calls: cheap enough for the window's change probe timer.
        """
        if self._identity is None:
            return None  # not a file (an in-memory database)
        now = file_identity(self.path)
        if now is None:
            return f"{self.path} was deleted while open"
        if now != self._identity:
            return f"{self.path} was replaced by another file while open"
        return None

    def refuse_if_gone(self, operation: str) -> None:
        gone = self.gone()
        if gone is not None:
            raise DatabaseGone(gone, operation)

    def save_copy(self, target: Path) -> None:
        """Write a consistent copy of what the engine sees to ``target`` (even
        when its file was deleted), checked with SQLite's integrity check."""
        target = target.expanduser()
        if target.is_dir():
            raise DatabaseFileError(f"{target} is a folder; give a file name for the copy")
        if target.exists() or target.is_symlink():
            raise _name_taken(target)
        if target.parent.exists() and not target.parent.is_dir():
            raise DatabaseFileError(f"{target.parent} is not a folder; nothing was saved")
        if not target.parent.is_dir():
            raise DatabaseFileError(f"the folder {target.parent} does not exist; nothing was saved")
        partial = target.with_name(f".{target.name}.partial")
        try:
            # the copy may be read by whom the database may be read, no more
            create_with_mode(partial, file_mode(self.path))
            with self.engine.connect() as connection:
                source = connection.connection.dbapi_connection
                assert source is not None
                copy_to(source, partial)  # type: ignore[arg-type]
            checking = sqlite3.connect(partial)
            try:
                findings = run_quick_check(checking, full=True)
            finally:
                checking.close()
            if findings:
                raise DatabaseFileError(
                    f"the copy failed SQLite's integrity check ({'; '.join(findings)}); "
                    "it was not kept"
                )
            _place(partial, target)
        except (OSError, sqlite3.Error, DatabaseError) as error:
            if is_disk_full(error):
                raise DatabaseFileError(f"cannot save a copy: {DiskFull(target.parent)}") from None
            reason = getattr(error, "strerror", None) or str(getattr(error, "orig", error))
            raise DatabaseFileError(f"cannot save a copy to {target}: {reason}") from None
        finally:
            partial.unlink(missing_ok=True)


def _place(partial: Path, target: Path) -> None:
    """Give ``partial`` the name ``target``, never replacing a file that took it meanwhile."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise _name_taken(target) from None
    except OSError:  # a file system without hard links (a FAT memory stick)
        if target.exists():
            raise _name_taken(target) from None
        partial.replace(target)


def _name_taken(target: Path) -> DatabaseFileError:
    return DatabaseFileError(f"{target} exists; choose a new name for the copy")
