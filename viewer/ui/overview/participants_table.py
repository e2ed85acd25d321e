"""The participants table (UNTC style): sortable, filterable, copyable, exportable."""

from __future__ import annotations

import csv
import os
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from viewer.domain.overview import AccordOverview
from viewer.ui.overview.participants_filter import ParticipantsFilter
from viewer.ui.overview.participants_model import KEY_ROLE, ParticipantsModel
from viewer.ui.widgets.plain_text import warning_colour

# Excel opens a CSV as UTF-8 only when it starts with a byte order mark;
# every other reader of CSV skips it.
CSV_ENCODING = "utf-8-sig"


class ParticipantsTable(QTableView):
    """One row per participant of the accord on a day.

    Click a header (or use the context menu: the Menu key or Shift+F10) to
    sort by that column. Ctrl+C copies the selected rows as TSV with the
    header line; :meth:`export_csv` writes every row shown, in the order
    shown. :meth:`set_filter` narrows the rows to a name or a status.

    Signals:
        partyChosen(str): the user selected a participant's row; its key.
    """

    partyChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.participants = ParticipantsModel(self)
        self.shown_rows = ParticipantsFilter(self.participants, self)
        self._restoring = False
        self._setup_widgets()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.setObjectName("participantsTable")
        self.setAccessibleName("Participants table")
        self.setModel(self.shown_rows)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the overview's order: by name
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        # Tab leaves the table for the map, as it leaves every other control;
        # the arrow keys move between the cells.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        self.copy_action = QAction("&Copy Rows as TSV", self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.participants.set_warning_colour(warning_colour(self))

    def _connect_signals(self) -> None:
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.copy_action.triggered.connect(self.copy_selection)
        self.customContextMenuRequested.connect(self._show_menu)

    # -- what it shows ---------------------------------------------------------------

    def set_overview(self, overview: AccordOverview | None, day: date) -> None:
        """Show ``overview`` on ``day``, keeping the row selected if it is still there."""
        kept = self.selected_key()
        fresh = overview is not self.participants.overview()
        self.participants.set_overview(overview, day)
        if fresh:
            self.resizeColumnsToContents()
        if kept is not None:
            self._restoring = True  # the same participant: not a new choice
            try:
                self.select_key(kept)
            finally:
                self._restoring = False

    def set_day(self, day: date) -> None:
        self.participants.set_day(day)

    def set_filter(self, text: str) -> None:
        """Show the rows whose name or status holds every word of ``text``."""
        self.shown_rows.set_filter(text)

    def selected_key(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return str(rows[0].data(KEY_ROLE)) if len(rows) == 1 else None

    def select_key(self, key: str) -> bool:
        """Select ``key``'s row if it is shown (emits :attr:`partyChosen`)."""
        row = self.participants.row_of(key)
        if row is None:
            return False
        index = self.shown_rows.mapFromSource(self.participants.index(row, 0))
        if not index.isValid():
            return False
        self.selectRow(index.row())
        self.scrollTo(index)
        return True

    def shown_keys(self) -> list[str]:
        """The participants' keys in the order the rows are shown."""
        return [
            str(self.shown_rows.index(row, 0).data(KEY_ROLE))
            for row in range(self.shown_rows.rowCount())
        ]

    # -- copies and exports ----------------------------------------------------------

    def shown_cells(self, rows: list[int] | None = None) -> list[list[str]]:
        """The header line and the rows shown (or only ``rows``, rows of the
        view), each cell as the table reads it."""
        model = self.shown_rows
        wanted = range(model.rowCount()) if rows is None else rows
        columns = range(model.columnCount())
        lines = [list(self.participants.headers())]
        for row in wanted:
            lines.append([str(model.index(row, column).data() or "") for column in columns])
        return lines

    def selection_tsv(self) -> str:
        """The selected rows as TSV with the header line: tabs and line breaks
        inside a cell become spaces, so every line is one row."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        if not rows:
            return ""
        lines = ("\t".join(_one_line(cell) for cell in line) for line in self.shown_cells(rows))
        return "\n".join(lines) + "\n"

    def copy_selection(self) -> None:
        text = self.selection_tsv()
        clipboard = QGuiApplication.clipboard()
        if text and clipboard is not None:
            clipboard.setText(text)

    def export_csv(self, path: Path) -> None:
        """Write the table as shown (its rows, filtered and sorted as on screen)
        to ``path`` as CSV in UTF-8 with a byte order mark.

        Written to a file beside it, then moved over it: a failed write
        (OSError) leaves what ``path`` held untouched.
        """
        folder = path.parent
        handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".csv", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding=CSV_ENCODING, newline="") as out:
                csv.writer(out).writerows(self.shown_cells())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    # -- reactions -------------------------------------------------------------------

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        key = self.selected_key()
        if key is not None and not self._restoring:
            self.partyChosen.emit(key)

    def _show_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        column = self.currentIndex().column() if self.currentIndex().isValid() else 0
        title = self.participants.headers()[column] if self.participants.headers() else ""
        if title:
            for words, order in (
                ("Ascending", Qt.SortOrder.AscendingOrder),
                ("Descending", Qt.SortOrder.DescendingOrder),
            ):
                sort = menu.addAction(f"Sort by {title}, {words}")
                sort.triggered.connect(
                    lambda _checked=False, order=order: self.sortByColumn(column, order)
                )
            menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def event(self, event: QEvent) -> bool:
        # Ctrl+C here copies rows, whatever the window's own Copy does elsewhere.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.participants.set_warning_colour(warning_colour(self))
        super().changeEvent(event)


def _one_line(cell: str) -> str:
    return " ".join(cell.replace("\t", " ").splitlines()) if cell else ""
