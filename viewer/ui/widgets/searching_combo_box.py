"""An editable combo box whose typed text searches its items."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget


class SearchingComboBox(QComboBox):
    """An editable list whose typed text finds items by any part, in any case.

    Typed text is a search among the items, never a new item. The pickers of
    the edit forms (records, countries) and the combos in the citations and
    roles tables are all made from this one class, so they complete alike.

    Signals: those of QComboBox.
    """

    def __init__(
        self, placeholder: str, minimum_length: int = 24, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # A line edit of our own, so that it is typed as one rather than optional.
        self.search_line = QLineEdit(self)
        self.setLineEdit(self.search_line)
        self.search_line.setPlaceholderText(placeholder)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(20)
        # Long labels (source titles, official country names) would otherwise
        # stretch the whole form.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(minimum_length)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def choose_data(self, data: str | None, typed: str | None = None) -> None:
        """Choose the item carrying ``data``; None chooses the first item.

        Data that no item carries (a record deleted meanwhile, a withdrawn
        country code) is shown as typed text (``typed``, else ``data``), so
        that the owner's own check reports it instead of the value vanishing.
        """
        index = self.findData(data) if data is not None else 0
        self._show(index, typed if typed is not None else data or "")

    def show_item(self, index: int, typed: str) -> None:
        """Show item ``index``, or ``typed`` as typed text when ``index`` is -1
        (with no item current), from its beginning: a long title shows its start."""
        if index < 0:
            self.setCurrentIndex(-1)
        self._show(index, typed)
        self.search_line.setCursorPosition(0)

    def _show(self, index: int, typed: str) -> None:
        if index >= 0:
            self.setCurrentIndex(index)
            # An edited line keeps its text when the index does not change.
            self.setEditText(self.itemText(index))
        else:
            self.setEditText(typed)
