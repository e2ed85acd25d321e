"""The base of the undoable record changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from viewer.domain.enums import RecordKind
from viewer.domain.records import Record, StatusAction
from viewer.domain.serial import record_fields
from viewer.store.errors import ConflictError, StoreError
from viewer.store.store import Store

# Told which record changed (kind, key) after every undo or redo.
ChangeListener = Callable[[RecordKind, str], None]
# Told why an undo or redo could not be done.
ErrorListener = Callable[[str], None]


def title_of(store: Store, record: Record) -> str:
    """How the Edit menu names a record: "Kazakhstan", "Kazakhstan status"."""
    if isinstance(record, StatusAction):
        party = store.get(RecordKind.PARTY, record.party)
        return f"{party.label if party else record.party} status"
    return record.label


class RecordCommand(QUndoCommand):
    """A change already saved when pushed: the first redo does nothing.

    Each undo and redo is itself a saved change, so the database always
    matches the window. One that the store refuses (another writer changed
    the record meanwhile) is reported and the command made obsolete, so the
    stack drops it instead of replaying it against data it no longer fits.
    """

    def __init__(
        self,
        text: str,
        store: Store,
        kind: RecordKind,
        key: str,
        on_change: ChangeListener,
        on_error: ErrorListener,
    ) -> None:
        super().__init__(text)
        self.store = store
        self.kind = kind
        self.key = key
        self._on_change = on_change
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

    def _attempt(self, step: Callable[[], None], verb: str) -> None:
        try:
            step()
        except StoreError as error:
            self.setObsolete(True)
            self._on_error(f"Could not {verb} “{self.text()}”: {error}")
            return
        self._on_change(self.kind, self.key)

    def _expect(self, expected: Record) -> Record:
        """The record as stored, which must still be as this command left it:
        an undo or redo never overwrites or deletes another writer's change."""
        current = self.store.get(expected.kind, expected.key)
        if current is None or record_fields(current) != record_fields(expected):
            raise ConflictError(current)
        return current
