"""Output piped into a reader that stops early (`| head`): the command ends
quietly, without "Broken pipe" or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from viewer.store import api
from viewer.store.bootstrap import open_or_create

ROOT = Path(__file__).resolve().parents[2]


def run_into_a_closed_pipe(*argv: str) -> tuple[int, str]:
    """Run the program with its standard output a pipe whose reader is gone
    before it prints anything: (exit code, standard error)."""
    reading, writing = os.pipe()
    os.close(reading)  # the reader has gone, as `head` goes after its lines
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "viewer", *argv],
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(writing)
    return done.returncode, done.stderr


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("backup", "--list"), id="backup-list"),
        pytest.param(("search", "israel"), id="search"),
        pytest.param(("check",), id="check"),
    ],
)
def test_a_reader_that_goes_early_ends_the_command_quietly(
    tmp_path: Path, seeded_copy: SeededCopy, command: tuple[str, ...]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    store, opened = open_or_create(path, "tester")
    for _ in range(3):
        api.take_backup(store, "manual")
    opened.close()
    code, err = run_into_a_closed_pipe("--db", str(path), *command)
    assert (code, err) == (1, "")


def test_synth_into_a_closed_pipe_still_writes_its_database_quietly(tmp_path: Path) -> None:
    target = tmp_path / "synth.sqlite3"
    code, err = run_into_a_closed_pipe(
        "synth", str(target), "--events", "5", "--parties", "3", "--sources", "4"
    )
    assert code == 1
    assert "Broken pipe" not in err and "Traceback" not in err
    assert target.is_file()
