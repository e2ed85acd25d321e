"""Draws list cells with the search's matches highlighted."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from viewer.domain.query import Term, match_ranges


class MatchDelegate(QStyledItemDelegate):
    """Paints each cell's text as plain text, with the words of the current
    search in bold on the highlight colour, as the index matched them (at the
    start of a word, any case or accent). Cells without a match are drawn as
    Qt draws them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terms: tuple[Term, ...] = ()

    def set_terms(self, terms: tuple[Term, ...]) -> None:
        self._terms = terms

    def terms(self) -> tuple[Term, ...]:
        return self._terms

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        ranges = match_ranges(text, self._terms) if isinstance(text, str) and self._terms else []
        if not ranges:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        # PySide6's type stubs omit the option's fields; they are read and set here.
        item.text = ""  # type: ignore[attr-defined]
        widget: QWidget | None = item.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            super().paint(painter, option, index)
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        state: QStyle.StateFlag = item.state  # type: ignore[attr-defined]
        palette: QPalette = item.palette  # type: ignore[attr-defined]
        font: QFont = item.font  # type: ignore[attr-defined]
        selected = bool(state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        layout = QTextLayout(text, font)
        layout.setFormats([self._format(start, end, palette, selected) for start, end in ranges])
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1e6)  # one line; clipped to the cell
        layout.endLayout()
        painter.save()
        painter.setClipRect(area)
        painter.setPen(palette.color(group, text_role))
        margin = 3
        top = area.top() + (area.height() - line.height()) / 2
        layout.draw(painter, QPointF(area.left() + margin, top), [], QRectF(area))
        painter.restore()

    @staticmethod
    def _format(start: int, end: int, palette: QPalette, selected: bool) -> QTextLayout.FormatRange:
        found = QTextCharFormat()
        found.setFontWeight(QFont.Weight.Bold)
        if not selected:
            # The selection colour, faint: over the row's own background it
            # stays light in a light palette and dark in a dark one, so the
            # text colour reads on it in both.
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(90)
            found.setBackground(tint)
            found.setForeground(palette.color(QPalette.ColorRole.Text))
        chunk = QTextLayout.FormatRange()
        chunk.start = start  # type: ignore[attr-defined]
        chunk.length = end - start  # type: ignore[attr-defined]
        chunk.format = found  # type: ignore[attr-defined]
        return chunk
