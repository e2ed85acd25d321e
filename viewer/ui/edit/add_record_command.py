"""Undoably adding a record."""

from __future__ import annotations

from viewer.domain.records import Record
from viewer.store.store import Store
from viewer.ui.edit.record_command import ChangeListener, ErrorListener, RecordCommand, title_of


class AddRecordCommand(RecordCommand):
    """ "Add Kazakhstan": undo deletes the record, redo adds it again."""

    def __init__(
        self, store: Store, added: Record, on_change: ChangeListener, on_error: ErrorListener
    ) -> None:
        super().__init__(
            f"Add {title_of(store, added)}", store, added.kind, added.key, on_change, on_error
        )
        self._added = added

    def _undo(self) -> None:
        current = self._expect(self._added)
        self.store.delete(self.kind, self.key, expected_version=current.version)

    def _redo(self) -> None:
        self.store.add(self._added)
