"""An icon drawn from one character of an icon font, in the colours of the moment."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QIconEngine, QPainter, QPixmap

# The glyph fills most of its square, as QtAwesome draws it: icon fonts leave
# their own margin around each symbol.
_GLYPH_SHARE = 0.875


class GlyphIconEngine(QIconEngine):
    """Draws ``char`` of the font ``family`` in the application palette's
    button text colour (greyed when disabled, highlighted text when selected).

    The colour is read each time the icon is drawn, so the icon follows a
    change of colour scheme with nothing made again.

    Signals: none (not a QObject).
    """

    def __init__(self, family: str, char: str) -> None:
        super().__init__()
        self._family = family
        self._char = char

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        font = QFont(self._family)
        font.setPixelSize(max(1, round(_GLYPH_SHARE * rect.height())))
        painter.save()
        painter.setFont(font)
        painter.setPen(_colour(mode))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._char)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        # Drawn at the screen's own resolution, so a glyph stays sharp on HiDPI.
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint(painter, QRect(QPoint(0, 0), pixmap.size()), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self._family, self._char)


def _colour(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode is QIcon.Mode.Disabled:
        return palette.color(palette.ColorGroup.Disabled, palette.ColorRole.ButtonText)
    if mode is QIcon.Mode.Selected:
        return palette.color(palette.ColorGroup.Active, palette.ColorRole.HighlightedText)
    return palette.color(palette.ColorGroup.Active, palette.ColorRole.ButtonText)
