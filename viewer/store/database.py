"""Opening a database file: create, upgrade with a backup, open read-only, or refuse.

Nothing writes to an existing file (not even ``journal_mode = WAL``) before a
read-only look has found it to be ours and sound (:mod:`viewer.store.inspection`).
A file is never overwritten when something is wrong with it: a damaged or
foreign file, one that stays locked, or one written by a newer version of the
app is refused with a message saying what to do. A file this process may not
write is opened read-only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError

from viewer.store import migrations
from viewer.store.clean_close import note_clean_close, start_up_check
from viewer.store.engine import (
    busy_timeout_ms,
    check_file,
    create_sqlite_engine,
    is_damage,
    is_disk_full,
    is_locked,
    set_application_id,
    writer,
)
from viewer.store.file_errors import (
    DamagedDatabase,
    DatabaseFileError,
    DiskFull,
    ForeignDatabase,
)
from viewer.store.inspection import APPLICATION_ID, FileInspection, foreign_reason, inspect_file

if TYPE_CHECKING:
    from alembic.config import Config

# The schema revisions in migrations/versions, oldest first. Opening a database
# that is already at the newest one then needs no Alembic, which would add a
# noticeable part of every start-up; tests/store/test_database.py checks that
# this is Alembic's own list.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011")


@dataclass(frozen=True)
class OpenedDatabase:
    """An engine on an up-to-date database, and what opening it did."""

    path: Path
    engine: Engine
    created: bool
    backup_path: Path | None = None
    read_only: bool = False
    # False for a file opened without checks (a damaged one, to rescue what it holds).
    checked: bool = True

    def close(self) -> None:
        """Close every connection to the file (the window's, or a command's, at its
        end), noting a clean close so that the next open of a large, unchanged
        file may skip its quick check (:mod:`viewer.store.clean_close`)."""
        self.engine.dispose()
        if self.checked:
            note_clean_close(self.path)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def alembic_revisions() -> tuple[str, ...]:
    """The revisions Alembic finds in migrations/versions, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([script.revision for script in scripts.walk_revisions()]))


def open_database(
    path: Path, *, upgrade_to: str = "head", read_only: bool = False
) -> OpenedDatabase:
    """Open (creating if needed) the database at ``path``, upgraded to ``upgrade_to``.

    Raises :class:`DatabaseFileError` (:class:`DamagedDatabase`,
    :class:`ForeignDatabase`) with a readable reason when the file cannot be
    used; the file is then left as it was. A file that cannot be written, or
    any file when ``read_only``, is opened read-only; it must then exist and be
    at the newest schema.
    """
    path = path.expanduser().absolute()
    may_write = check_file(path, may_create=not read_only) and not read_only
    existed = path.exists()
    created = not existed or path.stat().st_size == 0
    if created and not may_write:
        raise DatabaseFileError(
            f"there is no database at {path}"
            if not path.exists()
            else f"{path} is empty and cannot be written; nothing was changed"
        )
    inspection = None if created else examine(path)
    current = None if inspection is None or inspection.empty else inspection.revision
    if not may_write:
        if current is None:
            raise DatabaseFileError(
                f"{path} holds no Accords Viewer data and cannot be written; it was left untouched"
            )
        if current != head_revision():
            raise DatabaseFileError(
                f"{path} is at an older database schema ({current}) and cannot be "
                "upgraded read-only; copy it somewhere writable and open the copy. "
                "It was left untouched."
            )
        return OpenedDatabase(
            path, create_sqlite_engine(path, read_only=True), False, read_only=True
        )
    engine = create_sqlite_engine(path)
    try:
        return _migrate(path, engine, created, current, upgrade_to, inspection)
    except Exception as error:
        engine.dispose()
        if not existed:  # no half-made database is left where there was none
            for made in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                made.unlink(missing_ok=True)
        refusal = _explained(error, path, created)
        if refusal is error:
            raise
        raise refusal from None


def _explained(error: Exception, path: Path, created: bool) -> Exception:
    """The refusal, with a message, for an error met while opening ``path``;
    ``error`` itself when it is not SQLite's."""
    if isinstance(error, OperationalError):
        if is_locked(error):
            return DatabaseFileError(f"{path} is locked by another program; close it and try again")
        if is_disk_full(error):
            doing = "create" if created else "open"
            return DatabaseFileError(f"cannot {doing} {path}: {DiskFull(path.parent)}")
        return DatabaseFileError(f"cannot open {path}: {error.orig}")
    if isinstance(error, SQLAlchemyDatabaseError):
        if is_damage(error):
            return DamagedDatabase(path, [str(error.orig)], newest_backup(path))
        return DatabaseFileError(f"{path} cannot be opened ({error.orig}); it was left untouched")
    return error


def open_damaged(path: Path) -> OpenedDatabase:
    """A read-only engine on a (damaged) file, with no checks, to read what can be read."""
    path = path.expanduser().absolute()
    if not path.is_file():
        raise DatabaseFileError(f"there is no database at {path}")
    engine = create_sqlite_engine(path, read_only=True, unchanging=True)
    return OpenedDatabase(path, engine, False, read_only=True, checked=False)


def examine(path: Path) -> FileInspection:
    """The read-only look at an existing file, refusing one that is damaged,
    foreign or from a newer version."""
    full = start_up_check(path)
    inspection = inspect_file(
        path, busy_timeout_ms() / 1000, quick_check=full is not None, full=bool(full)
    )
    if inspection.findings:
        raise DamagedDatabase(path, inspection.findings, newest_backup(path))
    reason = foreign_reason(inspection, REVISIONS)
    if reason is not None:
        raise ForeignDatabase(path, reason)
    current = inspection.revision
    if current is not None and current not in REVISIONS:
        raise DatabaseFileError(
            f"{path} was written by a newer version of Accords Viewer (database schema "
            f"{current}; this version knows schemas up to {head_revision()}). "
            "Update Accords Viewer to open it; the file was left untouched."
        )
    return inspection


def newest_backup(path: Path) -> Path | None:
    """The newest backup of the database at ``path``, by name (not checked)."""
    from viewer.store.backups import list_backups

    try:
        found = list_backups(path)
    except OSError:
        return None
    return found[0].path if found else None


def _migrate(
    path: Path,
    engine: Engine,
    created: bool,
    current: str | None,
    target: str,
    inspection: FileInspection | None,
) -> OpenedDatabase:
    wanted = head_revision() if target == "head" else target
    if wanted not in REVISIONS:
        raise ValueError(f"no schema revision {target!r}")
    if current == wanted:
        if inspection is not None and inspection.application_id != APPLICATION_ID:
            with writer(engine).begin() as connection:  # ours, from before the mark
                set_application_id(connection)
        return OpenedDatabase(path, engine, created)
    from alembic import command  # only when there is something to migrate

    config = alembic_config()
    backup_path = None
    if current is not None:
        from viewer.store.backups import take_file_backup

        backup_path = take_file_backup(engine, path, f"before upgrade to schema {wanted}").path
    with writer(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
        set_application_id(connection)
    return OpenedDatabase(path, engine, created, backup_path)
