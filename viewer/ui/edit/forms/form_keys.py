"""The keyboard in the edit forms: the order Tab goes in, and which keys save."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QWidget

# A focus change that is not the user leaving a field: a completion list
# opening, or another window coming to the front.
NOT_LEAVING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


def set_tab_order(fields: Sequence[QWidget], then: Sequence[QWidget]) -> None:
    """Tab goes through ``fields`` top to bottom (each one's own parts in
    their order), then through ``then`` (the buttons), whatever order the
    widgets were made in or the platform draws the buttons in."""
    chain: list[QWidget] = []
    for widget in fields:
        chain += [part for part in focus_chain_of(widget) if part not in chain]
    chain += then
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def focus_chain_of(widget: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside ``widget`` (itself, or its parts), in their order."""
    proxy = widget.focusProxy()
    if proxy is not None:
        return [proxy]
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    found: list[QWidget] = []
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isHidden():
            found += focus_chain_of(child)
    return found


def in_picker(watched: QObject) -> bool:
    """Whether ``watched`` takes typing for a picker outside a table (an
    editable combo holds the focus and hands keys to its line)."""
    parent = watched.parent()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return False  # a table's cell: Enter belongs to the table
        parent = parent.parent()
    if isinstance(watched, QComboBox):
        return watched.isEditable()
    return isinstance(watched, QLineEdit) and isinstance(watched.parent(), QComboBox)


def is_enter(event: QEvent) -> bool:
    """Whether ``event`` is Enter or Return being pressed."""
    return (
        isinstance(event, QKeyEvent)
        and event.type() == QEvent.Type.KeyPress
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
    )
