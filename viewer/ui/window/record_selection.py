"""Which record the window's lists and panes show, and how a list read afresh
chooses its row again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt

from viewer.domain.enums import RecordKind
from viewer.ui.widgets.search_field import SearchField
from viewer.ui.window.back_forward import BackForward
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.navigator import Navigator
from viewer.ui.window.record_lists import RecordLists
from viewer.ui.window.record_panes import RecordPanes
from viewer.ui.window.search_controller import SearchController


class RecordSelection:
    """The selected row drives both panes, and each row the user moves to is
    a step of Back/Forward; the panes never show a record the list does not.

    Three flags say why rows move, so that only the record asked for is shown
    and remembered: :attr:`selecting` (the window selects a record, passing
    through a list's own current row), :attr:`auto_selecting` (a row chosen
    for the user, not a step to go back to) and :attr:`refreshing` (every
    list read afresh at once: the record is chosen once, after).

    Plain Python: the window connects the lists' signals to it.
    """

    def __init__(
        self,
        navigator: Navigator,
        lists: RecordLists,
        panes: RecordPanes,
        search_field: SearchField,
        back_forward: BackForward,
        edit_actions: EditActions,
        update_count: Callable[[], None],
    ) -> None:
        self._navigator = navigator
        self._lists = lists
        self._panes = panes
        self._search_field = search_field
        self._back_forward = back_forward
        self._edit_actions = edit_actions
        self._update_count = update_count
        self.selecting = False
        self.auto_selecting = False
        self.refreshing = False
        # A record asked for while a search hid it, chosen when its list is
        # read again; and whether that was a step of Back/Forward already.
        self._asked: tuple[Location, bool] | None = None

    def connect_signals(self, search: SearchController) -> None:
        """Follow each list's current row and reading, and the search's matches."""
        for kind, view in self._lists.views.items():
            view.selectionModel().currentRowChanged.connect(
                lambda current, _previous, kind=kind: self.row_changed(kind, current)
            )
            self._lists.models[kind].reloaded.connect(
                lambda _total, kind=kind: self.list_reloaded(kind)
            )
        search.reader.found.connect(lambda results: self.search_found(results.counts))
        search.field.queryChanged.connect(
            lambda query: self.search_found(None) if query.empty else None
        )

    def show_kind(self, kind: RecordKind) -> None:
        if self._navigator.current_kind() is not kind or self._navigator.showing_results():
            self._navigator.set_kind(kind)
            return  # the navigator's signal brings us back here
        # The caller looks for a row next when selecting: read now.
        self._lists.show(kind, self._search_field.text(), now=self.selecting)
        self._update_count()
        if not self.selecting:
            self.follow_list(kind)

    def show_in_place(self, kind: RecordKind, key: str) -> None:
        """Show a record chosen in the overview in the panes, selected in its
        list too (if the list holds it), without leaving the overview."""
        models = self._lists.models
        row = models[kind].row_of(key) if kind in models else None
        if row is not None:  # the list's own move is one visit with the one below
            self._lists.choose(kind, models[kind].index(row, 0))
        self._panes.show(Location(kind, key))
        self._back_forward.visit(Location(kind, key))
        self.update_history()

    def show_list(self, kind: RecordKind) -> None:
        """Show ``kind``'s list with the keyboard focus in it (Ctrl+1…Ctrl+5)."""
        self.show_kind(kind)
        self._lists.views[kind].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def follow_list(self, kind: RecordKind) -> None:
        """Make the panes show the list's current record, or say why there is none.

        A list read afresh (a search typed, a list switched to) has lost its
        current row: the record shown before is chosen again if it is still
        listed, else the first row; an empty list empties the panes with the
        reason. The panes never show a record the list does not.
        """
        if kind is not self._navigator.current_kind() or self._navigator.showing_results():
            return
        view = self._lists.views[kind]
        view.set_empty_message(self.empty_text(kind))
        current = view.currentIndex()
        asked, self._asked = self._asked, None
        if current.isValid():
            self.row_changed(kind, current)
            return
        index = self._lists.row_to_follow(kind)
        if index is None:
            self.show_no_record(self.empty_text(kind))
            return
        model = self._lists.models[kind]
        chosen = Location(kind, model.key_at(index.row()) or "")
        if asked is not None and asked == (chosen, False):
            # The record the user asked for: their own step, as if it had been listed.
            self._lists.choose(kind, index)
            return
        # Chosen for the user, not by them: not a step of Back/Forward.
        self.auto_selecting = True
        try:
            self._lists.choose(kind, index)
        finally:
            self.auto_selecting = False

    def list_reloaded(self, kind: RecordKind) -> None:
        self._update_count()
        if not (self.selecting or self.refreshing):
            self.follow_list(kind)

    def search_found(self, hits: dict[RecordKind, int] | None) -> None:
        """Each kind's matches arrived (None: no search): the counts and an
        empty list's reason name them."""
        self._lists.hits = hits
        self._update_count()
        kind = self._navigator.current_kind()
        self._lists.views[kind].set_empty_message(self.empty_text(kind))
        if self._panes.shown is None and self._lists.models[kind].rowCount() == 0:
            self.follow_list(kind)

    def empty_text(self, kind: RecordKind) -> str:
        return self._lists.empty_text(kind, self._search_field.text())

    def select_record(self, kind: RecordKind, key: str, *, clear_search: bool = True) -> bool:
        """Show ``key`` selected in its list; clears a search that hides it
        (unless not ``clear_search``: then a hidden record is not selected)."""
        if kind not in self._lists.models:
            return False
        # Switching lists would show (and record in the history) the list's
        # current row on the way; only the record asked for should be.
        self.selecting = True
        try:
            self.show_kind(kind)
        finally:
            self.selecting = False
        model = self._lists.models[kind]
        row = model.row_of(key)
        if row is None and model.filter_text and clear_search:
            # The list is read afresh without the search, off the GUI thread:
            # the record is chosen when its rows arrive (where they are read,
            # its row is found), not looked for among the rows still filtered.
            model.keep(key)
            self._asked = (Location(kind, key), self._back_forward.walking())
            self._search_field.clear()
            self._search_field.settle()
            return True
        if row is None:
            return False
        view = self._lists.views[kind]
        index = model.index(row, 0)
        if view.currentIndex().row() == row:
            self.row_changed(kind, index)  # no change of row, so no signal
        self._lists.choose(kind, index)
        return True

    def row_changed(self, kind: RecordKind, current: QModelIndex) -> None:
        if kind is not self._navigator.current_kind():
            return
        model = self._lists.models[kind]
        key = model.key_at(current.row()) if current.isValid() else None
        model.keep(key)  # to be found again when the rows are read afresh
        problem = model.problem_at(current.row()) if current.isValid() else None
        if key:
            self._panes.show(Location(kind, key))
        elif problem:  # a row of a page that could not be read: say why in the panes
            self._panes.show_none(f"This part of the list cannot be read: {problem}")
        else:
            self._panes.clear()
        if key is not None and not self.auto_selecting:
            self._back_forward.visit(Location(kind, key))
        self.update_history()

    def preview_record(self, kind: RecordKind, key: str) -> None:
        """Show a record in the panes without moving any list (the current
        hit of all results)."""
        self._panes.show(Location(kind, key))

    def show_no_record(self, why: str) -> None:
        """Empty the panes, saying ``why`` (all results found nothing)."""
        self._panes.show_none(why)
        self._edit_actions.update()

    def update_history(self) -> None:
        """Back, Forward and the editing actions follow the record shown."""
        self._back_forward.update()
        self._edit_actions.update()
