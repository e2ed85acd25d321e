"""A file or folder that cannot be written is opened read-only, not refused.

Permissions are taken away with chmod. Root may write anyway (in CI, tests
often run as root), so there the check the app makes, ``os.access``, is
answered from the permission bits instead: the app then takes the same path
as for any user, and SQLite itself, given ``mode=ro``, refuses every write
whoever asks.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.file_errors import ReadOnlyStore

EXCHANGE = (
    '{"format": "accords-viewer", "format_version": 1, "parties": [{"key": "atlantis", '
    '"name": "Atlantis", "party_kind": "state", "iso_code": null}]}'
)


def _by_permission_bits(path: str | Path, mode: int) -> bool:
    bits = Path(path).stat().st_mode
    return not mode & os.W_OK or bool(bits & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture(params=["file", "folder"])
def read_only_database(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    seeded_copy: SeededCopy,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Path]:
    folder = tmp_path / "data"
    path = seeded_copy(folder / "db.sqlite3")
    locked = path if request.param == "file" else folder
    locked.chmod(0o555 if locked.is_dir() else 0o444)
    if os.access(locked, os.W_OK):  # root: answer from the bits, as for any user
        monkeypatch.setattr("viewer.store.engine.os.access", _by_permission_bits)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_database_opens_read_only_and_refuses_writes(
    read_only_database: Path,
) -> None:
    path = read_only_database
    before = digest(path)
    store, opened = open_or_create(path, "tester")
    assert store.read_only and opened.read_only
    bahrain = store.get(RecordKind.PARTY, "bahrain")
    assert isinstance(bahrain, Party)
    with pytest.raises(ReadOnlyStore) as refused:
        store.update(dataclasses.replace(bahrain, notes="changed"))
    message = str(refused.value)
    assert "saving participant 'Bahrain'" in message and "read-only" in message
    assert "nothing was changed" in message
    opened.close()
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["db.sqlite3"]


def test_sqlite_itself_refuses_a_write_on_a_read_only_store(read_only_database: Path) -> None:
    # Even past the store's own flag (as root, whom chmod does not stop).
    store, opened = open_or_create(read_only_database, "tester")
    store.read_only = False
    with pytest.raises(ReadOnlyStore):
        store.delete(RecordKind.PARTY, "bahrain")
    opened.close()


def test_import_says_read_only_and_the_reading_commands_work(
    read_only_database: Path, tmp_path: Path
) -> None:
    path = read_only_database
    exchange = tmp_path / "one.json"
    exchange.write_text(EXCHANGE, encoding="utf-8")
    before = digest(path)
    code, _, err = run("--db", str(path), "import", str(exchange))
    assert code == 1
    assert "read-only" in err and "nothing was changed" in err and "Traceback" not in err
    assert digest(path) == before

    code, out, err = run("--db", str(path), "check")
    assert code == 0 and "No problems found." in out, err
    code, out, err = run("--db", str(path), "search", "bahrain")
    assert code == 0 and "bahrain" in out, err
    code, _, err = run("--db", str(path), "export", str(tmp_path / "out.json"))
    assert code == 0, err
    assert "Atlantis" not in (tmp_path / "out.json").read_text(encoding="utf-8")
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["db.sqlite3"]


def test_read_only_can_be_asked_for(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    before = digest(path)
    store, opened = open_or_create(path, "tester", read_only=True)
    assert store.read_only and opened.read_only
    with pytest.raises(ReadOnlyStore):
        store.delete(RecordKind.PARTY, "bahrain")
    opened.close()
    assert digest(path) == before


def test_a_read_only_file_at_an_older_schema_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from viewer.store.database import open_database

    path = tmp_path / "old.sqlite3"
    open_database(path, upgrade_to="0005").close()
    path.chmod(0o444)
    if os.access(path, os.W_OK):
        monkeypatch.setattr("viewer.store.engine.os.access", _by_permission_bits)
    before = digest(path)
    code, _, err = run("--db", str(path), "check")
    assert code == 1
    assert "older database schema (0005)" in err and "cannot be upgraded read-only" in err
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["old.sqlite3"]
