"""Undoably editing a record."""

from __future__ import annotations

import dataclasses

from viewer.domain.records import Record
from viewer.domain.serial import Problem, from_json, record_fields
from viewer.store.errors import ConflictError
from viewer.store.store import Store
from viewer.ui.edit.record_command import ChangeListener, ErrorListener, RecordCommand, title_of


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
        current = self.store.get(self.kind, self.key)
        if current is None:
            raise ConflictError(None)
        was, want, now = (record_fields(r) for r in (expected, wanted, current))
        ours = [name for name in want if want[name] != was.get(name)]
        if any(now.get(name) != was.get(name) for name in ours):
            raise ConflictError(current)
        merged = {**now, **{name: want[name] for name in ours}}
        problems: list[Problem] = []
        record = from_json(type(wanted), {"key": self.key, **merged}, "", problems)
        if record is None:  # cannot happen for fields read from two valid records
            raise ConflictError(current)
        self.store.update(dataclasses.replace(record, version=current.version))
