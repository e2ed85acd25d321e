"""A database's properties, and the CSV export's progress and clean stop."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from viewer.domain.enums import RecordKind
from viewer.store.api import Store, database_properties, export_csv
from viewer.store.database import REVISIONS


class Stop(Exception):
    pass


def test_properties_give_the_file_its_size_counts_and_schema(seeded_store: Store) -> None:
    found = database_properties(seeded_store)
    assert found.path == seeded_store.files()[0]
    assert found.file_bytes == found.path.stat().st_size
    assert found.total_bytes >= found.file_bytes
    assert found.counts == {kind: seeded_store.count(kind) for kind in RecordKind}
    assert found.counts[RecordKind.PARTY] == 9
    assert found.revisions == len(seeded_store.revisions())
    assert found.schema_revision == REVISIONS[-1] == found.newest_schema_revision
    assert found.engine == f"SQLite {sqlite3.sqlite_version}"


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
