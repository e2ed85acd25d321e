"""``accords-viewer init-roles``: the SQL printed, or applied by the owner and
refused to anyone else; and a viewer's write through the command line,
refused in one line with nothing half-applied."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import psycopg

from tests import postgres_server
from tests.conftest import NewDatabase
from tests.reliability.test_gate_damaged import run
from tests.store.test_roles import admin_sql
from viewer.cli import parse_arguments, run_command
from viewer.store.bootstrap import open_or_create
from viewer.store.exchange import export_data
from viewer.store.locations import ServerAddress
from viewer.store.store import Store


def url_of(address: ServerAddress) -> str:
    return address.url().render_as_string(False).replace("+psycopg", "")


def test_init_roles_prints_the_sql_that_psql_runs(
    postgres: postgres_server.Server, new_server_database: NewDatabase
) -> None:
    address = new_server_database(False)
    assert isinstance(address, ServerAddress)
    code, out, err = run("init-roles", "--db", url_of(address))
    assert (code, err) == (0, "")
    viewer, editor = f"{address.database}_viewer", f"{address.database}_editor"
    assert f'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "{viewer}";' in out
    assert "-- Then give each user's login role one of them" in out
    assert f'--   GRANT "{viewer}" TO ana;' in out
    # Printing changed nothing; the script, run as it is, creates both roles.
    with psycopg.connect(url_of(address), autocommit=True) as connection:
        assert connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (viewer, editor)
        ).fetchone() == (0,)
        connection.execute(out.encode("utf-8"))
        assert connection.execute(
            "SELECT count(*) FROM pg_roles WHERE rolname IN (%s, %s)", (viewer, editor)
        ).fetchone() == (2,)


def test_init_roles_apply_as_the_owner_and_refused_to_others(
    postgres: postgres_server.Server, new_server_database: NewDatabase
) -> None:
    address = new_server_database(True)
    assert isinstance(address, ServerAddress)
    code, out, err = run("init-roles", "--db", url_of(address), "--apply")
    assert (code, err) == (0, "")
    viewer = f"{address.database}_viewer"
    assert out.splitlines()[0] == (
        f"Created the roles {viewer} and {address.database}_editor on {address}."
    )
    assert f'GRANT "{viewer}" TO ana;' in out
    admin_sql(
        postgres,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stranger') "
        "THEN CREATE ROLE stranger LOGIN; END IF; END $$",
    )
    stranger = dataclasses.replace(address, user="stranger")
    code, out, err = run("init-roles", "--db", url_of(stranger), "--apply")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert "'stranger', which does not own its tables" in err
    assert "Nothing was changed" in err


def test_init_roles_wants_a_server(tmp_path: Path) -> None:
    code, out, err = run("init-roles", "--db", str(tmp_path / "db.sqlite3"))
    assert (code, out) == (2, "")
    assert "roles are for a PostgreSQL database" in err
    code, out, err = run("init-roles")
    assert code == 2
    assert "--db postgresql://" in err


def test_a_viewers_import_is_refused_in_one_line(
    tmp_path: Path, postgres: postgres_server.Server, new_server_database: NewDatabase
) -> None:
    address = new_server_database(True)
    assert isinstance(address, ServerAddress)
    assert run("init-roles", "--db", url_of(address), "--apply")[0] == 0
    admin_sql(
        postgres,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vera') "
        "THEN CREATE ROLE vera LOGIN; END IF; END $$",
        f'GRANT "{address.database}_viewer" TO vera',
    )
    vera = dataclasses.replace(address, user="vera")
    store, opened = open_or_create(vera, "Vera", seed=False)
    try:
        assert store.read_only
        before = export_data(store)
        data = json.loads(json.dumps(before))
        data["sources"][0]["title"] = "Changed by a viewer"
        data["accords"].append({"key": "new-accord", "name": "New Accord"})
        path = tmp_path / "changes.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        arguments = parse_arguments(["import", "--on-conflict", "update", str(path)])
        code = run_command(arguments, store, out, err)
        assert code == 1
        assert out.getvalue() == ""
        lines = err.getvalue().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("accords-viewer: importing was refused")
        assert "nothing was changed" in lines[0]
        assert "Traceback" not in err.getvalue()
        assert export_data(store) == before
        # Past the read-only flag, the server itself refuses the import's write.
        unguarded = Store(opened.engine, "Vera (vera)", read_only=False)
        out, err = io.StringIO(), io.StringIO()
        code = run_command(arguments, unguarded, out, err)
        assert (code, out.getvalue()) == (1, "")
        lines = err.getvalue().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("accords-viewer: importing was refused by the server")
        assert "permission denied" in lines[0]
        assert lines[0].endswith("nothing was imported")
        assert export_data(store) == before
    finally:
        opened.close()


def test_init_roles_refuses_a_database_name_with_a_line_break_in_one_line() -> None:
    code, out, err = run("init-roles", "--db", "postgresql://owner@db.example.org/x%0ADROP%20t")
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert 'the database name "x\\nDROP t" holds a control character' in err
