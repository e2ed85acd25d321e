"""Backups: taken checked, kept to a number, restored with the current file kept."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests import samples
from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run, wreck_root_page
from viewer.domain.enums import RecordKind
from viewer.domain.sizes import readable_size
from viewer.store import api, backups
from viewer.store.bootstrap import open_or_create
from viewer.store.database import head_revision, open_database
from viewer.store.file_errors import DatabaseFileError


def sources_in(path: Path) -> set[str]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT key FROM sources")}


def test_a_backup_is_a_checked_copy_in_the_backups_folder(
    tmp_path: Path, seeded_copy: SeededCopy, isolated_user_folders: Path
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    store.add(samples.SOURCE)  # in the write-ahead log, not yet in the file
    info = api.take_backup(store, "manual")
    opened.close()
    assert info.path.parent == api.backup_folder(path)
    assert str(info.path).startswith(str(isolated_user_folders))  # the data folder's backups/
    assert info.path.parent.parent.name == "backups"
    assert info.reason == "manual" and info.size == info.path.stat().st_size
    assert info.taken_at.tzinfo is UTC and abs(datetime.now(UTC) - info.taken_at) < timedelta(
        minutes=5
    )
    assert "report" in sources_in(info.path)
    assert api.list_backups(path) == [info]
    assert [p.name for p in info.path.parent.iterdir()] == [info.path.name]  # nothing partial


def test_two_databases_never_share_a_backup_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "db.sqlite3", tmp_path / "b" / "db.sqlite3"
    assert api.backup_folder(first) != api.backup_folder(second)


def test_a_daily_backup_is_taken_once_a_day(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    first = api.daily_backup(store)
    assert first is not None and first.reason == "daily"
    assert api.daily_backup(store) is None
    assert api.list_backups(_file(store)) == [first]
    opened.close()


def test_only_the_newest_are_kept_and_only_after_the_new_one_is_checked(
    tmp_path: Path, seeded_copy: SeededCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    taken = [api.take_backup(store, "daily", keep=3) for _ in range(5)]
    assert api.list_backups(_file(store)) == list(reversed(taken[-3:]))
    # A copy that fails its check is not kept, and the older ones stay.
    monkeypatch.setattr(backups, "_integrity_findings", lambda _path: ["row 1 missing"])
    with pytest.raises(DatabaseFileError, match="failed SQLite's integrity check"):
        api.take_backup(store, "daily", keep=3)
    assert api.list_backups(_file(store)) == list(reversed(taken[-3:]))
    assert len(list(api.backup_folder(_file(store)).iterdir())) == 3
    opened.close()


def test_a_daily_backup_of_a_read_only_store_is_none(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester", read_only=True)
    assert api.daily_backup(store) is None
    assert api.list_backups(_file(store)) == []
    opened.close()


def test_an_upgrade_takes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    open_database(path, upgrade_to="0003").close()
    opened = open_database(path)
    opened.close()
    [info] = api.list_backups(path)
    assert info.reason == f"before upgrade to schema {head_revision()}"
    assert opened.backup_path == info.path
    with contextlib.closing(sqlite3.connect(info.path)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]  # no .bak beside it


def test_the_newest_good_backup_skips_damaged_ones(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    good = api.take_backup(store, "manual")
    bad = api.take_backup(store, "daily")
    opened.close()
    wreck_root_page(bad.path, "events")
    assert api.list_backups(_file(store))[0].path == bad.path
    assert api.newest_good_backup(_file(store)) == good


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    backup = api.take_backup(store, "manual")
    store.add(samples.SOURCE)  # made after the backup
    opened.close()
    kept = api.restore_backup(backup.path, path)
    assert kept is not None and kept.reason == "before restore"
    assert "report" in sources_in(kept.path)  # the replaced file's data is kept
    assert "report" not in sources_in(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]
    restored, reopened = open_or_create(path, "tester")
    assert restored.get(RecordKind.PARTY, "bahrain") is not None
    reopened.close()


def test_restore_over_a_damaged_file_sets_it_aside(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    backup = api.take_backup(store, "manual")
    opened.close()
    wreck_root_page(path, "events")
    damaged = digest(path)
    assert api.restore_backup(backup.path, path) is None
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("db.sqlite3.damaged-")]
    assert digest(aside) == damaged
    restored, reopened = open_or_create(path, "tester")
    assert restored.get(RecordKind.PARTY, "bahrain") is not None
    reopened.close()


@pytest.mark.parametrize("kind", ["damaged", "foreign", "not-sqlite"])
def test_a_bad_backup_is_refused_and_nothing_changes(
    tmp_path: Path, seeded_copy: SeededCopy, kind: str
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    bad = tmp_path / "bad.sqlite3"
    if kind == "damaged":
        seeded_copy(bad)
        wreck_root_page(bad, "parties")
    elif kind == "foreign":
        with contextlib.closing(sqlite3.connect(bad)) as connection:
            connection.execute("CREATE TABLE songs (title TEXT)")
    else:
        bad.write_text("not a database")
    before, bad_before = digest(path), digest(bad)
    code, _, err = run("--db", str(path), "restore", str(bad))
    assert code == 1
    assert "nothing was restored" in err and "Traceback" not in err
    assert digest(path) == before and digest(bad) == bad_before
    assert api.list_backups(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.sqlite3", "db.sqlite3"]


def test_the_backup_and_restore_commands(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    copy = tmp_path / "copy.sqlite3"
    code, out, err = run("--db", str(path), "backup", str(copy))
    assert code == 0, err
    assert f"Saved a checked copy of {path} to {copy}" in out
    assert sources_in(copy) == sources_in(path)
    code, _, err = run("--db", str(path), "backup", str(copy))
    assert code == 1 and "exists" in err

    store, opened = open_or_create(path, "tester")
    store.add(samples.SOURCE)
    opened.close()
    code, out, err = run("--db", str(path), "restore", str(copy))
    assert code == 0, err
    assert f"Restored {path} from {copy}." in out
    [kept] = api.list_backups(path)
    assert f"backed up first, to {kept.path}" in out
    assert "report" not in sources_in(path) and "report" in sources_in(kept.path)


def test_restore_finds_a_backup_by_its_name_in_the_backups_folder(
    tmp_path: Path, seeded_copy: SeededCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    backup = api.take_backup(store, "manual")
    store.add(samples.SOURCE)
    opened.close()
    monkeypatch.chdir(tmp_path)
    code, out, err = run("--db", str(path), "restore", backup.path.name)
    assert code == 0, err
    assert f"from {backup.path}." in out
    assert "report" not in sources_in(path)


def test_the_backups_are_listed(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    code, out, _ = run("--db", str(path), "backup", "--list")
    assert code == 0 and "No backups of" in out
    store, opened = open_or_create(path, "tester")
    older = api.take_backup(store, "manual")
    newer = api.daily_backup(store)
    opened.close()
    assert newer is not None
    code, out, _ = run("--db", str(path), "backup", "--list")
    assert code == 0
    lines = out.splitlines()
    assert str(api.backup_folder(path)) in lines[0]
    assert lines[1].startswith(newer.path.name) and lines[1].endswith("\tdaily")
    assert lines[2].startswith(older.path.name) and lines[2].endswith("\tmanual")
    # Sizes in the one format the window's Backups dialog uses too.
    assert lines[1].split("\t")[2] == readable_size(newer.size)
    code, _, err = run("--db", str(path), "backup")
    assert code == 2 and "give a PATH" in err


def _file(store: api.Store) -> Path:
    """The SQLite file a store is on (every store here is on one)."""
    assert store.path is not None
    return store.path
