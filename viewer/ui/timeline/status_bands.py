"""The bands of one party's status actions along a time axis, and how they are painted.

Shared by the participant timeline (:mod:`viewer.ui.timeline.timeline_canvas`)
and the accord's timeline of everything, so that a step looks the same in
both.  The bands follow the status rule of :mod:`viewer.domain.status`: a
status holds until the next action, so each dated action is a band from its
date to the next one.  A partial date ("Jan 2021") says the action happened
somewhere inside a stretch of days: that stretch is hatched, and the band turns
solid only once the action has surely happened.  Expected, planned or
approximate steps get pale fills and dashed outlines so they never pass for
things done.  The latest step without a date holds, by the rule, from the last
dated step on (or over the whole axis when none has a date): its band has a
dotted outline and says "date not given".
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from viewer.domain.claims import in_force
from viewer.domain.dates import FuzzyDate
from viewer.domain.records import StatusAction
from viewer.domain.status import chronological, is_dated, undated_from
from viewer.ui.timeline import status_colours as colours

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

# Bands are cut to the view (plus this much) before painting: zoomed far in, a
# band can be a hundred thousand pixels wide, and dashing that costs time.
_BLEED = 4.0


class LaneSteps(NamedTuple):
    """One party's actions split as the rule reads them: dated ones in order,
    undated ones in the order recorded, and the day the undated ones count from."""

    dated: tuple[StatusAction, ...]
    undated: tuple[StatusAction, ...]
    undated_from: date | None

    @classmethod
    def of(cls, actions: Sequence[StatusAction]) -> LaneSteps:
        """The steps of ``actions`` that count (competing claims ranked out
        are not drawn: see viewer.domain.claims)."""
        ordered = chronological(in_force(actions))
        return cls(
            tuple(a for a in ordered if is_dated(a)),
            tuple(a for a in ordered if not is_dated(a)),
            undated_from(ordered),
        )

    @property
    def empty(self) -> bool:
        return not self.dated and not self.undated

    def days(self) -> list[date]:
        """Every bound of every dated step: what an axis must show."""
        return [d for a in self.dated if a.date for d in (a.date.lower, a.date.upper) if d]


class Band(NamedTuple):
    """One action: the days it may have begun in, then the days it surely held.

    For the undated action in force, the days "it may have begun in" are those
    of the last dated step it follows. ``before`` is the dated step this one
    follows: while this one may or may not have begun, that one may still
    hold, so the doubtful days are hatched over its colour.
    """

    action: StatusAction
    doubtful: QRectF
    solid: QRectF
    follower: StatusAction | None
    dated: bool = True
    before: StatusAction | None = None

    @property
    def whole(self) -> QRectF:
        return self.doubtful.united(self.solid)


def layout_bands(
    steps: LaneSteps,
    x: Callable[[date], float],
    top: float,
    bottom: float,
    first: date,
    last: date,
) -> list[Band]:
    """The bands of ``steps`` between ``top`` and ``bottom``; the axis runs from
    ``first`` to ``last`` and ``x`` places a day on it."""
    bands = []
    held = steps.undated[-1] if steps.undated else None  # the undated step in force
    for index, action in enumerate(steps.dated):
        assert action.date is not None and action.date.lower is not None
        follower = steps.dated[index + 1] if index + 1 < len(steps.dated) else held
        end = last
        if follower is not None and follower.date is not None and is_dated(follower):
            end = follower.date.lower or last
        elif follower is not None:  # the undated step takes over from this one's start
            end = action.date.lower
        band = _band(x, top, bottom, action, action.date.lower, action.date.upper, end)
        before = steps.dated[index - 1] if index > 0 else None
        bands.append(band._replace(follower=follower, before=before))
    if held is not None:
        previous = steps.dated[-1] if steps.dated else None
        start = steps.undated_from or first
        upper = previous.date.upper if previous and previous.date else start - timedelta(days=1)
        bands.append(_band(x, top, bottom, held, start, upper, last)._replace(dated=False))
    return bands


def _band(
    x: Callable[[date], float],
    top: float,
    bottom: float,
    action: StatusAction,
    lower: date,
    upper: date | None,
    end: date,
) -> Band:
    """The band of ``action`` from ``lower`` to ``end``, solid once ``upper`` is past."""
    height = bottom - top
    sure = min(upper + timedelta(days=1), end) if upper and upper < date.max else end
    start, middle, stop = x(lower), x(max(sure, lower)), x(end)
    doubtful = QRectF(start, top, middle - start, height)
    return Band(action, doubtful, QRectF(middle, top, stop - middle, height), None)


def band_at(bands: Sequence[Band], point: QPointF) -> Band | None:
    """The band under ``point``; a step that holds for no time at all (an
    undated one follows it at once) is found a few pixels about its edge."""
    for band in bands:
        thin = band.dated and band.whole.width() < 4
        if thin and band.whole.adjusted(-3, 0, 3, 0).contains(point):
            return band
    return next((band for band in bands if band.whole.contains(point)), None)


def describe_band(steps: LaneSteps, band: Band) -> str:
    """The plain text of the tooltip of ``band``."""
    action = band.action
    if is_dated(action):
        text = describe_action(action, band.follower)
        if band.before is not None and band.doubtful.width() > 0:
            text += f"\nUntil it surely began: {band.before.action.label} may still hold (hatched)"
        return text
    lines = [describe_action(action, None)]
    if steps.undated_from is None:
        lines.append("No step has a date, so this one counts on every day.")
    else:
        start = FuzzyDate.parse(steps.undated_from.isoformat()).display()
        lines.append(f"Counted from {start}, after every dated step.")
    others = [a.action.label for a in steps.undated if a is not action]
    if others:
        lines.append(f"Also without a date (recorded earlier): {', '.join(others)}")
    return "\n".join(lines)


def describe_action(action: StatusAction, follower: StatusAction | None) -> str:
    lines = [action.action.label, f"Date: {when(action)}", f"Certainty: {action.certainty.label}"]
    if follower is not None:
        lines.append(f"Until: {when(follower)} ({follower.action.label})")
    if action.note:
        note = textwrap.shorten(" ".join(action.note.split()), 300, placeholder=" …")
        lines += textwrap.wrap(f"Note: {note}", 60)
    return "\n".join(lines)


def when(action: StatusAction) -> str:
    return action.date.display() if action.date else "date not given"


def small_font(font: QFont) -> QFont:
    """``font`` a little smaller: for year labels and for labels in thin bands."""
    smaller = QFont(font)
    if smaller.pointSizeF() > 0:
        smaller.setPointSizeF(smaller.pointSizeF() * 0.85)
    return smaller


def paint_band(painter: QPainter, band: Band, font: QFont, view: QRectF | None = None) -> None:
    """Paint ``band`` with its label in ``font``; ``view`` (when given) is the
    part of the canvas on screen, and the label stays inside it."""
    action = band.action
    doubtful, solid, whole = band.doubtful, band.solid, band.whole
    if view is not None:
        doubtful, solid = _cut(doubtful, view), _cut(solid, view)
        whole = _cut(whole, view)
        if whole.width() <= 0:
            return
    fill, pale = colours.action_fill(action), colours.doubt_fill(action)
    if band.before is not None:  # the step before may still hold on these days
        pale = colours.tint(colours.action_fill(band.before), 0.6)
    painter.fillRect(doubtful, pale)
    painter.fillRect(doubtful, colours.hatch_brush(action.action))
    painter.fillRect(solid, fill)
    outline = colours.outline_pen(action)
    if not band.dated:  # placed by the rule, not by a date: a dotted edge says so
        outline.setStyle(Qt.PenStyle.DotLine)
    painter.setPen(outline)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(whole.adjusted(0.6, 0.6, -0.6, -0.6))
    if whole.left() == band.whole.left():
        # A firm edge where the action begins, even when its band is a sliver.
        painter.setPen(QPen(colours.status_colour(action.action), 2))
        painter.drawLine(whole.topLeft(), whole.bottomLeft())
    use_solid = solid.width() >= doubtful.width()
    box, background = (solid, fill) if use_solid else (doubtful, pale)
    label = action.action.label if band.dated else f"{action.action.label} · date not given"
    paint_label(painter, box, background, label, font, backdrop=not use_solid)


def _cut(rect: QRectF, view: QRectF) -> QRectF:
    """``rect`` without what lies left or right of ``view`` (beyond a small bleed)."""
    left = max(rect.left(), view.left() - _BLEED)
    right = min(rect.right(), view.right() + _BLEED)
    return QRectF(left, rect.top(), max(right - left, 0.0), rect.height())


def paint_label(
    painter: QPainter,
    box: QRectF,
    background: QColor,
    text: str,
    font: QFont,
    backdrop: bool = False,
) -> None:
    """``text`` at the left of ``box``, elided, in black or white for ``background``."""
    painter.setFont(font)
    if QFontMetricsF(font).height() > box.height():
        painter.setFont(small_font(font))
    metrics = QFontMetricsF(painter.font())
    if metrics.height() > box.height() + 2:  # a band too thin for any text: colour says it
        return
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
