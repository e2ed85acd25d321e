"""A test run killed before it stopped its PostgreSQL server leaves no server
behind for long: the next run's start stops it and removes its folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests import postgres_server


def dead_pid() -> int:
    """The pid of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_folders_of_dead_runs_go_and_those_of_live_runs_and_others_stay(tmp_path: Path) -> None:
    dead, alive, foreign = (tmp_path / f"{postgres_server.FOLDER_PREFIX}{n}" for n in "abc")
    for folder, owner in ((dead, str(dead_pid())), (alive, str(os.getpid()))):
        folder.mkdir()
        (folder / postgres_server.OWNER_FILE).write_text(owner, encoding="ascii")
    foreign.mkdir()  # no owner file: not one this module made

    assert postgres_server.sweep(tmp_path) == [dead]

    assert not dead.exists() and alive.exists() and foreign.exists()


def test_the_server_of_a_dead_run_is_stopped() -> None:
    if os.environ.get(postgres_server.SERVER_VARIABLE):
        pytest.skip("the tests use a server given by URL: none is started here")
    try:
        server = postgres_server.start()
    except postgres_server.NoServer as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests, but: {error}")
        pytest.skip(str(error))
    assert server.data is not None
    folder = server.data.parent
    dsn = server.admin.render_as_string(False).replace("+psycopg", "")
    try:
        psycopg.connect(dsn).close()  # it runs
        (folder / postgres_server.OWNER_FILE).write_text(str(dead_pid()), encoding="ascii")

        assert folder in postgres_server.sweep(folder.parent)

        assert not folder.exists()
        with pytest.raises(psycopg.OperationalError):
            psycopg.connect(dsn, connect_timeout=2).close()
    finally:
        server.stop()
