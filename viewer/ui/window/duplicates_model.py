"""The pairs of likely duplicates, as the Find Duplicates list shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from viewer.domain.display_text import one_line
from viewer.domain.field_labels import record_noun
from viewer.store.api import DuplicateCandidate, DuplicateGroup

# The most pairs listed: a database full of duplicates (a file imported
# twice) shows the first ones, and says how many more there are; merging
# them and searching again brings the next.
MOST_PAIRS = 5_000
# The longest a record's name runs in a cell.
CELL_TEXT = 120

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two records of one group, side by side: ``first`` is the group's most
    cited (the one kept unless the user chooses otherwise)."""

    reason: str
    first: DuplicateCandidate
    second: DuplicateCandidate

    @property
    def noun(self) -> str:
        return record_noun(self.first.kind)


def pairs_of(groups: Sequence[DuplicateGroup]) -> list[DuplicatePair]:
    """Each group as pairs: its first record beside each of the others."""
    return [
        DuplicatePair(group.reason, group.records[0], other)
        for group in groups
        for other in group.records[1:]
    ]


class DuplicatesModel(QAbstractTableModel):
    """Pairs of likely duplicates: kind, why, and the two records' names
    (each with its citations counted). Holds plain records only, at most
    :data:`MOST_PAIRS` of them."""

    HEADERS = ("Kind", "Why", "First", "Second")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pairs: list[DuplicatePair] = []
        self._found = 0

    # -- what the dialog asks -------------------------------------------------------

    def set_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        """Show these groups' pairs (the first :data:`MOST_PAIRS` of them)."""
        pairs = pairs_of(groups)
        self.beginResetModel()
        self._pairs = pairs[:MOST_PAIRS]
        self._found = len(pairs)
        self.endResetModel()

    def clear(self) -> None:
        self.set_groups(())

    def pair(self, row: int) -> DuplicatePair | None:
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def total(self) -> int:
        """Every pair found, listed or not."""
        return self._found

    # -- the model ------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.pair(index.row()) if index.isValid() else None
        if pair is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return pair.noun.capitalize()
        if column == 1:
            return pair.reason
        if column in (2, 3):
            record = pair.first if column == 2 else pair.second
            if role == Qt.ItemDataRole.ToolTipRole:
                return record.label
            return _cell(record)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _cell(record: DuplicateCandidate) -> str:
    cited = f"{record.citations} citation{'' if record.citations == 1 else 's'}"
    return f"{one_line(record.label, CELL_TEXT)} ({cited})"
