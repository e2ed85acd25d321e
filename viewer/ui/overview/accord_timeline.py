"""The timeline of everything: every participant's status over time and the accord's events.

One lane per participant (drawn as the participant timeline draws it, through
:mod:`viewer.ui.timeline.status_bands`), an events row, a time axis, and the
as-of line the user drags.  Everything but the as-of line is painted once into
a cached picture keyed on the layout and the scale (both values): moving the
line repaints the picture and one line, so it stays cheap with 200 lanes and
20,000 events.

Mouse: drag the as-of line (or click the axis) to move it; drag the background
or Shift+wheel to pan; Ctrl+wheel zooms about the pointer; the wheel scrolls
the lanes; a click on a band, a name or an event marker chooses its record.
Keys: Left/Right go to the previous/next day a standing changes,
Shift+Left/Right move by a day (a few when zoomed out), Ctrl+=/Ctrl+- zoom,
Home fits the whole span, Up/Down/PageUp/PageDown scroll the lanes.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from viewer.domain.enums import RecordKind
from viewer.domain.overview import AccordOverview, next_change, previous_change
from viewer.ui.overview import timeline_export
from viewer.ui.overview.timeline_layout import LANE_HEIGHT, TimelineLayout
from viewer.ui.overview.timeline_scale import TimelineScale
from viewer.ui.overview.timeline_scene import TimelineScene
from viewer.ui.timeline.status_bands import small_font
from viewer.ui.widgets.plain_text import plain_tooltip

_EVENTS_ROW = 28.0
_LINE_REACH = 5.0  # how near the as-of line (pixels) a press grabs it
_ZOOM_STEP = 1.25
_WHEEL_PAN = 60.0  # pixels a wheel notch pans
_EXPORT_WIDTH = 1000


class _Drag(Enum):
    NONE = auto()
    LINE = auto()  # moving the as-of line
    PRESSED = auto()  # a click, unless the mouse moves: then a pan
    PAN = auto()


class AccordTimeline(QWidget):
    """Lanes of statuses, the accord's events and a draggable as-of line on one axis.

    Signals:
        dayChanged(datetime.date): the user moved the as-of line (mouse or
            keys); :meth:`set_day` does not emit it.
        recordChosen(str, str): the user clicked a record: (RecordKind value,
            key) of a status action (a band), a party (a name) or an event.
    """

    dayChanged = Signal(object)
    recordChosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = TimelineScene()
        self._generation = 0  # which overview the cached picture shows
        self._days: tuple[date, ...] = ()
        self._day: date | None = None
        self._scale: TimelineScale | None = None
        self._scroll = 0.0
        self._name_width = 100.0
        self._cache = QPixmap()
        self._cache_key: object = None
        self.cache_builds = 0  # how often the picture under the as-of line was painted
        self._drag = _Drag.NONE
        self._press = QPointF()
        self._press_scale: TimelineScale | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 160)
        self.setAccessibleName("Timeline of the accord")

    def sizeHint(self) -> QSize:
        return QSize(900, int(self._layout_for(900, 0).lanes_top() + 9 * LANE_HEIGHT + 4))

    # Public API ------------------------------------------------------------

    def set_overview(self, overview: AccordOverview) -> None:
        self._scene = TimelineScene(overview)
        self._generation += 1
        self._days = overview.change_days()
        metrics = QFontMetricsF(self.font())
        widest = max((metrics.horizontalAdvance(p.name) for p in overview.parties), default=0.0)
        self._name_width = min(max(widest + 20, 110.0), 200.0)
        self._scale, self._scroll = None, 0.0
        events = f"{overview.events_total:,} events"
        self.setAccessibleDescription(f"{len(overview.parties)} participants, {events}")
        self.update()

    def set_day(self, day: date) -> None:
        """Move the as-of line to ``day``: only the line is repainted, unless the
        day is off screen, when the view follows it (and grows to hold it)."""
        if day == self._day:
            return
        self._day = day
        if self._scale is not None:
            self._scale = self._scale.including(day)
            x = self.x_of(day)
            if not self._scale.left <= x <= self._scale.right:
                self._scale = self._scale.panned(self._scale.left + self._scale.width / 2 - x)
        self.update()

    def day(self) -> date | None:
        return self._day

    def visible_span(self) -> tuple[date, date]:
        """The first and last day on screen."""
        return self._current_scale().visible()

    def day_at(self, x: float) -> date:
        return self._current_scale().day_at(x)

    def x_of(self, day: date) -> float:
        """Where the as-of line stands for ``day``: the middle of the day."""
        return self._current_scale().x_of(day.toordinal() + 0.5)

    def timeline_layout(self) -> TimelineLayout:
        """The rows as drawn now (for hit tests in the view and in tests)."""
        return self._layout()

    def zoom_in(self) -> None:
        self._zoom(_ZOOM_STEP, self._focus_x())

    def zoom_out(self) -> None:
        self._zoom(1 / _ZOOM_STEP, self._focus_x())

    def fit(self) -> None:
        """The whole span of the accord on screen."""
        self._scale = self._current_scale().fitted()
        self.update()

    def export_png(self, path: Path) -> None:
        """Write the timeline as shown (every lane) to ``path`` as PNG; OSError if it cannot."""
        width, height, paint = self._export_painter()
        timeline_export.save_png(paint, width, height, path)

    def export_svg(self, path: Path) -> None:
        """Write the timeline as shown (every lane) to ``path`` as SVG; OSError if it cannot."""
        width, height, paint = self._export_painter()
        title = self._scene.overview.accord.name if self._scene.overview else "Timeline"
        timeline_export.save_svg(paint, width, height, path, f"{title}: timeline")

    def picture(self, width: int, height: int) -> QImage:
        """The whole timeline (every lane, the whole span) fitted to ``width`` by ``height``."""
        layout = TimelineLayout.fitted(
            width, height, len(self._scene.parties), self._name_width, *self._heights()
        )
        scale = self._scene.scale(layout).fitted()
        return timeline_export.render_image(self._painter_for(layout, scale), width, height)

    # Geometry ------------------------------------------------------------

    def _heights(self) -> tuple[float, float]:
        """The axis row (room for the as-of date above the labels) and the events row."""
        line = QFontMetricsF(small_font(self.font())).height()
        return 2 * line + 10, _EVENTS_ROW

    def _layout_for(self, width: float, height: float, scroll: float = 0.0) -> TimelineLayout:
        axis, events = self._heights()
        lanes = len(self._scene.parties)
        return TimelineLayout(width, height, lanes, self._name_width, axis, events, scroll=scroll)

    def _layout(self) -> TimelineLayout:
        layout = self._layout_for(self.width(), self.height())
        self._scroll = min(max(self._scroll, 0.0), layout.max_scroll())
        return self._layout_for(self.width(), self.height(), self._scroll)

    def _current_scale(self) -> TimelineScale:
        layout = self._layout()
        if self._scale is None:
            self._scale = self._scene.scale(layout).fitted()
            if self._day is not None:
                self._scale = self._scale.including(self._day)
        elif (self._scale.left, self._scale.width) != (layout.time_left, layout.time_width):
            self._scale = self._scale.resized(layout.time_left, layout.time_width)
        return self._scale

    def _focus_x(self) -> float:
        """Where keyboard zoom centres: the as-of line when on screen, else the middle."""
        scale = self._current_scale()
        if self._day is not None and scale.left <= self.x_of(self._day) <= scale.right:
            return self.x_of(self._day)
        return scale.left + scale.width / 2

    def _zoom(self, factor: float, around_x: float) -> None:
        self._scale = self._current_scale().zoomed(factor, around_x)
        self.update()

    def _scroll_by(self, pixels: float) -> None:
        self._scroll += pixels
        self._layout()  # clamps
        self.update()

    # Painting ------------------------------------------------------------

    def _painter_for(self, layout: TimelineLayout, scale: TimelineScale) -> timeline_export.Paint:
        font, day, scene = self.font(), self._day, self._scene

        def paint(painter: QPainter) -> None:
            scene.paint(painter, layout, scale, font)
            if day is not None:
                scene.paint_as_of(painter, layout, scale, day, font)

        return paint

    def _export_painter(self) -> tuple[int, int, timeline_export.Paint]:
        width = max(self.width(), _EXPORT_WIDTH)
        every = self._layout_for(width, 0)
        height = int(every.lanes_top() + every.lanes * every.lane_height + 2)
        layout = self._layout_for(width, height)
        scale = self._current_scale().resized(layout.time_left, layout.time_width)
        return width, height, self._painter_for(layout, scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        layout, scale = self._layout(), self._current_scale()
        ratio = self.devicePixelRatioF()
        key = (layout, scale, ratio, self._generation)
        if key != self._cache_key:
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            cached = QPainter(self._cache)
            self._scene.paint(cached, layout, scale, self.font())
            cached.end()
            self._cache_key = key
            self.cache_builds += 1
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if self._day is not None:
            self._scene.paint_as_of(painter, layout, scale, self._day, self.font())
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    # Mouse -----------------------------------------------------------------

    def _near_line(self, point: QPointF) -> bool:
        layout = self._layout()
        if not layout.in_time(point.x()):
            return False
        if point.y() < layout.axis_height:
            return True  # the axis: a click there puts the line under the pointer
        return self._day is not None and abs(point.x() - self.x_of(self._day)) <= _LINE_REACH

    def _move_line_to(self, x: float) -> None:
        scale = self._current_scale()
        day = scale.day_at(min(max(x, scale.left), scale.right))
        if day != self._day:
            self.set_day(day)
            self.dayChanged.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position()
        self._press, self._press_scale = point, self._current_scale()
        if self._near_line(point):
            self._drag = _Drag.LINE
            self._move_line_to(point.x())
        else:
            self._drag = _Drag.PRESSED
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        if self._drag is _Drag.LINE:
            self._move_line_to(point.x())
        elif (
            self._drag is _Drag.PRESSED
            and (point - self._press).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._drag = _Drag.PAN
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._drag is _Drag.PAN and self._press_scale is not None:
            self._scale = self._press_scale.panned(point.x() - self._press.x())
            self._scroll_by(self._press.y() - point.y())
            self._press = QPointF(self._press.x(), point.y())
        elif self._drag is _Drag.NONE:
            self.setCursor(self._cursor_at(point))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is _Drag.PRESSED:
            self._choose(event.position())
        self._drag = _Drag.NONE
        self.unsetCursor()
        event.accept()

    def _cursor_at(self, point: QPointF) -> Qt.CursorShape:
        """A resize cursor on the as-of line, a hand over what a click chooses."""
        if self._near_line(point):
            return Qt.CursorShape.SizeHorCursor
        return (
            Qt.CursorShape.PointingHandCursor
            if self._chosen_at(point)
            else Qt.CursorShape.ArrowCursor
        )

    def _chosen_at(self, point: QPointF) -> tuple[RecordKind, str] | None:
        """The record a click at ``point`` chooses: a step, a party or an event."""
        layout, scale = self._layout(), self._current_scale()
        hit = self._scene.band_at(layout, scale, point)
        if hit is not None:
            return RecordKind.STATUS_ACTION, hit.band.action.key
        party = self._scene.party_at(layout, point)
        if party is not None:
            return RecordKind.PARTY, party.key
        found = self._scene.bin_at(layout, scale, point)
        if found is not None:
            return RecordKind.EVENT, self._scene.events.events[found.start].key
        return None

    def _choose(self, point: QPointF) -> None:
        chosen = self._chosen_at(point)
        if chosen is not None:
            self.recordChosen.emit(chosen[0].value, chosen[1])

    def tooltip_text_at(self, point: QPointF) -> str:
        """The plain text of the tooltip at ``point``; empty where there is nothing."""
        return self._scene.tooltip_at(self._layout(), self._current_scale(), point)

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

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        modifiers = event.modifiers()
        notches = (delta.y() or delta.x()) / 120
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            x = event.position().x()
            scale = self._current_scale()
            self._zoom(
                _ZOOM_STEP**notches, x if scale.left <= x <= scale.right else self._focus_x()
            )
        elif modifiers & Qt.KeyboardModifier.ShiftModifier or (delta.x() and not delta.y()):
            self._scale = self._current_scale().panned(notches * _WHEEL_PAN)
            self.update()
        else:
            self._scroll_by(-notches * 3 * self._layout().lane_height)
        event.accept()

    # Keys ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        page = self.height() - self._layout().lanes_top()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(forward=key == Qt.Key.Key_Right, by_day=shift)
        elif control and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_in()
        elif control and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.fit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._scroll_by(self._layout().lane_height * (1 if key == Qt.Key.Key_Down else -1))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._scroll_by(page * (1 if key == Qt.Key.Key_PageDown else -1))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, forward: bool, by_day: bool) -> None:
        """Move the as-of line to the next (previous) change day, or by a day or so."""
        scale = self._current_scale()
        here = self._day or scale.day_at(scale.left + scale.width / 2)
        if by_day:
            days = max(1, round(scale.days_per_pixel() * 2))
            try:
                target: date | None = here + timedelta(days=days if forward else -days)
            except OverflowError:  # the first or last day a date can name
                return
        else:
            target = (next_change if forward else previous_change)(self._days, here)
        if target is None or target == self._day:
            return
        self.set_day(target)  # which keeps the line in sight
        self.dayChanged.emit(target)
