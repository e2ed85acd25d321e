"""File ▸ Export… and Export References of Selection…: what the database holds,
written to a file on a long task."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from viewer.store.api import TimelineExport
from viewer.ui.window.exchange_work import export_work
from viewer.ui.window.file_chooser import REFERENCE_NAMES, ExportFormat
from viewer.ui.window.long_task import LongTask, Work
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.task_host import TaskHost


class ExportHost(TaskHost, Protocol):
    """What the exports need of the File menu."""

    def current_path(self) -> Path | None: ...


class ExportActions(QObject):
    """Export… writes the whole database (JSON, CSV, the sources for a
    reference manager, the chosen accord's events for TimelineJS); Export
    References of Selection… the sources the selected record cites. Both run
    on the File menu's :class:`LongTask` (one at a time), asking for the file
    through its chooser.

    Signals: none; an export's end is the File menu's ``taskEnded``.
    """

    def __init__(
        self,
        host: ExportHost,
        window: QWidget,
        selected: Callable[[], Location | None],
    ) -> None:
        super().__init__(window)
        self._host = host
        self._selected = selected
        # The accord the window shows: a TimelineJS export writes its events.
        self.chosen_accord: Callable[[], str | None] = lambda: None
        self.export_action = QAction("&Export…", window)
        self.export_action.setToolTip(
            "Write the whole database to a JSON file or CSV files, or its sources as CSL-JSON, "
            "BibTeX or RIS"
        )
        self.references_action = QAction("Export Re&ferences of Selection…", window)
        self.references_action.setToolTip(
            "Write the sources the selected record cites as CSL-JSON, BibTeX or RIS"
        )
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.export_action.triggered.connect(self.export_file)
        self.references_action.triggered.connect(self.export_selection_references)

    def export_file(self) -> LongTask | None:
        host = self._host
        if host.busy():
            return None
        current = host.current_path()
        name = current.stem if current is not None else "accords"
        chosen = host.chooser.export_file(host.folder(), name)
        if chosen is None:
            return None
        path, kind = chosen
        if path.expanduser().resolve() in host.store.files():
            host.tell("Export", f"{path} is the database itself; export to another file.")
            return None
        work = export_work(host.store, path, kind, accord=self.chosen_accord())
        return self._run(path, kind, work)

    def export_selection_references(self) -> LongTask | None:
        """Write the sources behind the selected record (a source: itself)."""
        host = self._host
        if host.busy():
            return None
        location = self._selected()
        if location is None:
            host.say("Select a record first: its sources are what is exported")
            return None
        chosen = host.chooser.references_file(host.folder(), location.key)
        if chosen is None:
            return None
        path, kind = chosen
        behind = [(location.kind, location.key)]
        return self._run(path, kind, export_work(host.store, path, kind, behind))

    def _run(self, path: Path, kind: ExportFormat, work: Work) -> LongTask:
        host = self._host
        task = host.run_task("Exporting", work)
        task.succeeded.connect(lambda written: self._exported(path, kind, written))
        task.failed.connect(lambda error: host.task_failed("Export", path, error))
        task.cancelled.connect(lambda: host.say("Export cancelled: no file was written"))
        return task

    def _exported(self, path: Path, kind: ExportFormat, written: object) -> None:
        say = self._host.say
        if isinstance(written, TimelineExport):
            left_out = f"; {written.left_out:,} without a known start date left out"
            say(
                f"Exported {written.written:,} event{'s' if written.written != 1 else ''} of "
                f"{written.accord} to {path}{left_out if written.left_out else ''}"
            )
            return
        where = f"CSV files in {path}" if kind == "csv" else str(path)
        if kind in REFERENCE_NAMES:
            number = written if isinstance(written, int) else 0
            sources = f"{number:,} source" + ("" if number == 1 else "s")
            say(f"Exported {sources} as {REFERENCE_NAMES[kind]} to {where}")
        else:
            say(f"Exported {_records(written)} to {where}")


def _records(count: object) -> str:
    number = count if isinstance(count, int) else 0
    return f"{number:,} record" + ("" if number == 1 else "s")
