"""The undoable record changes: add, edit and delete, each already saved when pushed.

One module for the four small classes: they share one contract (see
:class:`RecordCommand`) and are read together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from viewer.domain.display_text import one_line
from viewer.domain.enums import RecordKind
from viewer.domain.field_labels import record_noun
from viewer.domain.merge import FieldsTaken, reapply
from viewer.domain.records import Record, StatusAction
from viewer.domain.serial import record_fields
from viewer.store.api import ConflictError, Store, StoreError

# Told which record changed (kind, key) after every undo or redo.
ChangeListener = Callable[[RecordKind, str], None]
# Told why an undo or redo could not be done.
ErrorListener = Callable[[str], None]
# The longest a record's name runs in a command's text before it is cut.
SHORT_NAME = 40
# ... and in a question or message.
MESSAGE_NAME = 120


def title_of(store: Store, record: Record) -> str:
    """How the Edit menu names a record: "Kazakhstan", "Kazakhstan status"."""
    if isinstance(record, StatusAction):
        return f"{_short(party_name(store, record))} status"
    return _short(record.label)


def name_of(store: Store, record: Record) -> str:
    """How a question or message names a record: its name or title, a status
    action by its participant's name and step ("Kazakhstan: Joined (2025)")."""
    if isinstance(record, StatusAction):
        when = f" ({record.date.display()})" if record.date else ""
        return f"{one_line(party_name(store, record), MESSAGE_NAME)}: {record.action.label}{when}"
    return one_line(record.label, MESSAGE_NAME)


def party_name(store: Store, action: StatusAction) -> str:
    party = store.get(RecordKind.PARTY, action.party)
    return party.label if party else action.party


def add_text(store: Store, record: Record) -> str:
    """ "New source Fox News reports…", "New Kazakhstan status"."""
    if isinstance(record, StatusAction):
        return f"New {title_of(store, record)}"
    return f"New {record_noun(record.kind)} {title_of(store, record)}"


def edit_text(store: Store, record: Record) -> str:
    """ "Edit Kazakhstan", "Change Kazakhstan status"."""
    verb = "Change" if isinstance(record, StatusAction) else "Edit"
    return f"{verb} {title_of(store, record)}"


def delete_text(store: Store, record: Record) -> str:
    """ "Delete source Fox News reports…", "Delete Kazakhstan status"."""
    if isinstance(record, StatusAction):
        return f"Delete {title_of(store, record)}"
    return f"Delete {record_noun(record.kind)} {title_of(store, record)}"


def _short(label: str) -> str:
    # The Edit menu and the status bar have one line for it: a line break
    # shows as ↵ and a tab as ⇥ (see viewer.domain.display_text).
    text = one_line(label, SHORT_NAME * 2)
    if len(text) <= SHORT_NAME:
        return text
    cut = text[: SHORT_NAME - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]  # at a word's end
    return f"{cut.rstrip(' ,:;')}…"


class SavedCommand(QUndoCommand):
    """A change already saved when pushed: the first redo does nothing.

    Each undo and redo is itself a saved change, so the database always
    matches the window. One that the store refuses (another writer changed
    a record meanwhile) is reported and the command made obsolete, so the
    stack drops it instead of replaying it against data it no longer fits.

    ``text`` names the change ("Edit R&D Council"): :meth:`text` gives it as
    it is, and the stack's Undo and Redo actions show it as written (their
    text doubles each "&", which Qt would read as an Alt key).
    """

    def __init__(self, text: str, store: Store, on_error: ErrorListener) -> None:
        super().__init__()
        # Before the line break: text(); after it: actionText(), which the
        # stack's Undo and Redo actions show (QUndoCommand.setText).
        plain = " ".join(text.splitlines())
        self.setText(f"{plain}\n{plain.replace('&', '&&')}")
        self.store = store
        self._on_error = on_error
        self._first_redo = True

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._attempt(self._redo, "redo")

    def undo(self) -> None:
        self._attempt(self._undo, "undo")

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def _changed(self) -> None:
        """Tell the window what an undo or redo changed."""
        raise NotImplementedError

    def _attempt(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except StoreError as error:
            self.setObsolete(True)
            self._on_error(f"Could not {verb} “{self.text()}”: {error}")
            return
        self._changed()


class RecordCommand(SavedCommand):
    """A saved change of one record (:class:`SavedCommand`), the window told
    which record changed."""

    def __init__(
        self,
        text: str,
        store: Store,
        kind: RecordKind,
        key: str,
        on_change: ChangeListener,
        on_error: ErrorListener,
    ) -> None:
        super().__init__(text, store, on_error)
        self.kind = kind
        self.key = key
        self._on_change = on_change

    def _changed(self) -> None:
        self._on_change(self.kind, self.key)

    def _expect(self, expected: Record) -> Record:
        """The record as stored, which must still be as this command left it:
        an undo or redo never overwrites or deletes another writer's change."""
        current = self.store.get(expected.kind, expected.key)
        if current is None or record_fields(current) != record_fields(expected):
            raise ConflictError(current)
        return current


class AddRecordCommand(RecordCommand):
    """ "New participant Kazakhstan": undo deletes the record, redo adds it again."""

    def __init__(
        self, store: Store, added: Record, on_change: ChangeListener, on_error: ErrorListener
    ) -> None:
        super().__init__(add_text(store, added), store, added.kind, added.key, on_change, on_error)
        self._added = added

    def _undo(self) -> None:
        current = self._expect(self._added)
        self.store.delete(self.kind, self.key, expected_version=current.version)

    def _redo(self) -> None:
        self.store.add(self._added)


class EditRecordCommand(RecordCommand):
    """ "Edit Kazakhstan": undo saves the record as it was, redo as it became.

    Each step changes only the fields this edit changed, and only if they
    are still as this command left them: another writer's change to another
    field is kept, and one to the same field makes the step refuse rather
    than overwrite it.
    """

    def __init__(
        self,
        store: Store,
        before: Record,
        after: Record,
        on_change: ChangeListener,
        on_error: ErrorListener,
        text: str | None = None,
    ) -> None:
        super().__init__(
            text or edit_text(store, before),
            store,
            before.kind,
            before.key,
            on_change,
            on_error,
        )
        self._before = before
        self._after = after

    def _undo(self) -> None:
        self._switch(self._after, self._before)

    def _redo(self) -> None:
        self._switch(self._before, self._after)

    def _switch(self, expected: Record, wanted: Record) -> None:
        current = self.store.get(self.kind, self.key)
        if current is None:
            raise ConflictError(None)
        try:
            record = reapply(expected, wanted, current)
        except FieldsTaken:
            raise ConflictError(current) from None
        self.store.update(record)


class DeleteRecordCommand(RecordCommand):
    """ "Delete participant Kazakhstan": undo adds the record back and gives the records
    that let go of it (claims that cited a deleted source) their links back.
    """

    def __init__(
        self,
        store: Store,
        deleted: Record,
        linked_before: Sequence[Record],
        on_change: ChangeListener,
        on_error: ErrorListener,
    ) -> None:
        super().__init__(
            delete_text(store, deleted),
            store,
            deleted.kind,
            deleted.key,
            on_change,
            on_error,
        )
        self._deleted = deleted
        self._linked_before = tuple(linked_before)

    def _undo(self) -> None:
        self.store.restore(self._deleted, self._linked_before)

    def _redo(self) -> None:
        current = self._expect(self._deleted)
        self.store.delete(
            self.kind,
            self.key,
            expected_version=current.version,
            with_links=bool(self._linked_before),
        )
