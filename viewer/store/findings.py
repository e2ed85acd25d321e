"""What the ``check`` command finds, and what its checks share.

A check is one function of a read connection that returns its findings
(:mod:`viewer.store.checks` runs them all in one read transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import Connection

from viewer.store.bulk import without_cycle_collection
from viewer.store.store import Store

# Rows read at a time when the checks walk a whole table.
BATCH = 1_000
# Stored values that cannot be read into a record, each named with its row.
UNREADABLE_TOPIC = "unreadable"


@dataclass(frozen=True, slots=True)
class Finding:
    topic: str
    message: str

    def __str__(self) -> str:
        return f"{self.topic}: {self.message}"


Check = Callable[[Connection], Iterable[Finding]]


def read_findings(store: Store, check: Check) -> list[Finding]:
    """One check's findings, read in a transaction of its own."""
    with store.engine.connect() as connection, without_cycle_collection():
        return list(check(connection))
