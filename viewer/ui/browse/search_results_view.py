"""Search everything: the hits of every kind, grouped, each with where it matched."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.display_text import bounded, one_line
from viewer.domain.enums import RecordKind
from viewer.domain.query import MATCH_END, MATCH_START
from viewer.ui.browse.facets_panel import FacetsPanel, leaf_items
from viewer.ui.browse.match_delegate import MatchDelegate
from viewer.ui.browse.search_reader import SearchResults
from viewer.ui.widgets.plain_text import plain_tooltip

KIND_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_TITLES = {
    RecordKind.PARTY: "Participants",
    RecordKind.EVENT: "Events",
    RecordKind.PERSON: "People",
    RecordKind.SOURCE: "Sources",
    RecordKind.STATUS_ACTION: "Status actions",
    RecordKind.ACCORD: "Accords",
}
EMPTY = "Type in the search field to search every kind of record."
_NO_MARKS = str.maketrans("", "", MATCH_START + MATCH_END)


class SearchResultsView(QWidget):
    """The results of the search field's query across all kinds, best first
    within each kind, with the facets beside them.

    Signals:
        recordChosen(str, str): Enter or a double click on a hit (kind value, key).
        recordPreviewed(str, str): a hit became the current one (kind value, key).
        previewCleared(str): no hit is current; carries why ("Nothing matches…").
        filterChosen(str): a facet was chosen (a filter to add to the query).
    """

    recordChosen = Signal(str, str)
    recordPreviewed = Signal(str, str)
    previewCleared = Signal(str)
    filterChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResultsView")
        self.summary = QLabel(EMPTY, self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.hits = QTreeWidget(self)
        self.hits.setObjectName("searchHits")
        self.hits.setAccessibleName("Search results")
        self.hits.setHeaderLabels(["Record", "Where it matched"])
        self.hits.setUniformRowHeights(True)
        self.hits.header().setStretchLastSection(True)
        self.hits.setColumnWidth(0, 220)
        self.delegate = MatchDelegate(self.hits)
        self.hits.setItemDelegate(self.delegate)
        self.facets = FacetsPanel(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.hits)
        splitter.addWidget(self.facets)
        splitter.setSizes([560, 160])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.hits)
        self.hits.itemActivated.connect(self._activated)
        self.hits.currentItemChanged.connect(lambda item, _previous: self._previewed(item))
        self.facets.filterChosen.connect(self.filterChosen.emit)

    def show_empty(self) -> None:
        """No search: nothing listed, and a word on how to start one."""
        self.hits.clear()
        self.facets.clear()
        self.delegate.set_terms(())
        self.summary.setText(EMPTY)

    def show_results(self, results: SearchResults) -> None:
        self.hits.clear()
        self.delegate.set_terms(results.query.words)
        total = sum(results.counts.values())
        if results.query.empty:
            self.summary.setText(EMPTY)
        elif total == 0:
            self.summary.setText("Nothing matches this search.")
        else:
            self.summary.setText(f"{total} records match. Enter opens the selected one.")
        for kind, title in GROUP_TITLES.items():
            hits = [hit for hit in results.hits if hit.kind is kind]
            number = results.counts.get(kind, 0)
            if not hits:
                continue
            shown = f", the best {len(hits)} shown" if number > len(hits) else ""
            group = QTreeWidgetItem(self.hits, [f"{title} ({number}{shown})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for hit in hits:
                # One line a hit (↵ for a line break), cut when long.
                snippet = one_line(hit.snippet.translate(_NO_MARKS))
                item = QTreeWidgetItem(group, [one_line(hit.label), snippet])
                item.setToolTip(1, plain_tooltip(snippet))
                item.setToolTip(0, plain_tooltip(bounded(hit.label, 1_000, 20)))
                item.setData(0, KIND_ROLE, hit.kind.value)
                item.setData(0, KEY_ROLE, hit.key)
        self.hits.expandAll()
        self.facets.show_facets(results.facets)
        first = self._first_hit()
        if first is not None:
            self.hits.setCurrentItem(first)
        else:
            self.previewCleared.emit(self.summary.text())

    def shown_keys(self) -> list[tuple[RecordKind, str]]:
        return [
            (RecordKind(item.data(0, KIND_ROLE)), str(item.data(0, KEY_ROLE)))
            for item in leaf_items(self.hits)
        ]

    def preview_current(self) -> None:
        """Say again which hit is current (the results were just shown):
        :attr:`recordPreviewed`, or :attr:`previewCleared` when there is none."""
        item = self.hits.currentItem()
        if item is not None and isinstance(item.data(0, KIND_ROLE), str):
            self._previewed(item)
        else:
            self.previewCleared.emit(self.summary.text())

    def _first_hit(self) -> QTreeWidgetItem | None:
        return next(leaf_items(self.hits), None)

    def _previewed(self, item: QTreeWidgetItem | None) -> None:
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if item is not None and isinstance(kind, str):
            self.recordPreviewed.emit(kind, str(item.data(0, KEY_ROLE)))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind = item.data(0, KIND_ROLE)
        if isinstance(kind, str):
            self.recordChosen.emit(kind, str(item.data(0, KEY_ROLE)))
