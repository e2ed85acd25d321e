"""The few words of SQL that SQLite and PostgreSQL say differently.

The store's SQL is written once for both; where they differ in a word, the
word comes from here, chosen by the connection's dialect.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine


def on_server(bind: Engine | Connection) -> bool:
    """Whether ``bind`` is on a PostgreSQL server (else a SQLite file)."""
    return bind.dialect.name == "postgresql"


def differs(bind: Engine | Connection) -> str:
    """The comparison that is true when two values differ, NULL counted as a
    value (SQLite's ``IS NOT``, standard SQL's ``IS DISTINCT FROM``, which
    SQLite only reads from 3.39)."""
    return "IS DISTINCT FROM" if on_server(bind) else "IS NOT"
