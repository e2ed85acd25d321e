"""Undoably editing a record."""

from __future__ import annotations

import dataclasses

from viewer.domain.records import Record
from viewer.store.store import Store
from viewer.ui.record_command import ChangeListener, ErrorListener, RecordCommand, title_of


class EditRecordCommand(RecordCommand):
    """ "Edit Kazakhstan": undo saves the record as it was, redo as it became.

    Each step first checks that the record is still as this command left it,
    so an undo never silently overwrites another writer's change.
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
            text or f"Edit {title_of(store, before)}",
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
        current = self._expect(expected)
        self.store.update(dataclasses.replace(wanted, version=current.version))
