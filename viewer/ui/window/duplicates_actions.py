"""Tools ▸ Find Duplicates…: the search off the GUI thread, and merging as one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from viewer.domain.display_text import one_line
from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import record_noun
from viewer.store.api import (
    ConflictError,
    DuplicateCandidate,
    Store,
    StoreError,
    find_duplicates,
    merge_records,
)
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.edit.merge_command import MergeRecordsCommand
from viewer.ui.edit.record_editor import RecordEditor, ask_yes_no, show_problem
from viewer.ui.window.duplicates_dialog import DuplicatesDialog

FIND_KEYS = "Ctrl+Shift+D"
# How a question names a record.
QUESTION_NAME = 120

Confirmer = Callable[[QWidget, str, str], bool]


class DuplicatesHost(Protocol):
    """What finding and merging duplicates needs of the window."""

    editor: RecordEditor

    @property
    def store(self) -> Store: ...
    def select_record(self, kind: RecordKind, key: str, *, clear_search: bool = True) -> bool: ...


class DuplicatesActions(QObject):
    """The Find Duplicates… action and its dialog (one, made on first use).

    Each search runs on a reader thread with its own connection; a reply to
    an earlier search is dropped. A merge is written in one transaction and
    pushed on the editor's undo stack as one step; the window reads afresh
    (the editor's ``changed``), and so does the list while it is shown.
    ``why_not_write`` says why the database cannot be written now, or None.
    """

    def __init__(
        self,
        host: DuplicatesHost,
        window: QWidget,
        why_not_write: Callable[[], str | None],
        confirm: Confirmer = ask_yes_no,
    ) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self._why_not_write = why_not_write
        # Asks before merging (a test answers for the user).
        self.confirm = confirm
        self.dialog: DuplicatesDialog | None = None
        # The database the list was read from: the window may show another since.
        self._searched: Store | None = None
        self.reader = BackgroundReader(self)
        self.find_action = QAction("Find &Duplicates…", window)
        self.find_action.setObjectName("findDuplicatesAction")
        self.find_action.setShortcut(QKeySequence(FIND_KEYS))
        self.find_action.setStatusTip(
            "List sources, participants and people that are likely duplicates, to merge them"
        )
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.find_action.triggered.connect(self.open_dialog)
        self.reader.done.connect(self._found)
        self.reader.failed.connect(self._not_found)

    def add_menu(self, menu: QMenu) -> None:
        menu.addAction(self.find_action)

    # -- what the window asks -------------------------------------------------------

    def open_dialog(self) -> DuplicatesDialog:
        """Show the dialog (raised if already open) and search afresh."""
        if self.dialog is None:
            self.dialog = DuplicatesDialog(self._window)
            self.dialog.openRequested.connect(self._open)
            self.dialog.mergeRequested.connect(self.merge)
            self.dialog.searchRequested.connect(self.search)
            # A change saved, undone or redone in the window may make or end a pair.
            self._host.editor.changed.connect(self._changed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.search()
        return self.dialog

    def search(self) -> None:
        if self.dialog is None:
            return
        self.dialog.allow_merge(self._why_not_write())
        self.dialog.show_searching()
        store = self._searched = self._host.store
        self.reader.submit(lambda: find_duplicates(store))

    def merge(self, survivor: DuplicateCandidate, merged: DuplicateCandidate) -> bool:
        """Merge ``merged`` into ``survivor`` after asking; True if it was done."""
        parent = self.dialog or self._window
        why_not = self._why_not_write()
        if why_not is not None:
            show_problem(parent, f"Not merged: {why_not}.")
            return False
        if self._host.store is not self._searched:
            show_problem(parent, "Not merged: the window shows another database now.")
            self.search()
            return False
        noun = record_noun(survivor.kind)
        kept, gone = _named(survivor), _named(merged)
        question = (
            f"Merge {noun} “{gone}” into “{kept}”?\n\n"
            f"Everything that refers to “{gone}” will refer to “{kept}” instead, its "
            f"citations go with it, it fills the fields “{kept}” leaves empty, and then it "
            "is deleted. Edit ▸ Undo puts both back."
        )
        if not self.confirm(parent, "Merge", question):
            return False
        store = self._host.store
        editor = self._host.editor
        try:
            result = merge_records(
                store,
                survivor.kind,
                survivor.key,
                merged.key,
                versions=(survivor.version, merged.version),
            )
        except ConflictError:
            show_problem(
                parent,
                f"Not merged: “{gone}” or “{kept}” changed since the list was made. "
                "The list is searched again.",
            )
            self.search()
            return False
        except StoreError as error:
            show_problem(parent, f"Not merged: {error}")
            return False
        command = MergeRecordsCommand(
            store,
            result,
            lambda kind, key: editor.changed.emit(kind.value, key),
            editor.failed.emit,
        )
        editor.undo_stack.push(command)  # already saved: the first redo does nothing
        editor.changed.emit(survivor.kind.value, survivor.key)  # the list is read again too
        return True

    # -- reacting ------------------------------------------------------------------

    def _found(self, groups: object) -> None:
        if self.dialog is not None and isinstance(groups, list):
            self.dialog.show_groups(groups)

    def _not_found(self, reason: str) -> None:
        if self.dialog is not None:
            self.dialog.show_failure(reason)

    def _changed(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.search()

    def _open(self, kind: str, key: str) -> None:
        self._host.select_record(RecordKind(kind), key)


def _named(record: DuplicateCandidate) -> str:
    return one_line(record.label, QUESTION_NAME)
