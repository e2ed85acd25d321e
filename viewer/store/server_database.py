"""Opening a PostgreSQL database: connect, build or upgrade the schema, or refuse.

The database itself is the administrator's to create (``createdb``) and to
back up (``pg_dump``); the app builds its tables in it on first open, with
the same Alembic migrations as a SQLite file, in one transaction (PostgreSQL
changes its schema transactionally: a failed upgrade leaves nothing behind).
Two first opens at once wait for each other (an advisory lock). A role that
may not add to the revision log (a viewer, :mod:`viewer.store.roles`) opens
it read-only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from viewer.store.file_errors import DatabaseFileError, ForeignDatabase
from viewer.store.locations import ServerAddress
from viewer.store.server_engine import (
    SCHEMA_LOCK,
    create_server_engine,
    install_functions,
    is_permission_refusal,
    may_write,
    read_schema_state,
)


@dataclass(frozen=True)
class OpenedServer:
    """An engine on an up-to-date server database, and what opening it did."""

    address: ServerAddress
    engine: Engine
    created: bool
    read_only: bool = False
    backup_path: None = None
    checked: bool = True

    @property
    def location(self) -> ServerAddress:
        return self.address

    def close(self) -> None:
        self.engine.dispose()


def open_server(
    address: ServerAddress, *, upgrade_to: str = "head", read_only: bool = False
) -> OpenedServer:
    """Open the database at ``address``, its schema built or upgraded to
    ``upgrade_to``; :class:`DatabaseFileError` with the reason if it cannot."""
    from viewer.store.database import REVISIONS, alembic_config, head_revision

    engine = create_server_engine(address)
    try:
        with engine.connect() as connection:
            revision, tables = read_schema_state(connection)
            writable = may_write(connection) if "revisions" in tables else True
            connection.rollback()
        ours = {"alembic_version", "revisions", "sources"}
        if tables and not (ours & tables):
            raise ForeignDatabase(
                address,  # type: ignore[arg-type]
                "its tables are not Accords Viewer's ("
                + ", ".join(sorted(tables)[:5])
                + "); it was left untouched",
            )
        if revision is not None and revision not in REVISIONS:
            raise DatabaseFileError(
                f"{address} was written by a newer version of Accords Viewer (database schema "
                f"{revision}; this version knows schemas up to {head_revision()}). "
                "Update Accords Viewer to open it; it was left untouched."
            )
        wanted = head_revision() if upgrade_to == "head" else upgrade_to
        if read_only or not writable:
            if revision is None:
                raise DatabaseFileError(
                    f"{address} holds no Accords Viewer data, and your role may not create it"
                )
            if revision != wanted:
                raise DatabaseFileError(
                    f"{address} is at an older database schema ({revision}); an editor or "
                    "its owner must open it once to upgrade it"
                )
            return OpenedServer(address, engine, False, read_only=True)
        if revision == wanted:
            return OpenedServer(address, engine, False)
        created = revision is None
        from alembic import command

        config = alembic_config()
        try:
            with engine.begin() as connection:
                connection.execute(text(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})"))
                current, _ = read_schema_state(connection)  # another first open did it?
                if current != wanted:
                    install_functions(connection)
                    config.attributes["connection"] = connection
                    command.upgrade(config, upgrade_to)
        except DBAPIError as error:
            if not is_permission_refusal(error):
                raise
            doing = "build its tables" if created else f"upgrade its schema from {revision}"
            raise DatabaseFileError(
                f"{address} needs its owner to {doing} (your role may not: "
                f"{_reason(error)}); it was left as it was. Ask its administrator to open "
                "it once with the owner's role."
            ) from None
        return OpenedServer(address, engine, created and current is None)
    except DatabaseFileError:
        engine.dispose()
        raise
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseFileError(f"cannot open {address}: {_reason(error)}") from None


def _reason(error: DBAPIError) -> str:
    """The server's (or libpq's) own words, first line, without a password."""
    words = str(error.orig).strip().splitlines()
    first = words[0] if words else type(error.orig).__name__
    if "no password supplied" in first:
        return (
            "the server asks for a password: put it in ~/.pgpass or PGPASSWORD, or "
            "in the system keyring (File > Open Server Database… offers to keep it there)"
        )
    return first
