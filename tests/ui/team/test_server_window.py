"""The window on a server's database: its address shown without a password,
what only a file has turned off with the reason, a viewer's window read-only."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QSettings

from tests import postgres_server
from tests.ui.team.conftest import ANA, NewServerDatabase, WindowMaker
from viewer.app import create_main_window
from viewer.domain.enums import RecordKind
from viewer.ui.window.database_location import SERVER_COPY_REASON

SECRET = "s3cret-Pa55"  # the test server trusts everyone: a password is taken and unused


def test_the_window_names_the_server_database_and_never_its_password(
    make_window: WindowMaker, new_server_database: NewServerDatabase, tmp_path: Path
) -> None:
    address = new_server_database(True)
    window = make_window(dataclasses.replace(address, password=SECRET), ANA)
    assert window.location == address
    assert window.windowTitle().startswith(f"{address.database} on {address.host}")
    assert window.path_label.text() == f"Database: {address}"
    assert window.windowFilePath() == ""
    assert window.file_actions.recent.locations() == [address]
    window.save_state()
    shown = [window.windowTitle(), window.path_label.text(), window.path_label.toolTip()]
    assert not any(SECRET in text for text in shown)
    settings_text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.ini"))
    assert address.database in settings_text
    assert SECRET not in settings_text
    assert window.models[RecordKind.PARTY].rowCount() > 0


def test_what_only_a_file_has_is_turned_off_saying_why(
    make_window: WindowMaker, new_server_database: NewServerDatabase
) -> None:
    window = make_window(new_server_database(True), ANA)
    for action in (
        window.safety.save_copy_action,
        window.backups.action,
        window.backups.back_up_action,
    ):
        assert not action.isEnabled(), action.text()
        assert "pg_dump" in action.toolTip() and "accords-viewer copy" in action.toolTip()
    assert window.backups.start_daily() is None
    assert window.backups.open_dialog() is None
    assert window.statusBar().currentMessage() == f"Not available: {SERVER_COPY_REASON}."
    # Writing is allowed: the role may edit.
    assert window.write_lock.reason is None
    assert window.new_action.isEnabled()


@pytest.fixture
def viewer_role(postgres: postgres_server.Server) -> Iterator[str]:
    """A login role, granted nothing yet (asked for before the test's database,
    so that it is dropped after it, with the grants the test gives it)."""
    role = f"viewer_{os.getpid()}"
    admin = postgres.admin.render_as_string(False).replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP ROLE IF EXISTS {role}")
        connection.execute(f"CREATE ROLE {role} LOGIN")
    yield role
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP ROLE IF EXISTS {role}")


def test_a_viewers_window_opens_read_only_and_says_why(
    viewer_role: str,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    postgres: postgres_server.Server,
) -> None:
    address = new_server_database(True)
    database = postgres.database_url(address.database).render_as_string(False)
    with psycopg.connect(database.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer_role}")
    window = make_window(dataclasses.replace(address, user=viewer_role), ANA)
    assert window.store.read_only
    assert window.safety.mode_label.isVisible()
    assert window.safety.mode_label.text() == "Read-only: your database role may only read"
    assert window.windowTitle().endswith("(read-only)")
    assert window.write_lock.reason is not None
    assert "your database role may only read" in window.write_lock.reason
    assert not window.new_action.isEnabled()
    assert "your database role may only read" in window.new_action.toolTip()
    assert window.models[RecordKind.PARTY].rowCount() > 0  # it reads all the same


def test_the_app_makes_its_window_on_a_server_address(
    qtbot: QtBot, new_server_database: NewServerDatabase, tmp_path: Path
) -> None:
    address = new_server_database(True)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = create_main_window(address, settings)
    qtbot.addWidget(window)
    try:
        window.finish_reads()
        assert window.location == address
        assert window.store.on_server
        assert window.models[RecordKind.PARTY].rowCount() > 0
    finally:
        window.close()
        window.file_actions.close_database()


def test_the_properties_of_a_server_database_name_it_without_a_file(
    make_window: WindowMaker, new_server_database: NewServerDatabase
) -> None:
    address = new_server_database(True)
    window = make_window(address, ANA)
    dialog = window.file_actions.show_properties()
    text = dialog.text()
    assert text.startswith(f"Database: {address}\n")
    assert "File:" not in text and "Size on disk" not in text
    assert "Database engine: PostgreSQL" in text
    dialog.close()
