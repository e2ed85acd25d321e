"""The command line's words: SQLite's report quoted as such, and a `backup`
PATH that cannot be a new file named for what it is."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import run, wreck_root_page


def test_damage_is_said_as_sqlites_report(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    wreck_root_page(path, "parties")
    code, out, err = run("--db", str(path), "check")
    assert code == 1 and out == ""
    assert err.startswith(f"accords-viewer: the database {path} is damaged (SQLite reports: ")
    assert "SQLite found" not in err


def test_a_backup_into_a_missing_folder_names_the_folder(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    target = tmp_path / "nodir" / "x.sqlite3"
    code, out, err = run("--db", str(path), "backup", str(target))
    assert (code, out) == (1, "")
    assert err == f"accords-viewer: the folder {target.parent} does not exist; nothing was saved\n"
    assert not target.parent.exists()


def test_a_backup_to_a_folder_asks_for_a_file_name(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    folder = tmp_path / "somefolder"
    folder.mkdir()
    code, out, err = run("--db", str(path), "backup", str(folder))
    assert (code, out) == (1, "")
    assert err == f"accords-viewer: {folder} is a folder; give a file name for the copy\n"
    assert list(folder.iterdir()) == []


def test_a_backup_under_a_file_says_it_is_not_a_folder(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    code, _out, err = run("--db", str(path), "backup", str(path / "x.sqlite3"))
    assert code == 1
    assert err == f"accords-viewer: {path} is not a folder; nothing was saved\n"
