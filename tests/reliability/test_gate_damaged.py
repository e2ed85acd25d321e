"""Damaged database files: refused before anything writes, with a message, never a traceback.

Also the helpers the other ``test_gate_*`` files share: damaging a file, running
a command as a user runs it, and a file's hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from viewer.app import main
from viewer.domain.enums import RecordKind
from viewer.store import api
from viewer.store.backups import take_backup
from viewer.store.bootstrap import open_damaged, open_or_create
from viewer.store.database import open_database
from viewer.store.engine import checkpoint
from viewer.store.file_errors import DamagedDatabase

PAGE = 4096
COMMANDS = (
    ["check"],
    ["export", "{out}"],
    ["search", "kazakhstan"],
    ["import", "{exchange}"],
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def wreck_root_page(path: Path, table: str, seed: int = 1) -> None:
    """Random bytes over the root page of ``table`` (as a failing disk might leave it)."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    data = bytearray(path.read_bytes())
    noise = random.Random(seed)
    data[(root - 1) * PAGE : root * PAGE] = bytes(noise.randrange(256) for _ in range(PAGE))
    path.write_bytes(bytes(data))


def flip_bytes(path: Path, seed: int, count: int = 40) -> None:
    """Invert ``count`` bytes at random places after the first page.

    Flips that land only in free space or inside stored text are damage no
    check of SQLite's can see (the file is sound as far as SQLite can tell);
    those draws are skipped, the next seed tried, so that every case is one
    the promise is about.
    """
    original = path.read_bytes()
    for attempt in range(seed, seed + 50):
        data = bytearray(original)
        where = random.Random(attempt)
        for _ in range(count):
            data[where.randrange(PAGE, len(data))] ^= 0xFF
        path.write_bytes(bytes(data))
        if not _sound_to_sqlite(path):
            return
    raise AssertionError("no draw of flipped bytes damaged the file")


def _sound_to_sqlite(path: Path) -> bool:
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        return False


def break_index(path: Path, index: str) -> None:
    """Change one byte of a key in ``index`` (a one-page index): the index no
    longer matches its table. SQLite's quick check does not see this; its
    integrity check does ("row 1 missing from index …")."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
    data = bytearray(path.read_bytes())
    assert data[(root - 1) * PAGE] == 10, "a leaf page of an index"
    data[root * PAGE - 1] ^= 0x01  # the last byte of the page: inside the last key
    path.write_bytes(bytes(data))


@pytest.fixture
def exchange_file(tmp_path: Path) -> Path:
    """A valid exchange file with one new participant, to import."""
    path = tmp_path / "one.json"
    path.write_text(
        '{"format": "accords-viewer", "format_version": 1, "parties": [{"key": "atlantis", '
        '"name": "Atlantis", '
        '"party_kind": "state", "iso_code": null}]}',
        encoding="utf-8",
    )
    return path


DAMAGES = [
    pytest.param(lambda p: wreck_root_page(p, "events"), id="events-root-page"),
    pytest.param(lambda p: wreck_root_page(p, "parties"), id="parties-root-page"),
    pytest.param(lambda p: wreck_root_page(p, "revisions"), id="revisions-root-page"),
    *(pytest.param(lambda p, s=seed: flip_bytes(p, s), id=f"flipped-{seed}") for seed in (0, 2, 3)),
    pytest.param(lambda p: break_index(p, "sqlite_autoindex_parties_1"), id="index-of-keys"),
]


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_damaged_database_gets_a_message_and_stays_as_it_was(
    tmp_path: Path,
    seeded_copy: SeededCopy,
    exchange_file: Path,
    damage: object,
    command: list[str],
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    damage(path)  # type: ignore[operator]
    before = digest(path)
    out = tmp_path / "out.json"
    argv = [part.format(out=out, exchange=exchange_file) for part in command]
    code, _, err = run("--db", str(path), *argv)
    assert code == 1
    assert "is damaged" in err and "left untouched" in err and "accords-viewer restore" in err
    assert "Traceback" not in err and "Background on this error" not in err
    assert "codec can't decode" not in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["db.sqlite3", "one.json"]), (
        "nothing was created beside it (no -wal, -shm, no half export)"
    )


def test_the_message_names_the_newest_backup(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    backup = take_backup(store, "manual")
    opened.close()
    wreck_root_page(path, "events")
    code, _, err = run("--db", str(path), "check")
    assert code == 1
    assert str(backup.path) in err


def test_damage_met_while_reading_after_open_is_a_message(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    # Opened while sound; the pages go bad afterwards (read from disk again).
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    checkpoint(opened.engine)
    opened.close()
    wreck_root_page(path, "events")
    store.engine.dispose()
    with pytest.raises(DamagedDatabase) as refused, store.failures_explained("exporting"):
        api.export_data(store)
    assert refused.value.path == path
    assert refused.value.findings and "malformed" in refused.value.findings[0]


def test_a_decoding_error_that_is_not_the_databases_is_not_called_damage(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    # A file being imported that is not UTF-8 is the file's problem, not the database's.
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    with pytest.raises(UnicodeDecodeError), store.failures_explained("importing"):
        (tmp_path / "latin1.json").write_bytes(b"\xff")
        (tmp_path / "latin1.json").read_text(encoding="utf-8")
    opened.close()


def test_the_start_up_check_refuses_before_anything_writes(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    flip_bytes(path, 3)
    before = digest(path)
    with pytest.raises(DamagedDatabase) as refused:
        open_or_create(path, "tester")
    assert refused.value.path == path.absolute()
    assert 1 <= len(refused.value.findings) <= 10
    assert all(len(finding) <= 120 for finding in refused.value.findings)
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["db.sqlite3"]


def test_a_damaged_file_opens_read_only_to_save_what_can_be_read(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    wreck_root_page(path, "events")
    before = digest(path)
    store, opened = open_damaged(path, "tester")
    assert store.read_only and opened.read_only
    parties = [record.key for record in store.all(RecordKind.PARTY)]
    assert "bahrain" in parties  # the parties table is not damaged
    with pytest.raises(api.ReadOnlyStore):
        store.delete(RecordKind.PARTY, "bahrain")
    opened.close()
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["db.sqlite3"]


def test_a_damaged_file_is_set_aside_beside_itself(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    wreck_root_page(path, "events")
    before = digest(path)
    moved = api.set_aside_damaged(path)
    assert not path.exists()
    assert moved.parent == tmp_path and moved.name.startswith("db.sqlite3.damaged-")
    assert digest(moved) == before  # the damaged data is kept


def test_open_database_refuses_damage_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path).close()
    wreck_root_page(path, "sources")
    before = digest(path)
    with pytest.raises(DamagedDatabase, match="is damaged"):
        open_database(path)
    assert digest(path) == before
