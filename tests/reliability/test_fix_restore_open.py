"""`restore` refuses a database another program has open (told from SQLite's
lock on the -shm file), and says when it cannot tell."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.store import api
from viewer.store.bootstrap import open_or_create

# Another program: opens the database, reads it (as the window does), says
# so, and keeps it open until its input closes.
_HOLDER = (
    "import sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "c.execute('SELECT count(*) FROM sqlite_master').fetchall()\n"
    "print('open', flush=True)\n"
    "sys.stdin.read()\n"
)


@contextlib.contextmanager
def held_open(path: Path) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(60)


def a_backup(tmp_path: Path, seeded_copy: SeededCopy) -> tuple[Path, Path]:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    info = api.take_backup(store, "manual")
    opened.close()
    return path, info.path


def test_restore_refuses_a_database_open_in_another_program(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path, backup = a_backup(tmp_path, seeded_copy)
    with held_open(path) as holder:
        before = digest(path)
        code, out, err = run("--db", str(path), "restore", str(backup))
        assert code == 1 and out == ""
        assert f"{path} is open in another program (process {holder.pid})" in err
        assert "Nothing was changed." in err
        assert digest(path) == before
        assert Path(f"{path}-shm").exists() and Path(f"{path}-wal").exists()
        assert [info.reason for info in api.list_backups(path)] == ["manual"]
    code, out, err = run("--db", str(path), "restore", str(backup))  # closed now: it restores
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Restored {path} from {backup}.")


def test_a_store_open_in_this_process_counts_too(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path, _backup = a_backup(tmp_path, seeded_copy)
    store, opened = open_or_create(path, "tester")
    api.chain_head(store)  # a read, as the window makes
    assert api.database_openness(path).open
    opened.close()
    assert api.database_openness(path) == api.Openness(known=True, open=False)


def test_restore_over_a_rollback_journal_database_notes_it_cannot_tell(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path, backup = a_backup(tmp_path, seeded_copy)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
    assert not api.database_openness(path).known
    code, out, err = run("--db", str(path), "restore", str(backup))
    assert code == 0 and out.startswith("Restored")
    assert f"note: cannot tell whether {path} is open in another program" in err


def test_restore_backup_refuses_for_the_window_too_and_leaves_its_locks(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    """The window restores through the same function: a database still open
    (here in this very process) is refused, and asking took none of its locks."""
    path, backup = a_backup(tmp_path, seeded_copy)
    store, opened = open_or_create(path, "tester")
    api.chain_head(store)
    before = digest(path)
    with pytest.raises(api.DatabaseFileError, match="is open in another program"):
        api.restore_backup(backup, path)
    assert digest(path) == before
    assert api.database_openness(path).open  # this process's lock is still held
    opened.close()
    api.restore_backup(backup, path)  # closed: it restores
