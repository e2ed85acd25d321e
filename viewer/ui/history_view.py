"""A record's history: every change from the revision log, and reverting."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.domain.records import Revision

REVISION_ROLE = Qt.ItemDataRole.UserRole


class HistoryView(QWidget):
    """Lists a record's revisions, newest first: when, who, what, and each
    changed field from what to what.

    Signals:
        revertRequested(int): "Revert to this revision" was chosen; carries
            the revision id.
    """

    revertRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("historyTree")
        self.tree.setAccessibleName("Changes to this record")
        self.tree.setHeaderLabels(["When", "Who", "Change"])
        self.tree.setColumnCount(3)
        self.tree.setWordWrap(True)
        self.revert_button = QPushButton("Revert to this revision", self)
        self.revert_button.setObjectName("revertButton")
        self.revert_button.setAccessibleName("Revert to this revision")
        self.revert_button.setToolTip(
            "Make the record what it was just after the selected change (a new, undoable change)"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.revert_button)
        self.show_revisions(())
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())
        self.revert_button.clicked.connect(self._revert)

    def show_revisions(self, revisions: Sequence[Revision]) -> None:
        self.tree.clear()
        latest = revisions[-1].id if revisions else None
        for revision in reversed(revisions):
            when = revision.at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([when, revision.user, _summary(revision)])
            item.setData(0, REVISION_ROLE, revision.id)
            item.setData(1, REVISION_ROLE, revision.id == latest)
            for field, (old, new) in revision.changes.items():
                child = QTreeWidgetItem(["", "", f"{field}: {_show(old)} → {_show(new)}"])
                child.setToolTip(2, "")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        self._update_button()

    def revision_ids(self) -> list[int]:
        return [int(item.data(0, REVISION_ROLE)) for item in self._items()]

    def select_revision(self, revision_id: int) -> None:
        for item in self._items():
            if item.data(0, REVISION_ROLE) == revision_id:
                self.tree.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _selected(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _update_button(self) -> None:
        item = self._selected()
        # Reverting to the latest revision would change nothing.
        self.revert_button.setEnabled(item is not None and not item.data(1, REVISION_ROLE))

    def _revert(self) -> None:
        item = self._selected()
        if item is not None:
            self.revertRequested.emit(int(item.data(0, REVISION_ROLE)))


def _summary(revision: Revision) -> str:
    fields = ", ".join(revision.changes)
    what = f"{revision.action.label} {revision.record_kind.label} {revision.record_key}"
    return f"{what}: {fields}" if fields else what


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, str):
        return value if len(value) <= 80 else value[:77] + "…"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "…"
