"""A database's properties, and the CSV export's progress and clean stop."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import NewDatabase
from viewer.domain.enums import RecordKind
from viewer.store.api import Store, database_properties, export_csv
from viewer.store.bootstrap import open_or_create
from viewer.store.database import REVISIONS
from viewer.store.locations import ServerAddress


class Stop(Exception):
    pass


def test_properties_count_the_records_and_name_the_schema_and_engine(seeded_store: Store) -> None:
    found = database_properties(seeded_store)
    assert found.counts == {kind: seeded_store.count(kind) for kind in RecordKind}
    assert found.counts[RecordKind.PARTY] == 9
    assert found.revisions == len(seeded_store.revisions())
    assert found.schema_revision == REVISIONS[-1] == found.newest_schema_revision
    if seeded_store.on_server:
        assert re.fullmatch(r"PostgreSQL \d+(\.\d+)*", found.engine)
    else:
        assert found.engine == f"SQLite {sqlite3.sqlite_version}"


@pytest.mark.sqlite_only
def test_properties_give_the_file_its_size(seeded_store: Store) -> None:
    found = database_properties(seeded_store)
    assert not found.on_server
    assert found.path == seeded_store.files()[0]
    assert found.file_bytes == found.path.stat().st_size
    assert found.total_bytes >= found.file_bytes
    assert (found.server, found.role, found.schema) == ("", "", "")


def test_properties_of_a_server_database_name_server_role_and_schema(
    new_server_database: NewDatabase,
) -> None:
    address = new_server_database(True)
    assert isinstance(address, ServerAddress)
    store, opened = open_or_create(address, "tester")
    found = database_properties(store)
    assert found.on_server
    assert found.server == str(address)
    assert address.database in found.server
    assert found.role == address.user
    assert found.schema == "public"
    assert found.path == Path(address.database)
    assert found.file_bytes > 1_000_000  # the database's size on the server
    assert found.journal_bytes == 0
    assert store.files() == []  # none of its files is the app's to touch
    opened.close()


def test_csv_export_reports_its_progress(seeded_store: Store, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    written = export_csv(seeded_store, tmp_path / "csv", lambda *report: reports.append(report))
    assert [path.name for path in written][:2] == ["accords.csv", "parties.csv"]
    assert all(path.exists() for path in written)
    total = sum(seeded_store.count(kind) for kind in RecordKind)
    assert reports[-1] == (total, total)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_a_csv_export_stopped_half_way_leaves_no_file(seeded_store: Store, tmp_path: Path) -> None:
    def stop_after_two(done: int, _total: int) -> None:
        if done > 10:
            raise Stop

    with pytest.raises(Stop):
        export_csv(seeded_store, tmp_path / "new-folder", stop_after_two)
    assert not (tmp_path / "new-folder").exists()  # made by the export, so removed
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(Stop):
        export_csv(seeded_store, kept, stop_after_two)
    assert sorted(path.name for path in kept.iterdir()) == ["notes.txt"]
