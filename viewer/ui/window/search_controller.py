"""Searching in the window: the field, the lists' filter and highlights, all
results with their facets, the navigator's counts, and saved searches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from viewer.domain.enums import RecordKind
from viewer.domain.query import Query
from viewer.store.api import (
    InvalidRecord,
    Store,
    StoreError,
    delete_saved_search,
    save_search,
    saved_searches,
)
from viewer.ui.browse.match_delegate import MatchDelegate
from viewer.ui.browse.record_table_model import RecordTableModel
from viewer.ui.browse.search_reader import SearchReader, SearchResults
from viewer.ui.browse.search_results_view import SearchResultsView
from viewer.ui.widgets.search_field import SearchField
from viewer.ui.widgets.search_help_dialog import show_search_help
from viewer.ui.window.navigator import Navigator


class SearchHost(Protocol):
    """What the controller needs of the window."""

    models: dict[RecordKind, RecordTableModel]
    navigator: Navigator
    stack: QStackedWidget

    def open_record(self, kind: RecordKind, key: str) -> None: ...
    def preview_record(self, kind: RecordKind, key: str) -> None: ...
    def show_no_record(self, why: str) -> None: ...
    def current_kind(self) -> RecordKind: ...
    def show_kind(self, kind: RecordKind) -> None: ...


class SearchController(QObject):
    """Keeps everything that shows a search in step with the search field.

    The current list filters at once (one page, on the GUI thread); the
    results of every kind, their counts and facets are read by a
    :class:`SearchReader` off the GUI thread, and a reply for text the user
    has typed past is dropped.

    While the overview is shown the field filters its table instead
    (:meth:`divert`); the search typed before is set aside and comes back
    with :meth:`restore`.
    """

    def __init__(self, store: Store, host: SearchHost, window: QWidget) -> None:
        super().__init__(window)
        self._store = store
        self._host = host
        self._window = window
        self.field = SearchField(window)
        self.reader = SearchReader(store, self)
        self.results = SearchResultsView(window)
        host.stack.addWidget(self.results)
        self.delegates: list[MatchDelegate] = []
        self._diverted: Callable[[str], None] | None = None
        self._set_aside = ""  # the search, while the field filters something else
        self._diverted_text = ""  # the other filter, while the search is back
        self._placeholder = self.field.placeholderText()
        self._make_actions()
        self._connect_signals()
        self.reload_saved_searches()

    def _make_actions(self) -> None:
        window = self._window
        self.find_action = QAction("&Find", window)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.all_results_action = QAction("Search &Everything", window)
        self.all_results_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.save_action = QAction("&Save Search…", window)
        self.save_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.delete_action = QAction("&Delete Saved Search", window)
        self.help_action = QAction("Search &Language…", window)
        for action in (self.find_action, self.all_results_action, self.save_action):
            window.addAction(action)

    def add_menu(self, menu: QMenu) -> None:
        for action in (self.find_action, self.all_results_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.delete_action)
        menu.addSeparator()
        menu.addAction(self.help_action)
        self._update_actions()

    def _connect_signals(self) -> None:
        self.field.queryChanged.connect(self._query_changed)
        self.field.helpRequested.connect(lambda: show_search_help(self._window))
        self.field.resultsRequested.connect(self._go_to_results)
        self.reader.found.connect(self._show_results)
        self.reader.failed.connect(self._show_failure)
        self.results.recordChosen.connect(
            lambda kind, key: self._host.open_record(RecordKind(kind), key)
        )
        self.results.recordPreviewed.connect(self._preview)
        self.results.previewCleared.connect(self._clear_preview)
        self.results.filterChosen.connect(self.field.add_filter)
        self.find_action.triggered.connect(self.focus_field)
        self.all_results_action.triggered.connect(self.show_all_results)
        self.save_action.triggered.connect(lambda: self.save_current())
        self.delete_action.triggered.connect(self.delete_current)
        self.help_action.triggered.connect(lambda: show_search_help(self._window))
        navigator = self._host.navigator
        navigator.resultsChosen.connect(self._results_chosen)
        navigator.savedSearchChosen.connect(self._saved_chosen)
        navigator.currentItemChanged.connect(lambda *_: self._update_actions())

    def highlight(self, delegate: MatchDelegate) -> None:
        """Have ``delegate`` (a list's) show the matches of the current query."""
        self.delegates.append(delegate)
        delegate.set_terms(self.field.query().words)

    # -- reactions -------------------------------------------------------------------

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def show_all_results(self) -> None:
        self._host.navigator.show_results()
        self.focus_field()

    def show_query(self, kind: RecordKind | None, query: str) -> None:
        """Search for ``query`` and show its hits: in ``kind``'s list, or all results."""
        self.field.setText(query)
        self.field.settle()
        if kind is None:
            self._host.navigator.show_results()
        else:
            self._host.show_kind(kind)

    def apply_to(self, model: RecordTableModel) -> None:
        """Filter ``model`` by the query (in the background: the rows shown
        stay until the new ones are read)."""
        model.request_filter(self.field.text())

    def divert(self, to: Callable[[str], None], placeholder: str) -> None:
        """Send what is typed to ``to`` instead of searching, saying so in the
        empty field's ``placeholder``; the search is set aside meanwhile."""
        if self._diverted is None:
            self._set_aside = self.field.text()
        self._diverted = to
        self.reader.cancel()
        self._host.navigator.set_hits(None)
        self.field.setPlaceholderText(placeholder)
        self.field.setText(self._diverted_text)
        self.field.settle()

    def restore(self) -> None:
        """Search again with the field, from the search set aside by :meth:`divert`."""
        if self._diverted is None:
            return
        self._diverted_text = self.field.text()
        self._diverted = None
        self.field.setPlaceholderText(self._placeholder)
        self.field.setText(self._set_aside)
        self.field.settle()

    def is_diverted(self) -> bool:
        return self._diverted is not None

    def _query_changed(self, query: Query) -> None:
        if self._diverted is not None:
            self._diverted(self.field.text())
            self._update_actions()
            return
        for delegate in self.delegates:
            delegate.set_terms(query.words)
            view = delegate.parent()
            if isinstance(view, QAbstractItemView):
                view.viewport().update()  # repaint the highlights
        self.apply_to(self._host.models[self._host.current_kind()])
        if query.empty:
            self.reader.cancel()  # nothing to find; drop any reply still coming
            self.results.show_empty()
            self._host.navigator.set_hits(None)
        else:
            self.reader.request_query(query)
        self._update_actions()

    def _show_results(self, results: SearchResults) -> None:
        self.results.show_results(results)
        self._host.navigator.set_hits(None if results.query.empty else results.counts)

    def _preview(self, kind: str, key: str) -> None:
        # Results read while a list is shown must not take over its panes.
        if self._host.stack.currentWidget() is self.results:
            self._host.preview_record(RecordKind(kind), key)

    def _clear_preview(self, why: str) -> None:
        if self._host.stack.currentWidget() is self.results:
            self._host.show_no_record(why)

    def _show_failure(self, error: str) -> None:
        self.results.summary.setText(f"The search could not be run: {error}")

    def _go_to_results(self) -> None:
        """Move the focus from the field to what it found: the list shown, or all results."""
        shown = self._host.stack.currentWidget()
        if shown is not None:
            shown.setFocus(Qt.FocusReason.OtherFocusReason)

    def _results_chosen(self) -> None:
        self._host.stack.setCurrentWidget(self.results)
        self.results.preview_current()

    def _saved_chosen(self, _name: str, query: str) -> None:
        self.field.setText(query)
        self.field.settle()
        self._host.stack.setCurrentWidget(self.results)
        self.results.preview_current()

    # -- saved searches --------------------------------------------------------------

    def reload_saved_searches(self) -> None:
        try:
            found = saved_searches(self._store)
        except StoreError as error:
            QMessageBox.warning(self._window, "Saved searches", str(error))
            return
        self._host.navigator.set_saved_searches([(saved.name, saved.query) for saved in found])
        self._update_actions()

    def save_current(self, name: str | None = None) -> bool:
        query = self.field.text().strip()
        if not query:
            QMessageBox.information(
                self._window, "Save Search", "Type a search first; then save it under a name."
            )
            return False
        if name is None:
            name = self._ask_name(query)
            if name is None:
                return False
        try:
            saved = save_search(self._store, name, query)
        except (InvalidRecord, StoreError) as error:
            QMessageBox.warning(self._window, "Save Search", f"Not saved: {error}")
            return False
        self.reload_saved_searches()
        self._select_saved(saved.name)
        return True

    def _ask_name(self, query: str) -> str | None:
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Save Search")
        dialog.setLabelText(f"Save “{query}” as:")
        label = dialog.findChild(QLabel)
        if label is not None:
            label.setTextFormat(Qt.TextFormat.PlainText)  # a query, not markup
        dialog.setTextValue(query[:60])
        accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
        name = dialog.textValue()
        dialog.deleteLater()
        return name if accepted else None

    def delete_current(self) -> None:
        name = self._host.navigator.current_saved_search()
        if name is None:
            return
        delete_saved_search(self._store, name)
        self.reload_saved_searches()
        self._host.show_kind(self._host.current_kind())

    def _select_saved(self, name: str) -> None:
        self._host.navigator.show_saved_search(name)

    def _update_actions(self) -> None:
        self.save_action.setEnabled(bool(self.field.text().strip()) and not self.is_diverted())
        self.delete_action.setEnabled(self._host.navigator.current_saved_search() is not None)

    def refresh(self) -> None:
        """Run the query again (the data changed)."""
        query = self.field.query()
        if not query.empty and not self.is_diverted():
            self.reader.request_query(query)

    def stop(self) -> None:
        self.reader.stop()

    def set_store(self, store: Store) -> None:
        """Search another database (the window opened another file): the field
        starts empty, and the saved searches listed are that database's."""
        self.reader.set_store(store)
        self._store = store
        self._set_aside = self._diverted_text = ""
        self.field.clear()
        self.field.settle()  # the lists, results and counts forget the old search
        self.reload_saved_searches()
