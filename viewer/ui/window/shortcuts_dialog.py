"""Help ▸ Keyboard Shortcuts: every command that has keys, grouped, with a filter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.ui.widgets.shortcuts import ShortcutEntry


class ShortcutsDialog(QDialog):
    """Lists the given shortcuts under their menu; typing in the filter keeps
    only the commands whose name or keys contain what was typed.

    The list is made from the window's actions when the dialog opens
    (:func:`viewer.ui.widgets.shortcuts.listed_shortcuts`), so it always says
    what the keys are now.

    Signals: none beyond QDialog's.
    """

    def __init__(self, entries: Sequence[ShortcutEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setObjectName("shortcutsDialog")
        self._setup_widgets()
        self._fill(entries)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("shortcutsFilter")
        self.filter_edit.setAccessibleName("Filter shortcuts")
        self.filter_edit.setPlaceholderText("Filter by command or key, e.g. undo or Ctrl+F")
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _fill(self, entries: Sequence[ShortcutEntry]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[entry.group] = group
            QTreeWidgetItem(group, [entry.command, entry.keys])
        self.tree.expandAll()
        self.filter_edit.setFocus()

    def _connect_signals(self) -> None:
        self.filter_edit.textChanged.connect(self._filter)

    def shown(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) of each line the list shows now, top to bottom."""
        lines = []
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            if group is None or group.isHidden():
                continue
            for index in range(group.childCount()):
                item = group.child(index)
                if item is not None and not item.isHidden():
                    lines.append((group.text(0), item.text(0), item.text(1)))
        return lines

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            if group is None:
                continue
            any_shown = False
            for index in range(group.childCount()):
                item = group.child(index)
                if item is None:
                    continue
                found = wanted in f"{item.text(0)}\n{item.text(1)}".casefold()
                item.setHidden(not found)
                any_shown = any_shown or found
            group.setHidden(not any_shown)
