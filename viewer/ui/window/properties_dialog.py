"""The Properties of the open database: where it is, its size, what it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.enums import RecordKind
from viewer.domain.sizes import readable_size
from viewer.store.api import DatabaseProperties, ServerAddress
from viewer.ui.widgets.window_text import title_part

# The kinds in the order a reader meets them, with the words the window uses.
KIND_NAMES = {
    RecordKind.PARTY: "Participants",
    RecordKind.EVENT: "Events",
    RecordKind.PERSON: "People",
    RecordKind.SOURCE: "Sources",
    RecordKind.STATUS_ACTION: "Status actions",
    RecordKind.ACCORD: "Accords",
}


def file_size(size: int) -> str:
    """``size`` bytes as people read a file's size: "12.3 MB (12,345,678 bytes)"."""
    shown = readable_size(size)
    return shown if shown.endswith(("byte", "bytes")) else f"{shown} ({size:,} bytes)"


def property_rows(found: DatabaseProperties, server: str | None = None) -> list[tuple[str, str]]:
    """The dialog's rows, label and value, in order (also what Copy copies);
    a server's database (``server``: its address) has no file and no size."""
    size = file_size(found.total_bytes)
    if found.journal_bytes:
        # The store counts the write-ahead log (-wal) with its shared-memory
        # index (-shm): the index alone is 32 KB while the log is empty.
        size += (
            f", of which {file_size(found.journal_bytes)} in the write-ahead log "
            "and its index (the -wal and -shm files beside it)"
        )
    if found.schema_revision is None:
        schema = "none (not an Accords Viewer database)"
    elif found.schema_revision == found.newest_schema_revision:
        schema = f"{found.schema_revision} (the newest this version knows)"
    else:
        schema = (
            f"{found.schema_revision} (this version knows up to {found.newest_schema_revision})"
        )
    if server is not None:
        rows = [("Database", server)]
    else:
        rows = [("File", str(found.path)), ("Size on disk", size)]
    rows += [(name, f"{found.counts.get(kind, 0):,}") for kind, name in KIND_NAMES.items()]
    rows += [
        ("Changes logged", f"{found.revisions:,}"),
        ("Schema revision", schema),
        ("Database engine", found.engine),
    ]
    return rows


class PropertiesDialog(QDialog):
    """A read-only form of a :class:`DatabaseProperties`; Copy puts it on the
    clipboard as "Label: value" lines (for a bug report, or a note).

    Signals: none beyond QDialog's.
    """

    def __init__(
        self,
        found: DatabaseProperties,
        parent: QWidget | None = None,
        *,
        server: ServerAddress | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesDialog")
        name = found.path.name if server is None else server.database
        self.setWindowTitle(f"Properties of {title_part(name)}")
        self._rows = property_rows(found, None if server is None else str(server))
        self._setup_widgets()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, value in self._rows:
            shown = QLabel(value, self)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # a path is not markup
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(label in ("File", "Database"))
            shown.setAccessibleName(label)
            form.addRow(f"{label}:", shown)
            self.values[label] = shown
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName("Copy the properties")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)

    def text(self) -> str:
        return "".join(f"{label}: {value}\n" for label, value in self._rows)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text())
