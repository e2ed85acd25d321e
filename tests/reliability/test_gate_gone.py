"""The file deleted or replaced while open: writes stop before they commit, and
what is open can still be saved as a copy."""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests import samples
from tests.conftest import SeededCopy
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.file_errors import DatabaseFileError, DatabaseGone


def test_a_deleted_file_stops_every_write_and_a_copy_keeps_the_data(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    store.add(samples.SOURCE)  # written while the file is there
    assert store.file_gone() is None
    for companion in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        companion.unlink(missing_ok=True)
    assert store.file_gone() == f"{path} was deleted while open"

    bahrain = store.get(RecordKind.PARTY, "bahrain")
    assert isinstance(bahrain, Party)
    with pytest.raises(DatabaseGone, match="deleted while open") as stopped:
        store.update(dataclasses.replace(bahrain, notes="changed after the file was deleted"))
    assert "nothing was written" in str(stopped.value)
    assert "saving participant 'Bahrain'" in str(stopped.value)
    with pytest.raises(DatabaseGone):
        store.delete(RecordKind.SOURCE, "report", with_links=True)

    copy = tmp_path / "rescued.sqlite3"
    store.save_copy(copy)
    opened.close()
    with contextlib.closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        keys = {row[0] for row in connection.execute("SELECT key FROM sources")}
        notes = connection.execute("SELECT notes FROM parties WHERE key = 'bahrain'").fetchone()
    assert "report" in keys  # what was saved before the deletion is in the copy
    assert notes[0] != "changed after the file was deleted"  # the stopped write is not
    rescued, reopened = open_or_create(copy, "tester")
    assert rescued.get(RecordKind.SOURCE, "report") is not None
    reopened.close()


def test_a_replaced_file_is_told_apart_and_not_written(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    other = seeded_copy(tmp_path / "other.sqlite3")
    shutil.move(other, path)  # another file now has the name
    assert store.file_gone() == f"{path} was replaced by another file while open"
    with pytest.raises(DatabaseGone, match="replaced by another file"):
        store.add(samples.SOURCE)
    opened.close()
    fresh, reopened = open_or_create(path, "tester")
    assert fresh.get(RecordKind.SOURCE, "report") is None
    reopened.close()


def test_the_write_checks_again_just_before_it_commits(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    # The file goes while the transaction is under way: the commit must not happen.
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    with pytest.raises(DatabaseGone), store.writing("saving") as session:
        session.connection().exec_driver_sql("UPDATE parties SET notes = 'x'")
        path.unlink()
    assert all(isinstance(p, Party) and p.notes != "x" for p in store.all(RecordKind.PARTY))
    opened.close()


def test_a_copy_is_never_written_over_a_file(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    taken = tmp_path / "taken.txt"
    taken.write_text("mine")
    with pytest.raises(DatabaseFileError, match="exists"):
        store.save_copy(taken)
    assert taken.read_text() == "mine"
    opened.close()
