"""Looking at a database file before anything writes to it.

A file is read on a read-only connection (``mode=ro``; ``immutable=1`` when no
write-ahead log exists beside it, so that not even an empty ``-wal`` or
``-shm`` file is left behind) and judged: is it an SQLite file, is it ours
(SQLite's ``application_id`` header field, which only we set, or, for files
made before we set it, our Alembic revision together with our tables), and is
it sound (``PRAGMA quick_check``)? Only then may a writable engine open it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from viewer.store.file_errors import DatabaseFileError

SQLITE_HEADER = b"SQLite format 3\x00"
# Written into SQLite's header (offset 68) by every database this app makes or upgrades.
APPLICATION_ID = int.from_bytes(b"AcVw", "big")
# The tables every revision of our schema has, and those added later (by revision).
CORE_TABLES = frozenset(
    {
        "accords",
        "parties",
        "revisions",
        "sources",
        "events",
        "people",
        "status_actions",
        "citations",
        "event_roles",
        "alembic_version",
    }
)
TABLES_SINCE = {"0004": frozenset({"search_index", "saved_searches"})}
QUICK_CHECK_ROWS = 10


@dataclass(frozen=True)
class FileInspection:
    """What a read-only look at an existing database file found."""

    application_id: int
    revision: str | None
    tables: frozenset[str]
    others: frozenset[str]  # views, triggers and indexes not belonging to a table of ours
    findings: tuple[str, ...]  # what quick_check reported; empty when sound

    @property
    def empty(self) -> bool:
        """A valid SQLite file with nothing in it (made by ``sqlite3 FILE ''``)."""
        return not self.tables and not self.others and self.application_id == 0


def read_only_uri(path: Path, *, immutable: bool) -> str:
    """The URI that opens ``path`` for reading only (any name: quoted by as_uri)."""
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def has_journal(path: Path) -> bool:
    """Whether a write-ahead log (or rollback journal) lies beside the file: then
    committed data may be in it, and the file may not be read as immutable."""
    resolved = path.resolve()
    return any(Path(f"{resolved}{suffix}").exists() for suffix in ("-wal", "-journal"))


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that cannot write to ``path`` and leaves no file beside it."""
    uri = read_only_uri(path, immutable=not has_journal(path))
    return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)


def inspect_file(
    path: Path, timeout: float, *, quick_check: bool = True, full: bool = False
) -> FileInspection:
    """Read the header fields, the schema and (unless not ``quick_check``) SQLite's
    quick check (with ``full``, its integrity check) of an existing SQLite file,
    without writing to it.

    A file whose schema cannot even be read is reported as findings (it is
    damaged); only a lock held too long raises.
    """
    try:
        connection = connect_read_only(path, timeout)
    except sqlite3.Error as error:
        raise DatabaseFileError(f"cannot open {path}: {error}; it was left untouched") from None
    try:
        try:
            application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
            rows = connection.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
            if is_locked_error(error):
                raise DatabaseFileError(
                    f"{path} is locked by another program; close it and try again"
                ) from None
            if "readonly database" in str(error):  # reading needs a hot journal rolled back
                raise DatabaseFileError(
                    f"{path} holds an unfinished change of a program that stopped (in "
                    f"{path.name}-journal beside it), which only a write can undo; it was "
                    "left untouched. Open it once with the program that made it."
                ) from None
            return FileInspection(0, None, frozenset(), frozenset(), (str(error),))
        tables = frozenset(name for kind, name, _ in rows if kind == "table")
        ours = {name for name in tables if not name.startswith("sqlite_")}
        others = frozenset(
            name for kind, name, table in rows if kind != "table" and table not in tables
        ) | frozenset(name for kind, name, _ in rows if kind == "view")
        revision = None
        findings: list[str] = []
        try:
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
            if quick_check or full:
                findings = run_quick_check(connection, full=full)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
            if is_locked_error(error):
                raise DatabaseFileError(
                    f"{path} is locked by another program; close it and try again"
                ) from None
            findings = [str(error)]
        return FileInspection(application_id, revision, frozenset(ours), others, tuple(findings))
    finally:
        connection.close()


def run_quick_check(connection: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """What SQLite's quick (or, with ``full``, integrity) check reports; [] when sound."""
    pragma = "integrity_check" if full else "quick_check"
    rows = connection.execute(f"PRAGMA {pragma}({QUICK_CHECK_ROWS})").fetchall()
    return [str(row[0]) for row in rows if row[0] != "ok"]


def expected_tables(revision: str) -> frozenset[str]:
    """The tables a database of ours has at ``revision``."""
    tables = set(CORE_TABLES)
    for since, added in TABLES_SINCE.items():
        if revision >= since:
            tables |= added
    return frozenset(tables)


def foreign_reason(inspection: FileInspection, known: tuple[str, ...] | None = None) -> str | None:
    """Why the inspected file is not one of ours, or None when it is (or is empty).

    ``known`` are the revisions this version knows (None: any); a revision it
    does not know in a file marked as ours is a newer version's, not another
    program's.
    """
    if inspection.empty:
        return None
    marked = inspection.application_id == APPLICATION_ID
    if inspection.application_id not in (0, APPLICATION_ID):
        return f"its header names another application (id {inspection.application_id:#010x})"
    if inspection.revision is None:
        if not inspection.tables:
            return "it holds no tables of ours, only " + _names(inspection.others)
        return "it has tables of another program: " + _names(inspection.tables)
    if known is not None and inspection.revision not in known:
        if marked:
            return None  # ours, from a newer version: refused for that reason instead
        return f"it is at schema {inspection.revision!r}, which no Accords Viewer wrote"
    missing = expected_tables(inspection.revision) - inspection.tables
    if missing:
        return f"it is at schema {inspection.revision} but lacks the tables of ours " + _names(
            frozenset(missing)
        )
    return None


def _names(names: frozenset[str]) -> str:
    listed = sorted(names)
    shown = ", ".join(listed[:5]) + (f" and {len(listed) - 5} more" if len(listed) > 5 else "")
    return shown or "nothing"


def is_locked_error(error: BaseException) -> bool:
    text = str(getattr(error, "orig", error))
    return "database is locked" in text or "database is busy" in text


def read_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER))
