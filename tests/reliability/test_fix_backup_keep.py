"""Only automatic backups count toward the number kept: a manual backup and the
copy taken before a restore stay until the user deletes them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SeededCopy
from viewer.store import api
from viewer.store.bootstrap import open_or_create


def test_the_days_backup_keeps_a_manual_one_with_keep_one(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    manual = api.take_backup(store, "manual", keep=1)
    daily = api.daily_backup(store, keep=1)
    opened.close()
    assert daily is not None
    assert manual.path.is_file()
    assert {info.path for info in api.list_backups(path)} == {manual.path, daily.path}


def test_automatic_backups_beyond_keep_go_and_manual_ones_stay(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    manual = [api.take_backup(store, "manual", keep=2) for _ in range(3)]
    before = api.take_backup(store, "before restore", keep=2)
    automatic = [api.take_backup(store, "before upgrade to 5", keep=2) for _ in range(4)]
    opened.close()
    left = {info.path for info in api.list_backups(path)}
    assert left == {info.path for info in manual} | {before.path} | {
        info.path for info in automatic[-2:]
    }
