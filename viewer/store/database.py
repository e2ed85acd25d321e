"""Opening a database file: create, upgrade with a backup, or refuse.

A file is never overwritten when something is wrong with it: a damaged or
foreign file, a read-only one, one that stays locked, or one written by a
newer version of the app is refused with a message saying what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.exc import OperationalError

from viewer.store import migrations
from viewer.store.engine import (
    DatabaseFileError,
    backup,
    check_file,
    create_sqlite_engine,
    is_locked,
    read_schema_state,
    writer,
)

if TYPE_CHECKING:
    from alembic.config import Config

# The schema revisions in migrations/versions, oldest first. Opening a database
# that is already at the newest one then needs no Alembic, which would add a
# noticeable part of every start-up; tests/store/test_database.py checks that
# this is Alembic's own list.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")


@dataclass(frozen=True)
class OpenedDatabase:
    """An engine on an up-to-date database, and what opening it did."""

    path: Path
    engine: Engine
    created: bool
    backup_path: Path | None = None

    def close(self) -> None:
        """Close every connection to the file (the window's, or a command's, at its end)."""
        self.engine.dispose()


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


def open_database(path: Path, *, upgrade_to: str = "head") -> OpenedDatabase:
    """Open (creating if needed) the database at ``path``, upgraded to ``upgrade_to``.

    Raises :class:`DatabaseFileError` with a readable reason when the file
    cannot be used; the file is then left as it was.
    """
    path = path.expanduser()
    check_file(path)
    created = not path.exists() or path.stat().st_size == 0
    current = None if created else _acceptable_revision(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_sqlite_engine(path)
    try:
        return _migrate(path, engine, created, current, upgrade_to)
    except DatabaseFileError:
        engine.dispose()
        raise
    except OperationalError as error:
        engine.dispose()
        if is_locked(error):
            raise DatabaseFileError(
                f"{path} is locked by another program; close it and try again"
            ) from None
        raise DatabaseFileError(f"cannot open {path}: {error.orig}") from None
    except SQLAlchemyDatabaseError as error:
        engine.dispose()
        raise DatabaseFileError(
            f"{path} is damaged ({error.orig}); it was left untouched"
        ) from None


def _acceptable_revision(path: Path) -> str | None:
    """The schema revision of an existing file, if this version can open it."""
    current, tables = read_schema_state(path)
    if current is None and tables - {"alembic_version"}:
        raise DatabaseFileError(
            f"{path} is an SQLite database of some other program, not "
            "of Accords Viewer; it was left untouched"
        )
    if current is not None and current not in REVISIONS:
        raise DatabaseFileError(
            f"{path} was written by a newer version of Accords Viewer (database schema "
            f"{current}; this version knows schemas up to {head_revision()}). "
            "Update Accords Viewer to open it; the file was left untouched."
        )
    return current


def _migrate(
    path: Path, engine: Engine, created: bool, current: str | None, target: str
) -> OpenedDatabase:
    wanted = head_revision() if target == "head" else target
    if wanted not in REVISIONS:
        raise ValueError(f"no schema revision {target!r}")
    if current == wanted:
        return OpenedDatabase(path, engine, created)
    from alembic import command  # only when there is something to migrate

    config = alembic_config()
    backup_path = None
    if current is not None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup_path = path.with_name(f"{path.name}.schema-{current}.{stamp}.bak")
        backup(engine, backup_path)
    with writer(engine).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return OpenedDatabase(path, engine, created, backup_path)
