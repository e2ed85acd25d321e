"""The map's legend and its "Not on the map" note, laid out in rows under the map.

The legend names the statuses taken in the accord (in the order steps
happen), then what a participant with no status yet, a country that takes
no part, a tentative status and a step that may have happened by then look
like. The same code lays it out for the widget, a PNG, an SVG and the
report's picture, so that each reads the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.domain.enums import StatusKind
from viewer.ui.overview.map_colours import (
    NO_STATUS_STYLE,
    NOT_PARTICIPANT_STYLE,
    ShapeStyle,
    map_text_colour,
)
from viewer.ui.timeline.status_colours import hatch_brush, status_colour, tint

NO_STATUS_LABEL = "No status yet"
NOT_PARTICIPANT_LABEL = "Not a participant"
TENTATIVE_LABEL = "Pale, dashed: expected or planned, or vaguely dated"
MAYBE_LABEL = "Hatched: a step that may have happened by then"
UNPLACED_PREFIX = "Not on the map: "

_SWATCH_WIDTH = 18.0
_SWATCH_HEIGHT = 11.0
_SWATCH_GAP = 5.0
_ENTRY_GAP = 16.0
_ROW_GAP = 4.0
_PADDING = 6.0


@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    style: ShapeStyle


@dataclass(frozen=True, slots=True)
class LegendLayout:
    """Where each entry's swatch and label go, relative to the legend's top left."""

    height: float
    items: tuple[tuple[LegendEntry, QRectF, QRectF], ...]
    note: str
    note_rect: QRectF


def legend_entries(kinds: tuple[StatusKind, ...]) -> tuple[LegendEntry, ...]:
    """The entries for an accord whose steps are of ``kinds``."""
    entries = [LegendEntry(kind.label[:1].upper() + kind.label[1:], _solid(kind)) for kind in kinds]
    # A sample of each pattern, in the amber of "not there yet" and the vermilion of a stall.
    amber = status_colour(StatusKind.EXPECTED_TO_JOIN)
    dashed = _pen(amber)
    dashed.setStyle(Qt.PenStyle.DashLine)
    entries.append(
        LegendEntry(TENTATIVE_LABEL, ShapeStyle(QBrush(tint(amber, 0.35)), None, dashed))
    )
    stalled = status_colour(StatusKind.STALLED)
    entries.append(
        LegendEntry(
            MAYBE_LABEL,
            ShapeStyle(QBrush(tint(stalled, 0.18)), hatch_brush(StatusKind.STALLED), _pen(stalled)),
        )
    )
    entries.append(LegendEntry(NO_STATUS_LABEL, NO_STATUS_STYLE))
    entries.append(
        LegendEntry(
            NOT_PARTICIPANT_LABEL,
            ShapeStyle(
                NOT_PARTICIPANT_STYLE.fill,
                None,
                _pen(NOT_PARTICIPANT_STYLE.fill.color().darker(130)),
            ),
        )
    )
    return tuple(entries)


def unplaced_note(names: list[str]) -> str:
    """ "Not on the map: European Union, Palestine Liberation Organization", or ""."""
    return UNPLACED_PREFIX + ", ".join(names) if names else ""


def layout_legend(
    entries: tuple[LegendEntry, ...], note: str, width: float, font: QFont
) -> LegendLayout:
    """Entries left to right, wrapping into rows, then the note wrapped below them;
    nothing at all (no height) without entries and note."""
    if not entries and not note:
        return LegendLayout(height=0.0, items=(), note="", note_rect=QRectF())
    metrics = QFontMetricsF(font)
    line = metrics.height()
    right = max(width - _PADDING, _PADDING + 1)
    x, y = _PADDING, _PADDING
    items = []
    for entry in entries:
        text_width = metrics.horizontalAdvance(entry.label)
        needed = _SWATCH_WIDTH + _SWATCH_GAP + text_width
        if x > _PADDING and x + needed > right:
            x, y = _PADDING, y + line + _ROW_GAP
        room = right - x - _SWATCH_WIDTH - _SWATCH_GAP
        if text_width > room:
            # Alone on its row and still too long (a narrow map): cut with an ellipsis.
            label = metrics.elidedText(entry.label, Qt.TextElideMode.ElideRight, max(room, 0.0))
            entry = LegendEntry(label, entry.style)
            text_width = metrics.horizontalAdvance(label)
            needed = _SWATCH_WIDTH + _SWATCH_GAP + text_width
        swatch = QRectF(x, y + (line - _SWATCH_HEIGHT) / 2, _SWATCH_WIDTH, _SWATCH_HEIGHT)
        text = QRectF(x + _SWATCH_WIDTH + _SWATCH_GAP, y, text_width + 1, line)
        items.append((entry, swatch, text))
        x += needed + _ENTRY_GAP
    if items:
        y += line
    note_rect = QRectF(_PADDING, y, right - _PADDING, 0)
    if note:
        y += _ROW_GAP if items else 0.0
        bounds = metrics.boundingRect(
            QRectF(_PADDING, y, right - _PADDING, 10_000), _NOTE_FLAGS, note
        )
        note_rect = QRectF(_PADDING, y, right - _PADDING, bounds.height())
        y += bounds.height()
    return LegendLayout(height=y + _PADDING, items=tuple(items), note=note, note_rect=note_rect)


_NOTE_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(
    Qt.TextFlag.TextWordWrap
)


def paint_legend(painter: QPainter, layout: LegendLayout, origin: QPointF, font: QFont) -> None:
    """Draw ``layout`` with its top left at ``origin``, on paper already painted."""
    painter.save()
    painter.translate(origin)
    painter.setFont(font)
    for entry, swatch, text in layout.items:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(swatch, entry.style.fill)
        if entry.style.hatch is not None:
            painter.fillRect(swatch, entry.style.hatch)
        painter.setPen(entry.style.outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(swatch)
        painter.setPen(map_text_colour())
        painter.drawText(
            text, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), entry.label
        )
    if layout.note:
        painter.setPen(map_text_colour())
        painter.drawText(layout.note_rect, _NOTE_FLAGS, layout.note)
    painter.restore()


def _solid(kind: StatusKind) -> ShapeStyle:
    return ShapeStyle(QBrush(status_colour(kind)), None, _pen(status_colour(kind)))


def _pen(colour: QColor) -> QPen:
    pen = QPen(colour, 1.4)
    pen.setCosmetic(True)
    return pen
