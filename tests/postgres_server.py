"""A throwaway PostgreSQL server for the tests that run on both backends.

``ACCORDS_VIEWER_TEST_POSTGRES`` may name a server to use instead (a URL of a
role that may create databases, ``postgresql://me@localhost/postgres``).
Otherwise the server's own programs (``initdb``, ``pg_ctl``: Debian's
``postgresql`` package) start one on a temporary data folder, on a free port
of the loopback, for this test process alone, and stop it at the end. A
server whose test process died without stopping it (a run killed) is stopped
and its folder removed by the next run's start (:func:`sweep`). As root
(CI), the server runs as the ``postgres`` user, since PostgreSQL refuses to
run as root.

Where neither exists, the PostgreSQL half of the tests is skipped and the
skip says why, except under ``CI=true``: CI must run both halves.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import URL, make_url

SERVER_VARIABLE = "ACCORDS_VIEWER_TEST_POSTGRES"
SERVER_USER = "accords_tests"
FOLDER_PREFIX = "accords-pg-"
# The test process a server belongs to, by its pid, in the server's folder.
OWNER_FILE = "owner.pid"
_SETTINGS = (
    # A test server: nothing needs to survive a crash of the machine.
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c max_connections=200 -c shared_buffers=64MB"
)


class NoServer(Exception):
    """No PostgreSQL server can be had here; the message says why."""


@dataclass
class Server:
    """A running server: ``admin`` is a URL of a role that may create databases."""

    admin: URL
    data: Path | None = None
    run_as: str | None = None

    def database_url(self, name: str) -> URL:
        return self.admin.set(database=name)

    def create_database(self, name: str, template: str | None = None) -> URL:
        with psycopg.connect(
            self.admin.render_as_string(False).replace("+psycopg", ""), autocommit=True
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            suffix = f' TEMPLATE "{template}"' if template else ""
            connection.execute(f'CREATE DATABASE "{name}"{suffix}')
        return self.database_url(name)

    def drop_database(self, name: str) -> None:
        with psycopg.connect(
            self.admin.render_as_string(False).replace("+psycopg", ""), autocommit=True
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.data is None or not self.data.exists():
            return  # a server given by URL, or one already swept away
        _run(
            self.run_as, [_binary("pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", "-w"]
        )
        shutil.rmtree(self.data.parent, ignore_errors=True)


def start() -> Server:
    """A server for this process (raises :class:`NoServer` with the reason)."""
    given = os.environ.get(SERVER_VARIABLE)
    if given:
        url = make_url(given)
        return Server(url.set(drivername="postgresql+psycopg"))
    initdb = _binary("initdb")
    if initdb is None:
        raise NoServer(
            "no PostgreSQL server programs (initdb, pg_ctl) were found; install Debian's "
            f"'postgresql' package, or set {SERVER_VARIABLE} to a server's URL"
        )
    run_as = None
    if os.geteuid() == 0:
        run_as = "postgres"
        try:
            import pwd

            pwd.getpwnam(run_as)
        except KeyError:
            raise NoServer(
                "running as root, and there is no 'postgres' user to run the server"
            ) from None
    sweep(Path(tempfile.gettempdir()))
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    (folder / OWNER_FILE).write_text(str(os.getpid()), encoding="ascii")
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if run_as is not None:
        shutil.chown(folder, run_as)
        shutil.chown(sockets, run_as)
        folder.chmod(0o700)
    _run(
        run_as,
        [
            initdb,
            "-D",
            str(data),
            "-U",
            SERVER_USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
    )
    port = _free_port()
    _run(
        run_as,
        [
            _binary("pg_ctl"),
            "start",
            "-D",
            str(data),
            "-w",
            "-l",
            str(folder / "server.log"),
            "-o",
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 {_SETTINGS}",
        ],
    )
    admin = URL.create(
        "postgresql+psycopg", username=SERVER_USER, host="127.0.0.1", port=port, database="postgres"
    )
    server = Server(admin, data, run_as)
    _wait(server)
    return server


def sweep(temporary: Path) -> list[Path]:
    """Stop the servers under ``temporary`` whose test process is gone, and
    remove their folders; the folders removed."""
    removed = []
    for folder in sorted(temporary.glob(f"{FOLDER_PREFIX}*")):
        try:
            owner = int((folder / OWNER_FILE).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not one of ours, or still being made
        if _alive(owner):
            continue
        data = folder / "data"
        if (data / "postmaster.pid").exists():
            run_as = "postgres" if os.geteuid() == 0 else None
            with contextlib.suppress(NoServer):  # already down: its folder goes all the same
                _run(run_as, [_binary("pg_ctl"), "stop", "-D", str(data), "-m", "immediate"])
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wait(server: Server) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with psycopg.connect(server.admin.render_as_string(False).replace("+psycopg", "")):
                return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3])
    )
    return str(versions[-1]) if versions else None


def _run(user: str | None, command: list[str | None]) -> None:
    words = [str(word) for word in command]
    if user is not None:
        words = ["runuser", "-u", user, "--", *words]
    done = subprocess.run(words, capture_output=True, text=True, check=False, cwd="/")
    if done.returncode != 0:
        raise NoServer(f"{' '.join(words)} failed: {done.stderr.strip() or done.stdout.strip()}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
