"""Fixtures shared by all tests: isolated folders and real SQLite stores."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import insert, select

from tests import postgres_server
from tests.samples import CROWD
from viewer.domain.enums import RecordKind
from viewer.store import derived, search_index
from viewer.store.bootstrap import open_or_create
from viewer.store.checks import history_mismatches
from viewer.store.engine import checkpoint
from viewer.store.locations import Location, ServerAddress, parse_server
from viewer.store.schema import EventRoleRow, EventRow, PartyRow
from viewer.store.store import Store

# Makes a seeded database file at the path it is given, and returns that path.
SeededCopy = Callable[[Path], Path]

# Hypothesis times each example; on shared, busy machines a slow first parse
# of a new date shape is noise, not a failure (speed lives in benchmarks/).
hypothesis_settings.register_profile("shared-machines", deadline=None)
hypothesis_settings.load_profile("shared-machines")


@pytest.fixture(autouse=True)
def isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point every per-user folder at a temporary one: tests never see real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("ACCORDS_VIEWER_DB", raising=False)
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled dataset in a database built once per session by first use itself.

    Checkpointed and closed, so that the one file holds everything. Tests get
    copies of it (``seeded_copy``) and never open the template itself: it is
    made read-only, and since that stops no one running as root, the fixture
    also fails the session if the file changed by a single byte.
    """
    path = tmp_path_factory.mktemp("seeded-template") / "seeded.sqlite3"
    store, opened = open_or_create(path, "tester")
    assert opened.created
    assert store.count(RecordKind.PARTY) > 0
    assert history_mismatches(store) == []
    checkpoint(opened.engine)
    opened.engine.dispose()
    leftovers = [p.name for p in path.parent.iterdir() if p != path]
    assert leftovers == [], f"the template is not one file: {leftovers}"
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    built = _digest(path)
    yield path
    assert _digest(path) == built, "a test wrote to the seeded template"


@pytest.fixture(scope="session")
def seeded_copy(seeded_template: Path) -> SeededCopy:
    """Puts a seeded database at a path: a new, independent copy of the template file.

    Copying takes milliseconds, where building the database takes about half a
    second. The copy is a file of its own (not a link), writable, so a test
    that writes to it changes nothing for the template or any other test.
    """

    def copy(path: Path) -> Path:
        assert not path.exists(), f"{path} exists: a seeded copy never overwrites a file"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seeded_template, path)
        assert not path.samefile(seeded_template)  # a file of its own, not a link
        return path

    return copy


def _digest(path: Path) -> str:
    """The SHA-256 of a file's bytes: to tell that a shared database was not written."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _checked(store: Store) -> Iterator[Store]:
    yield store
    # Every write a test made must be in the revision log: replaying the log
    # has to rebuild exactly what the database holds.
    assert history_mismatches(store) == []
    store.engine.dispose()


# -- both backends ------------------------------------------------------------
# Tests that take ``backend`` (or the ``store`` and ``seeded_store`` fixtures,
# where a folder's conftest parametrizes them: tests/store, tests/cli) run on
# a SQLite file and on a PostgreSQL database of a throwaway server.

BACKENDS = ("sqlite", "postgresql")
# A new database of the test server, empty or seeded, as a location to open.
NewDatabase = Callable[[bool], Location]


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[postgres_server.Server]:
    """This test process's PostgreSQL server, with two template databases
    (the schema alone, and the bundled dataset) that each test's database copies."""
    try:
        server = postgres_server.start()
    except postgres_server.NoServer as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the PostgreSQL tests, but: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    try:
        for name, seed in ((EMPTY_TEMPLATE, False), (SEEDED_TEMPLATE, True)):
            url = server.create_database(name)
            address = parse_server(url.render_as_string(hide_password=False))
            created, opened = open_or_create(address, "tester", seed=seed)
            assert history_mismatches(created) == []
            opened.close()
        yield server
    finally:
        server.stop()


EMPTY_TEMPLATE = "accords_template_empty"
SEEDED_TEMPLATE = "accords_template_seeded"


@pytest.fixture
def new_server_database(
    postgres: postgres_server.Server, request: pytest.FixtureRequest
) -> Iterator[NewDatabase]:
    """Makes new databases on the test server (dropped after the test)."""
    made: list[str] = []

    def make(seeded: bool) -> ServerAddress:
        name = f"t{os.getpid()}_{len(made)}_{abs(hash(request.node.nodeid)) % 10**8}"
        url = postgres.create_database(name, SEEDED_TEMPLATE if seeded else EMPTY_TEMPLATE)
        made.append(name)
        return parse_server(url.render_as_string(hide_password=False))

    yield make
    for name in made:
        postgres.drop_database(name)


@pytest.fixture
def new_database(
    backend: str, tmp_path: Path, seeded_copy: SeededCopy, request: pytest.FixtureRequest
) -> NewDatabase:
    """Makes a new database on the test's backend: a SQLite file, or a server database."""
    if backend == "postgresql":
        server_database: NewDatabase = request.getfixturevalue("new_server_database")
        return server_database
    count = iter(range(1_000))

    def make(seeded: bool) -> Path:
        path = tmp_path / f"db{next(count)}.sqlite3"
        return seeded_copy(path) if seeded else path

    return make


@pytest.fixture
def backend() -> str:
    """SQLite, unless a folder's conftest parametrizes it with both (BACKENDS)."""
    return "sqlite"


@pytest.fixture
def store(new_database: NewDatabase) -> Iterator[Store]:
    """An empty store on a new database (a SQLite file, or one on the test server)."""
    created, _ = open_or_create(new_database(False), "tester", seed=False)
    yield from _checked(created)


@pytest.fixture
def seeded_store(new_database: NewDatabase) -> Iterator[Store]:
    """A store on a new database holding the bundled Abraham Accords dataset."""
    created, opened = open_or_create(new_database(True), "tester")
    assert not opened.created
    assert created.count(RecordKind.PARTY) > 0
    yield from _checked(created)


@pytest.fixture
def crowded(tmp_path: Path, seeded_copy: Callable[[Path], Path]) -> Iterator[Store]:
    """The seeded data, with Kazakhstan the subject of CROWD more events
    (unlogged, but indexed for search)."""
    store, opened = open_or_create(seeded_copy(tmp_path / "db.sqlite3"), "tester")
    with store.engine.begin() as connection:
        party = connection.scalar(select(PartyRow.id).where(PartyRow.key == "kazakhstan"))
        first = (connection.scalar(select(EventRow.id).order_by(EventRow.id.desc())) or 0) + 1
        connection.execute(
            insert(EventRow),
            [
                {
                    "id": first + n,
                    "key": f"talks-{n:05d}",
                    "version": 1,
                    "title": f"Round {n:05d} of talks",
                    "event_kind": "meeting",
                    "date_edtf": f"{1990 + n % 30}-01-01",
                    "date_lower": date(1990 + n % 30, 1, 1),
                    "date_upper": date(1990 + n % 30, 1, 1),
                    "location": "",
                    "summary": "",
                    "certainty": "confirmed",
                }
                for n in range(CROWD)
            ],
        )
        connection.execute(
            insert(EventRoleRow),
            [
                {"event_id": first + n, "position": 0, "role": "subject", "party_id": party}
                for n in range(CROWD)
            ],
        )
        search_index.add_after(connection, RecordKind.EVENT, first - 1)
        derived.refresh_events_after(connection, first - 1)
    yield store
    opened.close()
