"""The SQLite engine: connection settings, file checks, backups, integrity.

Everything SQLite-specific about connections lives here (and in the search
module), so that the rest of the store can later run on PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from viewer.domain.query import searchable

BUSY_TIMEOUT_MS = 5_000
SQLITE_HEADER = b"SQLite format 3\x00"
WRITE_OPTION = "accords_write"


class DatabaseFileError(Exception):
    """The database file cannot be used as it is; the message says why and what to do."""


def check_file(path: Path) -> None:
    """Refuse a file that is not SQLite, or that this process may not write."""
    if path.is_dir():
        raise DatabaseFileError(f"{path} is a folder, not a database file")
    if not path.exists():
        parent = path.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseFileError(
                f"cannot create the folder {parent}: {error.strerror or error}"
            ) from None
        if not os.access(parent, os.W_OK):
            raise DatabaseFileError(f"cannot create {path}: the folder {parent} is read-only")
        return
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
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseFileError(
            f"{path} is read-only (or its folder is): Accords Viewer needs "
            "to write beside it; copy it somewhere writable and open the copy"
        )


def create_sqlite_engine(path: Path) -> Engine:
    """An engine on ``path`` with WAL, foreign keys and a busy timeout.

    Plain transactions start deferred; a connection with the execution option
    ``accords_write`` starts them with ``BEGIN IMMEDIATE`` so that a writer
    takes the write lock at its start rather than failing half-way.
    """
    # URL.create keeps '?', '#' and '%' in a file name as part of the name.
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
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
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()
    dbapi_connection.create_function("casefold", 1, _casefold, deterministic=True)
    dbapi_connection.create_function("index_text", 1, index_text, deterministic=True)
    dbapi_connection.create_function("initials", 1, initials, deterministic=True)


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
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
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
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()


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
    text = str(getattr(error, "orig", error))
    return "database is locked" in text or "database is busy" in text


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
