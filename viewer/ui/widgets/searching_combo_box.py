"""An editable combo box whose typed text searches its items."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit, QWidget

# The items (shown text, data) to offer for a piece of typed text.
ItemSource = Callable[[str], Sequence[tuple[str, object]]]
# The widest a list of choices grows to show its longest entry whole, in pixels.
MAX_POPUP_WIDTH = 640
# The most entries measured for that: the first of a long list (countries) are enough.
_MEASURED_ROWS = 300


class SearchingComboBox(QComboBox):
    """An editable list whose typed text finds items by any part, in any case.

    Typed text is a search among the items, never a new item. The pickers of
    the edit forms (records, countries) and the combos in the citations and
    roles tables are all made from this one class, so they complete alike.

    Given an item source (:meth:`set_item_source`), the items are not a fixed
    list: each edit of the text, and each drop-down, asks the source for the
    few items that match, so a picker over a large table holds only those.

    Its lists (the drop-down and the completions) are as wide as their
    longest entry, up to :data:`MAX_POPUP_WIDTH`, even when the field is
    narrower, so that names are not cut.

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
        # Room for the placeholder too, so the hint is read whole.
        self.setMinimumContentsLength(max(minimum_length, len(placeholder)))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)
        self._item_source: ItemSource | None = None
        # The line edit emits textEdited before it asks the completer, so the
        # completer filters the items just fetched for the same text.
        self.search_line.textEdited.connect(self._on_text_edited)

    def set_item_source(self, source: ItemSource | None) -> None:
        """Fetch the items for the typed text from ``source`` as the user types."""
        self._item_source = source

    def replace_items(self, items: Sequence[tuple[str, object]]) -> None:
        """Offer ``items`` instead, keeping the typed text and the cursor where they are."""
        text, cursor = self.currentText(), self.search_line.cursorPosition()
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for shown, data in items:
                self.addItem(shown, data)
            # The text names an item: it stays chosen, as the list shows.
            self.setCurrentIndex(self.findText(text, Qt.MatchFlag.MatchFixedString))
            self.search_line.setText(text)
            self.search_line.setCursorPosition(cursor)
        finally:
            self.blockSignals(blocked)

    def showPopup(self) -> None:
        if self._item_source is not None:
            # A chosen item drops down the list from the start; typed text, its matches.
            index = self.currentIndex()
            chosen = index >= 0 and self.itemText(index) == self.currentText()
            self.replace_items(self._item_source("" if chosen else self.currentText()))
        fit_to_entries(self.view(), self.width())
        super().showPopup()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if watched is popup and popup is not None and event.type() == QEvent.Type.Show:
            fit_to_entries(popup, self.width())
        return super().eventFilter(watched, event)

    def _on_text_edited(self, text: str) -> None:
        if self._item_source is not None:
            self.replace_items(self._item_source(text))

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


def fit_to_entries(view: QAbstractItemView, least: int) -> None:
    """Make a list of choices at least as wide as its longest entry (bounded)."""
    model = view.model()
    metrics = view.fontMetrics()
    rows = min(model.rowCount(), _MEASURED_ROWS)
    widest = max(
        (metrics.horizontalAdvance(str(model.index(row, 0).data() or "")) for row in range(rows)),
        default=0,
    )
    # The entry's margins and the list's scroll bar.
    extra = 4 * metrics.averageCharWidth() + view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(max(least, min(widest + extra, MAX_POPUP_WIDTH)))
