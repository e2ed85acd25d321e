"""Small widget builders shared by the table editors of the dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QPushButton, QWidget


def searching_combo(placeholder: str, minimum_length: int) -> QComboBox:
    """An editable combo that completes on any part of an item, any case.

    Typed text is a search among the items, never a new item.
    """
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(minimum_length)
    line = combo.lineEdit()
    if line is not None:  # an editable combo always has one
        line.setPlaceholderText(placeholder)
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return combo


def table_button(text: str, name: str, parent: QWidget) -> QPushButton:
    """A button under a table of a dialog."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    button.setAutoDefault(False)  # Return in a cell must not press a button of the dialog
    return button
