"""What a database is, for its Properties: where, how big, what it holds, which schema.

Every figure is one cheap query or a file's size: a count per kind (as the
window's lists already count them), the schema revision Alembic stamped,
and the engine's own version as the driver reports it after connecting.
On a server there is no file: the figures say which server and database,
the role connected and the schema the tables are in, and the size is the
database's on the server (``pg_database_size``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Connection, func, inspect, select, text

from viewer.domain.enums import RecordKind
from viewer.store.database import head_revision
from viewer.store.locations import parse_server
from viewer.store.schema import RevisionRow
from viewer.store.server_engine import database_facts
from viewer.store.store import Store


@dataclass(frozen=True)
class DatabaseProperties:
    """One database's figures at the moment they were read."""

    path: Path  # the file; on a server, the database's name
    file_bytes: int  # the database file itself (on a server, the database's size there)
    journal_bytes: int  # its write-ahead log (and index), not yet folded into the file
    counts: dict[RecordKind, int]
    revisions: int  # entries in the change log
    schema_revision: str | None
    newest_schema_revision: str  # the newest this version of the app knows
    engine: str  # e.g. "SQLite 3.45.1"
    # On a server only (else empty): its address without a password, as
    # postgresql://ana@db.example.org/accords, the role connected and the
    # schema that holds the tables.
    server: str = ""
    role: str = ""
    schema: str = ""

    @property
    def total_bytes(self) -> int:
        return self.file_bytes + self.journal_bytes

    @property
    def on_server(self) -> bool:
        return bool(self.server)


def database_properties(store: Store) -> DatabaseProperties:
    counts = {kind: store.count(kind) for kind in RecordKind}
    with store.engine.connect() as connection:
        revision = _schema_revision(connection)
        changes = connection.execute(select(func.count()).select_from(RevisionRow)).scalar() or 0
    found = DatabaseProperties(
        path=Path(store.engine.url.database or ""),
        file_bytes=0,
        journal_bytes=0,
        counts=counts,
        revisions=int(changes),
        schema_revision=revision,
        newest_schema_revision=head_revision(),
        engine=_engine_name(store),
    )
    return _on_server(store, found) if store.on_server else _in_files(store, found)


def _in_files(store: Store, found: DatabaseProperties) -> DatabaseProperties:
    files = store.files()
    sizes = [_size(file) for file in files]
    return replace(
        found,
        path=files[0] if files else found.path,
        file_bytes=sizes[0] if sizes else 0,
        journal_bytes=sum(sizes[1:]),
    )


def _on_server(store: Store, found: DatabaseProperties) -> DatabaseProperties:
    with store.engine.connect() as connection:
        role, schema, size = database_facts(connection)
    address = parse_server(store.engine.url.set(password=None).render_as_string())
    return replace(found, file_bytes=size, server=str(address), role=role, schema=schema)


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
