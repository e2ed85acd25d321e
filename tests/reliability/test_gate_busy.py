"""Locked beyond the busy timeout: the message names what waited; nothing changed."""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import samples
from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import run
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store import engine
from viewer.store.bootstrap import open_or_create
from viewer.store.file_errors import DatabaseBusy


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)


@contextlib.contextmanager
def held_lock(path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock (BEGIN IMMEDIATE) until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.usefixtures("short_timeout")
def test_a_save_that_waits_too_long_names_itself_and_changes_nothing(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    bahrain = store.get(RecordKind.PARTY, "bahrain")
    assert isinstance(bahrain, Party)
    with held_lock(path):
        with pytest.raises(DatabaseBusy) as busy:
            store.update(dataclasses.replace(bahrain, notes="while locked"))
        assert busy.value.operation == "saving participant 'Bahrain'"
        message = str(busy.value)
        assert "saving participant 'Bahrain'" in message
        assert "nothing was changed, try again" in message
        with pytest.raises(DatabaseBusy, match="deleting participant 'bahrain'"):
            store.delete(RecordKind.PARTY, "bahrain")
        with pytest.raises(DatabaseBusy, match="importing"):
            store.add_all({RecordKind.SOURCE: [samples.SOURCE]})
    saved = store.get(RecordKind.PARTY, "bahrain")
    assert saved == bahrain  # nothing was changed
    store.update(dataclasses.replace(bahrain, notes="after the lock"))  # and a retry works
    opened.close()


def test_an_import_on_a_locked_database_says_so(
    tmp_path: Path, seeded_copy: SeededCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(engine.BUSY_TIMEOUT_VARIABLE, "50")
    path = seeded_copy(tmp_path / "db.sqlite3")
    exchange = tmp_path / "one.json"
    exchange.write_text(
        '{"format": "accords-viewer", "format_version": 1, "parties": [{"key": "atlantis", '
        '"name": "Atlantis", "party_kind": "state", "iso_code": null}]}',
        encoding="utf-8",
    )
    with held_lock(path):
        code, _, err = run("--db", str(path), "import", str(exchange))
    assert code == 1
    assert "importing waited too long" in err and "nothing was changed" in err
    store, opened = open_or_create(path, "tester")
    assert store.get(RecordKind.PARTY, "atlantis") is None
    opened.close()
