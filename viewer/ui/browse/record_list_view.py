"""A list of records as a table that says so when it has no rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QMainWindow, QTableView, QWidget

# How long the status bar says that rows could not be read.
PROBLEM_SHOWN_MS = 15_000


class RecordListView(QTableView):
    """A table of records moved through as one list.

    Tab leaves the list (the arrows move inside it), so a keyboard user goes
    from pane to pane rather than from cell to cell. With no rows, the view
    says why in its middle (:meth:`set_empty_message`): an empty table
    reads as broken, "No participant matches 'Witkoff'" does not.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self._empty_message = ""

    def set_empty_message(self, text: str) -> None:
        """What the view says while it has no rows."""
        if text != self._empty_message:
            self._empty_message = text
            self.viewport().update()

    def empty_message(self) -> str:
        return self._empty_message

    def say_problem(self, text: str) -> None:
        """Say in the window's status bar that rows could not be read (the
        rows themselves say so too)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, PROBLEM_SHOWN_MS)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0 or not self._empty_message:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(16, 16, -16, -16)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self._empty_message)
        painter.end()
