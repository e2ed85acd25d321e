"""The list of record kinds on the window's left, each with its count."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from viewer.domain.enums import RecordKind

TITLES = {
    RecordKind.PARTY: "Participants",
    RecordKind.EVENT: "Events",
    RecordKind.PERSON: "People",
    RecordKind.SOURCE: "Sources",
}


class Navigator(QListWidget):
    """Chooses which list the window shows.

    Signals:
        kindChosen(str): the user picked a list; carries the record kind's value.
    """

    kindChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Record lists")
        for kind, title in TITLES.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, kind.value)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            self.addItem(item)
        self.setCurrentRow(0)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.currentRowChanged.connect(self._chosen)

    def current_kind(self) -> RecordKind:
        item = self.currentItem()
        return RecordKind(item.data(Qt.ItemDataRole.UserRole)) if item else RecordKind.PARTY

    def set_kind(self, kind: RecordKind) -> None:
        self.setCurrentRow(list(TITLES).index(kind))

    def set_count(self, kind: RecordKind, count: int) -> None:
        item = self.item(list(TITLES).index(kind))
        item.setText(f"{TITLES[kind]} ({count})")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{TITLES[kind]}, {count} records")

    def _chosen(self, row: int) -> None:
        if 0 <= row < len(TITLES):
            self.kindChosen.emit(list(TITLES)[row].value)
