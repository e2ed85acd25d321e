"""File ▸ Open Server Database…: the connection form, by keyboard alone."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from tests.conftest import SeededCopy
from tests.ui.team.conftest import ANA, NewServerDatabase, WindowMaker
from viewer.store.api import ServerAddress, parse_server
from viewer.store.server_engine import KEYRING_SERVICE
from viewer.ui.window.main_window import MainWindow
from viewer.ui.window.server_dialog import ServerDialog

TYPED_PASSWORD = "typed-Pa55word"


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type_and_tab(qtbot: QtBot, text: str) -> None:
    """Type ``text`` where the focus is, then Tab to the next field."""
    if text:
        qtbot.keyClicks(_focused(), text)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)


def _fill_by_keyboard(qtbot: QtBot, dialog: ServerDialog, address: ServerAddress) -> None:
    """Host, port, database, user, TLS mode, password: typed, Tab between them."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _focused() is dialog.host_edit, timeout=1000)
    _type_and_tab(qtbot, address.host)
    assert _focused() is dialog.port_box
    _type_and_tab(qtbot, str(address.port))  # Tab into it selected the default
    assert _focused() is dialog.database_edit
    _type_and_tab(qtbot, address.database)
    _type_and_tab(qtbot, address.user)
    assert _focused() is dialog.tls_combo
    _type_and_tab(qtbot, "d")  # "disable": the test server has no TLS
    assert _focused() is dialog.password_edit
    qtbot.keyClicks(_focused(), TYPED_PASSWORD)


def _file_window(make_window: WindowMaker, tmp_path: Path, seeded_copy: SeededCopy) -> MainWindow:
    return make_window(seeded_copy(tmp_path / "mine.sqlite3"), ANA)


def _filled_form(qtbot: QtBot, window: MainWindow, address: ServerAddress) -> ServerDialog:
    """File ▸ Open Server Database…'s form, shown and filled with ``address`` by keys."""
    dialog = window.file_actions.servers.ask()
    assert isinstance(dialog, ServerDialog)
    qtbot.waitExposed(dialog)
    _fill_by_keyboard(qtbot, dialog, address)
    return dialog


def test_a_server_database_is_opened_by_keyboard_and_remembered_without_its_password(
    qtbot: QtBot,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    tmp_path: Path,
    seeded_copy: SeededCopy,
) -> None:
    window = _file_window(make_window, tmp_path, seeded_copy)
    address = new_server_database(True)
    dialog = _filled_form(qtbot, window, address)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # Enter connects

    expected = dataclasses.replace(address, options=(("sslmode", "disable"),))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.location == expected
    assert window.store.on_server
    assert window.path_label.text() == f"Database: {expected}"
    window.finish_reads()
    assert window.models[window.current_kind()].rowCount() > 0
    # Listed first in Open Recent, by its address; no password anywhere in the settings.
    assert window.file_actions.recent.locations()[0] == expected
    settings_text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.ini"))
    assert str(expected) in settings_text or str(expected).replace("?", "%3F") in settings_text
    assert TYPED_PASSWORD not in settings_text


def test_a_refusal_is_said_in_the_form_and_nothing_typed_is_lost(
    qtbot: QtBot,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    tmp_path: Path,
    seeded_copy: SeededCopy,
) -> None:
    window = _file_window(make_window, tmp_path, seeded_copy)
    good = new_server_database(True)
    address = dataclasses.replace(good, user="nobody_here")
    dialog = _filled_form(qtbot, window, address)
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)

    assert dialog.isVisible()
    # The server's own words, in the form.
    assert 'role "nobody_here" does not exist' in dialog.message.text()
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    typed = [dialog.host_edit, dialog.database_edit, dialog.user_edit, dialog.password_edit]
    assert [edit.text() for edit in typed] == [
        address.host,
        address.database,
        "nobody_here",
        TYPED_PASSWORD,
    ]
    assert dialog.port_box.value() == address.port
    assert dialog.tls_combo.currentText() == "disable"
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    # The database shown stays.
    assert not window.store.on_server
    # Corrected, it connects.
    dialog.user_edit.setText(good.user)
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert window.store.on_server


def test_a_recent_server_database_opens_again_from_its_address(
    qtbot: QtBot,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    tmp_path: Path,
    seeded_copy: SeededCopy,
) -> None:
    address = new_server_database(True)
    window = make_window(address, ANA)
    other = seeded_copy(tmp_path / "other.sqlite3")
    assert window.file_actions.open_path(other)
    assert window.location == other
    assert window.file_actions.recent.locations()[1] == address
    assert window.file_actions.open_recent(str(address))
    assert window.file_actions.database_location() == address
    assert window.store.on_server


class MemoryKeyring(KeyringBackend):
    """A system keyring of the test's own, in memory."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(before)


def test_a_password_to_remember_goes_to_the_keyring_and_never_to_the_settings(
    qtbot: QtBot,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    tmp_path: Path,
    seeded_copy: SeededCopy,
    memory_keyring: MemoryKeyring,
) -> None:
    window = _file_window(make_window, tmp_path, seeded_copy)
    address = new_server_database(True)
    dialog = _filled_form(qtbot, window, address)
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.remember_box
    qtbot.keyClick(_focused(), Qt.Key.Key_Space)
    assert dialog.remember_box.isChecked()
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    assert window.store.on_server
    shown = window.file_actions.database_location()
    assert isinstance(shown, ServerAddress)
    assert memory_keyring.kept == {(KEYRING_SERVICE, shown.keyring_name): TYPED_PASSWORD}
    settings_text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.ini"))
    assert address.database in settings_text
    assert TYPED_PASSWORD not in settings_text


CERTIFIED = "postgresql://ana@db.example.org/accords?sslmode=verify-ca&sslrootcert=/etc/ca.pem"


def _form(qtbot: QtBot, initial: ServerAddress | None, asked: list[ServerAddress]) -> ServerDialog:
    def connect(address: ServerAddress, _password: str | None, _remember: bool) -> str | None:
        asked.append(address)
        return None

    dialog = ServerDialog(connect, initial)
    qtbot.addWidget(dialog)
    return dialog


def test_the_options_the_form_does_not_edit_come_back_out(qtbot: QtBot) -> None:
    address = parse_server(CERTIFIED)
    asked: list[ServerAddress] = []
    dialog = _form(qtbot, address, asked)
    assert dialog.tls_combo.currentText() == "verify-ca"
    assert dialog.address() == address
    dialog.host_edit.setText("db2.example.org")
    dialog.connect_button.click()
    assert asked == [dataclasses.replace(address, host="db2.example.org")]
    assert asked[0].options == (("sslmode", "verify-ca"), ("sslrootcert", "/etc/ca.pem"))
    assert dialog.connected == asked[0]


def test_a_tls_mode_is_kept_as_the_address_gives_it(qtbot: QtBot) -> None:
    for mode in ("allow", "verify-ca", "verify-full", "prefer", "some-newer-mode"):
        address = parse_server(f"postgresql://ana@db.example.org/accords?sslmode={mode}")
        dialog = _form(qtbot, address, [])
        assert dialog.tls_combo.currentText() == mode
        assert dialog.address() == address, mode
    # An address that names no mode gets none: libpq's default, prefer.
    plain = parse_server("postgresql://ana@db.example.org/accords?connect_timeout=5")
    assert _form(qtbot, plain, []).address() == plain


def test_a_recent_address_that_is_refused_opens_the_form_with_all_its_options(
    qtbot: QtBot,
    make_window: WindowMaker,
    new_server_database: NewServerDatabase,
    tmp_path: Path,
    seeded_copy: SeededCopy,
) -> None:
    window = _file_window(make_window, tmp_path, seeded_copy)
    good = new_server_database(True)
    options = {"connect_timeout": "5", "sslrootcert": str(tmp_path / "ca.pem")}
    recent = dataclasses.replace(
        good, options=tuple(sorted({**options, "sslmode": "verify-ca"}.items()))
    )
    assert not window.file_actions.servers.open(recent)  # the test server has no TLS
    dialog = window.file_actions.servers.dialog
    assert isinstance(dialog, ServerDialog)
    qtbot.waitExposed(dialog)
    assert dialog.message.text()  # why, in the form
    assert dialog.address() == recent
    dialog.tls_combo.setCurrentText("disable")
    qtbot.keyClick(dialog.user_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    expected = dataclasses.replace(
        good, options=tuple(sorted({**options, "sslmode": "disable"}.items()))
    )
    assert window.location == expected
    assert window.store.on_server
