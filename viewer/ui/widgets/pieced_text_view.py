"""A read-only view of a text of any length, whose lines may be megabytes long."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

# The longest piece of one line that is laid out as a line of its own.
PIECE = 1_000


class PiecedTextView(QPlainTextEdit):
    """Shows a text read-only, wrapped, in the time its visible part takes.

    QPlainTextEdit lays out only the lines in view, but each line whole:
    one line of 2 MB (a pasted web address) took seconds to show, and
    minutes wrapped at word boundaries. So a line longer than :data:`PIECE`
    characters is shown in pieces of that length, each on a line of its own,
    and the view remembers where it broke them: copying a selection gives
    the text as it is, without those breaks (:meth:`text` too).

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._breaks: list[int] = []  # where the shown text has a break the text has not
        self.setReadOnly(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def set_text(self, text: str) -> None:
        self._text = text
        shown: list[str] = []
        self._breaks = []
        length = 0  # of the shown text so far
        for number, line in enumerate(text.split("\n")):
            if number:
                shown.append("\n")
                length += 1
            for start in range(0, max(len(line), 1), PIECE):
                if start:
                    self._breaks.append(length)
                    shown.append("\n")
                    length += 1
                piece = line[start : start + PIECE]
                shown.append(piece)
                length += len(piece)
        self.setPlainText("".join(shown))

    def text(self) -> str:
        """The whole text, as it is (without the breaks between pieces)."""
        return self._text

    def is_pieced(self) -> bool:
        """Whether some line is shown in pieces."""
        return bool(self._breaks)

    def original_offset(self, position: int) -> int:
        """Where in :meth:`text` the shown text's ``position`` is."""
        return position - bisect_left(self._breaks, position)

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        start = self.original_offset(cursor.selectionStart())
        end = self.original_offset(cursor.selectionEnd())
        data = QMimeData()
        data.setText(self._text[start:end])
        return data
