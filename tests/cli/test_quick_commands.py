"""Commands answer at once, say when nothing matched, and leave no stray database."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.cli.databases import snapshot
from tests.paths import PROJECT_ROOT
from viewer.app import main
from viewer.store.paths import bundled_dataset

# What only the window, dates, countries or upgrades need: a command that
# does not use them must not pay for importing them.
HEAVY = ("PySide6", "shiboken6", "edtf", "pycountry", "alembic")


def modules_after(arguments: list[str]) -> set[str]:
    """The top-level packages imported by running ``accords-viewer`` with
    ``arguments`` in a fresh interpreter (its own exit is caught)."""
    script = textwrap.dedent(
        f"""
        import contextlib, io, sys
        from viewer.app import main
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                main({arguments!r})
            except SystemExit:
                pass
        print(" ".join(sorted({{name.split(".")[0] for name in sys.modules}})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_version_imports_no_qt_and_no_store() -> None:
    loaded = modules_after(["--version"])
    assert "viewer" in loaded  # the check ran the app's own entry point
    assert not loaded & {*HEAVY, "sqlalchemy"}, sorted(loaded & {*HEAVY, "sqlalchemy"})


def test_search_imports_no_qt(seeded_db: str) -> None:
    loaded = modules_after(["--db", seeded_db, "search", "kazakhstan"])
    assert "sqlalchemy" in loaded  # it did search the database
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_a_search_without_hits_says_so_on_stderr_and_succeeds(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "search", "xyzzy"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "No records match 'xyzzy'.\n"
    assert main(["--db", db, "search", "xyzzy", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == []  # a script still reads a list
    assert err == "No records match 'xyzzy'.\n"
    assert main(["--db", db, "search", "kazakhstan"]) == 0
    out, err = capsys.readouterr()
    assert "participant\tkazakhstan\tKazakhstan" in out
    assert "No records match" not in err


def test_a_search_without_hits_cannot_drive_the_terminal(
    seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = seeded_db
    assert main(["--db", db, "search", "\x1b[2Jnothing"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "No records match '\\x1b[2Jnothing'." in err


@pytest.mark.parametrize("empty", [[], ["--empty"]], ids=["seeded", "empty"])
@pytest.mark.sqlite_only  # about a database file made by the command
def test_a_failed_import_into_a_new_database_leaves_no_file(
    tmp_path: Path, empty: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite3"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--db", str(db), *empty, "import", str(bad)]) == 1
    assert "is not valid JSON" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]  # no -wal or -shm either
    assert main(["--db", str(db), *empty, "import", str(tmp_path / "missing.json")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


@pytest.mark.sqlite_only  # about a database file made by the command
def test_a_dry_run_into_a_new_database_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite3"
    assert main(["--db", str(db), "--empty", "import", "--dry-run", str(bundled_dataset())]) == 0
    assert "would add 1 accord, 9 parties" in capsys.readouterr().out
    assert not db.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.sqlite_only  # about a database file made by the command
def test_a_successful_import_into_a_new_database_keeps_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite3"
    assert main(["--db", str(db), "--empty", "import", str(bundled_dataset())]) == 0
    assert db.exists()
    assert main(["--db", str(db), "search", "kazakhstan"]) == 0
    assert "participant\tkazakhstan\tKazakhstan" in capsys.readouterr().out


def test_a_failed_import_into_an_existing_database_keeps_it(
    tmp_path: Path, seeded_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(seeded_db)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--db", seeded_db, "import", str(bad)]) == 1
    assert "is not valid JSON" in capsys.readouterr().err
    assert snapshot(seeded_db) == before
