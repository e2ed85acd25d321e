"""Fixtures shared by all tests: isolated folders and real SQLite stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import history_mismatches
from viewer.store.store import Store


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every per-user folder at a temporary one: tests never see real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("ACCORDS_VIEWER_DB", raising=False)
    return home


def _checked(store: Store) -> Iterator[Store]:
    yield store
    # Every write a test made must be in the revision log: replaying the log
    # has to rebuild exactly what the database holds.
    assert history_mismatches(store) == []
    store.engine.dispose()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store on a new SQLite file."""
    created, _ = open_or_create(tmp_path / "empty.sqlite3", "tester", seed=False)
    yield from _checked(created)


@pytest.fixture
def seeded_store(tmp_path: Path) -> Iterator[Store]:
    """A store on a new SQLite file holding the bundled Abraham Accords dataset."""
    created, _ = open_or_create(tmp_path / "seeded.sqlite3", "tester")
    assert created.count(RecordKind.PARTY) > 0
    yield from _checked(created)
