"""Which database engine a store runs on, and its parts for each.

The store's modules are the same on SQLite and on PostgreSQL; what differs
(watching a file or a server, probing for others' commits, announcing one's
own) is chosen here, once, from the engine's dialect.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import Engine

from viewer.store import engine as sqlite_engine
from viewer.store.dialects import on_server
from viewer.store.engine import ChangeProbe
from viewer.store.file_guard import FileGuard
from viewer.store.server_guard import ServerGuard


class Probe(Protocol):
    def changed(self) -> bool: ...

    def close(self) -> None: ...


def guard_for(engine: Engine) -> FileGuard | ServerGuard:
    return ServerGuard(engine) if on_server(engine) else FileGuard(engine)


def probe_for(engine: Engine) -> Probe:
    if on_server(engine):
        from viewer.store.server_engine import ServerChangeProbe

        return ServerChangeProbe(engine)
    return ChangeProbe(engine)


def integrity_problems(engine: Engine) -> list[str]:
    """What the engine's own integrity checks report: SQLite's integrity and
    foreign-key checks of the file; none on a server, which enforces its
    keys on every write and keeps its own pages."""
    return [] if on_server(engine) else sqlite_engine.integrity_problems(engine)
