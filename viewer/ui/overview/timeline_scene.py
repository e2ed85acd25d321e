"""What the accord timeline draws, and what lies under a point, for any size and zoom.

The widget, the PNG and SVG exports and the report's picture all paint
through :meth:`TimelineScene.paint`, so they cannot drift apart.  A scene
holds what never changes while the user looks: each party's steps split as
the status rule reads them, and the events sorted for binning.  Everything it
paints comes from a :class:`TimelineLayout` and a :class:`TimelineScale`,
both values, so the widget can cache the picture on them.

Database text (party names, event titles) is drawn with QPainter.drawText,
which never reads markup.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from viewer.domain.dates import FuzzyDate
from viewer.domain.overview import AccordOverview, OverviewParty
from viewer.ui.overview.event_bins import (
    MARKER_ROOM,
    EventBin,
    EventIndex,
    dense,
    is_exact,
    nearest,
)
from viewer.ui.overview.timeline_axis import paint_axis
from viewer.ui.overview.timeline_layout import TimelineLayout
from viewer.ui.overview.timeline_scale import TimelineScale
from viewer.ui.timeline import status_colours as colours
from viewer.ui.timeline.status_bands import (
    Band,
    LaneSteps,
    band_at,
    describe_band,
    layout_bands,
    paint_band,
    small_font,
)

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# Events are not statuses: a dark slate that no status uses.
_EVENT = QColor("#3b4656")
_STRIPE = QColor("#f3f4f6")
_NAME = QColor("#1a1a1a")
_MARKER = 4.5  # half the width of an event's diamond
_REACH = 5.0  # how far (pixels) from a marker the mouse still finds it


class BandHit(NamedTuple):
    """The band of party ``lane`` (its index) under a point."""

    lane: int
    band: Band


class TimelineScene:
    """An accord's lanes and events, ready to paint at any scale."""

    def __init__(self, overview: AccordOverview | None = None) -> None:
        self.overview = overview
        self.parties: tuple[OverviewParty, ...] = overview.parties if overview else ()
        self.steps = [LaneSteps.of(party.actions) for party in self.parties]
        self.events = EventIndex(overview.events if overview else ())
        self.events_left_out = (
            max(overview.events_total - len(overview.events), 0) if overview else 0
        )
        self._bins_for: TimelineScale | None = None
        self._bins: list[EventBin] = []
        self._dense = False

    def data_days(self) -> list[date]:
        """The first and last days of everything drawn: what a fitted axis must hold."""
        days = [day for steps in self.steps for day in steps.days()]
        if len(self.events):
            bounds = [self.events.bounds(i) for i in range(len(self.events))]
            first, last = min(b[0] for b in bounds), max(b[1] for b in bounds)
            days += [date.fromordinal(first), date.fromordinal(last)]
        return days

    def scale(self, layout: TimelineLayout) -> TimelineScale:
        """A scale over whole years about everything, fitted to ``layout``'s time area."""
        return TimelineScale.around(self.data_days(), layout.time_left, layout.time_width)

    def bins(self, scale: TimelineScale) -> tuple[list[EventBin], bool]:
        """The events on screen at ``scale``, as markers or (when dense) per pixel
        column, and whether dense; kept for one scale."""
        if scale != self._bins_for:
            found = self.events.bins(scale, MARKER_ROOM)
            crowded = dense(found, scale.width)
            self._bins = self.events.bins(scale) if crowded else found
            self._bins_for, self._dense = scale, crowded
        return self._bins, self._dense

    def bands(self, lane: int, layout: TimelineLayout, scale: TimelineScale) -> list[Band]:
        top, bottom = layout.band_span(lane)
        first, last = scale.extent
        return layout_bands(self.steps[lane], scale.x, top, bottom, first, last)

    # What is under a point ---------------------------------------------------

    def band_at(
        self, layout: TimelineLayout, scale: TimelineScale, point: QPointF
    ) -> BandHit | None:
        lane = layout.lane_at(point.y())
        if lane is None or not layout.in_time(point.x()):
            return None
        found = band_at(self.bands(lane, layout, scale), point)
        return BandHit(lane, found) if found else None

    def party_at(self, layout: TimelineLayout, point: QPointF) -> OverviewParty | None:
        """The party whose name is at ``point`` (in the names column)."""
        lane = layout.lane_at(point.y())
        return self.parties[lane] if lane is not None and layout.in_names(point.x()) else None

    def bin_at(
        self, layout: TimelineLayout, scale: TimelineScale, point: QPointF
    ) -> EventBin | None:
        """The events marked at ``point`` in the events row."""
        if not layout.events_rect().adjusted(-_REACH, 0, _REACH, 0).contains(point):
            return None
        found, crowded = self.bins(scale)
        return nearest(found, point.x(), 2.0 if crowded else _REACH)

    def tooltip_at(self, layout: TimelineLayout, scale: TimelineScale, point: QPointF) -> str:
        """The plain text of the tooltip at ``point``; empty where there is nothing."""
        hit = self.band_at(layout, scale, point)
        if hit is not None:
            return f"{self.parties[hit.lane].name}\n{describe_band(self.steps[hit.lane], hit.band)}"
        party = self.party_at(layout, point)
        if party is not None:
            return party.name
        row = layout.events_rect()
        if layout.in_names(point.x()) and row.top() <= point.y() < row.bottom():
            return self._events_note()
        found = self.bin_at(layout, scale, point)
        return self.events.titles(found) if found is not None else ""

    # Painting ------------------------------------------------------------

    def paint(
        self, painter: QPainter, layout: TimelineLayout, scale: TimelineScale, font: QFont
    ) -> None:
        """Everything but the as-of line."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        whole = QRectF(0, 0, layout.width, layout.height)
        painter.fillRect(whole, colours.paper_colour())
        if not self.parties and not len(self.events):
            painter.setPen(colours.muted_text_colour())
            painter.setFont(font)
            painter.drawText(whole, Qt.AlignmentFlag.AlignCenter, "Nothing recorded in this accord")
            return
        self._paint_stripes(painter, layout)
        paint_axis(painter, scale, layout.axis_rect(), layout.body_rect(), small_font(font))
        self._paint_events(painter, layout, scale, font)
        self._paint_lanes(painter, layout, scale, font)
        painter.setPen(colours.frame_colour())
        painter.drawLine(
            QPointF(layout.time_left - 0.5, 0), QPointF(layout.time_left - 0.5, layout.height)
        )
        top = layout.lanes_top() - 0.5
        painter.drawLine(QPointF(0, top), QPointF(layout.width, top))
        self._paint_title(painter, layout, font)
        self._paint_scroll_thumb(painter, layout)

    def _paint_title(self, painter: QPainter, layout: TimelineLayout, font: QFont) -> None:
        """The accord's name in the corner above the names: a saved picture says what it shows."""
        if self.overview is None:
            return
        title_font = small_font(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(_NAME)
        box = QRectF(6, 2, layout.time_left - 12, layout.axis_height - 4)
        name = QFontMetricsF(title_font).elidedText(
            self.overview.accord.name, Qt.TextElideMode.ElideRight, box.width()
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, name)

    def _paint_scroll_thumb(self, painter: QPainter, layout: TimelineLayout) -> None:
        """Where the lanes on screen are among all of them, when not all fit."""
        total = layout.lanes * layout.lane_height
        if layout.max_scroll() <= 0 or total <= 0:
            return
        track = layout.lanes_rect()
        shown = track.height() / total
        top = track.top() + layout.scroll / total * track.height()
        thumb = QRectF(layout.width - 6, top, 4, max(track.height() * shown, 12.0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.frame_colour())
        painter.drawRoundedRect(thumb, 2, 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_stripes(self, painter: QPainter, layout: TimelineLayout) -> None:
        painter.save()
        painter.setClipRect(layout.lanes_rect())
        for lane in layout.visible_lanes():
            if lane % 2:
                painter.fillRect(layout.lane_rect(lane), _STRIPE)
        painter.restore()

    def _paint_lanes(
        self, painter: QPainter, layout: TimelineLayout, scale: TimelineScale, font: QFont
    ) -> None:
        lanes = layout.lanes_rect()
        time_area = QRectF(layout.time_left, lanes.top(), layout.time_width, lanes.height())
        name_font = font if layout.lane_height >= QFontMetricsF(font).height() else small_font(font)
        metrics = QFontMetricsF(name_font)
        named = layout.lane_height >= metrics.height() * 0.9
        for lane in layout.visible_lanes():
            painter.save()
            painter.setClipRect(time_area)
            for band in self.bands(lane, layout, scale):
                paint_band(painter, band, font, time_area)
            if named:
                painter.setClipRect(
                    lanes.intersected(QRectF(0, 0, layout.time_left, layout.height))
                )
                box = layout.name_rect(lane)
                name = metrics.elidedText(
                    self.parties[lane].name, Qt.TextElideMode.ElideRight, box.width()
                )
                painter.setFont(name_font)
                painter.setPen(_NAME)
                painter.drawText(box, _LEFT, name)
            painter.restore()
        if not named:  # too thin for names: say how many lanes there are instead
            painter.setFont(name_font)
            painter.setPen(colours.muted_text_colour())
            box = QRectF(6, lanes.top(), layout.time_left - 12, min(lanes.height(), 60))
            painter.drawText(box, _LEFT, f"{layout.lanes:,} participants")

    def _paint_events(
        self, painter: QPainter, layout: TimelineLayout, scale: TimelineScale, font: QFont
    ) -> None:
        row = layout.events_rect()
        painter.setFont(small_font(font))
        painter.setPen(colours.muted_text_colour())
        heading = QRectF(6, row.top(), layout.time_left - 12, row.height())
        text = QFontMetricsF(painter.font()).elidedText(
            self._events_heading(), Qt.TextElideMode.ElideRight, heading.width()
        )
        painter.drawText(heading, _LEFT, text)
        painter.save()
        painter.setClipRect(row)
        bins, crowded = self.bins(scale)
        if crowded:
            self._paint_histogram(painter, row, bins)
        else:
            for found in bins:
                self._paint_marker(painter, row, scale, found)
        painter.restore()

    def _events_note(self) -> str:
        """What the events row holds, and what it cannot show."""
        dated, undated = len(self.events), self.events.undated
        lines = [f"Dated events: {dated:,}, marked where their dates fall."]
        if undated:
            lines.append(f"Without a date: {undated:,} (no place on the axis).")
        if self.events_left_out:
            held = dated + undated
            lines.append(
                f"Left out: {self.events_left_out:,} (the overview holds the first {held:,})."
            )
        return "\n".join(lines)

    def _events_heading(self) -> str:
        notes = []
        if self.events.undated:
            notes.append(f"{self.events.undated:,} undated")
        if self.events_left_out:
            notes.append(f"{self.events_left_out:,} left out")
        return f"Events ({', '.join(notes)})" if notes else "Events"

    def _paint_histogram(self, painter: QPainter, row: QRectF, bins: list[EventBin]) -> None:
        """One bar per pixel column, as tall as the log of its count (a lone event still shows)."""
        tallest = math.log1p(max(found.size for found in bins))
        room = row.height() - 4
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(_EVENT)
        for found in bins:
            height = max(room * math.log1p(found.size) / tallest, 3.0)
            x = found.column
            painter.drawLine(QPointF(x, row.bottom() - 2), QPointF(x, row.bottom() - 2 - height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _paint_marker(
        self, painter: QPainter, row: QRectF, scale: TimelineScale, found: EventBin
    ) -> None:
        """A diamond for one event (hollow when its date is vague), its date's stretch
        under it, and a count beside it when several share the column."""
        middle = row.center().y()
        x = found.column + 0.5
        lower, upper = self.events.bounds(found.start)
        left, right = scale.x_of(lower), scale.x_of(upper + 1)
        if right - left > 2 * _MARKER:
            painter.setPen(QPen(colours.tint(_EVENT, 0.45), 2))
            painter.drawLine(QPointF(left, middle + 6), QPointF(right, middle + 6))
        diamond = QPolygonF(
            [
                QPointF(x, middle - _MARKER - 1),
                QPointF(x + _MARKER, middle),
                QPointF(x, middle + _MARKER + 1),
                QPointF(x - _MARKER, middle),
            ]
        )
        painter.setPen(QPen(_EVENT, 1.3))
        exact = is_exact(self.events.events[found.start])
        painter.setBrush(_EVENT if exact else colours.paper_colour())
        painter.drawPolygon(diamond)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if found.size > 1:
            count = f"{found.size:,}"
            width = QFontMetricsF(painter.font()).horizontalAdvance(count)
            left = (
                x + _MARKER + 2
                if x + _MARKER + 2 + width <= row.right()
                else x - _MARKER - 2 - width
            )
            painter.drawText(QPointF(left, middle - 2), count)

    def paint_as_of(
        self,
        painter: QPainter,
        layout: TimelineLayout,
        scale: TimelineScale,
        day: date,
        font: QFont,
    ) -> None:
        """The as-of line over ``day`` with its date at the top."""
        x = round(scale.x_of(day.toordinal() + 0.5))
        if not layout.in_time(x):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(colours.marker_colour(), 2))
        painter.drawLine(QPointF(x, 2), QPointF(x, layout.height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        label_font = small_font(font)
        label_font.setBold(True)
        metrics = QFontMetricsF(label_font)
        text = FuzzyDate.parse(day.isoformat()).display()
        width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
        left = x + 3 if x + 3 + width <= layout.time_left + layout.time_width else x - 3 - width
        box = QRectF(left, 2, width, height)
        painter.fillRect(box, colours.marker_colour())
        painter.setFont(label_font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
