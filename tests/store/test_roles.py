"""The viewer and editor roles of a team's database (viewer/store/roles.py),
on the test server: a viewer only reads, and the server refuses a write that
gets past the app; an editor writes but cannot rewrite the revision log,
which not even the owner can; the log names the role each change came from."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from tests import postgres_server
from tests.conftest import NewDatabase
from tests.samples import SOURCE
from viewer.domain.enums import RecordKind
from viewer.domain.records import Party
from viewer.store.bootstrap import open_or_create
from viewer.store.chain import REFUSAL
from viewer.store.checks import run_checks
from viewer.store.exchange import export_data
from viewer.store.file_errors import DatabaseFileError, ReadOnlyStore
from viewer.store.locations import ServerAddress, parse_server
from viewer.store.roles import (
    RoleNameError,
    RolesRefused,
    TeamRoles,
    apply_roles,
    in_comment,
    role_script,
    role_statements,
    team_roles,
)
from viewer.store.schema import RevisionRow
from viewer.store.server_database import open_server
from viewer.store.server_guard import RoleRefusal
from viewer.store.store import Store

# A login role on the test server, member of the given group roles, for the team's database.
Login = Callable[..., ServerAddress]


def admin_sql(server: postgres_server.Server, *statements: str) -> None:
    """Run ``statements`` as the test server's superuser."""
    url = server.admin.render_as_string(False).replace("+psycopg", "")
    with psycopg.connect(url, autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement.encode("utf-8"))


@dataclasses.dataclass(frozen=True)
class Team:
    """A seeded database on the test server with its two roles, and a way to
    connect to it as a login role that is a member of some of them."""

    owner: ServerAddress
    roles: TeamRoles
    login: Login


@pytest.fixture
def team(postgres: postgres_server.Server, new_server_database: NewDatabase) -> Team:
    owner = new_server_database(True)
    assert isinstance(owner, ServerAddress)
    roles = apply_roles(owner)

    def login(name: str, *groups: str) -> ServerAddress:
        admin_sql(
            postgres,
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"'{name}') THEN CREATE ROLE \"{name}\" LOGIN; END IF; END $$",
            *(f'GRANT "{group}" TO "{name}"' for group in groups),
        )
        return dataclasses.replace(owner, user=name, password=None)

    return Team(owner, roles, login)


def opened_store(address: ServerAddress, user: str) -> Iterator[Store]:
    store, opened = open_or_create(address, user, seed=False)
    try:
        yield store
    finally:
        opened.close()


def revision_count(store: Store) -> int:
    with store.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(RevisionRow)) or 0


def test_the_statements_name_both_roles_and_keep_the_log_append_only() -> None:
    roles = team_roles("accords")
    assert (roles.viewer, roles.editor) == ("accords_viewer", "accords_editor")
    sql = "\n".join(role_statements(roles))
    assert 'GRANT SELECT ON ALL TABLES IN SCHEMA "public" TO "accords_viewer"' in sql
    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON "public"."revisions" FROM "accords_editor"' in sql
    assert "OWNER" not in sql.upper()  # neither role owns anything


def test_a_viewer_opens_the_database_read_only(team: Team) -> None:
    viewer = team.login("viewer_a", team.roles.viewer)
    for store in opened_store(viewer, "Vera"):
        assert store.read_only
        assert store.role == "viewer_a"
        assert store.count(RecordKind.PARTY) > 0  # reads all it needs
        with pytest.raises(ReadOnlyStore) as refused:
            store.add(SOURCE)
        # Said as a role's limit, not as a file that cannot be written.
        assert "your database role may only read it" in str(refused.value)
        assert "file" not in str(refused.value)


def test_a_role_that_may_not_build_the_tables_is_told_who_may(
    postgres: postgres_server.Server, new_server_database: NewDatabase
) -> None:
    empty = new_server_database(False)
    assert isinstance(empty, ServerAddress)
    bare = empty.url().database
    admin_sql(
        postgres,
        f'CREATE DATABASE "{bare}_bare"',
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nobody_much') "
        'THEN CREATE ROLE "nobody_much" LOGIN; END IF; END $$',
    )
    try:
        address = dataclasses.replace(empty, database=f"{bare}_bare", user="nobody_much")
        with pytest.raises(DatabaseFileError) as refused:
            open_or_create(address, "Nobody")
        message = str(refused.value)
        assert "needs its owner to build its tables" in message
        assert "permission denied" in message and "\n" not in message
    finally:
        postgres.drop_database(f"{bare}_bare")


def test_a_write_that_gets_past_the_app_is_refused_by_the_server(team: Team) -> None:
    viewer = team.login("viewer_b", team.roles.viewer)
    opened = open_server(viewer)
    try:
        assert opened.read_only
        # The read-only flag bypassed: the store's write path reaches the server.
        store = Store(opened.engine, "Vera (viewer_b)", read_only=False)
        before, logged = export_data(store), revision_count(store)
        with pytest.raises(RoleRefusal) as refused:
            store.add(SOURCE)
        message = str(refused.value)
        assert message.startswith("saving source")
        assert "refused by the server" in message
        assert "nothing was changed" in message
        assert "\n" not in message
        assert export_data(store) == before
        assert revision_count(store) == logged
    finally:
        opened.close()


def test_an_editor_saves_but_cannot_rewrite_the_log(team: Team) -> None:
    editor = team.login("editor_a", team.roles.editor)
    for store in opened_store(editor, "Omar"):
        assert not store.read_only
        saved = store.add(SOURCE)
        assert store.get(RecordKind.SOURCE, SOURCE.key) == saved
        assert store.revisions(RecordKind.SOURCE, SOURCE.key)[-1].user == "Omar (editor_a)"
        for statement in (
            "UPDATE revisions SET \"user\" = 'someone else'",
            "DELETE FROM revisions",
            "TRUNCATE revisions",
        ):
            with pytest.raises(DBAPIError) as refused, store.engine.begin() as connection:
                connection.execute(text(statement))
            # Refused for the privilege the editor lacks (the trigger would too).
            assert "permission denied" in str(refused.value.orig), statement
        # Nor may an editor drop the trigger: the table is not theirs.
        with pytest.raises(DBAPIError) as not_owner, store.engine.begin() as connection:
            connection.execute(text("DROP TRIGGER revisions_append_only ON revisions"))
        assert "must be owner" in str(not_owner.value.orig)
        assert run_checks(store) == []  # the log still verifies, hash chain and all


def test_even_the_owner_cannot_change_the_log(team: Team) -> None:
    for store in opened_store(team.owner, "Owner"):
        logged = revision_count(store)
        for statement in ("UPDATE revisions SET \"user\" = 'x'", "DELETE FROM revisions"):
            with pytest.raises(DBAPIError) as refused, store.engine.begin() as connection:
                connection.execute(text(statement))
            assert REFUSAL in str(refused.value.orig), statement
        assert revision_count(store) == logged


def test_the_log_names_the_role_a_change_came_from(team: Team) -> None:
    ana = team.login("ana", team.roles.editor)
    for store in opened_store(ana, "Ana"):
        party = store.get(RecordKind.PARTY, "kazakhstan")
        assert isinstance(party, Party)
        store.update(dataclasses.replace(party, notes="Joined in November 2025."))
    for store in opened_store(team.owner, "Owner"):
        history = store.revisions(RecordKind.PARTY, "kazakhstan")
        assert history[-1].user == "Ana (ana)"
        assert history[-1].changes["notes"][1] == "Joined in November 2025."


def test_roles_may_be_applied_again(team: Team) -> None:
    assert apply_roles(team.owner) == team.roles


def test_an_owner_who_may_not_create_roles_is_told_so(
    postgres: postgres_server.Server, request: pytest.FixtureRequest
) -> None:
    name = f"owned_{abs(hash(request.node.nodeid)) % 10**8}"
    admin_sql(
        postgres,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'plain_owner') "
        "THEN CREATE ROLE plain_owner LOGIN; END IF; END $$",
        f'DROP DATABASE IF EXISTS "{name}"',
        f'CREATE DATABASE "{name}" OWNER plain_owner',
    )
    try:
        address = parse_server(postgres.database_url(name).render_as_string(False))
        with pytest.raises(RolesRefused) as refused:
            apply_roles(dataclasses.replace(address, user="plain_owner"))
        assert "owns" in str(refused.value)
        assert "may not create roles" in str(refused.value)
        with psycopg.connect(
            postgres.admin.render_as_string(False).replace("+psycopg", "")
        ) as connection:
            found = connection.execute(
                "SELECT count(*) FROM pg_roles WHERE rolname LIKE %s", (f"{name}_%",)
            ).fetchone()
        assert found == (0,)
    finally:
        postgres.drop_database(name)


def test_names_in_the_script_comments_are_quoted_on_one_line() -> None:
    assert in_comment("x\nDROP TABLE t;") == '"x\\nDROP TABLE t;"'
    assert in_comment("a\u2028b\x7f") == '"a\\u2028b\\x7f"'
    assert in_comment('Acc "ords" é') == '"Acc ""ords"" é"'
    script = role_script(team_roles('Acc "ords"'))
    assert '-- Roles for the Accords Viewer database "Acc ""ords""":' in script
    assert '--   GRANT "Acc ""ords""_viewer" TO ana;' in script


@pytest.mark.parametrize(
    ("database", "said"),
    [
        ("x\nDROP TABLE t;", 'the database name "x\\nDROP TABLE t;" holds a control character'),
        ("tab\there", 'the database name "tab\\there" holds a control character'),
        ("line\u2028break", 'the database name "line\\u2028break" holds a control character'),
        ("a$roles$b", 'the database name "a$roles$b" holds $roles$'),
    ],
)
def test_a_database_name_the_script_cannot_hold_is_refused(database: str, said: str) -> None:
    for make in (
        lambda: team_roles(database),
        lambda: TeamRoles(database, "plain_viewer", "plain_editor"),
    ):
        with pytest.raises(RoleNameError) as refused:
            make()
        message = str(refused.value)
        assert message.startswith(said)
        assert "\n" not in message and "\u2028" not in message
        assert "create the roles by hand" in message
    with pytest.raises(RoleNameError, match="the role name"):
        TeamRoles("plain", f"{database}_viewer", "plain_editor")
