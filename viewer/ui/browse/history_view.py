"""A record's history: every change from the revision log, and reverting."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.domain.records import Revision
from viewer.ui.widgets.plain_text import plain_tooltip

REVISION_ROLE = Qt.ItemDataRole.UserRole
LATEST_ROLE = Qt.ItemDataRole.UserRole + 1


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
        # One wrapped column reads better in a narrow pane than three cut ones.
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
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
            when = revision.at.astimezone().strftime("%d %b %Y %H:%M")
            item = QTreeWidgetItem([f"{when} · {revision.user}\n{_summary(revision)}"])
            item.setData(0, REVISION_ROLE, revision.id)
            item.setData(0, LATEST_ROLE, revision.id == latest)
            for field, (old, new) in revision.changes.items():
                child = QTreeWidgetItem([f"{field}: {_show(old)} → {_show(new)}"])
                full = f"{field}\nbefore: {_show(old, None)}\nafter: {_show(new, None)}"
                child.setToolTip(0, plain_tooltip(full))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
        self._update_button()

    def show_message(self, message: str) -> None:
        """Show ``message`` in place of the changes ("Loading…", or why they could not be read)."""
        self.tree.clear()
        item = QTreeWidgetItem([message])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note, not a revision to choose
        self.tree.addTopLevelItem(item)
        self._update_button()

    def revision_ids(self) -> list[int]:
        return [int(item.data(0, REVISION_ROLE)) for item in self._items()]

    def select_revision(self, revision_id: int) -> None:
        for item in self._items():
            if item.data(0, REVISION_ROLE) == revision_id:
                self.tree.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [i for i in items if i is not None and i.data(0, REVISION_ROLE) is not None]

    def _selected(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item

    def _update_button(self) -> None:
        item = self._selected()
        # Reverting to the latest revision would change nothing.
        self.revert_button.setEnabled(
            item is not None
            and item.data(0, REVISION_ROLE) is not None
            and not item.data(0, LATEST_ROLE)
        )

    def _revert(self) -> None:
        item = self._selected()
        if item is not None:
            self.revertRequested.emit(int(item.data(0, REVISION_ROLE)))


def _summary(revision: Revision) -> str:
    fields = ", ".join(revision.changes)
    what = f"{revision.action.label} {revision.record_kind.label} {revision.record_key}"
    return f"{what}: {fields}" if fields else what


def _show(value: Any, limit: int | None = 80) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"
