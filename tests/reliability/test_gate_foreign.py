"""Another program's database is refused untouched; our own older files are recognised."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SeededCopy
from tests.reliability.test_gate_damaged import digest, run
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.database import head_revision, open_database
from viewer.store.file_errors import ForeignDatabase
from viewer.store.inspection import APPLICATION_ID


def make_database(path: Path, *statements: str) -> Path:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        for statement in statements:
            connection.execute(statement)
    return path


def other_alembic_program(path: Path, revision: str) -> Path:
    """A database of another program that Alembic manages too, at one of our revision ids."""
    make_database(
        path,
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer TEXT, total REAL)",
        "INSERT INTO invoices (customer, total) VALUES ('Acme', 12.5)",
    )
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    return path


FOREIGN = [
    pytest.param(lambda p: other_alembic_program(p, "0001"), id="alembic-0001"),
    pytest.param(lambda p: other_alembic_program(p, "0002"), id="alembic-0002"),
    pytest.param(lambda p: make_database(p, "CREATE VIEW answer AS SELECT 42"), id="only-a-view"),
    pytest.param(
        lambda p: make_database(p, "PRAGMA application_id = 1234", "CREATE TABLE t (x)"),
        id="another-application-id",
    ),
]


@pytest.mark.parametrize("make", FOREIGN)
def test_a_foreign_database_is_refused_untouched(tmp_path: Path, make: object) -> None:
    path = make(tmp_path / "other.sqlite3")  # type: ignore[operator]
    before = digest(path)
    with pytest.raises(ForeignDatabase, match="not an Accords Viewer database"):
        open_or_create(path, "tester")
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["other.sqlite3"]


@pytest.mark.parametrize("make", FOREIGN)
@pytest.mark.parametrize("command", [["import", "{file}"], ["check"], ["search", "x"]])
def test_commands_on_a_foreign_database_say_so_and_change_nothing(
    tmp_path: Path, make: object, command: list[str]
) -> None:
    path = make(tmp_path / "other.sqlite3")  # type: ignore[operator]
    exchange = tmp_path / "empty.json"
    exchange.write_text('{"format": "accords-viewer", "format_version": 1}', encoding="utf-8")
    before = digest(path)
    code, _, err = run("--db", str(path), *[c.format(file=exchange) for c in command])
    assert code == 1
    assert "not an Accords Viewer database" in err and "left untouched" in err
    assert "Traceback" not in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.json", "other.sqlite3"]


def test_a_genuine_file_from_before_the_mark_opens_and_is_marked(
    tmp_path: Path, seeded_copy: SeededCopy
) -> None:
    path = seeded_copy(tmp_path / "old.sqlite3")
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA application_id = 0")  # as every file made before
    store, opened = open_or_create(path, "tester")
    assert store.get(RecordKind.PARTY, "bahrain") is not None
    opened.close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_older_genuine_file_is_upgraded_and_marked(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    open_database(path, upgrade_to="0002").close()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute("PRAGMA application_id = 0")
    opened = open_database(path)
    opened.close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )


def test_new_databases_carry_the_mark(tmp_path: Path) -> None:
    _, opened = open_or_create(tmp_path / "new.sqlite3", "tester", seed=False)
    opened.close()
    with contextlib.closing(sqlite3.connect(tmp_path / "new.sqlite3")) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert APPLICATION_ID.to_bytes(4, "big") == b"AcVw"
