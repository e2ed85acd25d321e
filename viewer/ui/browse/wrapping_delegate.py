"""Rows of a tree as tall as their wrapped text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView


class WrappingDelegate(QStyledItemDelegate):
    """Gives each row of its tree the height of its text wrapped at the width
    the row has (the column's, less the indentation of its level).

    A tree with word wrap on paints wrapped text but asks for rows one line
    per text line high: the style measures wrapping only against a width it
    is given, and QTreeView gives none. The part of the text that did not
    fit was then cut off with "…".
    """

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        levels = depth + (1 if self._tree.rootIsDecorated() else 0)
        width = self._tree.columnWidth(index.column()) - self._tree.indentation() * levels
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, max(width, 1), 1)  # type: ignore[attr-defined]
        return super().sizeHint(sized, index)
