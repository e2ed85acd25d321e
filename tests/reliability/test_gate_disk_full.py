"""A full disk, during an import or while the first database is made.

Simulated with SQLite's own limit on a database's size (``max_page_count``,
set through ACCORDS_VIEWER_TEST_MAX_PAGES on every connection the app opens):
a write past it fails with SQLITE_FULL, the very error a full disk gives, so
the app's handling of it runs as it would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.domain.enums import RecordKind
from viewer.store import engine
from viewer.store.bootstrap import open_or_create
from viewer.store.paths import default_database_path


def many_sources(path: Path, count: int = 2_000) -> Path:
    sources = [
        {
            "key": f"source-{n:05d}",
            "title": f"A long title for source number {n} " + "x" * 200,
            "source_kind": "report",
        }
        for n in range(count)
    ]
    path.write_text(
        json.dumps({"format": "accords-viewer", "format_version": 1, "sources": sources}),
        encoding="utf-8",
    )
    return path


def test_an_import_that_fills_the_disk_changes_nothing(
    tmp_path: Path, seeded_copy: SeededCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    exchange = many_sources(tmp_path / "many.json")
    before = digest(path)
    pages = path.stat().st_size // 4096
    monkeypatch.setenv(engine.MAX_PAGES_VARIABLE, str(pages + 5))
    code, _, err = run("--db", str(path), "import", str(exchange))
    assert code == 1
    assert "the disk is full (" in err and " MB free" in err and "nothing was changed" in err
    assert "Traceback" not in err and "Background on this error" not in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3", "many.json"]
    monkeypatch.delenv(engine.MAX_PAGES_VARIABLE)
    store, opened = open_or_create(path, "tester")
    assert not any(key.startswith("source-") for key in store.keys(RecordKind.SOURCE))
    opened.close()


@pytest.mark.parametrize("pages", [3, 60], ids=["while-making-the-schema", "while-filling"])
def test_a_first_run_that_fills_the_disk_leaves_no_file(
    monkeypatch: pytest.MonkeyPatch, pages: int
) -> None:
    monkeypatch.setenv(engine.MAX_PAGES_VARIABLE, str(pages))
    database = default_database_path()
    code, _, err = run("check")
    assert code == 1
    assert "the disk is full (" in err and "nothing was" in err
    assert "Traceback" not in err
    assert not database.exists()
    leftovers = (
        sorted(p.name for p in database.parent.iterdir()) if database.parent.exists() else []
    )
    assert leftovers == []  # no half-made database, no temporary file


def test_a_new_empty_database_that_does_not_fit_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(engine.MAX_PAGES_VARIABLE, "3")
    path = tmp_path / "new.sqlite3"
    code, _, err = run("--db", str(path), "--empty", "check")
    assert code == 1
    assert f"cannot create {path}: the disk is full (" in err
    assert list(tmp_path.iterdir()) == []
