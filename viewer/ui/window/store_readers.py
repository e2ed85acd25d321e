"""Every part of the window that reads the store: stopped together, handed
another store together, read afresh together."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from viewer.store.api import Store
from viewer.ui.browse.detail_reader import DetailReader
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.window.back_forward import BackForward
from viewer.ui.window.change_watcher import ChangeWatcher
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.evidence_controller import EvidenceController
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.navigator import Navigator
from viewer.ui.window.overview_controller import OverviewController
from viewer.ui.window.record_lists import RecordLists
from viewer.ui.window.record_panes import RecordPanes
from viewer.ui.window.record_selection import RecordSelection
from viewer.ui.window.report_actions import ReportActions
from viewer.ui.window.search_controller import SearchController
from viewer.ui.window.window_accord import WindowAccord


class ReadingWindow(Protocol):
    """The parts of the window that read the store, or keep what was read."""

    editor: RecordEditor
    watcher: ChangeWatcher
    detail_reader: DetailReader
    navigator: Navigator
    lists: RecordLists
    panes: RecordPanes
    search: SearchController
    overview: OverviewController
    evidence: EvidenceController
    report: ReportActions
    accord: WindowAccord
    back_forward: BackForward
    edit_actions: EditActions
    selection: RecordSelection


class StoreReaders:
    """Stops every read of the window's store (:meth:`stop`), hands them all
    another store (:meth:`set_store`) and reads everything afresh, keeping
    the selected record (:meth:`refresh`).

    Plain Python: it reaches the window's parts when asked, so that it can be
    made before all of them are.
    """

    def __init__(self, window: ReadingWindow, refresh_counts: Callable[[], None]) -> None:
        self._window = window
        self._refresh_counts = refresh_counts

    def stop(self) -> None:
        """Stop every read of the store: the readers and the watch for changes."""
        window = self._window
        window.watcher.stop()
        window.detail_reader.stop()
        window.search.stop()
        window.overview.stop()
        window.evidence.stop()
        window.report.stop()
        window.lists.stop()

    def set_store(self, store: Store) -> None:
        """Let go of everything read from the store left (reads under way must
        be stopped first): the lists, the search and its saved searches, the
        undo steps and Back/Forward; each part reads ``store`` from now on."""
        window = self._window
        selection = window.selection
        window.back_forward.reset()
        window.panes.shown = None
        window.lists.hits = None
        window.editor.set_store(store)
        window.detail_reader.set_store(store)
        selection.selecting = True  # the lists read afresh show no row of their own yet
        try:
            window.lists.set_store(store)
            window.search.set_store(store)
        finally:
            selection.selecting = False
        window.watcher.set_store(store)
        # Before the accord is chosen again: its change reloads the overview,
        # which must then read the new database, not the one being let go.
        window.overview.set_store(store)
        window.evidence.set_store(store)
        selection.selecting = True
        try:
            window.accord.set_store(store)
        finally:
            selection.selecting = False

    def refresh(self, place: Location | None) -> None:
        """Read everything afresh, keeping (or moving to) the record at ``place``."""
        window = self._window
        selection = window.selection
        selection.refreshing = True  # the record is chosen below, once, not per list
        try:
            # An accord added, renamed or deleted: the choice and its list follow.
            window.accord.refresh()
            window.lists.reload()
        finally:
            selection.refreshing = False
        self._refresh_counts()
        window.search.refresh()
        window.overview.reload()
        window.evidence.reload()
        shown = window.panes.shown
        in_place = window.overview.is_shown() or window.evidence.is_shown()
        if in_place or (window.navigator.showing_results() and shown is not None):
            # All results (or the overview, the evidence) stay shown, read again, and so
            # does the record in the panes.
            if shown is not None:
                window.panes.show(shown)
            return
        if (
            place is not None
            and place.kind in window.lists.models
            and selection.select_record(place.kind, place.key, clear_search=False)
        ):
            return
        # Gone, or hidden by the search now (the user's search is theirs to
        # clear): the panes follow the list.
        selection.follow_list(window.navigator.current_kind())
        window.edit_actions.update()

    def finish(self, timeout_ms: int) -> bool:
        """Wait for every read in the background and show its result now."""
        window = self._window
        done = window.lists.finish(timeout_ms) and window.search.reader.finish(timeout_ms)
        done = window.evidence.finish(timeout_ms) and done
        return (
            window.detail_reader.finish(timeout_ms) and window.overview.finish(timeout_ms) and done
        )
