"""What a database is, for its Properties: where, how big, what it holds, which schema.

Every figure is one cheap query or a file's size: a count per kind (as the
window's lists already count them), the schema revision Alembic stamped,
and the engine's own version as the driver reports it after connecting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select, text

from viewer.domain.enums import RecordKind
from viewer.store.database import head_revision
from viewer.store.schema import RevisionRow
from viewer.store.store import Store


@dataclass(frozen=True)
class DatabaseProperties:
    """One database's figures at the moment they were read."""

    path: Path
    file_bytes: int  # the database file itself
    journal_bytes: int  # its write-ahead log (and index), not yet folded into the file
    counts: dict[RecordKind, int]
    revisions: int  # entries in the change log
    schema_revision: str | None
    newest_schema_revision: str  # the newest this version of the app knows
    engine: str  # e.g. "SQLite 3.45.1"

    @property
    def total_bytes(self) -> int:
        return self.file_bytes + self.journal_bytes


def database_properties(store: Store) -> DatabaseProperties:
    files = store.files()
    path = files[0] if files else Path(store.engine.url.database or "")
    sizes = [_size(file) for file in files]
    counts = {kind: store.count(kind) for kind in RecordKind}
    with store.engine.connect() as connection:
        revision = _schema_revision(connection)
        changes = connection.execute(select(func.count()).select_from(RevisionRow)).scalar() or 0
    return DatabaseProperties(
        path=path,
        file_bytes=sizes[0] if sizes else 0,
        journal_bytes=sum(sizes[1:]),
        counts=counts,
        revisions=int(changes),
        schema_revision=revision,
        newest_schema_revision=head_revision(),
        engine=_engine_name(store),
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # no journal at this moment, or not readable: nothing to count
        return 0


def _schema_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(found) if found is not None else None


def _engine_name(store: Store) -> str:
    dialect = store.engine.dialect
    # Known once a connection was made (the counts above made one).
    version = getattr(dialect, "server_version_info", None) or ()
    name = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(dialect.name, dialect.name)
    return f"{name} {'.'.join(str(part) for part in version)}".strip()
