"""One party's status actions drawn along a time axis.

The bands and how they look come from :mod:`viewer.ui.timeline.status_bands`,
which the accord's timeline of everything shares, so that a click anywhere
reads the band under it and a step looks the same in both.

Database text reaches the screen only through QPainter.drawText (always plain
text) and through tooltips that are escaped rich text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from viewer.domain.claims import in_force
from viewer.domain.records import StatusAction
from viewer.domain.status import chronological
from viewer.ui.timeline import status_colours as colours
from viewer.ui.timeline.status_bands import (
    Band,
    LaneSteps,
    band_at,
    describe_band,
    layout_bands,
    paint_band,
    small_font,
    when,
)
from viewer.ui.widgets.plain_text import show_tooltip_at

_MARGIN = 8.0
_LABEL_STEPS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
_CENTRED = Qt.AlignmentFlag.AlignCenter


class _Frame(NamedTuple):
    """Where things go: the band row, the axis line and the span of days drawn."""

    top: float
    bottom: float
    axis: float
    left: float
    right: float
    first: date
    last: date

    def x(self, day: date) -> float:
        fraction = (day - self.first).days / max((self.last - self.first).days, 1)
        return self.left + fraction * (self.right - self.left)


class TimelineCanvas(QWidget):
    """Paints status actions as bands on a year axis, with an optional "as of" line.

    Signals:
        dayClicked(datetime.date): the day under a left click on the axis.
    """

    dayClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps = LaneSteps.of(())
        self._marker: date | None = None
        self.setMinimumHeight(70)
        self.setAccessibleName("Status timeline")

    def sizeHint(self) -> QSize:
        return QSize(400, 90)

    def set_actions(self, actions: Sequence[StatusAction]) -> None:
        self._steps = LaneSteps.of(actions)
        ordered = chronological(in_force(actions))
        summary = "; ".join(f"{a.action.label} ({when(a)})" for a in ordered)
        self.setAccessibleDescription(summary or "no status actions")
        self.update()

    def set_marker(self, day: date | None) -> None:
        self._marker = day
        self.update()

    def marker(self) -> date | None:
        return self._marker

    # Geometry ------------------------------------------------------------

    def _small_font(self) -> QFont:
        return small_font(self.font())

    def _frame(self) -> _Frame:
        """The layout for the current size: whole years around the actions and the marker."""
        days = self._steps.days()
        days += [self._marker] if self._marker else []
        days = days or [date.today()]  # an axis to hold the "no dated actions" note
        label_height = QFontMetricsF(self._small_font()).height()
        band = min(max(self.height() - label_height - 36.0, 16.0), 40.0)
        top = max((self.height() - band - label_height - 10.0) / 2, 10.0)
        right = self.width() - _MARGIN
        last = max(days)
        end = date(last.year + 1, 1, 1) if last.year < date.max.year else date.max
        first = date(min(days).year, 1, 1)
        return _Frame(top, top + band, top + band + 4, _MARGIN, max(right, 10.0), first, end)

    def day_at(self, x: float) -> date | None:
        """The day drawn at ``x``, or None off the axis."""
        frame = self._frame()
        if not frame.left <= x <= frame.right:
            return None
        fraction = (x - frame.left) / (frame.right - frame.left)
        return frame.first + timedelta(days=int(fraction * (frame.last - frame.first).days))

    def _bands(self, frame: _Frame) -> list[Band]:
        return layout_bands(self._steps, frame.x, frame.top, frame.bottom, frame.first, frame.last)

    def actions_at(self, point: QPointF) -> list[StatusAction]:
        """The action drawn under ``point`` (see :func:`status_bands.band_at`)."""
        band = band_at(self._bands(self._frame()), point)
        return [band.action] if band else []

    def tooltip_text_at(self, point: QPointF) -> str:
        """The plain text of the tooltip at ``point``; empty where there is nothing."""
        band = band_at(self._bands(self._frame()), point)
        return describe_band(self._steps, band) if band else ""

    # Events --------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        return show_tooltip_at(self, event, self.tooltip_text_at) or super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and day is not None:
            self.dayClicked.emit(day)
        super().mousePressEvent(event)

    # Painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), colours.paper_colour())
        painter.setPen(colours.frame_colour())
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setFont(self._small_font())
        painter.setPen(colours.muted_text_colour())
        if self._steps.empty:
            painter.drawText(self.rect(), _CENTRED, "No status actions recorded")
            return
        frame = self._frame()
        self._paint_axis(painter, frame)
        for band in self._bands(frame):
            paint_band(painter, band, self.font())
        if self._marker is not None:
            self._paint_marker(painter, frame, self._marker)

    def _paint_axis(self, painter: QPainter, frame: _Frame) -> None:
        metrics = QFontMetricsF(painter.font())
        years = range(frame.first.year, frame.last.year + (frame.last.month != 1))
        per_year = (frame.right - frame.left) / max(len(years), 1)
        label_width = metrics.horizontalAdvance("0000") + 8
        step = next((s for s in _LABEL_STEPS if per_year * s >= label_width), _LABEL_STEPS[-1])
        axis_pen = QPen(colours.axis_colour(), 1)
        painter.setPen(axis_pen)
        painter.drawLine(QPointF(frame.left, frame.axis), QPointF(frame.right, frame.axis))
        for year in years:
            x = frame.x(date(year, 1, 1))
            painter.setPen(colours.grid_colour())
            painter.drawLine(QPointF(x, frame.top), QPointF(x, frame.axis))
            painter.setPen(axis_pen)
            painter.drawLine(QPointF(x, frame.axis), QPointF(x, frame.axis + 5))
            if per_year >= 72:  # room for months: shows where in the year things fall
                for month in range(2, 13):
                    tick = frame.x(date(year, month, 1))
                    painter.drawLine(QPointF(tick, frame.axis), QPointF(tick, frame.axis + 2))
            if year % step:
                continue
            # One label a year names the whole year, so it sits in the middle of it.
            centre = x + per_year / 2 if step == 1 else x
            box = QRectF(centre - label_width / 2, frame.axis + 4, label_width, metrics.height())
            if box.left() >= frame.left - 4 and box.right() <= frame.right + 4:
                painter.setPen(colours.muted_text_colour())
                painter.drawText(box, _CENTRED, str(year))

    def _paint_marker(self, painter: QPainter, frame: _Frame, day: date) -> None:
        # The middle of the day, on whole pixels so that it reads as a crisp line.
        x = round((frame.x(day) + frame.x(day + timedelta(days=1))) / 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colours.marker_colour(), 2))
        painter.drawLine(QPointF(x, frame.top - 3), QPointF(x, frame.axis + 5))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.marker_colour())
        head = [(x - 5, frame.top - 9), (x + 5, frame.top - 9), (x, frame.top - 2)]
        painter.drawPolygon([QPointF(*corner) for corner in head])
