"""The list of each kind of record: its model, view, background reader and counts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject
from PySide6.QtWidgets import QStackedWidget, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import Store
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.browse.list_view import make_list_view
from viewer.ui.browse.match_delegate import MatchDelegate
from viewer.ui.browse.record_list_view import RecordListView
from viewer.ui.browse.record_table_model import RecordTableModel
from viewer.ui.window.empty_state import empty_text, plural
from viewer.ui.window.navigator import TITLES, Navigator

VIEW_NAMES = {
    RecordKind.PARTY: "participantsView",
    RecordKind.EVENT: "eventsView",
    RecordKind.PERSON: "peopleView",
    RecordKind.SOURCE: "sourcesView",
    RecordKind.ACCORD: "accordsView",
}


class RecordLists(QObject):
    """Participants, events, people, sources and accords, one list each in a stack.

    Each list reads its rows through its own model; a new filter or sort of a
    long list is read off the GUI thread. The lists know how many records each
    kind has in all and how many the search matched, and say so: in the count
    line and in an empty list's reason. Which row the panes follow is the
    window's business, not theirs.
    """

    def __init__(self, store: Store, navigator: Navigator, window: QWidget) -> None:
        super().__init__(window)
        self._navigator = navigator
        self.models = {kind: RecordTableModel(store, kind) for kind in VIEW_NAMES}
        self.readers = [BackgroundReader(window) for _ in self.models]
        for model, reader in zip(self.models.values(), self.readers, strict=True):
            model.read_in_background(reader)
        self.views: dict[RecordKind, RecordListView] = {}
        self.stack = QStackedWidget(window)
        for kind, name in VIEW_NAMES.items():
            view = make_list_view(self.models[kind], name, f"{TITLES[kind]} list", window)
            view.setItemDelegate(MatchDelegate(view))
            self.stack.addWidget(view)
            self.views[kind] = view
        self.stack.setObjectName("lists")
        self._totals: dict[RecordKind, int] = {}  # each list's records, all of them
        self.hits: dict[RecordKind, int] | None = None  # each kind's matches of the search

    def highlight_matches(self, highlight: Callable[[MatchDelegate], None]) -> None:
        """Hand each list's painter to ``highlight`` (the search marks its words)."""
        for view in self.views.values():
            delegate = view.itemDelegate()
            if isinstance(delegate, MatchDelegate):
                highlight(delegate)

    def show(self, kind: RecordKind, query: str, *, now: bool) -> None:
        """Show ``kind``'s list filtered by ``query``: read at once when
        ``now`` (the caller looks for a row next), else off the GUI thread."""
        self.stack.setCurrentWidget(self.views[kind])
        if now:
            self.models[kind].set_filter(query)
        else:
            self.models[kind].request_filter(query)

    def row_to_follow(self, kind: RecordKind) -> QModelIndex | None:
        """The row to choose in ``kind``'s list read afresh: the record kept
        from before if it is still listed, else the first; None when empty."""
        model = self.models[kind]
        if model.rowCount() == 0:
            return None
        # Found where the rows were read (off the GUI thread for a new filter).
        row = model.kept_row()
        return model.index(row if row is not None else 0, 0)

    def choose(self, kind: RecordKind, index: QModelIndex) -> None:
        """Make ``index`` the current, selected row of ``kind``'s list."""
        view = self.views[kind]
        view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.scrollTo(index)

    def empty_text(self, kind: RecordKind, query: str) -> str:
        return empty_text(kind, query, self.hits)

    def count(self, store: Store) -> None:
        """Count each kind's records (when the data changes, not each time a
        list is filtered) and show the counts in the navigator."""
        self._totals = {kind: store.count(kind) for kind in VIEW_NAMES}
        for kind, total in self._totals.items():
            self._navigator.set_count(kind, total)

    def count_text(self) -> str:
        """The count line: the matches in all lists, or the current list's rows."""
        if self._navigator.showing_results():
            found = sum(self.hits.values()) if self.hits else 0
            noun = "result" if found == 1 else "results"
            return f"{found:,} {noun} in all lists" if self.hits else ""
        kind = self._navigator.current_kind()
        shown, total = self.models[kind].total(), self._totals.get(kind, 0)
        return f"Showing {shown:,} of {total:,} {plural(kind, total)}"

    def reload(self) -> None:
        for model in self.models.values():
            model.reload()

    def set_store(self, store: Store) -> None:
        for model in self.models.values():
            model.set_store(store)

    def finish(self, timeout_ms: int) -> bool:
        """Wait for every list's read in the background; whether all ended."""
        return all(reader.finish(timeout_ms) for reader in self.readers)

    def stop(self) -> None:
        for reader in self.readers:
            reader.stop()
