"""Backups of a database: taken, listed, checked, restored; damaged files set aside.

Each database has a folder of its own under the user data folder's
``backups/`` (its file's stem plus a short hash of its full path, so that two
databases never mix). A backup is a consistent copy made with SQLite's backup
API, written under a temporary name, checked with ``integrity_check`` and only
then given its name; only after that are the oldest beyond ``keep`` removed.
A backup's name holds when it was taken and why:
``accords.20261130T220500.123456Z.before-restore.sqlite3``.

Only the backups the app takes on its own ("daily", "before upgrade …") count
toward ``keep`` and are removed when there are more: a backup the user asked
for ("manual") and the copy of their data taken before a restore ("before
restore") are kept until the user deletes them, and taking an automatic
backup never removes one of them.

Backups, saved copies and restored files keep the permissions of the
database file they come from or replace (a database only its owner may read
gives backups only its owner may read), and the backup folders are made
readable by their owner only (0o700).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import platformdirs
from sqlalchemy import Engine

from viewer.store.engine import busy_timeout_ms, copy_to
from viewer.store.file_errors import DatabaseFileError, DiskFull
from viewer.store.inspection import (
    connect_read_only,
    foreign_reason,
    inspect_file,
    run_quick_check,
)
from viewer.store.open_elsewhere import database_openness
from viewer.store.paths import APP_NAME


class OpenStore(Protocol):
    """What a backup needs of a store (:class:`viewer.store.store.Store`); named
    so, the store module may use this one without a cycle."""

    @property
    def engine(self) -> Engine: ...
    @property
    def path(self) -> Path | None: ...
    @property
    def read_only(self) -> bool: ...


DEFAULT_KEEP = 10
DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before restore"
# Backups the user asked for, or that hold the data a restore replaced: never
# removed to keep the number of backups down.
KEPT_UNTIL_DELETED = frozenset({MANUAL, BEFORE_RESTORE})
# A new database file is readable by its owner only; a copy of a file whose
# mode cannot be read gets this one.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6})\.(?P<micro>\d{6})Z\.(?P<slug>[a-z0-9-]+)\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was taken (UTC), its size, and why."""

    path: Path
    taken_at: datetime
    size: int
    reason: str


def backup_folder(database: Path) -> Path:
    """Where the backups of ``database`` live (one folder per database file)."""
    return platformdirs.user_data_path(APP_NAME) / "backups" / database_tag(database)


def database_tag(database: Path) -> str:
    """A name for one database file: its stem and a short hash of its full path."""
    resolved = database.expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()
    return f"{resolved.stem}-{digest[:10]}"


def list_backups(database: Path) -> list[BackupInfo]:
    """The backups of ``database``, newest first (from their names and sizes only)."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        info = _info(entry)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda info: info.taken_at, reverse=True)


def take_backup(store: OpenStore, reason: str, keep: int = DEFAULT_KEEP) -> BackupInfo:
    """A checked copy of the database open in ``store``, in its backup folder."""
    return take_file_backup(store.engine, _file_of(store), reason, keep)


def daily_backup(store: OpenStore, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """A backup, if none was taken today (local date); None otherwise, and
    always None for a store open read-only (it cannot change, so needs none)."""
    if store.read_only or store.path is None:
        return None  # a server's database is backed up by its administrator
    today = datetime.now().astimezone().date()
    for info in list_backups(store.path):
        if info.reason == DAILY and info.taken_at.astimezone().date() == today:
            return None
    return take_backup(store, DAILY, keep)


def _file_of(store: OpenStore) -> Path:
    if store.path is None:
        raise DatabaseFileError(
            "a database on a server is backed up by its administrator (pg_dump), "
            "not by the app; `accords-viewer copy` makes an offline SQLite copy"
        )
    return store.path


def newest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup of ``database`` that passes SQLite's quick check."""
    for info in list_backups(database):
        try:
            inspection = inspect_file(info.path, busy_timeout_ms() / 1000)
        except DatabaseFileError:
            continue
        if not inspection.findings and foreign_reason(inspection) is None:
            return info
    return None


def take_file_backup(
    engine: Engine, database: Path, reason: str, keep: int = DEFAULT_KEEP
) -> BackupInfo:
    """A checked copy of what ``engine`` sees of ``database``, kept in its backup folder."""
    with engine.connect() as connection:
        source = connection.connection.dbapi_connection
        assert isinstance(source, sqlite3.Connection)
        return _store_copy(source, database, reason, keep)


def restore_backup(backup: Path, database: Path, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """Put the backup at ``backup`` in place of ``database``.

    The backup must pass ``integrity_check`` and be ours. The current file, if
    sound, is backed up first (that backup is returned); if damaged, it is set
    aside beside itself (None is returned, as when there was none). The file is
    replaced atomically: written beside it, synced, renamed over it, its old
    ``-wal`` and ``-shm`` removed first. Every connection to ``database`` must
    be closed before: a database another program (or this one) still has open
    is refused, when that can be told (:func:`database_openness`).
    """
    backup = backup.expanduser()
    if not backup.is_file():
        raise DatabaseFileError(f"there is no backup at {backup}; nothing was restored")
    problem = _backup_problem(backup)
    if problem is not None:
        raise DatabaseFileError(
            f"the backup {backup} {problem}; nothing was restored and both files were "
            "left untouched"
        )
    database = database.expanduser()
    if database.is_symlink():
        database = database.resolve()  # restore the file the link names, keep the link
    openness = database_openness(database)
    if openness.open:
        by = f" (process {openness.process})" if openness.process else ""
        raise DatabaseFileError(
            f"{database} is open in another program{by}, such as an Accords Viewer "
            "window; close it, then restore again. Nothing was changed."
        )
    taken = None
    if database.is_file() and database.stat().st_size > 0:
        if database.resolve() == backup.resolve():
            raise DatabaseFileError(f"{backup} is the database itself; nothing was restored")
        current = inspect_file(database, busy_timeout_ms() / 1000)
        reason = foreign_reason(current)
        if current.findings:
            set_aside_damaged(database)
        elif reason is not None:
            raise DatabaseFileError(
                f"{database} is not an Accords Viewer database ({reason}); nothing was "
                "restored over it"
            )
        else:
            source = connect_read_only(database, busy_timeout_ms() / 1000)
            try:
                taken = _store_copy(source, database, BEFORE_RESTORE, keep)
            finally:
                source.close()
    _replace_with_copy(backup, database)
    return taken


def set_aside_damaged(database: Path) -> Path:
    """Rename a damaged file, and its ``-wal`` and ``-shm``, beside it as
    ``<name>.damaged-<UTC stamp>``; returns the new path of the file."""
    stamp = datetime.now(UTC).strftime(_STAMP) + "Z"
    target = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{target}{suffix}"))
    database.rename(target)
    return target


def _store_copy(source: sqlite3.Connection, database: Path, reason: str, keep: int) -> BackupInfo:
    folder = backup_folder(database)
    taken_at = datetime.now(UTC)
    slug = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or MANUAL
    stem = database.expanduser().resolve().stem
    name = f"{stem}.{taken_at.strftime(_STAMP)}.{taken_at.microsecond:06d}Z.{slug}{SUFFIX}"
    try:
        make_private_folder(folder)
    except OSError as error:
        raise DatabaseFileError(
            f"cannot make the backup folder {folder}: {error.strerror or error}"
        ) from None
    partial = folder / f".{name}.partial"
    try:
        create_with_mode(partial, file_mode(database))
        copy_to(source, partial)
        findings = _integrity_findings(partial)
        if findings:
            raise DatabaseFileError(
                f"the new backup failed SQLite's integrity check ({'; '.join(findings)}); "
                "it was not kept, and the older backups were left as they were"
            )
        final = folder / name
        partial.replace(final)
    except sqlite3.OperationalError as error:
        if "full" in str(error):
            raise DatabaseFileError(f"no backup was taken: {DiskFull(folder)}") from None
        raise DatabaseFileError(f"no backup was taken: {error}") from None
    except OSError as error:
        raise DatabaseFileError(
            f"no backup was taken: cannot write in {folder} ({error.strerror or error})"
        ) from None
    finally:
        partial.unlink(missing_ok=True)
    info = BackupInfo(final, taken_at, final.stat().st_size, reason)
    automatic = [old for old in list_backups(database) if old.reason not in KEPT_UNTIL_DELETED]
    for old in automatic[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
    return info


def file_mode(path: Path) -> int:
    """The permission bits of the file at ``path`` (following links), to give a
    copy of it; :data:`PRIVATE_FILE` if there is none or they cannot be read."""
    try:
        return path.expanduser().stat().st_mode & 0o777
    except OSError:
        return PRIVATE_FILE


def create_with_mode(path: Path, mode: int) -> None:
    """Create ``path`` empty (or empty it) with exactly the permission bits
    ``mode``, before SQLite writes a database into it: SQLite keeps an
    existing file's mode, and the copy is never readable by others meanwhile."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        os.fchmod(handle, mode)  # exactly ``mode``, whatever the umask
    finally:
        os.close(handle)


def make_private_folder(folder: Path) -> None:
    """Make ``folder`` (and its parents) if missing; the folder itself, ours,
    is readable by its owner only, even when an earlier version made it wider."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
        folder.chmod(PRIVATE_FOLDER)


def _integrity_findings(path: Path) -> list[str]:
    connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return run_quick_check(connection, full=True)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    finally:
        connection.close()


def _backup_problem(backup: Path) -> str | None:
    with backup.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return "is not an SQLite database"
    try:
        inspection = inspect_file(backup, busy_timeout_ms() / 1000, quick_check=False)
    except DatabaseFileError as error:
        return f"cannot be read ({error})"
    findings = list(inspection.findings) or _checked(backup)
    if findings:
        return "is damaged (SQLite reports: " + "; ".join(findings[:3]) + ")"
    reason = foreign_reason(inspection)
    if reason is not None or inspection.empty:
        return f"is not an Accords Viewer database ({reason or 'it is empty'})"
    return None


def _checked(path: Path) -> list[str]:
    connection = connect_read_only(path, busy_timeout_ms() / 1000)
    try:
        return run_quick_check(connection, full=True)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        return [str(error)]
    finally:
        connection.close()


def _replace_with_copy(backup: Path, database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(f".{database.name}.restoring")
    partial.unlink(missing_ok=True)
    mode = file_mode(database) if database.exists() else file_mode(backup)
    source = connect_read_only(backup, busy_timeout_ms() / 1000)
    try:
        create_with_mode(partial, mode)
        copy_to(source, partial)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        partial.replace(database)
        _sync_folder(database.parent)
    except sqlite3.OperationalError as error:
        raise DatabaseFileError(f"nothing was restored: {error}") from None
    finally:
        source.close()
        partial.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _info(entry: Path) -> BackupInfo | None:
    match = _NAME.match(entry.name)
    if match is None or not entry.is_file():
        return None
    taken = datetime.strptime(match["stamp"], _STAMP).replace(
        microsecond=int(match["micro"]), tzinfo=UTC
    )
    return BackupInfo(entry, taken, entry.stat().st_size, match["slug"].replace("-", " "))
