"""One party's status actions drawn along a time axis.

The bands follow the status rule of :mod:`viewer.domain.status`, so that a
click anywhere reads the band under it.  A status holds until the next
action, so each dated action is a band from its date to the next one.  A
partial date ("Jan 2021") says the action happened somewhere inside a stretch
of days: that stretch is hatched, and the band turns solid only once the
action has surely happened.  Expected, planned or approximate steps get pale
fills and dashed outlines so they never pass for things done.  The latest
step without a date holds, by the rule, from the last dated step on (or over
the whole axis when none has a date): its band has a dotted outline and says
"date not given".

Database text reaches the screen only through QPainter.drawText (always plain
text) and through tooltips that are escaped rich text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from viewer.domain.dates import FuzzyDate
from viewer.domain.records import StatusAction
from viewer.domain.status import chronological, is_dated, undated_from
from viewer.ui.timeline import status_colours as colours
from viewer.ui.widgets.plain_text import plain_tooltip

_MARGIN = 8.0
_LABEL_STEPS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
_CENTRED = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


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


class _Band(NamedTuple):
    """One action: the days it may have begun in, then the days it surely held.

    For the undated action in force, the days "it may have begun in" are those
    of the last dated step it follows.
    """

    action: StatusAction
    doubtful: QRectF
    solid: QRectF
    follower: StatusAction | None
    dated: bool = True

    @property
    def whole(self) -> QRectF:
        return self.doubtful.united(self.solid)


class TimelineCanvas(QWidget):
    """Paints status actions as bands on a year axis, with an optional "as of" line.

    Signals:
        dayClicked(datetime.date): the day under a left click on the axis.
    """

    dayClicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dated: list[StatusAction] = []
        self._undated: list[StatusAction] = []
        self._undated_from: date | None = None
        self._marker: date | None = None
        self.setMinimumHeight(70)
        self.setAccessibleName("Status timeline")

    def sizeHint(self) -> QSize:
        return QSize(400, 90)

    def set_actions(self, actions: Sequence[StatusAction]) -> None:
        ordered = chronological(actions)
        self._dated = [a for a in ordered if is_dated(a)]
        self._undated = [a for a in ordered if not is_dated(a)]
        self._undated_from = undated_from(ordered)
        summary = "; ".join(f"{a.action.label} ({_when(a)})" for a in ordered)
        self.setAccessibleDescription(summary or "no status actions")
        self.update()

    def set_marker(self, day: date | None) -> None:
        self._marker = day
        self.update()

    def marker(self) -> date | None:
        return self._marker

    # Geometry ------------------------------------------------------------

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def _frame(self) -> _Frame:
        """The layout for the current size: whole years around the actions and the marker."""
        days = [d for a in self._dated if a.date for d in (a.date.lower, a.date.upper) if d]
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

    def _bands(self, frame: _Frame) -> list[_Band]:
        bands = []
        held = self._undated[-1] if self._undated else None  # the undated step in force
        for index, action in enumerate(self._dated):
            assert action.date is not None and action.date.lower is not None
            follower = self._dated[index + 1] if index + 1 < len(self._dated) else held
            end: date | None = frame.last
            if follower is not None and follower.date is not None and is_dated(follower):
                end = follower.date.lower
            elif follower is not None:  # the undated step takes over from this one's start
                end = action.date.lower
            band = self._band(
                frame, action, action.date.lower, action.date.upper, end or frame.last
            )
            bands.append(band._replace(follower=follower))
        if held is not None:
            last = self._dated[-1] if self._dated else None
            start = self._undated_from or frame.first
            upper = last.date.upper if last and last.date else start - timedelta(days=1)
            bands.append(self._band(frame, held, start, upper, frame.last)._replace(dated=False))
        return bands

    def _band(
        self, frame: _Frame, action: StatusAction, lower: date, upper: date | None, end: date
    ) -> _Band:
        """The band of ``action`` from ``lower`` to ``end``, solid once ``upper`` is past."""
        height = frame.bottom - frame.top
        sure = min(upper + timedelta(days=1), end) if upper and upper < date.max else end
        start, middle, stop = frame.x(lower), frame.x(max(sure, lower)), frame.x(end)
        doubtful = QRectF(start, frame.top, middle - start, height)
        return _Band(action, doubtful, QRectF(middle, frame.top, stop - middle, height), None)

    def actions_at(self, point: QPointF) -> list[StatusAction]:
        """The action drawn under ``point``; a step that holds for no time at all
        (an undated one follows it at once) is found a few pixels about its edge."""
        bands = self._bands(self._frame())
        for band in bands:
            thin = band.dated and band.whole.width() < 4
            if thin and band.whole.adjusted(-3, 0, 3, 0).contains(point):
                return [band.action]
        return next(([b.action] for b in bands if b.whole.contains(point)), [])

    def tooltip_text_at(self, point: QPointF) -> str:
        """The plain text of the tooltip at ``point``; empty where there is nothing."""
        followers = {b.action.key: b.follower for b in self._bands(self._frame())}
        found = self.actions_at(point)
        return "\n\n".join(self._describe(a, followers.get(a.key)) for a in found)

    def _describe(self, action: StatusAction, follower: StatusAction | None) -> str:
        if is_dated(action):
            return _describe(action, follower)
        lines = [_describe(action, None)]
        if self._undated_from is None:
            lines.append("No step has a date, so this one counts on every day.")
        else:
            start = FuzzyDate.parse(self._undated_from.isoformat()).display()
            lines.append(f"Counted from {start}, after every dated step.")
        others = [a.action.label for a in self._undated if a is not action]
        if others:
            lines.append(f"Also without a date (recorded earlier): {', '.join(others)}")
        return "\n".join(lines)

    # Events --------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_text_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

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
        if not self._dated and not self._undated:
            painter.drawText(self.rect(), _CENTRED, "No status actions recorded")
            return
        frame = self._frame()
        self._paint_axis(painter, frame)
        for band in self._bands(frame):
            self._paint_band(painter, band)
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

    def _paint_band(self, painter: QPainter, band: _Band) -> None:
        action = band.action
        fill, pale = colours.action_fill(action), colours.doubt_fill(action)
        painter.fillRect(band.doubtful, pale)
        painter.fillRect(band.doubtful, colours.hatch_brush(action.action))
        painter.fillRect(band.solid, fill)
        outline = colours.outline_pen(action)
        if not band.dated:  # placed by the rule, not by a date: a dotted edge says so
            outline.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(band.whole.adjusted(0.6, 0.6, -0.6, -0.6))
        # A firm edge where the action begins, even when its band is a sliver.
        painter.setPen(QPen(colours.status_colour(action.action), 2))
        painter.drawLine(band.whole.topLeft(), band.whole.bottomLeft())
        use_solid = band.solid.width() >= band.doubtful.width()
        box, background = (band.solid, fill) if use_solid else (band.doubtful, pale)
        label = action.action.label if band.dated else f"{action.action.label} · date not given"
        self._paint_label(painter, box, background, label, backdrop=not use_solid)

    def _paint_label(
        self, painter: QPainter, box: QRectF, background: QColor, text: str, backdrop: bool = False
    ) -> None:
        painter.setFont(self.font())
        if QFontMetricsF(self.font()).height() > box.height():
            painter.setFont(self._small_font())
        metrics = QFontMetricsF(painter.font())
        room = box.width() - 8
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        if room < metrics.horizontalAdvance("ab…") or len(shown) < 3:
            return
        if backdrop:  # over hatching, text needs a ground of its own to stay readable
            width, height = metrics.horizontalAdvance(shown) + 4, metrics.height()
            painter.fillRect(
                QRectF(box.left() + 2, box.center().y() - height / 2, width, height), background
            )
        painter.setPen(colours.text_colour_on(background))
        painter.drawText(QRectF(box.left() + 4, box.top(), room, box.height()), _LEFT, shown)

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


def _when(action: StatusAction) -> str:
    return action.date.display() if action.date else "date not given"


def _describe(action: StatusAction, follower: StatusAction | None) -> str:
    lines = [action.action.label, f"Date: {_when(action)}", f"Certainty: {action.certainty.label}"]
    if follower is not None:
        lines.append(f"Until: {_when(follower)} ({follower.action.label})")
    if action.note:
        note = textwrap.shorten(" ".join(action.note.split()), 300, placeholder=" …")
        lines += textwrap.wrap(f"Note: {note}", 60)
    return "\n".join(lines)
