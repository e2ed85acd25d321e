"""File ▸ Export Report…: the accord report of the window's accord and day, as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QWidget

from viewer.domain.overview import AccordOverview
from viewer.domain.report import ReportData
from viewer.store.api import (
    DatabaseFileError,
    Location,
    Store,
    StoreError,
    accord_overview,
    report_data,
)
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.report.accord_report import ReportNotWritten, write_report
from viewer.ui.report.report_pictures import PictureMaker, make_pictures, report_pictures
from viewer.ui.window.database_location import file_of
from viewer.ui.window.file_chooser import FileDialogChooser
from viewer.ui.window.preferences_controller import PreferencesController
from viewer.ui.window.status_feedback import LONG_MESSAGE_MS

TITLE = "Export Report"


class ReportHost(Protocol):
    """What the report's action needs of the window."""

    @property
    def store(self) -> Store: ...

    location: Location

    def report_target(self) -> tuple[str | None, date]: ...
    def statusBar(self) -> QStatusBar: ...
    @property
    def preferences(self) -> PreferencesController: ...


class ReportChooser(Protocol):
    """Asks where to write the report; None when the user changed their mind."""

    def report_file(self, folder: Path, name: str) -> Path | None: ...


class ReportActions(QObject):
    """Export Report… asks for a PDF file (through :attr:`chooser`; tests put
    one of their own) and writes the report of the window's accord and day
    (:meth:`ReportHost.report_target`) to it, with the pictures
    :attr:`picture_makers` draw, off the GUI thread but for the pictures. A
    failure is told in a message (through ``tell``) that names the file;
    nothing else changes.

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
        # The accord is read, and the PDF laid out and written, on a pool
        # thread (a QThread: Qt's text layout needs one); one stage at a time.
        self._reader = BackgroundReader(self)
        self._reader.done.connect(self._replied)
        self._reader.failed.connect(self._crashed)
        self._then: Callable[[object], None] | None = None
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
        """Ask for a file and start writing the report to it; the file, or None
        when nothing is written (no accord, the user changed their mind).

        The accord is read, and the PDF laid out and written, off the GUI
        thread (the window keeps drawing; the status bar says the report is
        being written and the action waits); only the pictures are drawn
        here, between the two, since widgets draw them. :attr:`reportWritten`
        says when the file is there; a failure is told.
        """
        key, day = self._host.report_target()
        style = self._host.preferences.current().citation_style
        if key is None:
            self._tell(TITLE, "There is no accord to report on: add one first.")
            return None
        file = file_of(self._host.location)
        folder = file.parent if file is not None else Path.home()
        path = self.chooser.report_file(folder, f"{key}-{day.isoformat()}")
        if path is None:
            return None
        store = self._host.store

        def read() -> tuple[ReportData, AccordOverview] | _Failed | None:
            try:
                data = report_data(store, key)
                overview = accord_overview(store, key)
            except (DatabaseFileError, StoreError) as error:
                return _Failed(f"The report could not be read from the database: {error}")
            return None if data is None or overview is None else (data, overview)

        self._start(read, lambda read_back: self._draw_then_write(path, key, day, style, read_back))
        return path

    def is_running(self) -> bool:
        return self._then is not None

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait for the report under way and deliver each stage's reply (tests)."""
        while self._then is not None:
            if not self._reader.finish(timeout_ms):
                return False
        return True

    def stop(self) -> None:
        """Drop the report under way and wait for its thread (the window closes)."""
        self._then = None
        self._reader.stop()
        self.action.setEnabled(True)

    def _start(self, work: Callable[[], object], then: Callable[[object], None]) -> None:
        self._then = then
        self.action.setEnabled(False)  # one report at a time
        self._host.statusBar().showMessage("Writing the report…")
        self._reader.submit(work)

    def _replied(self, outcome: object) -> None:
        then, self._then = self._then, None
        self.action.setEnabled(True)
        self._host.statusBar().clearMessage()
        if then is None:
            return
        if isinstance(outcome, _Failed):
            self._tell(TITLE, outcome.message)
            return
        then(outcome)

    def _crashed(self, reason: str) -> None:
        self._then = None
        self.action.setEnabled(True)
        self._host.statusBar().clearMessage()
        self._tell(TITLE, f"The report was not written: {reason}. Nothing was changed.")

    def _draw_then_write(
        self, path: Path, key: str, day: date, style: str, read_back: object
    ) -> None:
        if read_back is None:
            self._tell(TITLE, f"The accord {key} is no longer in the database.")
            return
        data, overview = cast(tuple[ReportData, AccordOverview], read_back)
        # Widgets draw the pictures, so here, on the GUI thread (a fraction of
        # a second: they are bounded like the overview itself).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pictures = make_pictures(self.picture_makers, overview, day)
        finally:
            QApplication.restoreOverrideCursor()

        def write() -> int | _Failed:
            try:
                return write_report(path, data, overview, day, pictures, style)
            except ReportNotWritten as error:
                return _Failed(f"{error}.\n\nChoose another file or folder; nothing was changed.")

        self._start(write, lambda pages: self._written(path, cast(int, pages)))

    def _written(self, path: Path, pages: int) -> None:
        self._host.statusBar().showMessage(
            f"Wrote {pages:,} page{'s' if pages != 1 else ''} to {path}", LONG_MESSAGE_MS
        )
        self.reportWritten.emit(str(path), pages)


@dataclass(frozen=True)
class _Failed:
    """A stage that could not be done, with what to tell the user."""

    message: str
