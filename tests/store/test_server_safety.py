"""What a team's server database must survive: its administrator's pg_dump
and restore, a write lock held too long, a session the server ends, words of
transliterated names in a search, an editor repairing the index, and
addresses that would leak a secret or make a folder."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import psycopg
import pytest

from tests import postgres_server
from tests.conftest import NewDatabase
from tests.samples import SOURCE
from tests.store.test_roles import Team, team  # noqa: F401 (the fixture, shared)
from viewer.domain.enums import PartyKind, RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import repair_search_index, run_checks
from viewer.store.file_errors import DatabaseBusy
from viewer.store.locations import AddressError, ServerAddress, parse_location, parse_server
from viewer.store.search import search
from viewer.store.server_engine import WRITE_LOCK
from viewer.store.server_guard import ServerUnreachable
from viewer.store.store import Store


def _plain(address: ServerAddress) -> str:
    return address.url().render_as_string(hide_password=False).replace("+psycopg", "")


def test_a_pg_dump_of_the_database_restores_with_its_search(
    new_server_database: NewDatabase, postgres: postgres_server.Server, tmp_path: Path
) -> None:
    source = new_server_database(True)
    assert isinstance(source, ServerAddress)
    pg_dump, psql = postgres_server._binary("pg_dump"), postgres_server._binary("psql")
    assert pg_dump and psql, "the server's client programs come with its package"
    dump = tmp_path / "team.sql"
    subprocess.run([pg_dump, "-d", _plain(source), "-f", str(dump)], check=True)
    restored = ServerAddress(source.host, f"{source.database}_restored", source.user, source.port)
    postgres.create_database(restored.database)
    try:
        done = subprocess.run(
            [psql, "-q", "-v", "ON_ERROR_STOP=1", "-d", _plain(restored), "-f", str(dump)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr  # the index's functions restore too
        store, opened = open_or_create(restored, "tester")
        try:
            assert [hit.key for hit in search(store, "Kazakhstan", kinds=(RecordKind.PARTY,))] == [
                "kazakhstan"
            ]
            assert run_checks(store) == []
        finally:
            opened.close()
    finally:
        postgres.drop_database(restored.database)


def test_transliterated_names_with_apostrophe_letters_are_found(store: Store) -> None:
    store.add(SOURCE)
    for name in ("Sanʼa talks", "Hawaiʻi delegation", "Oʻzbekiston", "ŉ marks"):
        store.add(
            Party(key=f"p-{len(name)}-{ord(name[1])}", name=name, party_kind=PartyKind.ORGANISATION)
        )
    for query, expected in (
        ("Sanʼa", "Sanʼa talks"),
        ("Hawaiʻi", "Hawaiʻi delegation"),
        ("Oʻzbekiston", "Oʻzbekiston"),
        ("ŉ", "ŉ marks"),
    ):
        labels = [hit.label for hit in search(store, query)]
        assert expected in labels, (query, labels)
    for odd in ("½", "a:b", "it's", "'", "\\", "!&|", "ʼ", "x ʹ y"):
        search(store, odd)  # never a syntax error of the engine's


def test_a_write_lock_held_too_long_is_refused_as_busy(
    new_server_database: NewDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    address = new_server_database(False)
    assert isinstance(address, ServerAddress)
    monkeypatch.setenv("ACCORDS_VIEWER_BUSY_TIMEOUT_MS", "300")
    store, opened = open_or_create(address, "tester", seed=False)
    try:
        with psycopg.connect(_plain(address)) as holder:
            holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            with pytest.raises(DatabaseBusy) as refused:
                store.add(SOURCE)
            assert "waited too long" in str(refused.value)
        store.add(SOURCE)  # once it is let go, the save goes through
        assert store.count(RecordKind.SOURCE) == 1
    finally:
        opened.close()


def test_a_session_the_server_ends_mid_save_is_said_plainly(
    new_server_database: NewDatabase, postgres: postgres_server.Server
) -> None:
    address = new_server_database(False)
    assert isinstance(address, ServerAddress)
    store, opened = open_or_create(address, "tester", seed=False)
    failures: list[BaseException] = []
    try:
        with psycopg.connect(_plain(address)) as holder:
            holder.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

            def save() -> None:
                try:
                    store.add(SOURCE)
                except BaseException as error:
                    failures.append(error)

            saver = threading.Thread(target=save)
            saver.start()
            admin_url = postgres.admin.render_as_string(False).replace("+psycopg", "")
            with psycopg.connect(admin_url, autocommit=True) as admin:
                deadline = time.monotonic() + 4
                ended = False
                while not ended and time.monotonic() < deadline:
                    ended = bool(
                        admin.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = %s AND wait_event_type = 'Lock' "
                            "AND query LIKE '%%pg_advisory_xact_lock%%'",
                            (address.database,),
                        ).fetchall()
                    )
                    time.sleep(0.05)
            saver.join(10)
            holder.rollback()
        assert ended
        assert len(failures) == 1 and isinstance(failures[0], ServerUnreachable)
        assert "could not be reached" in str(failures[0])
        assert store.count(RecordKind.SOURCE) == 0  # a new connection; nothing written
    finally:
        opened.close()


def test_an_editor_repairs_the_search_index(team: Team) -> None:  # noqa: F811
    editor = team.login("editor_repair", team.roles.editor)
    store, opened = open_or_create(editor, "Eda")
    try:
        repair_search_index(store)
        assert run_checks(store) == []
    finally:
        opened.close()


@pytest.mark.parametrize(
    "text",
    [
        "postgresql+psycopg2://ana:s3cret@127.0.0.1/r1",
        "mysql://ana@host/db",
        "postgres+asyncpg://ana@host/db",
    ],
)
def test_an_address_of_another_driver_is_refused_not_made_a_folder(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AddressError) as refused:
        parse_location(text)
    assert "s3cret" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_an_sslpassword_is_refused_and_never_repeated() -> None:
    with pytest.raises(AddressError) as refused:
        parse_server("postgresql://ana:pw@host/db?sslmode=require&sslpassword=k3ypass")
    assert "sslpassword" in str(refused.value)
    assert "k3ypass" not in str(refused.value) and "pw@" not in str(refused.value)
