"""Fixtures for window tests: settings files and big databases in temporary folders."""

from __future__ import annotations

import hashlib
from calendar import monthrange
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from PySide6.QtCore import QSettings

from viewer.domain.enums import RecordKind
from viewer.store import search_index
from viewer.store.bootstrap import open_or_create
from viewer.store.engine import checkpoint
from viewer.store.schema import EventRow
from viewer.store.store import Store


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window settings in a temporary file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def add_many_events(store: Store, count: int) -> None:
    """Insert ``count`` plain events straight into the table (fast, unlogged)."""
    rows = [
        {
            "key": f"event-{n:06d}",
            "version": 1,
            "title": f"Generated event {n:06d}",
            "event_kind": "meeting",
            "date_edtf": f"{2000 + n % 30}-{n % 12 + 1:02d}",
            "date_lower": date(2000 + n % 30, n % 12 + 1, 1),
            "date_upper": date(2000 + n % 30, n % 12 + 1, monthrange(2000 + n % 30, n % 12 + 1)[1]),
            "location": "",
            "summary": "",
            "certainty": "confirmed",
        }
        for n in range(count)
    ]
    with store.engine.begin() as connection:
        before = connection.scalar(select(func.coalesce(func.max(EventRow.id), 0)))
        connection.execute(insert(EventRow), rows)
        search_index.add_after(connection, RecordKind.EVENT, int(before or 0))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A database of 100,000 events, built once per session (it takes a moment).

    Shared by every test that asks for it, so read-only: a test must not write
    to it. The fixture holds them to that: at the end of the session the file,
    checkpointed, must be byte for byte what it built.
    """
    folder = tmp_path_factory.mktemp("big")
    path = folder / "big.sqlite3"
    store, _ = open_or_create(path, "tester", seed=False)
    add_many_events(store, 100_000)
    assert store.count(RecordKind.EVENT) == 100_000
    checkpoint(store.engine)
    built = _digest(path)
    yield store
    checkpoint(store.engine)
    assert _digest(path) == built, "a test wrote to the shared big_store"
    store.engine.dispose()
