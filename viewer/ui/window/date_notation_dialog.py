"""Help ▸ Date Notation: how to write partial and uncertain dates, and a field to try one."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.date_notation import EDTF_URL, NotationExample
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit

HEADERS = ("Written", "Means", "Shown as")

INTRO = (
    "<p>Dates are written in the Library of Congress "
    f'<a href="{escape(EDTF_URL)}">Extended Date/Time Format</a> (EDTF), levels 0 and 1, '
    "so a date can be as partial or as uncertain as the news that gives it. Date "
    "fields also take plain forms such as <i>Jan 2021</i> or <i>week of 10 Nov 2025</i> "
    "and say how they read them.</p>"
)


class DateNotationDialog(QDialog):
    """The notation table (the same rows as the README's) and a field that
    shows how any date typed into it is read.

    Signals: none beyond QDialog's.
    """

    def __init__(self, rows: Sequence[NotationExample], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Date Notation")
        self.setObjectName("dateNotationDialog")
        self._setup_widgets()
        self._fill(rows)

    def _setup_widgets(self) -> None:
        intro = QLabel(INTRO, self)
        intro.setTextFormat(Qt.TextFormat.RichText)  # our own text, written above
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("dateNotationTable")
        self.table.setAccessibleName("Date notation examples")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        try_label = QLabel("&Try a date:", self)
        self.try_edit = FuzzyDateEdit("Try a date", self)
        self.try_edit.setObjectName("dateNotationTry")
        try_label.setBuddy(self.try_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(try_label)
        layout.addWidget(self.try_edit)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _fill(self, rows: Sequence[NotationExample]) -> None:
        self.table.setRowCount(len(rows))
        for row, example in enumerate(rows):
            for column, text in enumerate((example.written, example.means, example.shown_as)):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFont(_monospace(self.table.font()))
                self.table.setItem(row, column, item)
        self.try_edit.setFocus()

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown: (written, means, shown as) per row."""
        found = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(len(HEADERS))]
            texts = [cell.text() if cell is not None else "" for cell in cells]
            found.append((texts[0], texts[1], texts[2]))
        return found


def _monospace(beside: QFont) -> QFont:
    # What is typed is shown in the fixed-width face, as the README shows code.
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    if beside.pointSizeF() > 0:
        font.setPointSizeF(beside.pointSizeF())
    return font
