"""How a search's hits divide, by kind, status, certainty and year."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import Facets
from viewer.ui.widgets.plain_text import plain_tooltip

FILTER_ROLE = Qt.ItemDataRole.UserRole
KIND_FILTERS = {
    RecordKind.PARTY: "participant",
    RecordKind.EVENT: "event",
    RecordKind.PERSON: "person",
    RecordKind.SOURCE: "source",
    RecordKind.STATUS_ACTION: "status",
    RecordKind.ACCORD: "accord",
}


class FacetsPanel(QTreeWidget):
    """The counts beside the results; activating one (Enter, a click) adds
    it to the query as a filter, and the counts follow the new query.

    Signals:
        filterChosen(str): a filter to add, such as ``status:withdrawn``.
    """

    filterChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facetsPanel")
        self.setAccessibleName("Narrow the search")
        self.setHeaderLabels(["Narrow by"])
        self.setRootIsDecorated(False)
        self.setColumnCount(1)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_facets(self, facets: Facets) -> None:
        self.clear()
        self._section(
            "Kind",
            [
                (kind.label.capitalize(), f"kind:{KIND_FILTERS[kind]}", number)
                for kind, number in facets.kinds.items()
                if number
            ],
        )
        self._section(
            "Status",
            [
                (status.label.capitalize(), f"status:{status.value.replace('_', '-')}", number)
                for status, number in facets.statuses.items()
            ],
        )
        self._section(
            "Certainty",
            [
                (certainty.label.capitalize(), f"certainty:{certainty.value}", number)
                for certainty, number in facets.certainties.items()
            ],
        )
        self._section(
            "Year",
            [
                (str(year), f"year:{year}", number)
                for year, number in reversed(facets.years.items())
            ],
        )
        self.expandAll()

    def filters(self) -> list[str]:
        """Every filter the panel offers, top to bottom."""
        return [str(item.data(0, FILTER_ROLE)) for item in leaf_items(self)]

    def _section(self, title: str, entries: list[tuple[str, str, int]]) -> None:
        if not entries:
            return
        group = QTreeWidgetItem(self, [title])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for label, filter_text, number in entries:
            item = QTreeWidgetItem(group, [f"{label} ({number:,})"])
            item.setData(0, FILTER_ROLE, filter_text)
            item.setToolTip(0, plain_tooltip(f"Add {filter_text} to the search"))

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        filter_text = item.data(0, FILTER_ROLE)
        if isinstance(filter_text, str):
            self.filterChosen.emit(filter_text)


def leaf_items(tree: QTreeWidget) -> Iterator[QTreeWidgetItem]:
    """The items under each top-level group of ``tree``, top to bottom."""
    for section in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(section)
        for row in range(group.childCount() if group is not None else 0):
            child = group.child(row) if group is not None else None
            if child is not None:
                yield child
