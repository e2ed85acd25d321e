"""Preferences: the author name of the history, the timeline's day, the colours,
the backups kept and the citation style of references."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.csl import STYLES
from viewer.domain.dates import DateError, FuzzyDate
from viewer.ui.colour_scheme import ColourScheme
from viewer.ui.widgets.plain_text import show_as_error, show_as_warning
from viewer.ui.window.preferences import (
    MAX_BACKUPS,
    MIN_BACKUPS,
    AsOfMode,
    Preferences,
    read_day,
)

DATE_PLACEHOLDER = "e.g. 2021-06-01 or 1 Jun 2021"
NEEDS_DATE = "Type the day the timeline should open on."


class PreferencesDialog(QDialog):
    """Edits a :class:`Preferences`; :meth:`preferences` gives what was chosen.

    The fixed day is read as it is typed, in the app's date notation; while
    it cannot be read as one day, the reason shows under it, the text stays
    as typed and OK is disabled.

    Signals: none beyond QDialog's.
    """

    def __init__(
        self, preferences: Preferences, default_author: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self._setup_widgets(default_author)
        self._fill(preferences)
        self._connect_signals()
        self._check()

    def _setup_widgets(self, default_author: str) -> None:
        self.author_edit = QLineEdit(self)
        self.author_edit.setObjectName("authorEdit")
        self.author_edit.setAccessibleName("Author name")
        # Empty means the system's name; the placeholder shows which one.
        self.author_edit.setPlaceholderText(default_author)
        self.author_edit.setClearButtonEnabled(True)
        author_note = _note(
            "Recorded as who made each change in the history. Left empty, "
            "your name on this computer is used.",
            self,
        )

        self.today_button = QRadioButton("&Today", self)
        self.today_button.setObjectName("asOfToday")
        self.fixed_button = QRadioButton("A &fixed day:", self)
        self.fixed_button.setObjectName("asOfFixed")
        self._as_of_group = QButtonGroup(self)
        self._as_of_group.addButton(self.today_button)
        self._as_of_group.addButton(self.fixed_button)
        self.date_edit = QLineEdit(self)
        self.date_edit.setObjectName("asOfDateEdit")
        self.date_edit.setAccessibleName("Fixed day for the timeline")
        self.date_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.date_reading = QLabel(self)
        self.date_reading.setObjectName("asOfDateReading")
        self.date_reading.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.date_reading.setWordWrap(True)
        # Room for two lines, kept while empty, so the rows never shift.
        self.date_reading.setMinimumHeight(2 * self.date_reading.fontMetrics().lineSpacing())
        fixed_row = QHBoxLayout()
        fixed_row.addWidget(self.fixed_button)
        fixed_row.addWidget(self.date_edit, 1)
        as_of = QVBoxLayout()
        as_of.addWidget(self.today_button)
        as_of.addLayout(fixed_row)
        as_of.addWidget(self.date_reading)

        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setObjectName("colourSchemeCombo")
        self.scheme_combo.setAccessibleName("Colour scheme")
        for scheme in ColourScheme:
            self.scheme_combo.addItem(scheme.label, scheme.value)

        self.backups_spin = QSpinBox(self)
        self.backups_spin.setObjectName("backupsToKeep")
        self.backups_spin.setAccessibleName("Backups to keep")
        self.backups_spin.setRange(MIN_BACKUPS, MAX_BACKUPS)
        backups_note = _note(
            "A copy of the database is taken on the first launch of each day and before "
            "an upgrade or a restore; the oldest beyond this number are removed.",
            self,
        )

        self.style_combo = QComboBox(self)
        self.style_combo.setObjectName("citationStyleCombo")
        self.style_combo.setAccessibleName("Citation style")
        for style, name in STYLES.items():
            self.style_combo.addItem(name, style)

        form = QFormLayout()
        author_label = QLabel("&Author name:", self)
        author_label.setBuddy(self.author_edit)
        form.addRow(author_label, self.author_edit)
        form.addRow("", author_note)
        form.addRow("Timeline opens on:", as_of)
        scheme_label = QLabel("&Colours:", self)
        scheme_label.setBuddy(self.scheme_combo)
        form.addRow(scheme_label, self.scheme_combo)
        backups_label = QLabel("&Backups to keep:", self)
        backups_label.setBuddy(self.backups_spin)
        form.addRow(backups_label, self.backups_spin)
        form.addRow("", backups_note)
        style_label = QLabel("C&itation style:", self)
        style_label.setBuddy(self.style_combo)
        form.addRow(style_label, self.style_combo)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.author_edit,
            self.today_button,
            self.fixed_button,
            self.date_edit,
            self.scheme_combo,
            self.backups_spin,
            self.style_combo,
            self.ok_button(),
            self.cancel_button(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _fill(self, preferences: Preferences) -> None:
        self.author_edit.setText(preferences.author)
        fixed = preferences.as_of_mode is AsOfMode.FIXED
        self.fixed_button.setChecked(fixed)
        self.today_button.setChecked(not fixed)
        self.date_edit.setText(preferences.as_of_date)
        self.scheme_combo.setCurrentIndex(
            max(self.scheme_combo.findData(preferences.colour_scheme.value), 0)
        )
        self.backups_spin.setValue(preferences.backups_to_keep)
        self.style_combo.setCurrentIndex(
            max(self.style_combo.findData(preferences.citation_style), 0)
        )
        self.author_edit.setFocus()

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fixed_button.toggled.connect(self._check)
        self.date_edit.textChanged.connect(self._check)

    # -- public API ----------------------------------------------------------------

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def problem(self) -> str | None:
        """Why OK is disabled, or None."""
        if not self.fixed_button.isChecked():
            return None
        text = self.date_edit.text()
        if not text.strip():
            return NEEDS_DATE
        try:
            read_day(text)
        except DateError as error:
            return str(error)
        return None

    def preferences(self) -> Preferences:
        """What the dialog shows now."""
        fixed = self.fixed_button.isChecked()
        return Preferences(
            author=self.author_edit.text().strip(),
            as_of_mode=AsOfMode.FIXED if fixed else AsOfMode.TODAY,
            as_of_date=self.date_edit.text().strip(),
            colour_scheme=ColourScheme(self.scheme_combo.currentData()),
            backups_to_keep=self.backups_spin.value(),
            citation_style=str(self.style_combo.currentData()),
        )

    # -- reacting ------------------------------------------------------------------

    def _check(self) -> None:
        fixed = self.fixed_button.isChecked()
        self.date_edit.setEnabled(fixed)
        problem = self.problem()
        self.ok_button().setEnabled(problem is None)
        self.date_edit.setAccessibleDescription(problem or "")
        if problem is not None:
            self.date_reading.setText(problem)
            show_as_error(self.date_reading)
            self.date_reading.show()
        elif fixed:
            day = read_day(self.date_edit.text())
            self.date_reading.setText(f"Understood as {FuzzyDate.parse(day.isoformat()).display()}")
            show_as_warning(self.date_reading, False)
            self.date_reading.show()
        else:
            self.date_reading.setText("")  # its room stays: nothing above it moves


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label
