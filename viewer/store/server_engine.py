"""The PostgreSQL engine: connections, the write lock, the SQL functions the
store's SQL uses, and change notices between users.

Everything PostgreSQL-specific about connections lives here (and in the
search module), as :mod:`viewer.store.engine` holds SQLite's.

- Writers take one transaction-level advisory lock as they begin (as SQLite's
  ``BEGIN IMMEDIATE`` takes the write lock), so that the revision log's hash
  chain grows one entry at a time and a version check sees every save
  committed before it. Readers never wait for it.
- The store's SQL calls ``casefold``, ``index_text``, ``initials`` and
  ``author_names`` (SQLite has them from Python, :mod:`viewer.store.engine`)
  and ``group_concat``: here they are SQL functions, installed with the schema.
- Each write transaction sends a notice on :data:`CHANNEL` (``pg_notify``,
  delivered at commit, never for a rolled-back one); :class:`ServerChangeProbe`
  listens for them, so windows learn of another user's save within a second
  without reading any table.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

from viewer.store.engine import busy_timeout_ms
from viewer.store.locations import ServerAddress

CHANNEL = "accords_viewer_changes"
# The advisory lock every writer takes (an arbitrary number of the app's own).
WRITE_LOCK = 4_216_031_337
# The lock a first open takes while it builds or upgrades the schema.
SCHEMA_LOCK = 4_216_031_338
KEYRING_SERVICE = "accords-viewer"
APPLICATION_NAME = "Accords Viewer"
WRITE_OPTION = "accords_write"
# The notice's payload must stay under PostgreSQL's 8,000 bytes.
_MOST_KEYS_IN_NOTICE = 40

# SQL functions matching the Python ones SQLite is given (viewer/store/engine.py).
# Each keeps the schema path it was made with, so that a pg_dump of the
# database (which restores with an empty path) rebuilds the search index's
# generated column through them.
# casefold: NFKC and lower case, with the foldings lower() does not make.
FUNCTIONS = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """CREATE OR REPLACE FUNCTION accords_unaccent(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT SET search_path FROM CURRENT
    AS $$ SELECT unaccent('unaccent'::regdictionary, value) $$""",
    # The words of an index text, as SQLite's tokenizer splits them: at spaces
    # and punctuation (ASCII's and the common typographic marks), without
    # diacritics, so that "U.S." is the words "u" and "s" on both engines.
    r"""CREATE OR REPLACE FUNCTION accords_words(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT SET search_path FROM CURRENT
    AS $$ SELECT regexp_replace(accords_unaccent(value),
        '[\s!-/:-@\[-`{-~\u00a1\u00ab\u00b7\u00bb\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f]+',
        ' ', 'g') $$""",
    """CREATE OR REPLACE FUNCTION casefold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT SET search_path FROM CURRENT
    AS $$ SELECT translate(replace(replace(lower(normalize(value, NFKC)), 'ß', 'ss'),
        'ẞ', 'ss'), 'ς', 'σ') $$""",
    """CREATE OR REPLACE FUNCTION index_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
    AS $$ SELECT coalesce(casefold(value), '') $$""",
    """CREATE OR REPLACE FUNCTION initials(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
    AS $$ SELECT CASE WHEN count(*) > 1 THEN upper(string_agg(left(word, 1), '' ORDER BY n))
        ELSE '' END
      FROM regexp_split_to_table(replace(coalesce(value, ''), '-', ' '), '\\s+')
        WITH ORDINALITY AS words(word, n)
      WHERE word ~ '^[[:alpha:]]' $$""",
    """CREATE OR REPLACE FUNCTION author_names(value json) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
    AS $$ SELECT coalesce(string_agg(CASE
          WHEN json_typeof(a) = 'string' THEN a #>> '{}'
          WHEN coalesce(a ->> 'literal', '') <> '' THEN a ->> 'literal'
          ELSE concat_ws(' ', nullif(a ->> 'given', ''), nullif(a ->> 'family', '')) END,
        ' ' ORDER BY n), '')
      FROM json_array_elements(CASE WHEN json_typeof(value) = 'array' THEN value
        ELSE '[]'::json END) WITH ORDINALITY AS items(a, n) $$""",
    """CREATE OR REPLACE FUNCTION accords_concat_step(state text, value text, separator text)
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
    AS $$ SELECT CASE WHEN value IS NULL THEN state WHEN state IS NULL THEN value
        ELSE state || separator || value END $$""",
    """CREATE OR REPLACE AGGREGATE group_concat(text, text)
    (SFUNC = accords_concat_step, STYPE = text)""",
)


def create_server_engine(address: ServerAddress, *, password: str | None = None) -> Engine:
    """An engine on the server's database (not yet connected).

    The password, when none is given, is libpq's to find (``PGPASSWORD``,
    ``~/.pgpass``); where it finds none, the system keyring's is tried.
    """
    given = password if password is not None else address.password
    engine = create_engine(
        address.url(given),
        connect_args={
            "application_name": APPLICATION_NAME,
            # A host that drops packets is given up on after this, not libpq's
            # default of waiting for ever (an address's own connect_timeout wins).
            **({} if "connect_timeout" in dict(address.options) else {"connect_timeout": 10}),
            # A connection a network silently dropped is found out within a
            # minute (the listening one above all, which never sends).
            **{
                name: value
                for name, value in (
                    ("keepalives_idle", 30),
                    ("keepalives_interval", 10),
                    ("keepalives_count", 3),
                )
                if name not in dict(address.options)
            },
        },
        pool_pre_ping=True,
    )
    if given is None:
        event.listen(engine, "do_connect", _with_keyring_password(address))
    event.listen(engine, "begin", _on_begin)
    return engine


def _with_keyring_password(address: ServerAddress) -> Any:
    def connect(dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> Any:
        import psycopg

        try:
            return dialect.loaded_dbapi.connect(*cargs, **cparams)
        except psycopg.OperationalError as error:
            if "no password supplied" not in str(error) and "password authentication" not in str(
                error
            ):
                raise
            stored = keyring_password(address)
            if stored is None:
                raise
            return dialect.loaded_dbapi.connect(*cargs, **{**cparams, "password": stored})

    return connect


def keyring_password(address: ServerAddress) -> str | None:
    """The password the system keyring holds for ``address``, if it holds one
    (and a keyring can be reached at all)."""
    if os.environ.get("ACCORDS_VIEWER_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, address.keyring_name)
        except KeyringError:
            return None
    except Exception:
        return None


def store_password(address: ServerAddress, password: str) -> str | None:
    """Keep ``password`` in the system keyring; None, or why it could not."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, address.keyring_name, password)
    except Exception as error:
        return f"the system keyring could not keep it ({error})"
    return None


def _on_begin(connection: Any) -> None:
    if connection.get_execution_options().get(WRITE_OPTION, False):
        # As long as a SQLite writer waits for the file's lock, then refused as busy.
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{busy_timeout_ms()}ms'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def install_functions(connection: Connection) -> None:
    """Create (or bring up to date) the SQL functions the store's SQL calls."""
    for statement in FUNCTIONS:
        connection.exec_driver_sql(statement)


def read_schema_state(connection: Connection) -> tuple[str | None, set[str]]:
    """The Alembic revision and the table names in the database's schema."""
    tables = set(
        connection.scalars(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        )
    )
    revision = None
    if "alembic_version" in tables:
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return revision, tables


def may_write(connection: Connection) -> bool:
    """Whether the connected role may add to the database (a viewer may not)."""
    return bool(
        connection.scalar(text("SELECT has_table_privilege(current_user, 'revisions', 'INSERT')"))
    )


def database_user(connection: Connection) -> str:
    return str(connection.scalar(text("SELECT current_user")))


def database_facts(connection: Connection) -> tuple[str, str, int]:
    """The role connected, the schema its tables are found in, and the
    database's size in bytes on the server (for Properties)."""
    role, schema, size = connection.execute(
        text("SELECT current_user, current_schema(), pg_database_size(current_database())")
    ).one()
    return str(role), str(schema or ""), int(size or 0)


# -- change notices -------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """What one committed write changed, as its writer announced it."""

    user: str
    at: datetime | None
    records: tuple[tuple[str, str], ...]  # (kind, key); empty when too many to list
    process: int = 0
    # The writing Store's own id: a window knows its own writes by it (two
    # windows of one process are two writers).
    writer: str = ""


def notify(
    connection: Connection, user: str, records: list[tuple[str, str]], writer: str = ""
) -> None:
    """Announce the write of this transaction (delivered when it commits)."""
    payload = {
        "user": user,
        "at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "records": records[:_MOST_KEYS_IN_NOTICE] if len(records) <= _MOST_KEYS_IN_NOTICE else [],
        "pid": os.getpid(),
        "writer": writer,
    }
    connection.execute(
        text("SELECT pg_notify(:channel, :payload)"),
        {"channel": CHANNEL, "payload": json.dumps(payload, ensure_ascii=False)[:7900]},
    )


def read_notice(payload: str) -> Notice:
    try:
        data = json.loads(payload)
        at = datetime.fromisoformat(data["at"]) if data.get("at") else None
        records = tuple((str(kind), str(key)) for kind, key in data.get("records", []))
        return Notice(
            str(data.get("user", "")),
            at,
            records,
            int(data.get("pid", 0)),
            str(data.get("writer", "")),
        )
    except (ValueError, TypeError, KeyError):
        return Notice("", None, ())


class ServerChangeProbe:
    """Tells cheaply whether anyone committed since the last look: a
    connection of its own LISTENs on :data:`CHANNEL`, and a look reads the
    notices that arrived (no table is read)."""

    def __init__(self, engine: Engine) -> None:
        # A connection of the engine's (its password found as the engine finds
        # it), taken out of the pool for good: it only listens.
        raw = engine.raw_connection()
        raw.detach()
        self._connection: Any = raw.dbapi_connection
        assert self._connection is not None
        try:
            self._connection.autocommit = True
            self._connection.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            self._connection.close()  # detached: nobody else would ever close it
            raise
        self.notices: list[Notice] = []

    def changed(self) -> bool:
        """Whether a notice arrived since the last look; :attr:`notices` holds them."""
        self.notices = self._drain()
        return bool(self.notices)

    def _drain(self) -> list[Notice]:
        pgconn = self._connection.pgconn
        pgconn.consume_input()
        found: list[Notice] = []
        while (note := pgconn.notifies()) is not None:
            found.append(read_notice(note.extra.decode("utf-8", "replace")))
        return found

    def close(self) -> None:
        self._connection.close()


# -- errors -----------------------------------------------------------------


def is_permission_refusal(error: BaseException) -> bool:
    """Whether the server refused a write because the role may not make it."""
    original = getattr(error, "orig", error)
    return getattr(original, "sqlstate", None) == "42501" or "permission denied" in str(original)


def is_raised_refusal(error: BaseException) -> bool:
    """Whether a trigger or rule of the database refused the data written
    (PL/pgSQL's RAISE EXCEPTION, SQLSTATE P0001): the counterpart of SQLite's
    RAISE(ABORT), which its driver reports as an integrity error."""
    return getattr(getattr(error, "orig", error), "sqlstate", None) == "P0001"


def is_connection_problem(error: BaseException) -> bool:
    """Whether the server could not be reached, or the connection was lost."""
    if getattr(error, "connection_invalidated", False):
        return True
    original = getattr(error, "orig", error)
    state = getattr(original, "sqlstate", None) or ""
    # 08: connection exceptions; 57P: the server shut down, restarted or ended the session.
    if state.startswith(("08", "57P")):
        return True
    return "connection" in str(original).lower() and state == ""


def is_lock_timeout(error: BaseException) -> bool:
    """Whether a writer gave up waiting for the write lock (lock_timeout)."""
    return getattr(getattr(error, "orig", error), "sqlstate", None) == "55P03"
