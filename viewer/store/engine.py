"""The SQLite engine: connection settings, file checks, backups, integrity.

Everything SQLite-specific about connections lives here (and in the search
module), so that the rest of the store can later run on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from viewer.domain.authors import read_stored_authors
from viewer.domain.query import searchable
from viewer.store.file_errors import DatabaseFileError
from viewer.store.inspection import (
    APPLICATION_ID,
    SQLITE_HEADER,
    connect_read_only,
    has_journal,
    is_locked_error,
    read_only_uri,
)

# How long a connection waits for another's lock before giving up (tests set
# it lower; ACCORDS_VIEWER_BUSY_TIMEOUT_MS overrides it for a whole process).
BUSY_TIMEOUT_MS = 5_000
BUSY_TIMEOUT_VARIABLE = "ACCORDS_VIEWER_BUSY_TIMEOUT_MS"
# For tests only: caps the database's size in pages (SQLite's max_page_count),
# so that a write runs into SQLITE_FULL as on a full disk.
MAX_PAGES_VARIABLE = "ACCORDS_VIEWER_TEST_MAX_PAGES"
WRITE_OPTION = "accords_write"

__all__ = ["APPLICATION_ID", "DatabaseFileError"]


def busy_timeout_ms() -> int:
    from_environment = os.environ.get(BUSY_TIMEOUT_VARIABLE, "")
    return int(from_environment) if from_environment.isdigit() else BUSY_TIMEOUT_MS


def check_file(path: Path, *, may_create: bool = True) -> bool:
    """Refuse a folder, a link to nothing, or a file that is not SQLite; create
    the folder of a new file (unless not ``may_create``: then a missing file is
    refused). Returns whether this process may write the file and its folder
    (a database that cannot be written is opened read-only)."""
    if path.is_symlink() and not path.exists():
        target = path.parent / path.readlink()  # as the link names it, from its folder
        raise DatabaseFileError(
            f"{path} is a link that points to {target}, which does not exist (an "
            "unmounted drive, or a moved file?); nothing was created. Connect the drive "
            "or correct the link, or choose another file."
        )
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a database file")
    if not path.exists():
        if not may_create:
            raise DatabaseFileError(f"there is no database at {path}")
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseFileError(
                f"cannot create the folder {parent}: {error.strerror or error}"
            ) from None
        if not os.access(parent, os.W_OK):
            raise DatabaseFileError(
                f"cannot create {path}: the folder {parent} is read-only; nothing was created"
            )
        return True
    if not path.is_file():  # a pipe or a device: reading it could wait forever
        raise DatabaseFileError(f"{path} is not a regular file, so not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseFileError(f"cannot read {path}: {error.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise DatabaseFileError(
            f"{path} is not an SQLite database (damaged, or another kind "
            "of file); it was left untouched"
        )
    return writable(path)


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` and create files beside it (WAL's
    ``-wal`` and ``-shm``)."""
    resolved = path.resolve()
    return os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK)


def create_sqlite_engine(
    path: Path, *, read_only: bool = False, unchanging: bool = False
) -> Engine:
    """An engine on ``path`` with WAL, foreign keys and a busy timeout.

    Plain transactions start deferred; a connection with the execution option
    ``accords_write`` starts them with ``BEGIN IMMEDIATE`` so that a writer
    takes the write lock at its start rather than failing half-way.

    With ``read_only``, every connection is opened ``mode=ro`` (SQLite refuses
    any write) and nothing is set that would write; ``immutable=1`` is added
    only when no log lies beside it and nobody can be writing: the folder
    cannot be written (so no ``-shm`` can be made there, which a writer in WAL
    mode needs), or the file has no write permission for anyone, or the caller
    knows (``unchanging``: a damaged file, opened to rescue what can be read).
    Otherwise another program may write it meanwhile, and SQLite needs its
    ``-shm`` beside it to read safely (and may leave it there).
    """
    # URL.create keeps '?', '#' and '%' in a file name as part of the name.
    url = URL.create("sqlite+pysqlite", database=str(path))
    if read_only:
        unwritable_folder = not os.access(path.resolve().parent, os.W_OK)
        nobody_writes = not path.stat().st_mode & 0o222
        immutable = (unchanging or unwritable_folder or nobody_writes) and not has_journal(path)
        uri = read_only_uri(path, immutable=immutable)
        engine = create_engine(
            url,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        )
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        engine = create_engine(url)
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, beginning each transaction with the write lock."""
    return engine.execution_options(**{WRITE_OPTION: True})


def _on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (the driver's own
    # implicit transactions cannot take the lock up front).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    max_pages = os.environ.get(MAX_PAGES_VARIABLE, "")
    if max_pages.isdigit():
        cursor.execute(f"PRAGMA max_page_count = {int(max_pages)}")
    cursor.close()
    _add_functions(dbapi_connection)


def _on_connect_read_only(
    dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry
) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()
    _add_functions(dbapi_connection)


def _add_functions(dbapi_connection: sqlite3.Connection) -> None:
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    dbapi_connection.create_function("index_text", 1, index_text, deterministic=True)
    dbapi_connection.create_function("initials", 1, initials, deterministic=True)
    dbapi_connection.create_function("author_names", 1, author_names, deterministic=True)


def index_text(value: object) -> str:
    """Text as the search index holds it: folded, as a query's words are
    (:func:`viewer.domain.query.searchable`)."""
    return searchable(value) if isinstance(value, str) else ""


def initials(value: object) -> str:
    """The initials of a name of several words ("United Arab Emirates": "UAE"),
    so that a search for the usual abbreviation finds the name."""
    if not isinstance(value, str):
        return ""
    words = [word for word in value.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(word[0] for word in words).upper() if len(words) > 1 else ""


def author_names(value: object) -> str:
    """A source's stored authors (JSON) as the names read ("Ashley Carnahan
    Associated Press"), so that the index holds names, not JSON's keys."""
    if not isinstance(value, str):
        return ""
    try:
        data = json.loads(value)
    except ValueError:
        return ""
    if not isinstance(data, list):
        return ""
    return " ".join(
        author.display for author in read_stored_authors([item for item in data if _name(item)])
    )


def _name(item: object) -> bool:
    return isinstance(item, str) or (
        isinstance(item, dict) and all(isinstance(part, str) for part in item.values())
    )


def _on_begin(connection: Any) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _casefold(value: object) -> str | None:
    # Names compare folded as search words are, so the two never disagree.
    return searchable(value) if isinstance(value, str) else None


def read_schema_state(path: Path) -> tuple[str | None, set[str]]:
    """The Alembic revision and the table names of an existing file, read without writing.

    Opened read-only, so that a file about to be refused is not changed at all.
    """
    try:
        connection = connect_read_only(path, busy_timeout_ms() / 1000)
    except sqlite3.Error as error:
        raise DatabaseFileError(f"cannot open {path}: {error}") from None
    try:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, {name for name in tables if not name.startswith("sqlite_")}
    except sqlite3.OperationalError as error:
        if is_locked(error):
            raise DatabaseFileError(
                f"{path} is locked by another program; close it and try again"
            ) from None
        raise DatabaseFileError(f"{path} cannot be read ({error}); it was left untouched") from None
    except sqlite3.DatabaseError as error:
        raise DatabaseFileError(f"{path} is damaged ({error}); it was left untouched") from None
    finally:
        connection.close()


def backup(engine: Engine, target: Path) -> None:
    """Copy the whole database to ``target`` consistently, WAL included."""
    with engine.connect() as connection:
        source = connection.connection.dbapi_connection
        assert isinstance(source, sqlite3.Connection)
        copy_to(source, target)


def database_files(engine: Engine) -> list[Path]:
    """The files that hold the database: the file itself and its WAL companions."""
    name = engine.url.database
    if not name:
        return []
    main = Path(name).resolve()
    return [main, Path(f"{main}-wal"), Path(f"{main}-shm")]


class ChangeProbe:
    """Tells cheaply whether any other connection committed to the file since
    the last look (SQLite's ``data_version``, read on a connection of its own)."""

    def __init__(self, engine: Engine) -> None:
        self._connection = engine.raw_connection()
        self._last = self._read()

    def _read(self) -> int:
        cursor = self._connection.cursor()
        try:
            cursor.execute("PRAGMA data_version")
            row = cursor.fetchone()
            return int(row[0]) if row else 0
        finally:
            cursor.close()

    def changed(self) -> bool:
        now = self._read()
        changed, self._last = now != self._last, now
        return changed

    def close(self) -> None:
        self._connection.close()


def is_locked(error: BaseException) -> bool:
    """Whether a database error says another connection holds the lock."""
    return is_locked_error(error)


def is_disk_full(error: BaseException) -> bool:
    """Whether a database error is SQLITE_FULL (the disk, or the size limit, is full)."""
    return "database or disk is full" in str(getattr(error, "orig", error))


def is_read_only_refusal(error: BaseException) -> bool:
    """Whether SQLite refused a write because the file or connection is read-only."""
    text = str(getattr(error, "orig", error))
    return "readonly database" in text or "query_only" in text


def is_damage(error: BaseException) -> bool:
    """Whether a database error (or a decoding error while reading) means the
    file's pages are damaged rather than that the statement was wrong."""
    original = getattr(error, "orig", error)
    if isinstance(original, UnicodeDecodeError):
        return _raised_reading_rows(original)
    text = str(original)
    return any(
        sign in text
        for sign in (
            "malformed",
            "file is not a database",
            "Could not decode to UTF-8",
            "disk I/O error",
            "database corrupt",
        )
    )


def _raised_reading_rows(error: UnicodeDecodeError) -> bool:
    """Whether a decoding error came from text read out of the database (the
    driver decodes in C, so the innermost Python frame is SQLAlchemy's, or the
    inspection's own), not from a file or a string being decoded elsewhere."""
    trace = error.__traceback__
    innermost = None
    while trace is not None:
        innermost, trace = trace, trace.tb_next
    if innermost is None:
        return False
    name = Path(innermost.tb_frame.f_code.co_filename)
    return "sqlalchemy" in name.parts or name.name == "inspection.py"


def set_application_id(connection: Any) -> None:
    """Mark the database as ours (in the transaction of ``connection``)."""
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


def copy_to(source: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of what ``source`` sees, written to ``target`` as one
    file (rollback journal mode, so that it stands alone), synced to disk."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
        destination.commit()
    finally:
        destination.close()
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def file_identity(path: Path) -> tuple[int, int] | None:
    """The (device, inode) the path names now, following links; None if nothing."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the main file (before the file is moved)."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def integrity_problems(engine: Engine) -> list[str]:
    """What SQLite's own integrity and foreign-key checks report, if anything."""
    problems: list[str] = []
    with engine.connect() as connection:
        for (message,) in connection.exec_driver_sql("PRAGMA integrity_check"):
            if message != "ok":
                problems.append(f"integrity: {message}")
        for table, rowid, parent, _ in connection.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing row of {parent}")
    return problems
