"""The command line's tests run on both backends: a SQLite file and a
database of the test's PostgreSQL server, each named by ``--db`` as a user
names it (a path, or a ``postgresql://`` URL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BACKENDS, NewDatabase
from viewer.store.bootstrap import open_or_create

# Makes a new database of the test's backend, seeded or empty, and gives the
# text to pass as --db.
NewDb = Callable[[bool], str]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=False)


@pytest.fixture
def new_db(new_database: NewDatabase) -> NewDb:
    """``--db`` for a new database of the backend: the bundled dataset
    (``True``) or none (``False``); either way one that exists, with its
    tables, as a server's database does once an editor opened it."""

    def make(seeded: bool) -> str:
        location = new_database(seeded)
        if isinstance(location, Path) and not seeded:
            _, opened = open_or_create(location, "tester", seed=False)
            opened.close()
        return str(location)

    return make


@pytest.fixture
def seeded_db(new_db: NewDb) -> str:
    """``--db`` for a new database of the backend holding the bundled dataset."""
    return new_db(True)


@pytest.fixture
def empty_db(new_db: NewDb) -> str:
    """``--db`` for a new, empty database of the backend."""
    return new_db(False)
