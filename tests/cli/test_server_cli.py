"""The command line on a PostgreSQL database: ``--db postgresql://...`` and
``$ACCORDS_VIEWER_DB`` name one; a server that cannot be reached, a password
it refuses or a database it does not have is one plain line and exit 1; the
commands of a SQLite file alone refuse it and say what to use instead."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql

from tests import postgres_server
from tests.conftest import NewDatabase, SeededCopy
from tests.overview.report_pdf_reading import PdfText
from tests.paths import PROJECT_ROOT
from tests.reliability.test_gate_damaged import run
from viewer.app import main
from viewer.store import server_database
from viewer.store.locations import ServerAddress, parse_server
from viewer.store.paths import default_database_path, default_location
from viewer.store.server_database import OpenedServer

SECRET = "s3cret-Passw0rd"
PASSWORD_ROLE = "accords_cli_password"


def server_address(postgres: postgres_server.Server, database: str) -> ServerAddress:
    return parse_server(postgres.database_url(database).render_as_string(hide_password=False))


def one_line_failure(argv: list[str]) -> str:
    """Run ``argv``: it must fail with exit 1 and one line on stderr, naming no password."""
    code, out, err = run(*argv)
    assert (code, out) == (1, ""), err
    assert err.count("\n") == 1 and err.startswith("accords-viewer: "), err
    assert SECRET not in err and "Traceback" not in err
    return err


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_server_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCORDS_VIEWER_NO_KEYRING", "1")
    url = f"postgresql://ana:{SECRET}@127.0.0.1:{free_port()}/accords?connect_timeout=5"
    for command in (["check"], ["search", "kazakhstan"], ["import", "x.json"]):
        err = one_line_failure(["--db", url, *command])
        assert err.startswith("accords-viewer: cannot open postgresql://ana@127.0.0.1:")
        assert "Connection refused" in err or "could not connect" in err


def test_a_database_the_server_does_not_have_is_one_line(
    postgres: postgres_server.Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACCORDS_VIEWER_NO_KEYRING", "1")
    address = replace(server_address(postgres, "accords_no_such_database"), password=SECRET)
    url = address.url(SECRET).render_as_string(hide_password=False)
    assert SECRET in url  # the password was given on the command line
    err = one_line_failure(["--db", url, "check"])
    assert 'database "accords_no_such_database" does not exist' in err


@pytest.fixture
def password_role(postgres: postgres_server.Server) -> str:
    """A login role the test server asks a password of (``SECRET``); the
    server's other roles still come in without one."""
    if postgres.data is None:
        pytest.skip("needs the tests' own server, whose rules of login it may change")
    admin = postgres.admin.render_as_string(hide_password=False).replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        if (
            connection.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (PASSWORD_ROLE,)
            ).fetchone()
            is None
        ):
            connection.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD '{SECRET}'")
        asks = connection.execute(
            "SELECT 1 FROM pg_hba_file_rules WHERE %s = ANY(user_name)", (PASSWORD_ROLE,)
        ).fetchone()
        if asks is None:
            (rules_file,) = connection.execute("SHOW hba_file").fetchone() or ("",)
            assert rules_file
            # The rule for this role first: the first rule that matches decides.
            # (Read whole before COPY opens the file to write it; COPY takes no
            # parameters: its values are written in, quoted.)
            (rules,) = connection.execute("SELECT pg_read_file(%s)", (rules_file,)).fetchone() or (
                "",
            )
            lines = [f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256"] + [
                line for line in rules.splitlines() if line.strip() and not line.startswith("#")
            ]
            connection.execute(
                sql.SQL(
                    "COPY (SELECT line FROM unnest({lines}::text[]) WITH ORDINALITY "
                    "AS rules(line, n) ORDER BY n) "
                    "TO {file} WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
                ).format(lines=sql.Literal(lines), file=sql.Literal(rules_file))
            )
            connection.execute("SELECT pg_reload_conf()")
    role_url = postgres.admin.set(username=PASSWORD_ROLE, password="wrong")
    deadline = time.monotonic() + 10
    while True:  # the server reads its new rules when it gets to the signal
        try:
            psycopg.connect(role_url.render_as_string(False).replace("+psycopg", "")).close()
        except psycopg.OperationalError as refused:
            if "password authentication failed" in str(refused):
                return PASSWORD_ROLE
        assert time.monotonic() < deadline, "the server never asked the role for a password"
        time.sleep(0.1)


def test_a_wrong_password_is_one_line_without_it(
    postgres: postgres_server.Server,
    password_role: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ACCORDS_VIEWER_NO_KEYRING", "1")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    address = replace(server_address(postgres, "postgres"), user=password_role)
    url = address.url(SECRET + "x").render_as_string(hide_password=False)
    err = one_line_failure(["--db", url, "check"])
    assert f'password authentication failed for user "{password_role}"' in err
    assert "x" + SECRET not in err and SECRET + "x" not in err
    # Without a password at all, the line says where one is looked for.
    err = one_line_failure(["--db", str(address), "check"])
    assert "~/.pgpass" in err and "PGPASSWORD" in err


def test_a_bad_url_is_a_usage_error_naming_the_mistake(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for url, mistake in (
        (f"postgresql://ana:{SECRET}@db.example.org", "names no database"),
        (
            f"postgresql://ana:{SECRET}@db.example.org/accords?sslmod=require",
            "options PostgreSQL does not know here: sslmod",
        ),
        ("postgresql://ana@db.example.org:port/accords", "is not a PostgreSQL address"),
    ):
        with pytest.raises(SystemExit) as exited:
            main(["--db", url, "check"])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert "argument --db" in err and mistake in err, err
        assert SECRET not in err


def test_the_environment_variable_may_name_a_server_database(
    new_server_database: NewDatabase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    address = new_server_database(True)
    monkeypatch.setenv("ACCORDS_VIEWER_DB", str(address))
    code, out, _ = run("search", "kazakhstan")
    assert code == 0 and "participant\tkazakhstan\tKazakhstan" in out
    code, out, _ = run("check")
    assert code == 0 and out.rstrip().endswith("No problems found.")
    assert list(tmp_path.iterdir()) == []  # no file was made for it


def test_a_bad_url_in_the_environment_variable_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ACCORDS_VIEWER_DB", f"postgresql://ana:{SECRET}@db.example.org")
    err = one_line_failure(["check"])
    assert err.startswith("accords-viewer: $ACCORDS_VIEWER_DB: ") and "names no database" in err


def test_backup_and_restore_refuse_a_server_and_say_what_to_use(
    new_server_database: NewDatabase, tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    seeded_db = str(new_server_database(True))
    err = one_line_failure(["--db", seeded_db, "backup", str(tmp_path / "copy.sqlite3")])
    assert "pg_dump" in err and "accords-viewer copy" in err
    backup = seeded_copy(tmp_path / "backup.sqlite3")
    err = one_line_failure(["--db", seeded_db, "restore", str(backup)])
    assert "pg_dump" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.sqlite3"]


def test_synth_refuses_a_server_url(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["synth", f"postgresql://ana:{SECRET}@db.example.org/accords"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "synth writes a new SQLite file" in err and "accords-viewer copy" in err
    assert SECRET not in err


def test_the_report_of_a_server_database(seeded_db: str, tmp_path: Path) -> None:
    target = tmp_path / "accord.pdf"
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "report", "--db", seeded_db, str(target)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    pdf = PdfText(target)
    assert done.stdout.strip() == f"Wrote {pdf.page_count} pages to {target}"
    assert "Abraham Accords" in pdf.page_text(0)


def test_a_file_named_as_the_server_database_is_neither_refused_nor_removed(
    postgres: postgres_server.Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server database's name is no file: a failed import into a database
    this run built removes nothing, and an export may take that name."""
    name = f"accords_cli_new_{os.getpid()}"
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("my notes", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    postgres.create_database(name)  # bare, as an administrator's createdb leaves it
    try:
        url = str(server_address(postgres, name))
        code, _, err = run("--db", url, "--empty", "import", str(bad))
        assert code == 1 and "is not valid JSON" in err
        assert (tmp_path / name).read_text(encoding="utf-8") == "my notes"
        (tmp_path / name).unlink()
        code, out, err = run("--db", url, "export", name)
        assert (code, out, err) == (0, f"Wrote {name}\n", ""), err
        assert json.loads((tmp_path / name).read_text(encoding="utf-8"))["parties"] == []
    finally:
        postgres.drop_database(name)


def test_the_default_location_follows_the_variable_and_the_old_name_names_a_file(
    monkeypatch: pytest.MonkeyPatch, isolated_user_folders: Path
) -> None:
    user_data_file = default_database_path()
    assert user_data_file.name == "accords.sqlite3"
    assert user_data_file.is_relative_to(isolated_user_folders)
    assert default_location() == user_data_file
    monkeypatch.setenv("ACCORDS_VIEWER_DB", "postgresql://ana@db.example.org:5433/accords")
    assert default_location() == ServerAddress("db.example.org", "accords", "ana", 5433)
    assert default_database_path() == user_data_file  # a file is what the old name gives
    monkeypatch.setenv("ACCORDS_VIEWER_DB", "~/team.sqlite3")
    assert default_location() == default_database_path() == isolated_user_folders / "team.sqlite3"


def test_a_server_lost_just_after_the_open_is_one_line(
    postgres: postgres_server.Server,
    new_server_database: NewDatabase,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    address = new_server_database(True)
    assert isinstance(address, ServerAddress)
    admin = postgres.admin.render_as_string(hide_password=False).replace("+psycopg", "")
    opened_as_usual = server_database.open_server

    def open_then_lock_out(given: ServerAddress, **options: Any) -> OpenedServer:
        """The database opens, then stops taking connections (as one shut for
        maintenance does) and drops this one: the next statement has no server."""
        opened = opened_as_usual(given, **options)
        name = sql.Identifier(given.database)
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(name))
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (given.database,),
            )
        return opened

    monkeypatch.setattr(server_database, "open_server", open_then_lock_out)
    url = address.url().render_as_string(hide_password=False)
    err = one_line_failure(["--db", url, "check"])
    assert err.startswith(f"accords-viewer: cannot open {address}: ")
    assert "not currently accepting connections" in err
