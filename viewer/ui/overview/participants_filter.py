"""The participants table as shown: filtered by the search field, sorted by meaning."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from viewer.domain.query import folded
from viewer.ui.overview.participants_model import (
    PARTICIPANT,
    SORT_ROLE,
    STATUS,
    ParticipantsModel,
)

Index = QModelIndex | QPersistentModelIndex


class ParticipantsFilter(QSortFilterProxyModel):
    """Keeps the rows whose participant name or status holds every word of
    the filter, in any case and with or without accents ("turkiye" finds
    "Türkiye", "expected" finds "Expected to join (expected)"); sorts each
    column by the model's :data:`SORT_ROLE` keys, so dates sort as dates and
    statuses in the order steps happen.

    The rows are filtered again when the day changes: a status filter follows
    the day.
    """

    def __init__(self, model: ParticipantsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, text: str) -> None:
        """Show only the rows matching every word of ``text`` (empty: every row)."""
        words = tuple(folded(text).split())
        if words == self._words:
            return
        self._words = words
        self.invalidateRowsFilter()

    def filter_words(self) -> tuple[str, ...]:
        return self._words

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        name = model.index(source_row, PARTICIPANT, source_parent).data()
        status = model.index(source_row, STATUS, source_parent).data()
        haystack = folded(f"{name or ''}\n{status or ''}")
        return all(word in haystack for word in self._words)

    def lessThan(self, source_left: Index, source_right: Index) -> bool:
        left, right = source_left.data(SORT_ROLE), source_right.data(SORT_ROLE)
        if left is None or right is None:
            return right is not None
        return bool(left < right)
