"""The connection form: which PostgreSQL database to open, and how to sign in."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.store.api import ServerAddress
from viewer.ui.widgets.plain_text import show_as_error

# libpq's TLS modes offered, the default first.
TLS_MODES = ("prefer", "require", "verify-ca", "verify-full", "allow", "disable")
TLS_OPTION = "sslmode"
DEFAULT_PORT = 5432
# Opens the database the form names with the password typed (None: none typed)
# and whether to keep it in the keyring; returns None once it is open, or why not.
Connector = Callable[[ServerAddress, str | None, bool], str | None]


class ServerDialog(QDialog):
    """Host, port, database, user, TLS mode and password, top to bottom, the
    keyboard starting in the first; Enter connects.

    Connecting calls ``connect`` with the address the form names (never
    holding the password, which is passed beside it and kept nowhere but the
    system keyring, if the user ticks the box). A refusal is shown in the
    form with the server's own words, and everything typed stays.

    Signals: none; :attr:`connected` is the address once the form closed on
    an open database.
    """

    def __init__(
        self,
        connect: Connector,
        initial: ServerAddress | None = None,
        message: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ServerDialog")
        self.setWindowTitle("Open Server Database")
        self._connect = connect
        self.connected: ServerAddress | None = None
        # The address's options the form does not show (a certificate's path,
        # a time-out...): they go out again as they came in.
        self._kept_options: tuple[tuple[str, str], ...] = ()
        # Whether the address named its TLS mode, even libpq's default.
        self._mode_named = False
        self._setup_widgets()
        self._fill(initial)
        self.message.setText(message)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.host_edit = self._line("host", "db.example.org, or empty for this computer")
        self.port_box = QSpinBox(self)
        self.port_box.setObjectName("port")
        self.port_box.setRange(1, 65_535)
        self.port_box.setValue(DEFAULT_PORT)
        self.database_edit = self._line("database", "accords")
        self.user_edit = self._line("user", "your database role")
        self.tls_combo = QComboBox(self)
        self.tls_combo.setObjectName("sslmode")
        self.tls_combo.addItems(TLS_MODES)
        self.tls_combo.setToolTip(
            "prefer: TLS when the server offers it; require: always TLS; verify-ca: TLS with "
            "the server's certificate checked against the authority; verify-full: that, and "
            "the host name too; allow: TLS only when the server asks; disable: never TLS"
        )
        self.password_edit = self._line("password", "empty: ~/.pgpass, PGPASSWORD or the keyring")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox("&Remember in the system keyring", self)
        self.remember_box.setObjectName("rememberPassword")
        form = QFormLayout()
        form.addRow("&Host:", self.host_edit)
        form.addRow("&Port:", self.port_box)
        form.addRow("&Database:", self.database_edit)
        form.addRow("&User:", self.user_edit)
        form.addRow("&TLS mode:", self.tls_combo)
        form.addRow("Pass&word:", self.password_edit)
        form.addRow("", self.remember_box)
        self.message = QLabel(self)
        self.message.setObjectName("connectProblem")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # the server's words, as they are
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_as_error(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button: QPushButton = self.buttons.addButton(
            "&Connect", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        order: list[QWidget] = [
            self.host_edit,
            self.port_box,
            self.database_edit,
            self.user_edit,
            self.tls_combo,
            self.password_edit,
            self.remember_box,
            self.connect_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.host_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(520, self.sizeHint().height())

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _fill(self, initial: ServerAddress | None) -> None:
        if initial is None:
            return
        self.host_edit.setText(initial.host)
        self.port_box.setValue(initial.port or DEFAULT_PORT)
        self.database_edit.setText(initial.database)
        self.user_edit.setText(initial.user)
        options = dict(initial.options)
        mode = options.pop(TLS_OPTION, None)
        self._kept_options = tuple(options.items())
        self._mode_named = mode is not None
        mode = mode or TLS_MODES[0]
        if self.tls_combo.findText(mode) < 0:
            self.tls_combo.addItem(mode)  # a mode this form does not offer, kept as given
        self.tls_combo.setCurrentText(mode)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def address(self) -> ServerAddress:
        """The database the form names, without the password; the options it
        came with that the form does not edit are kept."""
        mode = self.tls_combo.currentText()
        port = self.port_box.value()
        options = list(self._kept_options)
        # libpq prefers TLS by itself: a new address names only another choice.
        if mode != TLS_MODES[0] or self._mode_named:
            options.append((TLS_OPTION, mode))
        return ServerAddress(
            host=self.host_edit.text().strip(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            port=None if port == DEFAULT_PORT else port,
            options=tuple(sorted(options)),  # in the order a parsed address has them
        )

    def accept(self) -> None:
        address = self.address()
        if not address.database:
            self.message.setText("Name the database to open (Database).")
            self.database_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.message.setText(f"Connecting to {address}…")
        self.message.repaint()  # the connection may take a moment: say so before
        password = self.password_edit.text() or None
        refused = self._connect(address, password, self.remember_box.isChecked())
        if refused is not None:
            self.message.setText(refused)  # what was typed stays, to correct and try again
            return
        self.connected = address
        super().accept()
