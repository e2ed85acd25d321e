"""A date field that takes partial and uncertain dates and says how it read them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from viewer.domain.dates import DateError, FuzzyDate
from viewer.ui.widgets.elided_label import ElidedLabel
from viewer.ui.widgets.plain_text import show_as_warning

PLACEHOLDER = "e.g. 2021, Jan 2021, 2025-11~, week of 10 Nov 2025"
NO_DATE = "No date"
REQUIRED = "is required"
REQUIRED_READING = "A date is required"


class FuzzyDateEdit(QWidget):
    """A line edit for a :class:`FuzzyDate` with its reading shown underneath.

    People type dates as news gives them ("Jan 2021", "week of 10 Nov 2025",
    "2025-11~"); the label below says, as they type, what the text was
    understood as, or why it cannot be read, so that nothing is guessed
    silently.  Everything shown is plain text.

    The reading keeps one line's height, whatever it says, so that the fields
    under this one stay put while a date is typed; a form shows the date's
    other problems (before another date, say) on that same line through
    :meth:`set_problem`, so each problem is said once.

    Signals:
        changed(): the text changed, by typing or by :meth:`set_value`.
    """

    changed = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accessible_name = accessible_name
        self._required = False
        self._value: FuzzyDate | None = None
        self._error: str | None = None
        self._outside_problem = ""
        self._setup_widgets()
        self._connect_signals()
        self._interpret()

    def _setup_widgets(self) -> None:
        self.line_edit = QLineEdit(self)
        self.line_edit.setPlaceholderText(PLACEHOLDER)
        self.line_edit.setAccessibleName(self._accessible_name)
        self.line_edit.setClearButtonEnabled(True)
        # Error messages quote what was typed: it must never be read as markup.
        self._reading = ElidedLabel(1, self)
        self._reading.setAccessibleName(f"{self._accessible_name}: how it was understood")
        font = self._reading.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self._reading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self._reading)
        self.setFocusProxy(self.line_edit)
        # A line to type in, as wide as the form's other lines.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _connect_signals(self) -> None:
        self.line_edit.textChanged.connect(self._on_text_changed)

    # -- public API ----------------------------------------------------------------

    def value(self) -> FuzzyDate | None:
        """The date typed, or None when the field is empty or cannot be read."""
        return self._value

    def set_value(self, value: FuzzyDate | None) -> None:
        """Show ``value`` as its EDTF text, the form it is stored in."""
        self.line_edit.setText("" if value is None else value.edtf)

    def text(self) -> str:
        """The text as typed."""
        return self.line_edit.text()

    def problem(self) -> str | None:
        """Why the text is not an acceptable date, or None if it is."""
        return self._error

    def set_problem(self, problem: str) -> None:
        """Show ``problem`` (found by the form, not in the text) in place of
        the reading; "" shows the reading again."""
        self._outside_problem = problem
        self._interpret()

    def reading_label(self) -> ElidedLabel:
        """The line under the field that says how the date was read, or what is wrong."""
        return self._reading

    def set_required(self, required: bool) -> None:
        """Whether an empty field is a problem."""
        self._required = required
        self._interpret()

    # -- reading -------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        self._interpret()
        self.changed.emit()

    def _interpret(self) -> None:
        """Read the text once, so value, problem and label always agree."""
        text = self.line_edit.text()
        self._value, self._error = None, None
        if not text.strip():
            if self._required:
                self._error = REQUIRED
                self._show_reading(REQUIRED_READING, warning=True)
            else:
                self._show_reading(NO_DATE, warning=False)
            return
        try:
            self._value = FuzzyDate.from_text(text)
        except DateError as error:
            self._error = str(error)
            self._show_reading(self._error, warning=True)
            return
        self._show_reading(
            f"Understood as: {self._value.display()} (EDTF {self._value.edtf})", warning=False
        )

    def _show_reading(self, reading: str, *, warning: bool) -> None:
        if self._outside_problem and not self._error:
            reading, warning = self._outside_problem, True
        self._reading.setText(reading)
        # Screen readers announce the description with the field, so someone
        # who cannot see the label still hears how the date was read.
        self.line_edit.setAccessibleDescription(reading)
        show_as_warning(self._reading, warning)
