"""The records of one evidence topic, a page at a time."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from viewer.domain.display_text import one_line
from viewer.domain.evidence import EvidencePage, EvidenceRow
from viewer.ui.widgets.plain_text import plain_tooltip

HEADERS = ("Record", "Kind", "What needs attention")
# How much of a label or note a cell shows (its tooltip has more).
CELL_SHOWN = 200
_Index = QModelIndex | QPersistentModelIndex


class EvidenceRowsModel(QAbstractTableModel):
    """The rows of one topic read so far; scrolling near the end asks for the
    next page (``canFetchMore``/``fetchMore``), which whoever reads the store
    hands back through :meth:`add_page`.

    Signals:
        moreWanted(object): the view wants the page after this position
            (a ``tuple[int, int]``, as the store's pages give it).
    """

    moreWanted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []
        self._after: tuple[int, int] | None = None
        self._asked = False

    # -- filling -----------------------------------------------------------------

    def reset(self, page: EvidencePage | None) -> None:
        """Show ``page`` as the first page (None: no topic, no rows)."""
        self.beginResetModel()
        self._rows = list(page.rows) if page is not None else []
        self._after = page.after if page is not None else None
        self._asked = False
        self.endResetModel()

    def add_page(self, page: EvidencePage) -> None:
        """Add the page asked for by ``moreWanted``."""
        self._asked = False
        self._after = page.after
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def row_at(self, row: int) -> EvidenceRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def has_more(self) -> bool:
        return self._after is not None

    # -- the model ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        cells = (row.label, row.kind.label, row.note)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return one_line(cells[index.column()], CELL_SHOWN)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{row.label}\n{row.kind.label}\n\n{row.note}".rstrip())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._after is not None and not self._asked

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._asked = True
            self.moreWanted.emit(self._after)
