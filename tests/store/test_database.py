"""Opening database files: new, current, older, newer, foreign, damaged, read-only."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import event

from tests import samples
from viewer.domain.enums import RecordKind
from viewer.store.backups import backup_folder, list_backups
from viewer.store.database import REVISIONS, alembic_revisions, head_revision, open_database
from viewer.store.engine import DatabaseFileError, read_schema_state
from viewer.store.search import search
from viewer.store.store import Store


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_gets_the_current_schema_and_connection_settings(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "new" / "db.sqlite3")
    assert opened.created and opened.backup_path is None
    with opened.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA busy_timeout").scalar() == 5000
    assert read_schema_state(opened.path)[0] == head_revision()
    opened.engine.dispose()


def test_writes_take_the_write_lock_at_their_start(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "db.sqlite3")
    statements: list[str] = []
    event.listen(
        opened.engine,
        "before_cursor_execute",
        lambda conn, cursor, statement, *rest: statements.append(statement),
    )
    store = Store(opened.engine, "tester")
    store.add(samples.SOURCE)
    store.get(RecordKind.SOURCE, "report")
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]
    opened.engine.dispose()


def test_a_newer_schema_is_refused_naming_both_versions_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    opened = open_database(path)
    Store(opened.engine, "tester").add(samples.SOURCE)
    opened.engine.dispose()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseFileError) as refused:
        open_database(path)
    message = str(refused.value)
    assert "newer version" in message and "0999" in message and head_revision() in message
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.sqlite3"]


def test_an_older_schema_is_upgraded_after_a_backup_in_the_backups_folder(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = open_database(path, upgrade_to="0001")
    old.engine.dispose()
    with sqlite3.connect(path) as connection:  # as the version of schema 0001 wrote it
        connection.execute(
            "INSERT INTO sources (key, version, title, source_kind, publisher, authors, url, notes)"
            " VALUES ('report', 1, 'Annual Report', 'report', 'Press', '[]', '', '')"
        )
    connection.close()
    assert read_schema_state(path)[0] == "0001"

    upgraded = open_database(path)
    assert upgraded.backup_path is not None
    assert upgraded.backup_path.parent == backup_folder(path)
    assert [b.reason for b in list_backups(path)] == [f"before upgrade to schema {head_revision()}"]
    assert read_schema_state(upgraded.backup_path)[0] == "0001"
    assert read_schema_state(path)[0] == head_revision()
    store = Store(upgraded.engine, "tester")
    assert store.get(RecordKind.SOURCE, "report") is not None
    assert [hit.key for hit in search(store, "annual")] == ["report"]  # indexed on upgrade
    with sqlite3.connect(upgraded.backup_path) as backup:
        assert backup.execute("SELECT key FROM sources").fetchall() == [("report",)]
    backup.close()
    upgraded.engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]  # nothing beside it


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("These are my notes, not a database.\n")
    before = digest(path)
    with pytest.raises(DatabaseFileError, match="not an SQLite database"):
        open_database(path)
    assert digest(path) == before


def test_a_damaged_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    opened = open_database(path)
    opened.engine.dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseFileError, match=r"damaged|cannot be read"):
        open_database(path)
    assert digest(path) == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()
    before = digest(path)
    with pytest.raises(DatabaseFileError, match="not an Accords Viewer database"):
        open_database(path)
    assert digest(path) == before


def test_a_read_only_file_is_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "readonly.sqlite3"
    open_database(path).engine.dispose()
    path.chmod(0o444)
    if os.access(path, os.W_OK):  # running as root, which may write anyway
        monkeypatch.setattr("viewer.store.engine.os.access", lambda *args: False)
    before = digest(path)
    opened = open_database(path)
    assert opened.read_only
    opened.engine.dispose()
    assert digest(path) == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFileError, match="folder"):
        open_database(tmp_path)


def test_the_migrations_build_exactly_the_schema_the_models_describe(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from viewer.store.schema import Base
    from viewer.store.search_index import owns_table

    def ours(name: str | None, type_: str, _parents: object) -> bool:
        return type_ != "table" or not owns_table(name)

    opened = open_database(tmp_path / "db.sqlite3")
    with opened.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": ours})
        differences = compare_metadata(context, Base.metadata)
    opened.engine.dispose()
    assert differences == []


def test_the_listed_schema_revisions_are_alembics_own() -> None:
    assert alembic_revisions() == REVISIONS
    assert head_revision() == alembic_revisions()[-1]


@pytest.mark.parametrize("command", [["check"], ["search", "kind:event kazakh"]])
def test_opening_an_up_to_date_database_needs_no_alembic_and_no_qt(
    tmp_path: Path, seeded_copy: Callable[[Path], Path], command: list[str]
) -> None:
    path = seeded_copy(tmp_path / "db.sqlite3")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from viewer.app import main\n"
        f"code = main(['--db', {str(path)!r}, *{command!r}])\n"
        "loaded = sorted(m for m in ('alembic', 'PySide6') if m in sys.modules)\n"
        "print('loaded:', ','.join(loaded) or 'neither')\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "loaded: neither" in result.stdout
