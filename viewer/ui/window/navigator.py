"""The window's left column: the record lists with their counts, every kind's
search results, and the saved searches."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from viewer.domain.enums import RecordKind
from viewer.ui.widgets.plain_text import plain_tooltip

TITLES = {
    RecordKind.PARTY: "Participants",
    RecordKind.EVENT: "Events",
    RecordKind.PERSON: "People",
    RecordKind.SOURCE: "Sources",
    RecordKind.ACCORD: "Accords",
}
ALL_RESULTS = "All results"
OVERVIEW = "Overview"
EVIDENCE = "Evidence"
# "overview:", "kind:party", "results:", "evidence:" or "saved:<name>"
ROLE = Qt.ItemDataRole.UserRole
QUERY_ROLE = Qt.ItemDataRole.UserRole + 1


class Navigator(QListWidget):
    """Chooses what the window shows: the accord's overview, a list, all
    results, or a saved search.

    While a search is active each list shows how many of its records match.

    Signals:
        overviewChosen(): "Overview" (the first entry) was picked.
        overviewLeft(): something else was picked after the overview; said
            before that choice's own signal.
        kindChosen(str): a list was picked; carries the record kind's value.
        resultsChosen(): "All results" was picked.
        evidenceChosen(): "Evidence" was picked.
        savedSearchChosen(str, str): a saved search was picked (name, query).
    """

    overviewChosen = Signal()
    overviewLeft = Signal()
    kindChosen = Signal(str)
    resultsChosen = Signal()
    evidenceChosen = Signal()
    savedSearchChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName("Record lists and searches")
        overview = self._add(OVERVIEW, "overview:")
        overview.setToolTip("The accord at a glance: who took part on any date (Ctrl+0)")
        overview.setData(Qt.ItemDataRole.AccessibleTextRole, "Overview of the accord")
        for kind, title in TITLES.items():
            self._add(title, f"kind:{kind.value}")
        self._add(ALL_RESULTS, "results:")
        evidence = self._add(EVIDENCE, "evidence:")
        evidence.setToolTip("The evidence that needs attention, with counts (Ctrl+9)")
        evidence.setData(Qt.ItemDataRole.AccessibleTextRole, "Evidence that needs attention")
        self._heading = QListWidgetItem("Saved searches")
        self._heading.setFlags(Qt.ItemFlag.NoItemFlags)
        font = self._heading.font()
        font.setBold(True)
        self._heading.setFont(font)
        self._heading.setHidden(True)
        self.addItem(self._heading)
        self._totals: dict[RecordKind, int] = {}
        self._hits: dict[RecordKind, int] | None = None
        self._last_kind = RecordKind.PARTY
        self.setCurrentItem(self._item(f"kind:{RecordKind.PARTY.value}"))
        self._connect_signals()

    def _add(self, title: str, value: str) -> QListWidgetItem:
        item = QListWidgetItem(title)
        item.setData(ROLE, value)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.addItem(item)
        return item

    def _connect_signals(self) -> None:
        self.currentItemChanged.connect(self._chosen)

    def current_kind(self) -> RecordKind:
        """The list shown, or the last list shown before results or a saved search."""
        item = self.currentItem()
        value = str(item.data(ROLE)) if item else ""
        if value.startswith("kind:"):
            self._last_kind = RecordKind(value.removeprefix("kind:"))
        return self._last_kind

    def showing_results(self) -> bool:
        """Whether something else than a list is shown (results, a saved search, the overview)."""
        item = self.currentItem()
        return item is not None and not str(item.data(ROLE)).startswith("kind:")

    def showing_overview(self) -> bool:
        item = self.currentItem()
        return item is not None and str(item.data(ROLE)) == "overview:"

    def show_overview(self) -> None:
        self.setCurrentItem(self._item("overview:"))

    def showing_evidence(self) -> bool:
        item = self.currentItem()
        return item is not None and str(item.data(ROLE)) == "evidence:"

    def show_evidence(self) -> None:
        self.setCurrentItem(self._item("evidence:"))

    def set_kind(self, kind: RecordKind) -> None:
        self.setCurrentItem(self._item(f"kind:{kind.value}"))

    def show_results(self) -> None:
        self.setCurrentItem(self._item("results:"))

    def set_count(self, kind: RecordKind, count: int) -> None:
        self._totals[kind] = count
        self._label(kind)

    def set_hits(self, hits: dict[RecordKind, int] | None) -> None:
        """Each list's number of matches while a search is active (None: no search)."""
        self._hits = hits
        for kind in TITLES:
            self._label(kind)
        total = sum(hits.get(kind, 0) for kind in RecordKind) if hits else None
        results = self._item("results:")
        results.setText(ALL_RESULTS if total is None else f"{ALL_RESULTS} ({total})")

    def set_saved_searches(self, searches: list[tuple[str, str]]) -> None:
        current = self.currentItem()
        kept = str(current.data(ROLE)) if current else ""
        self.blockSignals(True)
        try:
            for row in reversed(range(self.count())):
                item = self.item(row)
                if item is not None and str(item.data(ROLE)).startswith("saved:"):
                    self.takeItem(row)
            for name, query in searches:
                item = self._add(name, f"saved:{name}")
                item.setData(QUERY_ROLE, query)
                item.setToolTip(plain_tooltip(f"Saved search: {query}"))
            self._heading.setHidden(not searches)
            again = self._find(kept)
            if kept.startswith("saved:") and again is not None:
                self.setCurrentItem(again)
        finally:
            self.blockSignals(False)

    def show_saved_search(self, name: str) -> bool:
        """Choose the saved search called ``name`` (False if there is none)."""
        item = self._find(f"saved:{name}")
        if item is not None:
            self.setCurrentItem(item)
        return item is not None

    def saved_searches(self) -> list[str]:
        return [
            str(item.data(ROLE)).removeprefix("saved:")
            for row in range(self.count())
            if (item := self.item(row)) is not None and str(item.data(ROLE)).startswith("saved:")
        ]

    def current_saved_search(self) -> str | None:
        item = self.currentItem()
        value = str(item.data(ROLE)) if item else ""
        return value.removeprefix("saved:") if value.startswith("saved:") else None

    def _label(self, kind: RecordKind) -> None:
        item = self._item(f"kind:{kind.value}")
        total = self._totals.get(kind, 0)
        if self._hits is None:
            item.setText(f"{TITLES[kind]} ({total})")
            spoken = f"{TITLES[kind]}, {total} records"
        else:
            hits = self._hits.get(kind, 0)
            item.setText(f"{TITLES[kind]} ({hits} of {total})")
            spoken = f"{TITLES[kind]}, {hits} of {total} records match"
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    def _item(self, value: str) -> QListWidgetItem:
        found = self._find(value)
        if found is None:
            raise KeyError(value)
        return found

    def _find(self, value: str) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item is not None and item.data(ROLE) == value:
                return item
        return None

    def _chosen(self, item: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        value = str(item.data(ROLE)) if item else ""
        if previous is not None and previous.data(ROLE) == "overview:" and value != "overview:":
            self.overviewLeft.emit()
        if value == "overview:":
            self.overviewChosen.emit()
        elif value.startswith("kind:"):
            self.current_kind()  # remembered as the last list
            self.kindChosen.emit(value.removeprefix("kind:"))
        elif value == "results:":
            self.resultsChosen.emit()
        elif value == "evidence:":
            self.evidenceChosen.emit()
        elif value.startswith("saved:") and item is not None:
            self.savedSearchChosen.emit(value.removeprefix("saved:"), str(item.data(QUERY_ROLE)))
