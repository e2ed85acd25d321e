"""A list of records, read from the store a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from viewer.domain.enums import RecordKind
from viewer.domain.views import ListRow
from viewer.store.api import PAGE_SIZE, ListQuery, Store, count_rows, fetch_rows, headers, row_index
from viewer.ui.widgets.plain_text import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole


class RecordTableModel(QAbstractTableModel):
    """The rows of one record kind, filtered and sorted by the database.

    Only the rows scrolled to are held, as plain :class:`ListRow` values:
    the first page on a reset, then one more page each time the view asks
    (``canFetchMore``/``fetchMore``).

    Signals:
        reloaded(int): the rows were read afresh; carries the number matching
            the filter.
    """

    reloaded = Signal(int)

    def __init__(self, store: Store, kind: RecordKind, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self._store = store
        self._page_size = page_size
        self._query = ListQuery(kind)
        self._headers = headers(kind)
        self._rows: list[ListRow] = []
        self._total = 0
        self._fetching = False
        self.reload()

    @property
    def kind(self) -> RecordKind:
        return self._query.kind

    @property
    def filter_text(self) -> str:
        return self._query.text

    def total(self) -> int:
        """How many records match the filter, loaded or not."""
        return self._total

    # -- Qt's model interface ----------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and row.cells[index.column()]:
            return plain_tooltip(row.cells[index.column()])
        if role == KEY_ROLE:
            return row.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex) -> None:
        self._fetch(self._page_size, parent)

    def _fetch(self, count: int, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        # Views may ask again while rows are being inserted; one read at a time.
        if self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        try:
            page = fetch_rows(self._store, self._query, len(self._rows), count)
            if not page:
                self._total = len(self._rows)  # the table shrank under us; stop asking
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) != (self._query.sort_column, self._query.descending):
            self._set_query(ListQuery(self.kind, self._query.text, column, descending=descending))

    # -- the window's interface ---------------------------------------------------

    def set_filter(self, text: str) -> None:
        if text != self._query.text:
            self._set_query(
                ListQuery(self.kind, text, self._query.sort_column, self._query.descending)
            )

    def reload(self) -> None:
        """Read the rows afresh: the first page, and how many match in all."""
        self.beginResetModel()
        self._total = count_rows(self._store, self._query)
        self._rows = fetch_rows(self._store, self._query, 0, self._page_size)
        self.endResetModel()
        self.reloaded.emit(self._total)

    def key_at(self, row: int) -> str | None:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        """The row showing ``key``, reading pages up to it; None if the filter hides it."""
        for row, listed in enumerate(self._rows):
            if listed.key == key:
                return row
        position = row_index(self._store, self._query, key)
        if position is None:
            return None
        if position >= len(self._rows):
            # One read up to the end of the row's page, not a page at a time.
            wanted = (position // self._page_size + 1) * self._page_size
            self._fetch(wanted - len(self._rows))
        return position if position < len(self._rows) else None

    def _set_query(self, query: ListQuery) -> None:
        self._query = query
        self.reload()
