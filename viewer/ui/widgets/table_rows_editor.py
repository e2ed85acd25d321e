"""The base of the dialogs' table editors (citations, roles): rows of cells."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QTableWidget, QWidget


def table_button(text: str, name: str, parent: QWidget) -> QPushButton:
    """A button under a table editor (Add, Remove...)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    button.setAutoDefault(False)  # Return in a cell must not press a button of the dialog
    return button


# Clicking into, or tabbing to, a combo in a cell makes its row the current one.
_SELECTING_EVENTS = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress)


class TableRowsEditor(QWidget):
    """A table of rows the user adds, edits and removes.

    Subclasses make ``self._table`` (its last column stretching) and
    implement ``_name_rows`` (accessible names per row) and
    ``_update_state`` (buttons and labels that depend on the rows); they
    load data inside ``with self._loading():`` so that loading is not
    reported as an edit, and install this object as the event filter of
    the widgets they put in cells.

    Signals:
        changed(): the user edited the rows (not emitted while loading).
    """

    changed = Signal()
    _table: QTableWidget
    # The width the last column, which stretches, needs at least.
    LAST_COLUMN_WIDTH = 100

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        # As big as the form lets it be: more room shows more of each cell, and more rows.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    @contextmanager
    def _loading(self) -> Iterator[None]:
        self._filling = True
        try:
            yield
        finally:
            self._filling = False

    def sizeHint(self) -> QSize:
        # Wide enough for every column at its set width, with room for the
        # scroll bar rows bring: the form opens showing them all side by side.
        hint = super().sizeHint()
        header = self._table.horizontalHeader()
        columns = sum(header.sectionSize(column) for column in range(header.count() - 1))
        columns += max(header.minimumSectionSize(), self.LAST_COLUMN_WIDTH)
        frame = 2 * self._table.frameWidth()
        rows = self._table.verticalHeader().sizeHint().width()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return QSize(max(hint.width(), columns + frame + rows + scroll_bar), hint.height())

    def _name_rows(self) -> None:
        raise NotImplementedError

    def _order_tab_stops(self) -> None:
        """Tab stops at the table once, then at each row's own widgets (a
        source, a role) top to bottom, then at the buttons under the table,
        and so leaves it; the arrow keys move between the cells. Called by
        subclasses whenever rows come or go: the widgets of rows added later
        would otherwise come last in the dialog, after its buttons."""
        self._table.setTabKeyNavigation(False)
        stops: list[QWidget] = [self._table]
        for row in range(self._table.rowCount()):
            for column in range(self._table.columnCount()):
                cell = self._table.cellWidget(row, column)
                if cell is not None:
                    stops.append(cell)
        stops += self.findChildren(QPushButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
        for first, second in pairwise(stops):
            QWidget.setTabOrder(first, second)

    def _update_state(self) -> None:
        raise NotImplementedError

    def _on_edited(self) -> None:
        if not self._filling:
            self.changed.emit()

    def _remove_current_row(self, focus_column: int) -> None:
        row = self._table.currentRow()
        if row < 0:
            return
        self._table.removeRow(row)
        self._name_rows()
        if self._table.rowCount():
            self._table.setCurrentCell(min(row, self._table.rowCount() - 1), focus_column)
        self._update_state()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _SELECTING_EVENTS and isinstance(watched, QWidget):
            for row in range(self._table.rowCount()):
                for column in range(self._table.columnCount()):
                    cell = self._table.cellWidget(row, column)
                    if cell is not None and (cell is watched or cell.isAncestorOf(watched)):
                        self._table.setCurrentCell(row, column)
        return super().eventFilter(watched, event)
