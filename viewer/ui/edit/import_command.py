"""An import as one undoable step: undo takes out what it added and puts back
what it updated, redo writes it all again, each in one transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from viewer.domain.enums import RecordKind
from viewer.domain.records import Record
from viewer.store.api import MergeOutcome, Store
from viewer.ui.edit.commands import ErrorListener, SavedCommand

# Told that the database changed (an undo or redo of an import).
Refresher = Callable[[], None]


class ImportCommand(SavedCommand):
    """ "Import theirs.json", pushed once the import is written (the first
    redo does nothing: :class:`SavedCommand`).

    Each step refuses, whole, a record someone changed since (or a record it
    would take out that another now refers to): it is reported and the
    command made obsolete, as :class:`RecordCommand` does.
    """

    def __init__(
        self,
        store: Store,
        file_name: str,
        outcome: MergeOutcome,
        on_change: Refresher,
        on_error: ErrorListener,
    ) -> None:
        super().__init__(f"Import {file_name}", store, on_error)
        self._added = tuple(outcome.added)
        # (before, after) of each update; the one stored now has the version it holds.
        self._updated = list(outcome.updated)
        self._on_change = on_change

    def _changed(self) -> None:
        self._on_change()

    def _undo(self) -> None:
        wanted = [dataclasses.replace(old, version=new.version) for old, new in self._updated]
        stored = self.store.merge_all({}, wanted, self._added)
        self._updated = [(now, new) for now, (_, new) in zip(stored, self._updated, strict=True)]

    def _redo(self) -> None:
        adds: dict[RecordKind, list[Record]] = {}
        for record in self._added:
            adds.setdefault(record.kind, []).append(record)
        wanted = [dataclasses.replace(new, version=old.version) for old, new in self._updated]
        stored = self.store.merge_all(adds, wanted)
        self._updated = [(old, now) for now, (old, _) in zip(stored, self._updated, strict=True)]
