"""Issue 10, "shown literally": the command line never drives the terminal.

``check`` printed terminal escape sequences stored in the database (``ESC ]0;…``
retitles the terminal, ``ESC [2J`` clears it). Every line the command line
prints that holds stored or given text now escapes control characters:
``check``, ``search`` (text and JSON), the ``export`` summary and the
``import`` problems are run as a user runs them, in a process of their own,
and what they print holds no control character but the newlines and tabs
the command line writes itself (and none from DEL to U+009F, the one-byte
forms of the same sequences). The output is read as text: as bytes, UTF-8
writes any non-ASCII letter with bytes from 0x80 up, which are no control.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.paths import PROJECT_ROOT
from viewer.domain.records import Party, Source
from viewer.store.bootstrap import open_or_create

# Retitle the terminal, clear it, and the same clear with the one-byte CSI; then DEL.
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b2J\x7f"
ESCAPED = "\\x1b]0;pwned\\x07\\x1b[2J\\x9b2J\\x7f"


def run(*argv: str) -> tuple[int, str, str]:
    """The command line in a process of its own: exit code, standard output and error."""
    done = subprocess.run(
        [sys.executable, "-m", "viewer", *argv],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=False,
    )
    for stream in (done.stdout, done.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def controls(output: str) -> list[str]:
    """The control characters in ``output``, but for its own line breaks and tabs."""
    return [
        f"U+{ord(ch):04X}"
        for ch in output
        if (ord(ch) < 0x20 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F
    ]


@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A database whose participant's key and name, and whose source's title and
    accessed date, hold escape sequences (as another program could write them)."""
    path = tmp_path / "db.sqlite3"
    store, opened = open_or_create(path, "tester", seed=False)
    store.add(Party("evil", "Evil Party"))
    store.add(Source("src", "Some source"))
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE parties SET key = :key, name = :name"),
            {"key": f"evil{ESCAPES}", "name": f"Evil Party {ESCAPES}"},
        )
        connection.execute(
            text(
                "UPDATE sources SET title = :title, published_edtf = '2021', "
                "published_lower = '2021-01-01', published_upper = '2021-12-31', "
                "accessed_edtf = :accessed, accessed_lower = '2020-01-01', "
                "accessed_upper = '2020-01-01'"
            ),
            {"title": f"Some source {ESCAPES}", "accessed": f"2020{ESCAPES}"},
        )
    opened.close()
    return path


def test_check_prints_stored_escape_sequences_escaped(database: Path) -> None:
    code, out, err = run("--db", str(database), "check")
    assert code == 1
    assert controls(out) == [] and controls(err) == []
    # The findings quote the stored text: the key, and the accessed date as stored.
    assert f"participant 'evil{ESCAPED}' has no citation" in out
    assert f"source 'src' was accessed (2020{ESCAPED}) before it was published (2021)" in out


def test_search_prints_stored_escape_sequences_escaped(database: Path) -> None:
    code, out, err = run("--db", str(database), "search", "Evil")
    assert code == 0
    assert controls(out) == [] and controls(err) == []
    assert f"participant\tevil{ESCAPED}\tEvil Party {ESCAPED}\n" in out


def test_search_json_escapes_every_control_and_reads_back_the_same(database: Path) -> None:
    code, out, err = run("--db", str(database), "search", "--json", "source")
    assert code == 0
    assert controls(out) == [] and controls(err) == []
    hits = json.loads(out)
    assert hits == [{"kind": "source", "key": "src", "label": f"Some source {ESCAPES}"}]


def test_the_export_summary_prints_the_path_escaped(database: Path, tmp_path: Path) -> None:
    target = tmp_path / f"out{ESCAPES}.json"
    code, out, err = run("--db", str(database), "export", str(target))
    assert code == 0 and target.exists()
    assert controls(out) == [] and controls(err) == []
    assert out == f"Wrote {tmp_path}/out{ESCAPED}.json\n"


def test_import_problems_print_the_files_escape_sequences_escaped(tmp_path: Path) -> None:
    exchange = tmp_path / f"in{ESCAPES}.json"
    party = {"key": f"bad{ESCAPES}", "name": f"x{ESCAPES}", "iso_code": ESCAPES}
    exchange.write_text(json.dumps({"format_version": 1, "parties": [party]}), encoding="utf-8")
    code, out, err = run("--db", str(tmp_path / "new.sqlite3"), "--empty", "import", str(exchange))
    assert code == 1
    assert controls(out) == [] and controls(err) == []
    assert "parties[0].key" in err and "\\x1b]0;pwned" in err
    assert err.rstrip("\n").endswith("nothing was imported")
    assert f"in{ESCAPED}.json" in err
