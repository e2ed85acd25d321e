"""File ▸ Import…: check the file, preview what it would change, write what
the user chose, and leave it as one step of Edit ▸ Undo."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from viewer.store.api import ImportPlan, MergeOutcome
from viewer.ui.edit.import_command import ImportCommand
from viewer.ui.window.exchange_work import ImportOutcome, import_work, merge_work
from viewer.ui.window.import_preview_dialog import ImportPreviewDialog
from viewer.ui.window.long_task import LongTask, Work
from viewer.ui.window.task_host import TaskHost

# An import that writes more records than this is not kept for undo: its undo
# runs on the GUI thread (in bulk, some 50 µs a record), and the window
# would stop answering for seconds.
UNDO_LIMIT = 100_000


class ImportHost(TaskHost, Protocol):
    """What the import needs of the File menu and the window."""

    def refresh(self) -> None: ...


class ImportController(QObject):
    """Runs File ▸ Import…: the file is read, checked and matched on a
    :class:`LongTask`; a file of new records only is added at once, and one
    whose records the database has some of opens an
    :class:`ImportPreviewDialog` first, writing nothing unless the user
    imports. What was written becomes one :class:`ImportCommand` on
    :attr:`undo_stack` (the editor's, given by the window).
    """

    def __init__(self, host: ImportHost, window: QWidget) -> None:
        super().__init__(window)
        self._host = host
        self._window = window
        self.undo_stack: QUndoStack | None = None
        self.preview: ImportPreviewDialog | None = None

    def import_file(self) -> LongTask | None:
        """Ask for a file and check it; the task that does (None if none was chosen)."""
        if self._host.busy():
            return None
        path = self._host.chooser.import_file(self._host.folder())
        if path is None:
            return None
        return self._start(path, import_work(self._host.store, path))

    def _start(self, path: Path, work: Work) -> LongTask:
        task = self._host.run_task("Importing", work)
        task.succeeded.connect(lambda outcome: self._checked(path, outcome))
        task.failed.connect(lambda error: self._host.task_failed("Import", path, error))
        task.cancelled.connect(lambda: self._host.say("Import cancelled: nothing was changed"))
        return task

    def _checked(self, path: Path, outcome: object) -> None:
        assert isinstance(outcome, ImportOutcome)
        if outcome.problems:
            count = len(outcome.problems)
            self._host.tell(
                "Import",
                f"{count:,} problem{'s' if count != 1 else ''} in {path}; nothing was imported.",
                outcome.problems,
            )
        elif outcome.plan is not None:
            self._show_preview(path, outcome.plan)
        elif outcome.merged is not None:
            self._imported(path, outcome.merged)

    def _show_preview(self, path: Path, plan: ImportPlan) -> None:
        dialog = ImportPreviewDialog(plan, path.name, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._start(path, merge_work(self._host.store, plan)))
        dialog.rejected.connect(lambda: self._host.say("Import cancelled: nothing was changed"))
        dialog.destroyed.connect(lambda: self._forget(dialog))
        self.preview = dialog
        dialog.open()

    def _forget(self, dialog: ImportPreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None

    def _imported(self, path: Path, merged: MergeOutcome) -> None:
        self._host.refresh()
        if not merged.changed_anything:
            self._host.say(f"Imported {path.name}: {merged.summary()}")
            return
        undo = ""
        written = len(merged.added) + len(merged.updated)
        if self.undo_stack is not None and written <= UNDO_LIMIT:
            command = ImportCommand(
                self._host.store, path.name, merged, self._host.refresh, self._host.say
            )
            self.undo_stack.push(command)  # already written: the first redo does nothing
        elif self.undo_stack is not None:
            undo = f" (too large to undo: {written:,} records)"
        if not (merged.updated or merged.unchanged or merged.skipped):
            self._host.say(f"Imported {_records(len(merged.added))} from {path.name}{undo}")
        else:
            self._host.say(f"Imported {path.name}: {merged.summary()}{undo}")


def _records(number: int) -> str:
    return f"{number:,} record" + ("" if number == 1 else "s")
