"""``accords-viewer copy SOURCE DEST [--merge]``: files and server URLs, the
progress on standard error, and refusals said in one line."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.conftest import NewDatabase, SeededCopy
from tests.reliability.test_gate_damaged import run
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.exchange import export_data
from viewer.store.locations import Location, ServerAddress


def exported(location: Location) -> dict[str, object]:
    store, opened = open_or_create(location, "tester", seed=False)
    try:
        return export_data(store)
    finally:
        opened.close()


def test_copy_to_a_server_and_back_to_a_new_file(
    tmp_path: Path, seeded_copy: SeededCopy, new_server_database: NewDatabase
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    server = new_server_database(False)
    assert isinstance(server, ServerAddress)
    url = server.url().render_as_string(hide_password=False).replace("+psycopg", "")
    code, out, err = run("copy", str(source), url)
    assert code == 0, err
    total = sum(len(v) for v in exported(source).values() if isinstance(v, list))
    assert out == f"Copied {total:,} records from {source} to {server}\n"
    progress = err.splitlines()
    assert progress[0].startswith("Read ")
    assert len(progress) <= len(RecordKind) + 2 * 11  # bounded, whatever the size
    back = tmp_path / "back.sqlite3"
    code, out, err = run("copy", url, str(back))
    assert code == 0, err
    assert exported(back) == exported(server) == exported(source)


def test_a_destination_with_records_is_refused_in_one_line(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    destination = seeded_copy(tmp_path / "destination.sqlite3")
    before = destination.read_bytes()
    code, out, err = run("copy", str(source), str(destination))
    assert code == 1
    assert out == ""
    last = err.splitlines()[-1]
    assert last.startswith("accords-viewer: the destination already holds ")
    assert "--merge" in last
    assert "Traceback" not in err
    assert destination.read_bytes() == before


def test_merge_into_a_database_with_the_same_records_changes_nothing(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    destination = seeded_copy(tmp_path / "destination.sqlite3")
    before = exported(destination)
    code, out, err = run("copy", "--merge", str(source), str(destination))
    assert code == 0, err
    assert out.startswith("Merged ")
    assert out.rstrip().endswith(": nothing changed.")
    assert exported(destination) == before


def test_mistakes_are_said_plainly(tmp_path: Path) -> None:
    code, out, err = run("copy", "postgresql://ana@db.example.org", str(tmp_path / "x.sqlite3"))
    assert (code, out) == (2, "")
    assert err.startswith("accords-viewer copy: ")
    assert "names no database" in err
    code, out, err = run("copy", str(tmp_path / "none.sqlite3"), str(tmp_path / "x.sqlite3"))
    assert (code, out) == (1, "")
    assert err == f"accords-viewer: there is no database at {tmp_path / 'none.sqlite3'}\n"
    assert not (tmp_path / "x.sqlite3").exists()


def test_a_server_database_that_does_not_exist_is_not_created(
    tmp_path: Path, seeded_copy: SeededCopy, new_server_database: NewDatabase
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    server = new_server_database(False)
    assert isinstance(server, ServerAddress)
    url = server.url().set(database="no_such_database").render_as_string(False)
    code, out, err = run("copy", str(source), url.replace("+psycopg", ""))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    assert "no_such_database" in err
    assert "does not exist" in err
    assert "createdb no_such_database" in err


@pytest.fixture
def partial_reader(new_server_database: NewDatabase) -> Iterator[ServerAddress]:
    """A seeded database of the test server, as a login role that may write
    every table but may not read one (events, the kind read last)."""
    owned = new_server_database(True)
    assert isinstance(owned, ServerAddress)
    reader = f"reader_{owned.database}"
    owner_url = owned.url().render_as_string(False).replace("+psycopg", "")
    with psycopg.connect(owner_url, autocommit=True) as connection:
        for statement in (
            "CREATE ROLE {} LOGIN",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}",
            "REVOKE SELECT ON events FROM {}",
        ):
            connection.execute(sql.SQL(statement).format(sql.Identifier(reader)))
    yield dataclasses.replace(owned, user=reader, password=None)
    with psycopg.connect(owner_url, autocommit=True) as connection:
        for statement in ("DROP OWNED BY {}", "DROP ROLE {}"):  # its grants here, then it
            connection.execute(sql.SQL(statement).format(sql.Identifier(reader)))


def test_a_source_that_cannot_be_read_is_said_in_one_line(
    tmp_path: Path, partial_reader: ServerAddress
) -> None:
    destination = tmp_path / "copy.sqlite3"
    code, out, err = run("copy", str(partial_reader), str(destination))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == (
        "accords-viewer: cannot read the source (permission denied for table events); "
        "nothing was copied"
    )
    assert "Traceback" not in err
    assert not destination.exists()  # the new file goes with the failed copy


def test_a_destination_that_cannot_be_read_is_said_in_one_line(
    tmp_path: Path, seeded_copy: SeededCopy, partial_reader: ServerAddress
) -> None:
    source = seeded_copy(tmp_path / "source.sqlite3")
    code, out, err = run("copy", str(source), str(partial_reader))
    assert (code, out) == (1, "")
    assert err == (
        "accords-viewer: cannot read the destination (permission denied for table events); "
        "nothing was copied\n"
    )
