"""Backups, saved copies and restored files keep the database file's mode;
backup folders are readable by their owner only."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import run
from viewer.store import api
from viewer.store.bootstrap import open_or_create


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The usual umask (022), which alone would make new files 644."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def private_database(tmp_path: Path, seeded_copy: SeededCopy) -> Path:
    path = seeded_copy(tmp_path / "db.sqlite3")
    path.chmod(0o600)
    return path


def test_a_backup_keeps_the_databases_mode_in_a_private_folder(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = private_database(tmp_path, seeded_copy)
    store, opened = open_or_create(path, "tester")
    info = api.take_backup(store, "manual")
    opened.close()
    assert mode(info.path) == 0o600
    assert mode(info.path.parent) == 0o700


def test_an_existing_wider_backup_folder_is_made_private(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = private_database(tmp_path, seeded_copy)
    folder = api.backup_folder(path)
    folder.mkdir(parents=True, mode=0o755)
    store, opened = open_or_create(path, "tester")
    api.take_backup(store, "daily")
    opened.close()
    assert mode(folder) == 0o700


def test_a_group_readable_database_gives_group_readable_backups(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    path.chmod(0o640)
    store, opened = open_or_create(path, "tester")
    info = api.take_backup(store, "manual")
    opened.close()
    assert mode(info.path) == 0o640


def test_a_restore_keeps_the_databases_mode(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = private_database(tmp_path, seeded_copy)
    store, opened = open_or_create(path, "tester")
    info = api.take_backup(store, "manual")
    opened.close()
    info.path.chmod(0o644)  # a backup made by an older version
    code, out, err = run("--db", str(path), "restore", str(info.path))
    assert (code, err) == (0, ""), err
    assert "Restored" in out
    assert mode(path) == 0o600
    kept = [b for b in api.list_backups(path) if b.reason == "before restore"]
    assert kept and all(mode(b.path) == 0o600 for b in kept)


def test_a_restore_where_there_was_no_database_keeps_the_backups_mode(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    backup = seeded_copy(tmp_path / "backup.sqlite3")
    backup.chmod(0o600)
    path = tmp_path / "new.sqlite3"
    api.restore_backup(backup, path)
    assert mode(path) == 0o600


def test_save_a_copy_and_backup_path_keep_the_databases_mode(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = private_database(tmp_path, seeded_copy)
    store, opened = open_or_create(path, "tester")
    store.save_copy(tmp_path / "copy.sqlite3")
    opened.close()
    assert mode(tmp_path / "copy.sqlite3") == 0o600
    code, _out, err = run("--db", str(path), "backup", str(tmp_path / "cli.sqlite3"))
    assert (code, err) == (0, ""), err
    assert mode(tmp_path / "cli.sqlite3") == 0o600
