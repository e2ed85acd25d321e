"""The timeline of everything: every participant's status over time and the accord's events.

One lane per participant (drawn as the participant timeline draws it, through
:mod:`viewer.ui.timeline.status_bands`), an events row, a time axis, and the
as-of line the user drags.  Everything but the as-of line is painted once into
a cached picture keyed on the layout and the scale (both values): moving the
line repaints the picture and one line, so it stays cheap with 200 lanes and
20,000 events.  What is shown where lives in
:class:`~viewer.ui.overview.timeline_view.TimelineView`; this widget turns
input into calls on it and paints.

Mouse: drag the as-of line (or click the axis) to move it; drag the background
or Shift+wheel to pan; Ctrl+wheel zooms about the pointer; the wheel scrolls
the lanes; a click on a band, a name or an event marker chooses its record.
Keys: Left/Right go to the previous/next day a standing changes,
Shift+Left/Right move by a day (a few when zoomed out), Ctrl+=/Ctrl+- zoom,
Home fits the whole span, Up/Down/PageUp/PageDown scroll the lanes.
"""

from __future__ import annotations

from datetime import date
from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
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
from PySide6.QtWidgets import QApplication, QWidget

from viewer.domain.overview import AccordOverview
from viewer.ui.overview import timeline_export
from viewer.ui.overview.timeline_layout import LANE_HEIGHT, TimelineLayout
from viewer.ui.overview.timeline_scale import TimelineScale
from viewer.ui.overview.timeline_view import TimelineView
from viewer.ui.widgets.plain_text import show_tooltip_at

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
        self._view = TimelineView(self.size)
        self._view.set_font(self.font())
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
        return QSize(900, int(self._view.layout_for(900, 0).lanes_top() + 9 * LANE_HEIGHT + 4))

    # Public API ------------------------------------------------------------

    def set_overview(self, overview: AccordOverview) -> None:
        self._view.set_overview(overview, self.font())
        events = f"{overview.events_total:,} events"
        self.setAccessibleDescription(f"{len(overview.parties)} participants, {events}")
        self.update()

    def set_day(self, day: date) -> None:
        """Move the as-of line to ``day``: only the line is repainted, unless the
        day is off screen, when the view follows it (and grows to hold it)."""
        if day != self._view.day:
            self._view.set_day(day)
            self.update()

    def day(self) -> date | None:
        return self._view.day

    def visible_span(self) -> tuple[date, date]:
        """The first and last day on screen."""
        return self._view.scale().visible()

    def day_at(self, x: float) -> date:
        return self._view.scale().day_at(x)

    def x_of(self, day: date) -> float:
        """Where the as-of line stands for ``day``: the middle of the day."""
        return self._view.x_of(day)

    def timeline_layout(self) -> TimelineLayout:
        """The rows as drawn now (for hit tests in the view and in tests)."""
        return self._view.layout()

    def zoom_in(self) -> None:
        self._view.zoom(_ZOOM_STEP)
        self.update()

    def zoom_out(self) -> None:
        self._view.zoom(1 / _ZOOM_STEP)
        self.update()

    def fit(self) -> None:
        """The whole span of the accord on screen."""
        self._view.fit()
        self.update()

    def export_png(self, path: Path) -> None:
        """Write the timeline as shown (every lane) to ``path`` as PNG; OSError if it cannot."""
        width, height, paint = self._view.every_lane(max(self.width(), _EXPORT_WIDTH), self.font())
        timeline_export.save_png(paint, width, height, path)

    def export_svg(self, path: Path) -> None:
        """Write the timeline as shown (every lane) to ``path`` as SVG; OSError if it cannot."""
        width, height, paint = self._view.every_lane(max(self.width(), _EXPORT_WIDTH), self.font())
        overview = self._view.scene.overview
        title = f"{overview.accord.name}: timeline" if overview else "Timeline"
        timeline_export.save_svg(paint, width, height, path, title)

    def picture(self, width: int, height: int) -> QImage:
        """The whole timeline (every lane, the whole span) fitted to ``width`` by ``height``."""
        paint = self._view.whole(width, height, self.font())
        return timeline_export.render_image(paint, width, height)

    def tooltip_text_at(self, point: QPointF) -> str:
        """The plain text of the tooltip at ``point``; empty where there is nothing."""
        return self._view.tooltip_at(point)

    # Painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        view = self._view
        layout, scale = view.layout(), view.scale()
        ratio = self.devicePixelRatioF()
        key = (layout, scale, ratio, view.generation)
        if key != self._cache_key:
            self._cache = QPixmap(self.size() * ratio)
            self._cache.setDevicePixelRatio(ratio)
            cached = QPainter(self._cache)
            view.scene.paint(cached, layout, scale, self.font())
            cached.end()
            self._cache_key = key
            self.cache_builds += 1
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        if view.day is not None:
            view.scene.paint_as_of(painter, layout, scale, view.day, self.font())
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._view.set_font(self.font())
        super().changeEvent(event)

    # Mouse -----------------------------------------------------------------

    def _move_line_to(self, x: float) -> None:
        day = self._view.day_for_line(x)
        if day != self._view.day:
            self.set_day(day)
            self.dayChanged.emit(day)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = event.position()
        self._press, self._press_scale = point, self._view.scale()
        if self._view.near_line(point):
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
            # Panned from where the press began, so the picture stays under the hand.
            self._view.set_scale(self._press_scale.panned(point.x() - self._press.x()))
            self._view.scroll_by(self._press.y() - point.y())
            self._press = QPointF(self._press.x(), point.y())
            self.update()
        elif self._drag is _Drag.NONE:
            self.setCursor(self._cursor_at(point))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drag is _Drag.PRESSED:
            chosen = self._view.chosen_at(event.position())
            if chosen is not None:
                self.recordChosen.emit(chosen[0].value, chosen[1])
        self._drag = _Drag.NONE
        self.unsetCursor()
        event.accept()

    def _cursor_at(self, point: QPointF) -> Qt.CursorShape:
        """A resize cursor on the as-of line, a hand over what a click chooses."""
        if self._view.near_line(point):
            return Qt.CursorShape.SizeHorCursor
        if self._view.chosen_at(point):
            return Qt.CursorShape.PointingHandCursor
        return Qt.CursorShape.ArrowCursor

    def event(self, event: QEvent) -> bool:
        return show_tooltip_at(self, event, self.tooltip_text_at) or super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta, modifiers = event.angleDelta(), event.modifiers()
        notches = (delta.y() or delta.x()) / 120
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self._view.zoom(_ZOOM_STEP**notches, event.position().x())
        elif modifiers & Qt.KeyboardModifier.ShiftModifier or (delta.x() and not delta.y()):
            self._view.pan(notches * _WHEEL_PAN)
        else:
            self._view.scroll_by(-notches * 3 * self._view.layout().lane_height)
        self.update()
        event.accept()

    # Keys ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        layout = self._view.layout()
        down = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
            target = self._view.step(forward=key == Qt.Key.Key_Right, by_day=shift)
            if target is not None:
                self.set_day(target)  # which keeps the line in sight
                self.dayChanged.emit(target)
        elif control and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.zoom_in()
        elif control and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.fit()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._view.scroll_by(layout.lane_height * down)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._view.scroll_by((layout.height - layout.lanes_top()) * down)
        else:
            super().keyPressEvent(event)
            return
        self.update()
        event.accept()
