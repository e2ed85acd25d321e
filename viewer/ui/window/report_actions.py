"""File ▸ Export Report…: the accord report of the window's accord and day, as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QWidget

from viewer.store.api import DatabaseFileError, Store, StoreError, accord_overview, report_data
from viewer.ui.report.accord_report import ReportNotWritten, write_report
from viewer.ui.report.report_pictures import PictureMaker, make_pictures, report_pictures
from viewer.ui.window.file_chooser import FileDialogChooser

STATUS_MS = 15_000
TITLE = "Export Report"


class ReportHost(Protocol):
    """What the report's action needs of the window."""

    @property
    def store(self) -> Store: ...
    @property
    def database_path(self) -> Path: ...
    def report_target(self) -> tuple[str | None, date]: ...
    def statusBar(self) -> QStatusBar: ...


class ReportChooser(Protocol):
    """Asks where to write the report; None when the user changed their mind."""

    def report_file(self, folder: Path, name: str) -> Path | None: ...


class ReportActions(QObject):
    """Export Report… asks for a PDF file (through :attr:`chooser`; tests put
    one of their own) and writes the report of the window's accord and day
    (:meth:`ReportHost.report_target`) to it, with the pictures
    :attr:`picture_makers` draw, under a busy cursor. A failure is told in a
    message (through ``tell``) that names the file; nothing else changes.

    Signals:
        reportWritten(str, int): a report was written; carries its path and its pages.
    """

    reportWritten = Signal(str, int)

    def __init__(
        self, host: ReportHost, window: QWidget, tell: Callable[[str, str], object]
    ) -> None:
        super().__init__(window)
        self._host = host
        self._tell = tell
        self.chooser: ReportChooser = FileDialogChooser(window)
        # The map's and the timeline's pictures: see report_pictures.py.
        self.picture_makers: list[PictureMaker] = report_pictures()
        self.action = QAction("Export Repor&t…", window)
        self.action.setToolTip(
            "Write the accord's report, a PDF: the participants table, the pictures, "
            "every claim with its citations and the sources"
        )
        self.action.triggered.connect(self.export_report)

    def place(self, menu: QMenu, after: QAction) -> None:
        """Put the action in ``menu`` right after ``after`` (File ▸ Export…)."""
        actions = menu.actions()
        index = actions.index(after) + 1 if after in actions else len(actions)
        if index < len(actions):
            menu.insertAction(actions[index], self.action)
        else:
            menu.addAction(self.action)

    def export_report(self) -> Path | None:
        """Ask for a file and write the report to it; the file, or None."""
        key, day = self._host.report_target()
        if key is None:
            self._tell(TITLE, "There is no accord to report on: add one first.")
            return None
        path = self.chooser.report_file(self._host.database_path.parent, f"{key}-{day.isoformat()}")
        if path is None:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = self._write(path, key, day)
        finally:
            QApplication.restoreOverrideCursor()
        if pages is None:
            return None
        self._host.statusBar().showMessage(
            f"Wrote {pages:,} page{'s' if pages != 1 else ''} to {path}", STATUS_MS
        )
        self.reportWritten.emit(str(path), pages)
        return path

    def _write(self, path: Path, key: str, day: date) -> int | None:
        store = self._host.store
        try:
            data = report_data(store, key)
            overview = accord_overview(store, key)
            if data is None or overview is None:
                self._tell(TITLE, f"The accord {key} is no longer in the database.")
                return None
            pictures = make_pictures(self.picture_makers, overview, day)
            return write_report(path, data, overview, day, pictures)
        except ReportNotWritten as error:
            self._tell(TITLE, f"{error}.\n\nChoose another file or folder; nothing was changed.")
        except (DatabaseFileError, StoreError) as error:
            self._tell(TITLE, f"The report could not be read from the database: {error}")
        return None
