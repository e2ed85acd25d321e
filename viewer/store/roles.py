"""The two roles of a team's PostgreSQL database: viewers and editors.

For a database ``accords`` they are ``accords_viewer`` and ``accords_editor``,
group roles nobody logs in as: the administrator grants one to each user's
own login role (``GRANT accords_editor TO ana``), so that the revision log
still names who made each change.

- A viewer may connect and read every table, nothing more. The app opens
  the database read-only for them (:func:`viewer.store.server_engine.may_write`),
  and the server refuses a write attempted anyway.
- An editor may also add, change and delete the records (and the tables
  derived from them), and add to the revision log, but not change or remove
  its entries: no UPDATE, DELETE or TRUNCATE on ``revisions``. Neither role
  owns a table, so neither may drop the trigger that keeps the log
  append-only (migration 0008), which refuses even the owner's changes.

The statements may be run again (after an upgrade that added a table): each
role is created only if missing, and the grants are given again.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from viewer.store.errors import StoreError
from viewer.store.locations import ServerAddress
from viewer.store.server_engine import create_server_engine

# Tables whose rows nobody edits: the log only grows, the schema's version is the owner's.
APPEND_ONLY = "revisions"
SCHEMA_VERSION = "alembic_version"
# PostgreSQL's longest name, in bytes.
MAX_NAME_BYTES = 63
# Ends the body of the DO blocks that create the roles (see _create_role).
BODY_QUOTE = "$roles$"


class RoleNameError(ValueError):
    """A database whose role names PostgreSQL would cut short, or that the
    printed script could not hold safely."""


class RolesRefused(StoreError):
    """The roles could not be created or granted; nothing was changed."""


@dataclass(frozen=True)
class TeamRoles:
    """The names of a database's two roles; :class:`RoleNameError` for names
    the script could not hold safely or PostgreSQL would cut short."""

    database: str
    viewer: str
    editor: str

    def __post_init__(self) -> None:
        _check_name("database name", self.database)
        for role in (self.viewer, self.editor):
            _check_name("role name", role)
            if len(role.encode("utf-8")) > MAX_NAME_BYTES:
                raise RoleNameError(
                    f"the role name {in_comment(role)} is longer than PostgreSQL's "
                    f"{MAX_NAME_BYTES} bytes; create the roles by hand, under shorter names"
                )


def team_roles(database: str) -> TeamRoles:
    """The roles of ``database``: ``<database>_viewer`` and ``<database>_editor``."""
    return TeamRoles(database, f"{database}_viewer", f"{database}_editor")


def _check_name(what: str, name: str) -> None:
    """Refuse a name that would break the printed script: a line break ends a
    comment early, ``$roles$`` the body of a DO block."""
    if any(_breaks_line(character) for character in name):
        raise RoleNameError(
            f"the {what} {in_comment(name)} holds a control character (such as a line "
            "break); create the roles by hand"
        )
    if BODY_QUOTE in name:
        raise RoleNameError(
            f"the {what} {in_comment(name)} holds {BODY_QUOTE}, which would end the "
            "script's statements early; create the roles by hand"
        )


def quote_name(name: str) -> str:
    """``name`` as an SQL identifier, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


def quote_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def in_comment(name: str) -> str:
    """``name`` on one line, for an SQL comment or a message: quoted as an
    identifier, each control character written as its escape (``\\n``)."""
    return quote_name(
        "".join(
            character.encode("unicode_escape").decode("ascii")
            if _breaks_line(character)
            else character
            for character in name
        )
    )


def _breaks_line(character: str) -> bool:
    # Control characters (a line break ends an SQL comment) and Unicode's line
    # and paragraph separators.
    return unicodedata.category(character) in {"Cc", "Zl", "Zp"}


def role_statements(roles: TeamRoles, schema: str = "public") -> list[str]:
    """The SQL that creates (if missing) and grants the two roles, in order;
    to run as the database's owner (or a superuser) on that database."""
    database, schema_name = quote_name(roles.database), quote_name(schema)
    viewer, editor = quote_name(roles.viewer), quote_name(roles.editor)
    kept = f"{schema_name}.{quote_name(APPEND_ONLY)}"
    version = f"{schema_name}.{quote_name(SCHEMA_VERSION)}"
    statements = [_create_role(roles.viewer), _create_role(roles.editor)]
    for role in (viewer, editor):
        statements += [
            f"GRANT CONNECT ON DATABASE {database} TO {role}",
            f"GRANT USAGE ON SCHEMA {schema_name} TO {role}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema_name} TO {role}",
            f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema_name} GRANT SELECT ON TABLES TO {role}",
        ]
    statements += [
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema_name} TO {editor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema_name} "
        f"GRANT INSERT, UPDATE, DELETE ON TABLES TO {editor}",
        # The log takes new entries only; the schema's version is the owner's to change.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {kept} FROM {editor}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {version} FROM {editor}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema_name} TO {editor}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema_name} "
        f"GRANT USAGE, SELECT ON SEQUENCES TO {editor}",
    ]
    return statements


def role_script(roles: TeamRoles, schema: str = "public") -> str:
    """:func:`role_statements` as a script for ``psql``, with what it does and
    what to do next in comments."""
    database, viewer, editor = map(in_comment, (roles.database, roles.viewer, roles.editor))
    lines = [
        f"-- Roles for the Accords Viewer database {database}:",
        f"--   {viewer} reads; {editor} also edits, and adds to the revision",
        "--   log without changing its entries. Run as the database's owner (or a",
        f"--   superuser), connected to {database}, after Accords Viewer has opened it",
        "--   once (which builds its tables); it may be run again.",
        "BEGIN;",
        *(statement + ";" for statement in role_statements(roles, schema)),
        "COMMIT;",
        *grant_hints(roles),
    ]
    return "\n".join(lines) + "\n"


def grant_hints(roles: TeamRoles) -> list[str]:
    """How users are then given a role, as SQL comments."""
    return [
        "-- Then give each user's login role one of them, for example:",
        f"--   GRANT {in_comment(roles.viewer)} TO ana;",
        f"--   GRANT {in_comment(roles.editor)} TO omar;",
    ]


def _create_role(name: str) -> str:
    return (
        "DO $roles$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
        f"{quote_text(name)}) THEN CREATE ROLE {quote_name(name)} NOLOGIN; END IF; END $roles$"
    )


def apply_roles(address: ServerAddress) -> TeamRoles:
    """Create and grant the roles of the database at ``address``, connected as
    its address says, in one transaction; its tables are built first if it
    has none (as any first open builds them).

    :class:`RolesRefused` says why, when the connected role may not: it must
    own the app's tables (or the database, before they exist), or be a
    superuser, and may create roles.
    """
    from viewer.store.server_database import open_server

    roles = team_roles(address.database)
    engine = create_server_engine(address)
    try:
        with engine.connect() as connection:
            _check_may_grant(connection, address)
    except DBAPIError as error:
        raise _refused(address, error) from None
    finally:
        engine.dispose()
    opened = open_server(address)  # the tables to grant on, built if need be
    try:
        with opened.engine.begin() as connection:
            schema = str(connection.scalar(text("SELECT current_schema()")))
            for statement in role_statements(roles, schema):
                connection.exec_driver_sql(statement)
    except DBAPIError as error:
        raise _refused(address, error) from None
    finally:
        opened.close()
    return roles


def _refused(address: ServerAddress, error: DBAPIError) -> RolesRefused:
    words = str(error.orig).strip().splitlines()
    return RolesRefused(
        f"the server refused to create the roles of {address} "
        f"({words[0] if words else 'no reason given'}); nothing was changed"
    )


def _check_may_grant(connection: Connection, address: ServerAddress) -> None:
    me, superuser, creates_roles = connection.execute(
        text("SELECT rolname, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user")
    ).one()
    if superuser:
        return
    owner = connection.scalar(
        text(
            "SELECT coalesce((SELECT tableowner FROM pg_tables WHERE schemaname = "
            "current_schema() AND tablename = :table), (SELECT pg_get_userbyid(datdba) "
            "FROM pg_database WHERE datname = current_database()))"
        ),
        {"table": APPEND_ONLY},
    )
    if owner != me:
        raise RolesRefused(
            f"you are connected to {address.database} as {me!r}, which does not own its "
            f"tables (their owner is {owner!r}); run init-roles --apply as the owner or a "
            "superuser, or give them the SQL that init-roles prints. Nothing was changed."
        )
    if not creates_roles:
        raise RolesRefused(
            f"the role {me!r} owns {address.database} but may not create roles; run "
            f"init-roles --apply as a superuser (or give {me!r} CREATEROLE). Nothing was changed."
        )
