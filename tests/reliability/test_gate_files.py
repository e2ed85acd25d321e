"""What lies beside the database: no leftovers after a refusal; links, followed or refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import samples
from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.file_errors import DatabaseFileError


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(
            '{"format": "accords-viewer", "format_version": 1, "parties": [{}]}', id="bad"
        ),
        pytest.param("not json at all", id="not-json"),
    ],
)
def test_a_refused_import_leaves_nothing_beside_the_database(
    tmp_path: Path, seeded_copy: SeededCopy, content: str
) -> None:
    folder = tmp_path / "data"
    path = seeded_copy(folder / "db.sqlite3")
    exchange = tmp_path / "bad.json"
    exchange.write_text(content, encoding="utf-8")
    before, files_before = digest(path), listing(folder)
    code, _, err = run("--db", str(path), "import", str(exchange))
    assert code == 1 and "Traceback" not in err
    assert listing(folder) == files_before == ["db.sqlite3"]
    assert digest(path) == before


def test_a_refused_import_into_a_new_file_leaves_no_file(tmp_path: Path) -> None:
    exchange = tmp_path / "bad.json"
    exchange.write_text(json.dumps({"format": "accords-viewer", "format_version": 1, "x": 1}))
    folder = tmp_path / "data"
    folder.mkdir()
    code, _, _ = run("--db", str(folder / "new.sqlite3"), "--empty", "import", str(exchange))
    assert code == 1
    assert listing(folder) == []


def test_a_link_to_nothing_is_refused_saying_where_it_points(tmp_path: Path) -> None:
    target = tmp_path / "unmounted" / "accords.sqlite3"
    link = tmp_path / "accords.sqlite3"
    link.symlink_to(target)
    code, _, err = run("--db", str(link), "check")
    assert code == 1
    assert f"points to {target}, which does not exist" in err
    assert "nothing was created" in err
    assert not target.exists() and not target.parent.exists()
    assert listing(tmp_path) == ["accords.sqlite3"] and link.is_symlink()
    with pytest.raises(DatabaseFileError, match="unmounted drive"):
        open_or_create(link, "tester")


def test_a_link_to_a_database_is_followed(tmp_path: Path, seeded_copy: SeededCopy) -> None:
    target = seeded_copy(tmp_path / "elsewhere" / "db.sqlite3")
    link = tmp_path / "db.sqlite3"
    link.symlink_to(target)
    code, out, err = run("--db", str(link), "check")
    assert code == 0, err
    assert "No problems found." in out
    store, opened = open_or_create(link, "tester")
    assert store.file_gone() is None
    store.add(samples.SOURCE)
    opened.close()
    assert link.is_symlink()  # still a link; the data went into the file it names
    store, opened = open_or_create(target, "tester")
    assert store.get(RecordKind.SOURCE, "report") is not None
    opened.close()


def test_a_pipe_is_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.sqlite3"
    os.mkfifo(pipe)
    code, _, err = run("--db", str(pipe), "check")
    assert code == 1 and "not a regular file" in err


def test_a_file_with_an_unfinished_change_of_another_program_is_left_as_it_is(
    tmp_path: Path,
) -> None:
    path = tmp_path / "other.sqlite3"
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('CREATE TABLE t (x)')\n"
        "c.execute('BEGIN')\n"
        "c.executemany('INSERT INTO t VALUES (?)', [(n,) for n in range(2000)])\n"
        "c.execute('COMMIT')\n"
        "c.execute('PRAGMA cache_size = 1')\n"
        "c.execute('BEGIN')\n"
        "c.execute('UPDATE t SET x = x + 1')\n"
        "os._exit(0)\n"  # stops mid-change: the rollback journal stays, hot
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    assert Path(f"{path}-journal").exists()
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    code, _, err = run("--db", str(path), "check")
    assert code == 1 and "unfinished change" in err and "left untouched" in err
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before
