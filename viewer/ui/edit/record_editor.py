"""Adding, editing, deleting and reverting records, each an undoable step."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import record_noun
from viewer.domain.records import Accord, Event, Party, Person, Record, Source, StatusAction
from viewer.store.api import (
    ConflictError,
    DatabaseBusy,
    DatabaseGone,
    Notice,
    ReadOnlyStore,
    Store,
    StoreError,
    claim_choices,
    claim_labels,
    complete,
    labels_for,
    new_key,
    record_at,
)
from viewer.ui.edit.commands import (
    AddRecordCommand,
    DeleteRecordCommand,
    EditRecordCommand,
    name_of,
    title_of,
)
from viewer.ui.edit.conflict_dialog import ConflictResolver, resolve_with_dialog
from viewer.ui.edit.forms.accord_dialog import AccordDialog
from viewer.ui.edit.forms.dialog_services import Asker, DialogServices, ask_discard
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.person_dialog import PersonDialog
from viewer.ui.edit.forms.record_dialog import DELETE_RESULT, RecordDialog, SaveHandler
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.edit.other_change import FormWatch, OtherChange
from viewer.ui.widgets.choice_lookup import ChoiceLookup

# Asks whether to go ahead; gets the question's title and text.
Confirmer = Callable[[QWidget, str, str], bool]
# Asks whether to try a write again that waited for a lock in vain; gets the message.
RetryAsker = Callable[[QWidget, str], bool]
_Result = TypeVar("_Result")
# A merge that keeps meeting newer saves by others is given up after this many tries.
MAX_MERGE_ROUNDS = 5
# Why a save was not made; the dialog shows them after "Not saved: ".
NOT_SAVED_CHANGED = (
    "the record was changed by someone else after you opened it; your changes are still here"
)
NOT_SAVED_DELETED = (
    "someone else deleted this record after you opened it; your changes are still here"
)


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_retry(parent: QWidget, text: str) -> bool:
    """Retry or Cancel, after a write found the database locked by another program."""
    said = text.strip()
    said = said[:1].upper() + said[1:] + ("" if said.endswith((".", "!", "?")) else ".")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Database busy",
        f"{said}\n\nAnother program is writing to the database. Retry once it is done; "
        "Cancel keeps what you typed, unsaved.",
        QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("busyMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box.exec() == QMessageBox.StandardButton.Retry


def show_problem(parent: QWidget, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Accords Viewer", text, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class RecordEditor(QObject):
    """Opens the edit dialogs and turns what they return into saved,
    undoable changes on ``undo_stack``.

    A write that waits in vain for another program's lock asks Retry or
    Cancel (``ask_retry``); a write refused because the file was deleted,
    replaced or is read-only says :attr:`writingStopped`. Either way a form
    being saved stays open with everything typed in it.

    Signals:
        changed(str, str): a record was saved, undone or redone; carries the
            record kind's value and the key.
        failed(str): a change could not be made; carries the reason.
        writingStopped(str): the database cannot be written any more (deleted,
            replaced, read-only); carries the reason.
    """

    changed = Signal(str, str)
    failed = Signal(str)
    writingStopped = Signal(str)

    def __init__(
        self,
        store: Store,
        parent_widget: QWidget,
        settings: QSettings | None = None,
        confirm: Confirmer = ask_yes_no,
        confirm_discard: Asker = ask_discard,
        run_dialog: Callable[[RecordDialog], int] = lambda dialog: dialog.exec(),
        resolve_conflict: ConflictResolver | None = None,
        retry: RetryAsker = ask_retry,
    ) -> None:
        super().__init__(parent_widget)
        # The accord the window shows: a new status step starts in it.
        self.chosen_accord: Callable[[], str | None] = lambda: None
        self._store = store
        self._parent = parent_widget
        self._confirm = confirm
        self._ask_retry = retry
        self._run_dialog = run_dialog
        # None: the ConflictDialog, told what the record was when editing began.
        self._resolve_conflict = resolve_conflict
        self.undo_stack = QUndoStack(self)
        # The form open on a stored record, and what it knows of the record's log.
        self.open_form: tuple[RecordDialog, FormWatch] | None = None
        self.services = DialogServices(
            lookup=lambda kind: ChoiceLookup(
                lambda text, limit: complete(store, kind, text, limit),
                lambda keys: labels_for(store, kind, keys),
            ),
            new_key=lambda kind, label: new_key(store, kind, label),
            check=store.problems,
            create_source=self._create_source_inline,
            settings=settings,
            confirm_discard=confirm_discard,
            claims=lambda party, accord: ChoiceLookup(
                lambda text, limit: claim_choices(store, party, accord, text, limit),
                lambda keys: claim_labels(store, keys),
            ),
        )

    # -- what the window asks for ----------------------------------------------

    def new(self, kind: RecordKind, party: str | None = None) -> Record | None:
        dialog = self._dialog(kind, None, self._save_new, party)
        result, saved = self._run(dialog)
        return saved if result else None

    def edit(self, kind: RecordKind, key: str, *, citation: int | None = None) -> Record | None:
        """Open the form of ``key``; at its citation ``citation`` (counted
        from 0) when given and still there, else at the first field."""
        # The log first: a save that lands between the two reads is then "newer".
        watch = FormWatch(self._store, kind, key)
        try:
            record = self._store.get(kind, key)
        except StoreError as error:  # a value it cannot read, or a damaged page
            self.failed.emit(f"This {record_noun(kind)} cannot be opened: {error}")
            return None
        if record is None:
            self.failed.emit(f"That {record_noun(kind)} no longer exists.")
            return None
        dialog = self._dialog(kind, record, self._save_edit(record), None)
        if citation is not None:
            dialog.focus_citation(citation)
        self.open_form = (dialog, watch)
        try:
            result, saved = self._run(dialog)
        finally:
            self.open_form = None
        if result == DELETE_RESULT:
            self.delete(kind, key)  # asks first, listing what depends on it
            return None
        return saved if result else None

    def delete(self, kind: RecordKind, key: str) -> bool:
        try:
            record = self._store.get(kind, key)
        except StoreError as error:
            self.failed.emit(f"This {record_noun(kind)} cannot be deleted: {error}")
            return False
        if record is None:
            return False
        dependents = self._store.dependents(kind, key)
        name = name_of(self._store, record)
        if dependents.blocking:
            listed = "\n".join(f"• {d}" for d in dependents.blocking[:12])
            more = len(dependents.blocking) - 12
            self.failed.emit(
                f"“{name}” cannot be deleted while these depend on it:\n{listed}"
                + (f"\n…and {more} more" if more > 0 else "")
            )
            return False
        question = f"Delete {record_noun(kind)} “{name}”?"
        if dependents.links:
            listed = "\n".join(f"• {d}" for _, _, d in dependents.links[:12])
            more = len(dependents.links) - 12
            question += f"\n\nThese links to it will be removed too:\n{listed}" + (
                f"\n…and {more} more" if more > 0 else ""
            )
        if not self._confirm(self._parent, "Delete", question):
            return False
        try:
            _, linked = self._writing(
                lambda: self._store.delete_linked(
                    kind, key, record.version, with_links=bool(dependents.links)
                )
            )
        except StoreError as error:
            self.failed.emit(f"“{name}” was not deleted: {error}")
            return False
        self._push(DeleteRecordCommand(self._store, record, linked, self._changed, self._failed))
        return True

    def revert(self, kind: RecordKind, key: str, revision_id: int) -> bool:
        """Make a record what it was after a revision, as a new undoable change."""
        try:
            wanted = record_at(self._store, kind, key, revision_id)
            current = self._store.get(kind, key)
            if wanted is None or current is None:
                self.failed.emit(
                    "Only a record that exists now can be reverted to an "
                    "earlier state; undo the deletion instead."
                )
                return False
            again = dataclasses.replace(wanted, version=current.version)
            saved = self._writing(lambda: self._store.update(again))
        except StoreError as error:
            self.failed.emit(f"Could not revert: {error}")
            return False
        if saved.version == current.version:
            return True  # already as it was then: nothing to save, nothing to undo
        self._push(
            EditRecordCommand(
                self._store,
                current,
                saved,
                self._changed,
                self._failed,
                text=f"Revert {title_of(self._store, current)}",
            )
        )
        return True

    # -- saving what a dialog returns --------------------------------------------

    def _save_new(self, record: Record) -> Record | str:
        try:
            saved = self._writing(lambda: self._store.add(record))
        except StoreError as error:
            return self._not_saved(error)
        self._push(AddRecordCommand(self._store, saved, self._changed, self._failed))
        return saved

    def _save_edit(self, before: Record) -> SaveHandler:
        def save(record: Record) -> Record | str:
            try:
                saved = self._writing(lambda: self._store.update(record))
            except ConflictError as conflict:
                return self._save_over(record, before, conflict.current)
            except StoreError as error:
                return self._not_saved(error)
            if saved.version != before.version:
                self._push(
                    EditRecordCommand(self._store, before, saved, self._changed, self._failed)
                )
            return saved

        return save

    def _save_over(self, mine: Record, base: Record, theirs: Record | None) -> Record | str:
        """Someone else saved or deleted the record while ``mine`` was being edited
        from ``base``: never overwrite their change unseen. The user merges field
        by field (or saves a deleted record anew); the undo step goes from their
        record to the merge, so Ctrl+Z undoes this user's change only.
        """
        for _ in range(MAX_MERGE_ROUNDS):
            if theirs is None:
                return self._add_again(mine)
            merged = self._resolve(mine, theirs, base)
            if merged is None:
                return NOT_SAVED_CHANGED
            try:
                saved = self._writing(functools.partial(self._store.update, merged))
            except ConflictError as again:
                # Yet another save came in meanwhile: merge the merge with that.
                mine, base, theirs = merged, theirs, again.current
                continue
            except StoreError as error:
                return self._not_saved(error)
            if saved.version != theirs.version:
                self._push(
                    EditRecordCommand(self._store, theirs, saved, self._changed, self._failed)
                )
            return saved
        return NOT_SAVED_CHANGED

    def others_changed(self, notices: Sequence[Notice] = ()) -> None:
        """Another writer committed (``notices``: what they said they changed,
        on a server): the form open on a record they changed shows it now,
        before its user saves."""
        if self.open_form is None:
            return
        dialog, watch = self.open_form
        change = watch.found(self._store, notices)
        if change is not None:
            dialog.mark_changed(change.mark())

    def _who_changed(self, key: str) -> OtherChange | None:
        """Who saved the record open in the form since it opened, and when."""
        if self.open_form is None or self.open_form[1].key != key:
            return None
        return self.open_form[1].in_log(self._store)

    def _not_saved(self, error: StoreError) -> str:
        """Why a save was refused, for the form's "Not saved: " line."""
        if not isinstance(error, DatabaseGone):
            return str(error)
        # The store's words offer a copy of "what is open": true of the window,
        # not of this form, whose text never reached the file. The whole
        # path is in the message over the form; here the name says enough.
        path = self._store.path
        reason = error.reason.replace(str(path), path.name) if path and path.name else error.reason
        return (
            f"{reason}: nothing was written. What you typed stays in this form but cannot "
            "go into that file: copy it, close the form, then File ▸ Save a Copy… keeps "
            "everything saved before."
        )

    def _resolve(self, mine: Record, theirs: Record, base: Record) -> Record | None:
        parent = self._top_widget()
        if self._resolve_conflict is not None:
            return self._resolve_conflict(mine, theirs, parent)
        return resolve_with_dialog(mine, theirs, parent, base, self._who_changed(theirs.key))

    def _add_again(self, mine: Record) -> Record | str:
        question = (
            f"Someone else deleted {record_noun(mine.kind)} “{name_of(self._store, mine)}” "
            "after you opened "
            "it. Save your version as a new record?"
        )
        if not self._confirm(self._top_widget(), "Record deleted", question):
            return NOT_SAVED_DELETED
        try:
            anew = dataclasses.replace(mine, version=0)
            saved = self._writing(lambda: self._store.add(anew))
        except StoreError as error:
            return f"could not save it as a new record: {error}"
        self._push(AddRecordCommand(self._store, saved, self._changed, self._failed))
        return saved

    def _writing(self, write: Callable[[], _Result]) -> _Result:
        """Run one write of the store. Locked beyond the busy timeout, the user
        chooses Retry (it runs again) or Cancel (the error goes on to the
        caller, which keeps the form open). Refused for good (deleted,
        replaced, read-only): the window is told to stop writing."""
        while True:
            try:
                return write()
            except DatabaseBusy as busy:
                if not self._ask_retry(self._top_widget(), str(busy)):
                    raise
            except DatabaseGone as gone:
                self.writingStopped.emit(gone.reason)
                raise
            except ReadOnlyStore as refused:
                self.writingStopped.emit(str(refused))
                raise

    def _top_widget(self) -> QWidget:
        # Over the edit dialog being saved, which is modal, when there is one.
        return QApplication.activeModalWidget() or self._parent

    def _create_source_inline(self) -> tuple[str, str] | None:
        """A new source made from inside another dialog (a citation's source)."""
        dialog = self._dialog(RecordKind.SOURCE, None, self._save_new, None)
        result, saved = self._run(dialog)
        if not result or saved is None:
            return None
        return saved.key, saved.label

    def _run(self, dialog: RecordDialog) -> tuple[int, Record | None]:
        """Run a dialog to its end; its result and the record it saved.

        The dialog is deleted once closed: kept alive as the window's child,
        every dialog ever opened would slow each later one (Qt delivers events
        to all of them) and hold its memory until the window closes.
        """
        try:
            return self._run_dialog(dialog), dialog.saved
        finally:
            dialog.deleteLater()

    def _dialog(
        self, kind: RecordKind, record: Record | None, save: SaveHandler, party: str | None
    ) -> RecordDialog:
        parent = self._parent
        match kind:
            case RecordKind.PARTY:
                assert record is None or isinstance(record, Party)
                return PartyDialog(record, self.services, save, parent)
            case RecordKind.PERSON:
                assert record is None or isinstance(record, Person)
                return PersonDialog(record, self.services, save, parent)
            case RecordKind.SOURCE:
                assert record is None or isinstance(record, Source)
                return SourceDialog(record, self.services, save, parent)
            case RecordKind.STATUS_ACTION:
                assert record is None or isinstance(record, StatusAction)
                accord = self.chosen_accord() if record is None else None
                return StatusActionDialog(record, self.services, save, parent, party, accord)
            case RecordKind.EVENT:
                assert record is None or isinstance(record, Event)
                return EventDialog(record, self.services, save, parent)
            case RecordKind.ACCORD:
                assert record is None or isinstance(record, Accord)
                return AccordDialog(record, self.services, save, parent)
        raise ValueError(f"no dialog edits records of the kind {kind.value!r}")

    def _push(self, command: AddRecordCommand | EditRecordCommand | DeleteRecordCommand) -> None:
        self.undo_stack.push(command)  # already saved: the first redo does nothing
        self._changed(command.kind, command.key)

    def _changed(self, kind: RecordKind, key: str) -> None:
        self.changed.emit(kind.value, key)

    def _failed(self, message: str) -> None:
        self.failed.emit(message)

    def set_store(self, store: Store) -> None:
        """Edit another database from now on (the window opened another file).

        The undo steps so far are dropped: they are changes to the old
        database, which undo cannot reach from this one.
        """
        self.undo_stack.clear()
        self._store = store
        self.services = dataclasses.replace(
            self.services,
            lookup=lambda kind: ChoiceLookup(
                lambda text, limit: complete(store, kind, text, limit),
                lambda keys: labels_for(store, kind, keys),
            ),
            new_key=lambda kind, label: new_key(store, kind, label),
            check=store.problems,
        )
