"""The start-up check: quick_check at open, skipped only for a large file unchanged
since its last clean close."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, flip_bytes, wreck_root_page
from viewer.domain.enums import RecordKind
from viewer.store import clean_close, inspection
from viewer.store.bootstrap import open_or_create
from viewer.store.file_errors import DamagedDatabase


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """The checks run: the path of each connection's file, and whether the
    check was the full one (integrity_check) rather than quick_check."""
    ran: list[tuple[Path, bool]] = []
    real = inspection.run_quick_check

    def counted(connection: sqlite3.Connection, *, full: bool = False) -> list[str]:
        ran.append((Path(connection.execute("PRAGMA database_list").fetchone()[2]), full))
        return real(connection, full=full)

    monkeypatch.setattr(inspection, "run_quick_check", counted)
    return ran


def test_every_open_of_a_small_file_runs_the_full_check(
    tmp_path: Path, seeded_copy: SeededCopy, checks: list[tuple[Path, bool]]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    for _ in range(2):
        _, opened = open_or_create(path, "tester")
        opened.close()
    assert checks == [(path, True), (path, True)]


def test_a_large_file_unchanged_since_a_clean_close_skips_it(
    tmp_path: Path,
    seeded_copy: SeededCopy,
    checks: list[tuple[Path, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean_close, "ALWAYS_CHECK_BELOW", 0)  # every file counts as large
    monkeypatch.setattr(clean_close, "FULL_CHECK_BELOW", 0)
    path = seeded_copy(tmp_path / "db.sqlite3")
    _, opened = open_or_create(path, "tester")  # never closed cleanly before: checked
    opened.close()
    _, opened = open_or_create(path, "tester")  # unchanged since: trusted
    opened.close()
    assert checks == [(path, False)]
    flip_bytes(path, 3)  # changed behind the app's back
    assert clean_close.needs_quick_check(path)
    before = digest(path)
    with pytest.raises(DamagedDatabase):
        open_or_create(path, "tester")
    assert digest(path) == before


def test_damage_met_while_reading_makes_the_next_open_check_again(
    tmp_path: Path,
    seeded_copy: SeededCopy,
    checks: list[tuple[Path, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean_close, "ALWAYS_CHECK_BELOW", 0)
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    opened.close()
    assert clean_close.needs_quick_check(path) is False
    wreck_root_page(path, "events")
    with pytest.raises(DamagedDatabase), store.failures_explained("reading"):
        store.all(RecordKind.EVENT)
    assert clean_close.needs_quick_check(path) is True


def test_a_middle_sized_file_gets_the_quick_check(
    tmp_path: Path,
    seeded_copy: SeededCopy,
    checks: list[tuple[Path, bool]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(clean_close, "FULL_CHECK_BELOW", 0)
    path = seeded_copy(tmp_path / "db.sqlite3")
    _, opened = open_or_create(path, "tester")
    opened.close()
    assert checks == [(path, False)]
