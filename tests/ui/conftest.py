"""Fixtures for window tests: settings files and big databases in temporary folders."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert

from PySide6.QtCore import QSettings

from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
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
        connection.execute(insert(EventRow), rows)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A database of 100,000 events (built once per module: it takes a moment)."""
    folder = tmp_path_factory.mktemp("big")
    store, _ = open_or_create(folder / "big.sqlite3", "tester", seed=False)
    add_many_events(store, 100_000)
    assert store.count(RecordKind.EVENT) == 100_000
    yield store
    store.engine.dispose()
