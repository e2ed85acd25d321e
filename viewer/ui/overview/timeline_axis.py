"""The time axis of the accord timeline: labels at the top, light grid lines below.

Zoomed out it names years (every one, or every 2nd, 5th... as room allows);
zoomed in, months ("Sep 2021" when there is room, else "Sep" with the year at
January); closer still, days.  Only the ticks on screen are made, so the cost
follows the width of the widget, not the span of the data.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.ui.overview.timeline_scale import TimelineScale
from viewer.ui.timeline import status_colours as colours

_YEAR_STEPS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
_DAY_STEPS = (1, 2, 7)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Tick(NamedTuple):
    """A line on the axis at ``day``; ``label`` empty for an unlabelled one;
    ``major`` ones (year starts) get a darker grid line."""

    day: date
    label: str
    major: bool


def ticks(scale: TimelineScale, metrics: QFontMetricsF) -> list[Tick]:
    """The ticks on screen for ``scale``, labels sized for ``metrics``."""
    first, last = scale.visible()
    per_day = 1 / scale.days_per_pixel()
    month_room = metrics.horizontalAdvance("Sep") + 12
    if per_day * 30 < month_room:
        return list(_years(first, last, per_day * 365.25, metrics))
    day_room = metrics.horizontalAdvance("30 Sep") + 10
    step = next((s for s in _DAY_STEPS if per_day * s >= day_room), 0)
    if step:
        return list(_days(first, last, step))
    long = per_day * 28 >= metrics.horizontalAdvance("Sep 2020") + 12
    return list(_months(first, last, long))


def _years(first: date, last: date, per_year: float, metrics: QFontMetricsF) -> Iterator[Tick]:
    room = metrics.horizontalAdvance("0000") + 12
    step = next((s for s in _YEAR_STEPS if per_year * s >= room), _YEAR_STEPS[-1])
    for year in range(first.year, min(last.year, date.max.year) + 1):
        yield Tick(date(year, 1, 1), str(year) if year % step == 0 else "", True)


def _months(first: date, last: date, long: bool) -> Iterator[Tick]:
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        name = _MONTHS[month - 1]
        label = f"{name} {year}" if long else (str(year) if month == 1 else name)
        yield Tick(date(year, month, 1), label, month == 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _days(first: date, last: date, step: int) -> Iterator[Tick]:
    day = first
    while day <= last:
        # Every ``step``-th day of each month, none so near the month's end
        # that its label would run into the 1st's.
        if day.day == 1 or ((day.day - 1) % step == 0 and day.day + step <= 31):
            label = f"{day.day} {_MONTHS[day.month - 1]}"
            if day.day == 1 and day.month == 1:
                label = f"{label} {day.year}"
            yield Tick(day, label, day.day == 1)
        if day >= date.max - timedelta(days=1):
            break
        day += timedelta(days=1)


def paint_axis(
    painter: QPainter, scale: TimelineScale, axis: QRectF, body: QRectF, font: QFont
) -> None:
    """The labels in ``axis`` and the grid lines down ``body`` (both in the time area)."""
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    baseline = axis.bottom() - 1
    painter.setPen(QPen(colours.axis_colour(), 1))
    painter.drawLine(QPointF(axis.left(), baseline), QPointF(axis.right(), baseline))
    major, minor = colours.grid_colour(), _lighter(colours.grid_colour())
    for tick in ticks(scale, metrics):
        x = round(scale.x(tick.day)) + 0.5
        if not axis.left() <= x <= axis.right():
            continue
        painter.setPen(major if tick.major else minor)
        painter.drawLine(QPointF(x, body.top()), QPointF(x, body.bottom()))
        painter.setPen(colours.axis_colour())
        painter.drawLine(QPointF(x, baseline - (5 if tick.major else 3)), QPointF(x, baseline))
        if tick.label:
            width = metrics.horizontalAdvance(tick.label)
            box = QRectF(x + 3, axis.top(), width + 2, axis.height() - 3)
            if box.right() <= axis.right() + 2:
                painter.setPen(colours.muted_text_colour())
                painter.drawText(
                    box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, tick.label
                )


def _lighter(colour: QColor) -> QColor:
    """Half way from ``colour`` to white: month lines under year lines."""
    return QColor(
        (colour.red() + 255) // 2, (colour.green() + 255) // 2, (colour.blue() + 255) // 2
    )
