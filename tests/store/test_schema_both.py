"""The migrations build, on each backend, exactly the schema the models describe."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from tests import postgres_server
from viewer.store.database import open_database
from viewer.store.locations import parse_server
from viewer.store.schema import Base
from viewer.store.search_index import owns_table
from viewer.store.server_database import open_server


def ours(name: str | None, type_: str, _parents: object) -> bool:
    """Everything but the search index's own tables (FTS5's on SQLite, the
    tsvector table on PostgreSQL), which no model describes."""
    return type_ != "table" or not owns_table(name)


def differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": ours, "compare_type": True}
        )
        return list(compare_metadata(context, Base.metadata))


def fresh_engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Engine:
    """The engine on a database the migrations have just built from nothing:
    a new SQLite file, or a new database of the test server (no template)."""
    if backend == "sqlite":
        return open_database(tmp_path / "db.sqlite3").engine
    server: postgres_server.Server = request.getfixturevalue("postgres")
    name = f"schema_{os.getpid()}"
    url = server.create_database(name)
    request.addfinalizer(lambda: server.drop_database(name))
    opened = open_server(parse_server(url.render_as_string(hide_password=False)))
    assert opened.created
    return opened.engine


def test_the_migrations_build_the_schema_of_the_models_on_each_backend(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    engine = fresh_engine(backend, tmp_path, request)
    try:
        assert differences(engine) == []
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert "search_index" in tables  # left out of the comparison, but built
    finally:
        engine.dispose()
