"""Two likely duplicates side by side, and which one to keep."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QWidget,
)

from viewer.domain.display_text import one_line
from viewer.store.api import DuplicateCandidate
from viewer.ui.window.duplicates_model import DuplicatePair

# The rows of the comparison: a label and how each record fills it.
_ROWS = ("Title", "Date", "Web address", "Citations", "Key")
# The longest a value runs on its line (the tooltip holds all of it).
VALUE_TEXT = 200


class DuplicatePairView(QGroupBox):
    """The pair chosen in the list: title (or name), date, web address, how
    many citations, key, of each record in its column, with a choice of the
    one to keep (the more cited one when a pair is shown; Alt+F, Alt+S).

    Signals:
        survivorChosen(str): the key of the record chosen to keep.
    """

    survivorChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Side by side", parent)
        self.setObjectName("duplicatePair")
        self._pair: DuplicatePair | None = None
        self._setup_widgets()
        self._connect_signals()
        self.set_pair(None)

    def _setup_widgets(self) -> None:
        layout = QGridLayout(self)
        self.keep_first = QRadioButton("Keep &first", self)
        self.keep_second = QRadioButton("Keep &second", self)
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.keep_first, 0)
        self._choice.addButton(self.keep_second, 1)
        layout.addWidget(self.keep_first, 0, 1)
        layout.addWidget(self.keep_second, 0, 2)
        self._values: list[tuple[QLabel, QLabel]] = []
        for row, name in enumerate(_ROWS, start=1):
            heading = QLabel(name, self)
            heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(heading, row, 0)
            pair = (self._value_label(), self._value_label())
            layout.addWidget(pair[0], row, 1)
            layout.addWidget(pair[1], row, 2)
            self._values.append(pair)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(2, 1)

    def _value_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # text from the database, never HTML
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _connect_signals(self) -> None:
        self._choice.idToggled.connect(self._chosen)

    # -- public API ----------------------------------------------------------------

    def set_pair(self, pair: DuplicatePair | None) -> None:
        """Show ``pair`` (nothing for None), the first record chosen to keep."""
        self._pair = pair
        for side, button in enumerate((self.keep_first, self.keep_second)):
            record = None if pair is None else (pair.first, pair.second)[side]
            button.setEnabled(record is not None)
            for (first, second), value in zip(self._values, _values(record), strict=True):
                label = (first, second)[side]
                label.setText(one_line(value, VALUE_TEXT) if value else "")
                label.setToolTip(value if len(value) > VALUE_TEXT else "")
        if pair is not None:
            self.keep_first.setChecked(True)

    def pair(self) -> DuplicatePair | None:
        return self._pair

    def survivor(self) -> DuplicateCandidate | None:
        """The record chosen to keep."""
        if self._pair is None:
            return None
        return self._pair.second if self.keep_second.isChecked() else self._pair.first

    def merged(self) -> DuplicateCandidate | None:
        """The record to merge into the one kept."""
        if self._pair is None:
            return None
        return self._pair.first if self.keep_second.isChecked() else self._pair.second

    def value_texts(self, side: int) -> list[str]:
        """What the column of the first (0) or second (1) record shows, row by row."""
        return [pair[side].text() for pair in self._values]

    # -- reacting ------------------------------------------------------------------

    def _chosen(self, _button: int, checked: bool) -> None:
        survivor = self.survivor()
        if checked and survivor is not None:
            self.survivorChosen.emit(survivor.key)


def _values(record: DuplicateCandidate | None) -> list[str]:
    if record is None:
        return ["" for _ in _ROWS]
    iso = f" ({record.iso_code})" if record.iso_code else ""
    return [
        f"{record.label}{iso}",
        record.date or "—",
        record.url or "—",
        str(record.citations),
        record.key,
    ]
