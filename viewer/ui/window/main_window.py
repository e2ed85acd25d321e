"""The window a user lives in: lists, detail, citations, search and history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.evidence import EvidenceRow
from viewer.store.api import DatabaseFileError, Store
from viewer.store.api import Location as DatabaseLocation
from viewer.ui.browse.detail_reader import DetailReader
from viewer.ui.browse.link_opener import LinkOpener
from viewer.ui.edit.record_editor import RecordEditor, show_problem
from viewer.ui.widgets.window_text import title_part
from viewer.ui.window.back_forward import BackForward
from viewer.ui.window.change_watcher import ChangeWatcher
from viewer.ui.window.database_location import file_of, short_name, shown
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.evidence_controller import EvidenceController
from viewer.ui.window.file_safety import FileSafety
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.navigator import Navigator
from viewer.ui.window.overview_controller import OverviewController
from viewer.ui.window.pane_splitter import PaneSplitter
from viewer.ui.window.preferences import Preferences
from viewer.ui.window.record_lists import RecordLists
from viewer.ui.window.record_panes import RecordPanes
from viewer.ui.window.record_selection import RecordSelection
from viewer.ui.window.report_actions import ReportActions
from viewer.ui.window.search_controller import SearchController
from viewer.ui.window.status_feedback import StatusFeedback
from viewer.ui.window.status_labels import StatusLabels
from viewer.ui.window.store_readers import StoreReaders
from viewer.ui.window.window_accord import WindowAccord
from viewer.ui.window.window_commands import WindowCommands
from viewer.ui.window.window_layout import (
    restore_layout,
    save_layout,
    save_selection,
    saved_selection,
)


class MainWindow(QMainWindow):
    """Lists of participants, events, people, sources and accords beside the
    selected record's detail and the citations behind it; the participants'
    statuses are those of the accord chosen in the tool bar
    (:attr:`accord_choice`).

    The store is read one action at a time; the window keeps only plain rows
    and records. Selecting a row drives both panes (:attr:`selection`); links
    and the citations pane move the selection, and Back/Forward walk those
    moves. What reads the store is stopped, switched and read afresh together
    (:attr:`readers`).
    """

    def __init__(
        self,
        store: Store,
        location: DatabaseLocation,
        settings: QSettings,
        opener: LinkOpener,
        reader: DetailReader | None = None,
        system_author: str | None = None,
        *,
        damaged: bool = False,
    ) -> None:
        super().__init__()
        self._store = store
        self._settings = settings
        # Who changes are logged as when the preferences name no one.
        self._system_author = system_author or store.user
        self.notify: Callable[[str], None] = lambda text: show_problem(self, text)
        # The file's name only: Qt adds the app's display name ("… — Accords Viewer").
        self.setWindowTitle(title_part(short_name(location)))
        self.setWindowFilePath(str(file_of(location) or ""))
        self.editor = RecordEditor(store, self, settings)
        self.watcher = ChangeWatcher(store, self)
        # Reads the selected record's detail and history off the GUI thread.
        self.detail_reader = reader if reader is not None else DetailReader(store)
        self.detail_reader.setParent(self)
        self.readers = StoreReaders(self, self._refresh_counts)
        # The database shown: a file, or a server's (never with a password).
        self.location = location
        self._setup_widgets(location, opener)
        self.edit_actions = EditActions(self, self.editor, self)
        self._setup_actions()
        self.selection = RecordSelection(
            self.navigator,
            self.lists,
            self.panes,
            self.search_field,
            self.back_forward,
            self.edit_actions,
            self.status_labels.update_count,
        )
        self.selection.update_history()
        self._setup_accord()
        edits = self.edit_actions
        self.undo_action, self.redo_action, self.new_action = edits.undo, edits.redo, edits.new
        self.edit_action, self.delete_action = edits.edit, edits.delete
        self.new_status_action = edits.new_status
        self.feedback = StatusFeedback(self.statusBar(), self.editor.undo_stack, self)
        self._set_tab_order()
        self._connect_signals()
        self.safety.show_store(store, location, damaged=damaged)
        self._refresh_counts()
        self._restore_state()

    # -- building -----------------------------------------------------------------

    def _setup_widgets(self, location: DatabaseLocation, opener: LinkOpener) -> None:
        self.navigator = Navigator(self)
        self.lists = RecordLists(self._store, self.navigator, self)
        self.models, self.views = self.lists.models, self.lists.views
        self.list_readers, self.stack = self.lists.readers, self.lists.stack
        self.panes = RecordPanes(opener, self.detail_reader, self)
        self.detail_pane, self.citations_pane = self.panes.detail_pane, self.panes.citations_pane
        self.splitter = PaneSplitter(
            self.navigator, (self.stack, self.detail_pane, self.citations_pane), self
        )
        self.frames = self.splitter.frames
        self.setCentralWidget(self.splitter)

        self.search = SearchController(self._store, self, self)
        self.search_field = self.search.field
        self.search_field.setMaximumWidth(420)
        self.lists.highlight_matches(self.search.highlight)

        self.status_labels: StatusLabels = StatusLabels(self, self.statusBar(), location, self)
        self.path_label = self.status_labels.path_label
        self.count_label = self.status_labels.count_label
        self.overview = OverviewController(self._store, self, self._overview_accord, self)
        self.evidence = EvidenceController(self._store, self, self)
        self.resize(1400, 860)

    def _setup_actions(self) -> None:
        self.commands = WindowCommands(self, self, self._settings, self._system_author)
        commands = self.commands
        self.toolbar, self.action_icons = commands.toolbar, commands.icons
        self.back_forward: BackForward = commands.back_forward
        self.back_action, self.forward_action = self.back_forward.back, self.back_forward.forward
        self.find_action = self.search.find_action
        self.file = commands.file
        self.file_actions = self.file.actions
        self.safety: FileSafety = self.file.safety
        self.file_actions.importer.undo_stack = self.editor.undo_stack  # an import: one undo step
        self.write_lock, self.backups = self.file.lock, self.file.backups
        self.preferences, self.help = commands.preferences, commands.help
        self.view_actions = commands.view_actions
        self.view_actions.add_choice(self.evidence.action)
        # Copy Bibliography works on the shown record wherever the focus is;
        # Edit Citation on the citation selected in the citations pane (F2 there).
        for pane_action in (
            self.citations_pane.edit_citation_action,
            self.citations_pane.bibliography_action,
        ):
            commands.edit_menu.insertAction(self.preferences.action, pane_action)
        commands.edit_menu.insertSeparator(self.preferences.action)
        self.report = ReportActions(self, self, self.file_actions.tell)
        self.report.place(commands.file_menu, self.file_actions.export_action)
        self.preferences.preferencesChanged.connect(self._apply_preferences)
        self.detail_pane.timeline.set_as_of(self.preferences.current().default_as_of())
        self.citations_pane.set_citation_style(self.preferences.current().citation_style)

    def _setup_accord(self) -> None:
        """The accord whose statuses the window shows: chosen in the tool bar
        (and View ▸ Choose Accord…), followed by the participants list and
        the detail pane."""
        self.accord = WindowAccord(self._store, self._settings, self._follow_accord, self)
        self.accord_choice, self.accord_selector = self.accord.choice, self.accord.selector
        self.editor.chosen_accord = self.accord.key
        self.file_actions.exports.chosen_accord = self.accord.key
        self.toolbar.add_before_search(self.accord_selector)
        self.view_actions.add_choice(self.accord_selector.choose_action)
        self._follow_accord()

    def _follow_accord(self) -> None:
        key = self.accord_choice.key()
        self.models[RecordKind.PARTY].set_accord(key)
        self.detail_pane.set_accord(key, self.accord_choice.name())
        self.overview.reload()

    def _set_tab_order(self) -> None:
        """Tab walks the panes as the eye reads them: navigator, the accord,
        search, the list, the detail, the citations (the arrows move inside each)."""
        chain: list[QWidget] = [
            self.navigator,
            self.accord_selector.combo,
            self.search_field,
            *self.views.values(),
            *self.overview.view.tab_chain(),
            *self.evidence.view.tab_chain(),
            self.search.results,
            self.detail_pane,
            self.citations_pane,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _apply_preferences(self, chosen: Preferences) -> None:
        self.detail_pane.timeline.set_as_of(chosen.default_as_of())
        self.citations_pane.set_citation_style(chosen.citation_style)
        self._store.set_author(chosen.author_or(self._system_author))

    def _connect_signals(self) -> None:
        self.navigator.kindChosen.connect(lambda value: self.show_kind(RecordKind(value)))
        self.navigator.currentItemChanged.connect(lambda *_: self.status_labels.update_count())
        self.selection.connect_signals(self.search)
        self.detail_pane.editRequested.connect(self._edit_requested)
        self.panes.connect_requests(
            self.editor,
            self.edit_actions,
            self.search,
            self.select_record,
            self._may_write,
            self.feedback.say,
        )
        self.editor.changed.connect(lambda kind, key: self._record_changed(RecordKind(kind), key))
        self.editor.failed.connect(lambda text: self.notify(text))
        # The form open on a record another writer changed says so first.
        self.watcher.changedElsewhere.connect(
            lambda: self.editor.others_changed(self.watcher.notices)
        )
        self.watcher.changedElsewhere.connect(lambda: self.refresh())
        self.file.connect_stops(self.editor.writingStopped, self.watcher.fileGone)
        # A message (a backup taken, a restore) takes the path's room while it
        # shows: under the path it would be cut off at its end.
        self.statusBar().messageChanged.connect(lambda text: self.path_label.setVisible(not text))
        self.write_lock.changed.connect(
            lambda: self.detail_pane.set_editable(self.write_lock.reason)
        )
        for view in self.views.values():
            # Enter, and a double click, on a row.
            view.activated.connect(lambda _index: self.edit_actions.edit_current())

    # -- what the window shows ----------------------------------------------------

    def current_kind(self) -> RecordKind:
        return self.navigator.current_kind()

    def current_location(self) -> Location | None:
        return self.back_forward.current

    def shown_location(self) -> Location | None:
        """The record the detail pane shows, if any (None once it was deleted)."""
        return self.panes.shown

    def show_kind(self, kind: RecordKind) -> None:
        self.selection.show_kind(kind)

    def show_overview(self) -> None:
        """Show the accord at a glance in the lists' place (Ctrl+0)."""
        self.overview.show()

    def _overview_accord(self) -> str | None:
        """The accord the overview shows: the one chosen in the tool bar."""
        return self.accord_choice.key()

    def show_in_place(self, kind: RecordKind, key: str) -> None:
        """Show a record chosen in the overview, without leaving the overview."""
        self.selection.show_in_place(kind, key)

    def show_list(self, kind: RecordKind) -> None:
        """Show ``kind``'s list with the keyboard focus in it (Ctrl+1…Ctrl+5)."""
        self.selection.show_list(kind)

    def select_record(self, kind: RecordKind, key: str, *, clear_search: bool = True) -> bool:
        """Show ``key`` selected in its list (:meth:`RecordSelection.select_record`)."""
        return self.selection.select_record(kind, key, clear_search=clear_search)

    def open_record(self, kind: RecordKind, key: str) -> None:
        """Show a record found by a search: in its list, or (a status action,
        an accord, which have no list) in the panes, or its form."""
        if kind in self.models:
            self.select_record(kind, key)
        elif kind is RecordKind.STATUS_ACTION:
            self.editor.edit(kind, key)
        else:
            self.preview_record(kind, key)

    def open_citation(self, row: EvidenceRow) -> None:
        """Open the record an Evidence view's citation row opens, and that
        citation in the citations pane once the record is read."""
        self.panes.want_citation(row)
        self.open_record(row.open_kind, row.open_key)

    def finish_reads(self, timeout_ms: int = 10_000) -> bool:
        """Wait for every read in the background and show its result now
        (lists, search, detail: for a screenshot, and for tests)."""
        return self.readers.finish(timeout_ms)

    def preview_record(self, kind: RecordKind, key: str) -> None:
        """Show a record in the panes without moving any list (the current
        hit of all results)."""
        self.selection.preview_record(kind, key)

    def show_no_record(self, why: str) -> None:
        """Empty the panes, saying ``why`` (all results found nothing)."""
        self.selection.show_no_record(why)

    def _refresh_counts(self) -> None:
        self.status_labels.count(self._store)

    # -- editing ------------------------------------------------------------------

    def refresh(self, focus: Location | None = None) -> None:
        """Read everything afresh, keeping (or moving to) the selected record."""
        self.readers.refresh(focus or self.back_forward.current)

    def _may_write(self) -> bool:
        """Whether editing is allowed now; if not, the status bar says why."""
        return self.file.may_write(self.feedback.say)

    def _edit_requested(self, kind: str, key: str) -> None:
        if self._may_write():
            self.editor.edit(RecordKind(kind), key)

    def _record_changed(self, kind: RecordKind, key: str) -> None:
        # The selection stays where the user is: a source made from inside a
        # dialog, or an undo elsewhere, does not move it. (New records are
        # selected by new_record itself.)
        _ = (kind, key)
        self.watcher.note_own_change()  # read by the refresh below
        self.refresh()

    # -- the database shown -------------------------------------------------------

    def switch_store(
        self, store: Store, location: DatabaseLocation, *, damaged: bool = False
    ) -> None:
        """Show another database in this window (File > Open, New, Open Recent).

        Everything read from the old one is let go: reads still under way,
        the lists, the search and its saved searches, the undo steps (undo
        cannot reach another database) and Back/Forward. The caller closes
        the old database once this returns: nothing of the window uses it then.
        """
        self.readers.stop()
        self._store = store
        self.location = location
        self.readers.set_store(store)
        self.safety.show_store(store, location, damaged=damaged)
        self.setWindowFilePath(str(file_of(location) or ""))
        self.status_labels.show_location(location)
        self._refresh_counts()
        self.panes.clear()
        self.show_kind(RecordKind.PARTY)
        self.views[RecordKind.PARTY].selectRow(0)
        self.selection.update_history()

    def release_store(self) -> None:
        """Stop every use of the database (its file is about to be replaced):
        reads under way, the watch for changes, a backup being taken."""
        self.backups.wait()
        self.readers.stop()

    def replace_database_file(self, change: Callable[[Path], object]) -> object:
        """Rewrite the database file with every connection closed (a restore);
        the window shows it afresh after."""
        return self.file_actions.replace_file(change)

    def report_target(self) -> tuple[str | None, date]:
        """The accord and the day File ▸ Export Report… reports on: the chosen
        accord, as of the overview's date."""
        return self.accord_choice.key(), self.overview.view.day()

    def writing_stopped_because(self) -> str | None:
        return self.write_lock.reason

    # -- remembering the layout ---------------------------------------------------

    def _restore_state(self) -> None:
        restore_layout(self._settings, self, self.splitter, self.views)
        place = saved_selection(self._settings)
        if place is None or not self.select_record(place.kind, place.key):
            self.show_kind(RecordKind.PARTY)
            self.views[RecordKind.PARTY].selectRow(0)

    def save_state(self) -> None:
        save_layout(self._settings, self, self.splitter, self.views)
        save_selection(self._settings, self.back_forward.current)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.backups.wait()  # a backup under way ends whole, never cut off at exit
        self.readers.stop()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.toolbar.fit(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # Coming back to the window is when another program's changes matter.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.watcher.check()
        super().changeEvent(event)

    @property
    def store(self) -> Store:
        return self._store

    @property
    def database_path(self) -> Path:
        """The database file (a window on a server's database has none: see :attr:`location`)."""
        path = file_of(self.location)
        if path is None:
            raise DatabaseFileError(f"{shown(self.location)} is a server's database, not a file")
        return path
