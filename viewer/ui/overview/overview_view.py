"""The accord at a glance: its name, the as-of date, the participants table, the map
and the timeline, all showing the same day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.overview import AccordOverview
from viewer.ui.overview.as_of_bar import AsOfBar
from viewer.ui.overview.overview_part import MapPart, OverviewPart, TimelinePart
from viewer.ui.overview.participants_table import ParticipantsTable

NO_ACCORD = "No accord yet: add one with New ▸ Accord, then come back to the overview."
PARTY = "party"


class OverviewView(QWidget):
    """One accord on one day: the heading, the as-of controls, and a splitter
    holding the participants table and, once the window hands them over, the
    map and the timeline (:meth:`set_map`, :meth:`set_timeline`; until then
    their places are simply absent).

    One day drives everything: :meth:`set_day` (or the field, the slider, the
    step buttons, Play, or the timeline's date line) moves the table and the
    parts together.

    Signals:
        dayChanged(object): the as-of ``datetime.date`` changed.
        recordChosen(str, str): a record was chosen here (a row of the table,
            a country on the map: ("party", key); the timeline's spans and
            markers: their kind and key).
    """

    dayChanged = Signal(object)
    recordChosen = Signal(str, str)

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview: AccordOverview | None = None
        self._parts: list[OverviewPart] = []
        self._map: QWidget | None = None
        self._timeline: QWidget | None = None
        # Says what went wrong (a failed export); the window may put its own.
        self.notify: Callable[[str], None] = self._warn
        self._setup_widgets(day or date.today())
        self._connect_signals()
        self.set_overview(None)

    def _setup_widgets(self, day: date) -> None:
        self.setObjectName("overviewView")
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.as_of = AsOfBar(day, self)
        self.table = ParticipantsTable(self)
        self.export_menu = QMenu("Export", self)
        self.export_table_action = self.export_menu.addAction("Export Table as CSV…")
        self.export_button = QToolButton(self)
        self.export_button.setObjectName("overviewExport")
        self.export_button.setText("Export")
        self.export_button.setAccessibleName("Export the overview")
        self.export_button.setToolTip("Export the table (CSV)")
        self.export_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setMenu(self.export_menu)
        # The table with the map beside it, the timeline under both.
        self.top = QSplitter(Qt.Orientation.Horizontal, self)
        self.top.setObjectName("overviewTopSplitter")
        self.top.setChildrenCollapsible(False)
        self.top.addWidget(self.table)
        self.body = QSplitter(Qt.Orientation.Vertical, self)
        self.body.setObjectName("overviewSplitter")
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(self.top)
        self.empty = QLabel(NO_ACCORD, self)
        self.empty.setObjectName("overviewEmpty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        content = QWidget(self)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(content)
        column.setContentsMargins(6, 6, 6, 6)
        column.addLayout(top)
        column.addWidget(self.as_of)
        column.addWidget(self.body, 1)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.empty)
        self.pages.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        for action in (self.as_of.previous_action, self.as_of.next_action):
            # [ and ] anywhere in the overview; a field still takes them as text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self._order_tabs()

    def tab_chain(self) -> list[QWidget]:
        """The widgets Tab walks, in reading order: the date field and its
        calendar, the slider, the step and Play buttons, Export, the table,
        then the map and the timeline when they are there, each followed by
        its own buttons (the map's zoom and fit)."""
        bar = self.as_of
        chain: list[QWidget] = [bar.field.line_edit, bar.field.calendar_button, bar.slider]
        chain += [bar.previous_button, bar.play_button, bar.next_button]
        chain += [self.export_button, self.table]
        for part in (self._map, self._timeline):
            if part is not None:
                chain += [part, *_tab_children(part)]
        return chain

    def _order_tabs(self) -> None:
        for first, second in pairwise(self.tab_chain()):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.as_of.dayChanged.connect(self._day_moved)
        self.table.partyChosen.connect(lambda key: self.recordChosen.emit(PARTY, key))
        self.export_table_action.triggered.connect(lambda: self.export_table())

    # -- public API ------------------------------------------------------------------

    def overview(self) -> AccordOverview | None:
        return self._overview

    def set_overview(self, overview: AccordOverview | None) -> None:
        """Show ``overview`` (None: the plain empty state, no accord to show)."""
        self._overview = overview
        self.as_of.set_overview(overview)
        self.table.set_overview(overview, self.day())
        if overview is None:
            self.heading.setText("")
            self.pages.setCurrentWidget(self.empty)
            self.empty.setText(NO_ACCORD)
            return
        self.heading.setText(overview.accord.name)
        self.pages.setCurrentIndex(1)
        for part in self._parts:
            part.set_overview(overview)
            part.set_day(self.day())

    def show_problem(self, text: str) -> None:
        """Say why the overview cannot be shown (the read failed)."""
        self.pages.setCurrentWidget(self.empty)
        self.empty.setText(f"The overview cannot be shown: {text}")

    def day(self) -> date:
        return self.as_of.day()

    def focus_day(self) -> None:
        """Put the keyboard focus in the date field (where the overview starts)."""
        self.as_of.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_day(self, day: date) -> None:
        """Show everything as of ``day``; emits :attr:`dayChanged` if it changed."""
        self.as_of.set_day(day)

    def set_map(self, part: MapPart) -> None:
        """Put the world map beside the table; its clicks choose participants."""
        self._map = self._place(part, self.top, 1)
        part.partyChosen.connect(lambda key: self.recordChosen.emit(PARTY, key))
        if self._map is not None:
            self.top.setStretchFactor(0, 1)
            self.top.setStretchFactor(1, 1)

    def set_timeline(self, part: TimelinePart) -> None:
        """Put the timeline of everything under the table and the map; its
        date line moves the day."""
        self._timeline = self._place(part, self.body, self.body.count())
        part.dayChanged.connect(self.set_day)
        part.recordChosen.connect(self.recordChosen.emit)
        if self._timeline is not None:
            self.body.setStretchFactor(0, 3)
            self.body.setStretchFactor(1, 2)

    def add_export(self, title: str, write: Callable[[Path], None], suffix: str) -> QAction:
        """An entry of the Export menu that saves a picture: ``write`` writes the
        file (raising OSError with a plain message when it cannot)."""
        action = self.export_menu.addAction(title)
        action.triggered.connect(lambda: self.export_file(title, write, suffix))
        return action

    def export_file(
        self, title: str, write: Callable[[Path], None], suffix: str, path: Path | None = None
    ) -> bool:
        """Save with ``write`` at ``path`` (None: ask where); whether it was saved.
        A failure is said, and the file there before stays."""
        if path is None:
            kind = suffix.upper()
            stem = self._file_name().removesuffix(".csv").replace("-participants-", "-")
            chosen, _ = QFileDialog.getSaveFileName(
                self, title.rstrip("…"), f"{stem}.{suffix}", f"{kind} files (*.{suffix})"
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            write(path)
        except OSError as error:
            self.notify(
                f"{path} was not saved: {error.strerror or error}. "
                "Choose a folder you can write to and export again."
            )
            return False
        return True

    def export_table(self, path: Path | None = None) -> bool:
        """Save the table as shown as CSV at ``path`` (None: ask where);
        whether it was saved. A failure is said, and the file there before stays."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Export Table as CSV", self._file_name(), "CSV files (*.csv)"
            )
            if not chosen:
                return False
            path = Path(chosen)
        try:
            self.table.export_csv(path)
        except OSError as error:
            reason = error.strerror or str(error)
            self.notify(
                f"The table was not saved to {path}: {reason}. "
                "Choose a folder you can write to and export again."
            )
            return False
        return True

    # -- inside ----------------------------------------------------------------------

    def _place(self, part: OverviewPart, holder: QSplitter, position: int) -> QWidget | None:
        self._parts.append(part)
        widget = part if isinstance(part, QWidget) else None
        if widget is not None:
            holder.insertWidget(min(position, holder.count()), widget)
        if self._overview is not None:
            part.set_overview(self._overview)
        part.set_day(self.day())
        self._order_tabs()
        return widget

    def _day_moved(self, day: date) -> None:
        self.table.set_day(day)
        for part in self._parts:
            part.set_day(day)
        self.dayChanged.emit(day)

    def _file_name(self) -> str:
        key = self._overview.accord.key if self._overview else "accord"
        return f"{key}-participants-{self.day().isoformat()}.csv"

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, "Export", text)


def _tab_children(part: QWidget) -> list[QWidget]:
    """The controls a part holds that Tab reaches, in the order they were made."""
    children = part.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [child for child in children if child.focusPolicy() & Qt.FocusPolicy.TabFocus]
