"""A label of fixed height whose text is cut to fit, the whole of it in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from viewer.ui.widgets.plain_text import plain_tooltip


class ElidedLabel(QLabel):
    """Plain text in at most ``lines`` lines, always as tall as those lines.

    The forms show each field's problem under it; a label that grew and
    shrank with its message would move every field below it while the user
    types, so a click meant for one field lands in another. This one keeps
    its height whether it shows a message or none, wraps at word boundaries
    and ends a text that needs more room with "…"; the tooltip and the
    accessible description carry the whole text, as does :meth:`text`.
    Never read as markup.
    """

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = max(1, lines)
        self._shown: list[str] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._line_height() * self._lines)

    # -- public API ----------------------------------------------------------------

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self.setToolTip(plain_tooltip(text))
        self.setAccessibleDescription(text)
        self._layout_text()
        self.update()

    def shown_lines(self) -> list[str]:
        """The lines drawn, cut to the label's width ("…" where text was left out)."""
        return list(self._shown)

    def is_cut(self) -> bool:
        """Whether some of the text is not drawn (it is in the tooltip)."""
        return " ".join(self._shown).replace("…", "").split() != self.text().split()

    # -- drawing ---------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        width = min(int(metrics.horizontalAdvance(self.text())) + 4, 400)
        return QSize(width, self._line_height() * self._lines)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self._line_height() * self._lines)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self._line_height() * self._lines)
            self._layout_text()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout_text()

    def paintEvent(self, _event: QPaintEvent) -> None:
        # Drawn here rather than by QLabel, which would draw the whole text.
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        height = self._line_height()
        for index, line in enumerate(self._shown):
            rect = QRectF(0, index * height, self.width(), height)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft), line)

    def _line_height(self) -> int:
        return int(QFontMetricsF(self.font()).lineSpacing() + 0.999)

    def _layout_text(self) -> None:
        """Break the text into lines of the label's width; the last takes what is left."""
        width = max(self.width(), 1)
        metrics = QFontMetricsF(self.font())
        text = " ".join(self.text().split())
        lines: list[str] = []
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        while len(lines) < self._lines - 1:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        used = sum(line_length(layout, index) for index in range(len(lines)))
        rest = text[used:].strip()
        if rest:
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        self._shown = [line for line in lines if line]


def line_length(layout: QTextLayout, index: int) -> int:
    """How many characters line ``index`` of a laid-out text holds."""
    return layout.lineAt(index).textLength()
