"""The "as of" date: typed in the app's date notation, or picked on a calendar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.status import AS_OF_RULE, as_of_day
from viewer.ui.widgets.plain_text import show_as_warning

PLACEHOLDER = "e.g. 2021-06-01, 1 Jun 2021, 2021-06"


class AsOfEdit(QWidget):
    """A day typed as any date field of the app takes it, with a calendar beside it.

    The text is read with :meth:`FuzzyDate.from_text` (EDTF and the forms'
    readable forms) when Enter is pressed or the field is left. A date that
    covers several days stands for its last one (``AS_OF_RULE``); the line
    under the field says which day was understood, or why the text cannot be
    read. Unreadable text stays as typed and the day does not change.

    Signals:
        dayChanged(datetime.date): the day changed, by typing, the calendar
            or :meth:`set_day`.
    """

    dayChanged = Signal(object)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self._setup_widgets()
        self._fill(day)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("asOfDate")
        self.line_edit.setAccessibleName("Status as of date")
        self.line_edit.setPlaceholderText(PLACEHOLDER)
        self.line_edit.setToolTip(
            f"Any date the app reads: 2021-06-01, 1 Jun 2021, June 2021…\n{AS_OF_RULE}\n"
            "Enter or leaving the field applies it."
        )
        self.calendar_button = QToolButton(self)
        self.calendar_button.setObjectName("asOfCalendarButton")
        self.calendar_button.setText("▾")
        self.calendar_button.setAccessibleName("Choose the as-of date on a calendar")
        self.calendar_button.setToolTip("Choose the date on a calendar")
        # A popup of its own rather than a menu: it does not block, and the
        # keyboard works in it as in any calendar.
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("asOfCalendar")
        self.calendar.setAccessibleName("As-of date calendar")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self._close_calendar = QAction("Close the calendar", self.calendar)
        self._close_calendar.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self._close_calendar.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.calendar.addAction(self._close_calendar)
        self.calendar.hide()
        self.reading = QLabel(self)
        self.reading.setObjectName("asOfReading")
        self.reading.setAccessibleName("How the as-of date was understood")
        # It quotes what was typed: never read as markup.
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setWordWrap(True)
        font = self.reading.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.reading.setFont(font)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.reading)
        self.line_edit.setMinimumWidth(self.line_edit.fontMetrics().horizontalAdvance("0" * 14))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.line_edit)

    def _fill(self, day: date) -> None:
        self.line_edit.setText(_day_text(day))
        self._say(f"Understood as {_day_text(day)}", warning=False)

    def _connect_signals(self) -> None:
        self.line_edit.editingFinished.connect(self.apply_text)
        self.line_edit.textEdited.connect(self._preview)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(self._picked)
        self._close_calendar.triggered.connect(self.calendar.hide)

    # -- public API ----------------------------------------------------------------

    def day(self) -> date:
        """The day in force (the last one read, not what is being typed)."""
        return self._day

    def set_day(self, day: date) -> None:
        """Show ``day``; emits :attr:`dayChanged` if it is another day."""
        self._fill(day)
        self._set(day)

    def problem(self) -> str | None:
        """Why the text typed was not taken, or None."""
        return self.reading.text() if self.reading.property("problem") else None

    def apply_text(self) -> bool:
        """Read the text typed; True if it gave a day (the same one or another)."""
        text = self.line_edit.text()
        try:
            read = FuzzyDate.from_text(text)
            day = as_of_day(read)
        except DateError as error:
            self._say(f"Not applied: {error}", warning=True)
            return False
        if read.lower == read.upper:
            self._say(f"Understood as {_day_text(day)}", warning=False)
        else:
            self._say(
                f"Understood as {_day_text(day)}, the last day of {read.display()}", warning=False
            )
        self._set(day)
        return True

    def show_calendar(self) -> None:
        """Open the calendar under the field, on the day in force."""
        self.calendar.setSelectedDate(QDate(self._day.year, self._day.month, self._day.day))
        self.calendar.adjustSize()
        below = self.line_edit.mapToGlobal(QPoint(0, self.line_edit.height()))
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    # -- reactions -----------------------------------------------------------------

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self.set_day(date(picked.year(), picked.month(), picked.day()))
        self.line_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _preview(self, text: str) -> None:
        # While typing, say what Enter would do; the day in force stays.
        try:
            day = as_of_day(FuzzyDate.from_text(text))
        except DateError:
            self._say("Enter or Tab applies the date typed", warning=False)
            return
        self._say(f"Enter applies {_day_text(day)}", warning=False)

    def _set(self, day: date) -> None:
        if day != self._day:
            self._day = day
            self.dayChanged.emit(day)

    def _say(self, text: str, *, warning: bool) -> None:
        self.reading.setText(text)
        self.reading.setProperty("problem", warning)
        self.line_edit.setAccessibleDescription(text)
        show_as_warning(self.reading, warning)


def _day_text(day: date) -> str:
    # The domain's own display form ("1 Jun 2021"), which the field reads back.
    return FuzzyDate.parse(day.isoformat()).display()
