"""A frame around one pane of the window, drawn bold while the focus is inside."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

FRAME_WIDTH = 2


class FocusFrame(QWidget):
    """Holds one pane and shows, with a frame in the palette's highlight
    colour, whether the keyboard focus is in it.

    Qt's own focus rectangle is a thin dotted line on one cell of a table,
    easy to lose; a frame around the whole pane says where typing goes in
    light and dark palettes alike, since both colours come from the palette.
    """

    def __init__(self, pane: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.setObjectName(f"{pane.objectName()}Frame")
        layout = QVBoxLayout(self)
        margin = FRAME_WIDTH + 1
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.addWidget(pane)
        self._focused = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def has_focus_inside(self) -> bool:
        return self._focused

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        focused = new is not None and (new is self.pane or self.pane.isAncestorOf(new))
        if focused != self._focused:
            self._focused = focused
            self.update()

    def frame_colour(self) -> QColor:
        """The frame's colour now: the highlight when focused, else the window's own."""
        role = QPalette.ColorRole.Highlight if self._focused else QPalette.ColorRole.Window
        return self.palette().color(role)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._focused:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.frame_colour(), FRAME_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FRAME_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(half, half, -half, -half))
        painter.end()
