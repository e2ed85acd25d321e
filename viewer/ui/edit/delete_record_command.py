"""Undoably deleting a record, with the links it took along."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.domain.records import Record
from viewer.store.store import Store
from viewer.ui.edit.record_command import ChangeListener, ErrorListener, RecordCommand, title_of


class DeleteRecordCommand(RecordCommand):
    """ "Delete Kazakhstan": undo adds the record back and gives the records
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
            f"Delete {title_of(store, deleted)}",
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
