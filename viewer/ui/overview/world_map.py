"""The world map of the overview: every country coloured by its participant's status on a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
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
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from viewer.domain.overview import AccordOverview
from viewer.ui.overview.map_export import png_bytes, svg_bytes, write_file
from viewer.ui.overview.map_legend import (
    LegendLayout,
    layout_legend,
    legend_entries,
    paint_legend,
    unplaced_note,
)
from viewer.ui.overview.map_scene import MapScene
from viewer.ui.overview.map_shapes import world_shapes
from viewer.ui.overview.map_view import ZOOM_STEP, MapView
from viewer.ui.timeline.status_colours import paper_colour
from viewer.ui.widgets.plain_text import show_tooltip_at

# A PNG or SVG of a map that is not on screen (or shown tiny) gets this size.
EXPORT_SIZE = QSize(1200, 720)
# Arrow keys move the map by this share of its width or height.
PAN_STEP = 0.125
# On screen the legend shows while it takes at most this share of the map's
# height; in a smaller map the Key button (L) shows it.
LEGEND_SHARE = 0.4
# Pixels kept between the map's buttons and the participants a fit frames.
CONTROLS_GAP = 2


class WorldMap(QWidget):
    """Countries coloured by where their participant stood on the as-of day.

    The shapes are Natural Earth's at 1:110m in the Equal Earth projection
    (equal-area: a country looks as large as it is); states too small to see
    at that scale get a point marker. Parties are matched to countries by ISO
    3166 code; a participant the map cannot place is named under it. Zoom
    with the wheel (around the cursor) or + and -, pan by dragging or with the
    arrow keys, and 0 or Home fits the participants. The legend is drawn under
    the map.

    Signals:
        partyChosen(str): the key of the participant whose country or marker
            was clicked (the map outlines it as selected too; select_party
            sets the selection from elsewhere without emitting).
    """

    partyChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worldMap")
        self.setAccessibleName("World map")
        self.setAccessibleDescription(
            "Countries coloured by each participant's status on the date. Plus and minus "
            "zoom, the arrow keys pan, 0 fits the participants, L shows or hides the legend."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 220)
        self._scene = MapScene(world_shapes())
        self._view = MapView.whole(self._scene.shapes.bounds)
        self._fitting = True  # follow resizes until the user moves the map
        self._entries = legend_entries(())
        self._legend: LegendLayout | None = None
        self._pressed_at: QPointF | None = None
        self._dragged = False
        self.zoom_in_button = self._tool_button("zoomInButton", "+", "Zoom in (+)")
        self.zoom_out_button = self._tool_button("zoomOutButton", "\u2212", "Zoom out (-)")
        self.fit_button = self._tool_button("fitButton", "Fit", "Fit to participants (0)")
        self.legend_button = self._tool_button("legendButton", "Key", "Show the legend (L)")
        self.legend_button.setCheckable(True)
        # None: the legend shows while it takes at most LEGEND_SHARE of the
        # height; True or False once the user said so (L, or the Key button).
        self._legend_wanted: bool | None = None
        self._ground_pixmap = QPixmap()
        self._ground_key: object = None
        self.ground_builds = 0  # how often the picture of the map's ground was drawn
        self._connect_signals()

    def _tool_button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def _connect_signals(self) -> None:
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_to_participants)
        self.legend_button.clicked.connect(lambda on: self.show_legend(on))

    # -- Public API --------------------------------------------------------------

    def set_overview(self, overview: AccordOverview | None) -> None:
        """Show ``overview``'s participants (None: no accord) and fit them in view."""
        self._scene.set_overview(overview)
        self._entries = legend_entries(overview.step_kinds() if overview is not None else ())
        self._legend = None
        self._sync_legend_button()
        self.fit_to_participants()

    def set_day(self, day: date) -> None:
        """Recolour for ``day``; the shapes and the view stay as they are."""
        self._scene.set_day(day)
        self.update()

    def day(self) -> date:
        return self._scene.day

    def select_party(self, key: str | None) -> None:
        """Outline the participant ``key`` as selected (None: no outline)."""
        self._scene.select(key)
        self.update()

    def selected_party(self) -> str | None:
        """The key of the participant outlined as selected, or None."""
        return self._scene.selected()

    def unplaced(self) -> list[str]:
        """The names of the participants the map cannot place (listed under it)."""
        return self._scene.unplaced()

    def legend_shown(self) -> bool:
        """Whether the legend is drawn under the map on screen (pictures and
        exports always have it; the note of participants not on the map is
        always there)."""
        if self._legend_wanted is not None:
            return self._legend_wanted
        full = self._layout_for(self.width())
        return full.height <= LEGEND_SHARE * self.height()

    def show_legend(self, shown: bool) -> None:
        """Show or hide the legend on screen, whatever the room (L)."""
        self._legend_wanted = shown
        self._legend = None
        self._sync_legend_button()
        if self._fitting:
            self.fit_to_participants()
        self.update()

    def _sync_legend_button(self) -> None:
        shown = self.legend_shown()
        self.legend_button.setChecked(shown)
        tip = "Hide the legend (L)" if shown else "Show the legend (L)"
        self.legend_button.setToolTip(tip)
        self.legend_button.setAccessibleName(tip)

    def view(self) -> MapView:
        """What part of the world is shown (centre in map units, zoom)."""
        return self._view_for(self.map_area(), self.controls_height())

    def controls_height(self) -> float:
        """The strip at the map's top that its zoom and fit buttons cover: a fit
        frames the participants below it."""
        return float(self.fit_button.geometry().bottom() + 1 + CONTROLS_GAP)

    def map_area(self) -> QRectF:
        """The rectangle of the widget the map itself fills (the legend is below it)."""
        legend = self._legend_layout()
        return QRectF(0, 0, self.width(), max(self.height() - legend.height, 1.0))

    def to_widget(self, map_point: QPointF) -> QPointF:
        """Where a point in map units (see map_shapes) is on the widget."""
        return self.view().transform(self.map_area()).map(map_point)

    def text_at(self, position: QPointF) -> str:
        """The hover text at ``position`` (plain text), or "" over the sea."""
        hit = self._scene.hit(self.map_area(), self.view(), position)
        return self._scene.describe(hit) if hit is not None else ""

    def zoom_in(self) -> None:
        self._set_view(self.view().zoomed(self.map_area(), ZOOM_STEP))

    def zoom_out(self) -> None:
        self._set_view(self.view().zoomed(self.map_area(), 1 / ZOOM_STEP))

    def pan(self, dx: float, dy: float) -> None:
        """Move the map as a drag of ``dx``, ``dy`` pixels would."""
        self._set_view(self.view().panned(self.map_area(), dx, dy))

    def fit_to_participants(self) -> None:
        """Frame every placed participant (the whole world when there is none)."""
        bounds = self._scene.participants_bounds()
        world = self._scene.shapes.bounds
        self._view = (
            MapView.whole(world)
            if bounds.isNull()
            else self._view.fitted(self.map_area(), bounds, self.controls_height())
        )
        self._fitting = True
        self.update()

    def picture(self, width: int, height: int) -> QImage:
        """The map and its legend, ``width`` x ``height``: as shown once the user has
        moved the map, else with the participants fitted to the picture."""
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(paper_colour())
        painter = QPainter(image)
        try:
            self._paint_all(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def export_png(self, path: Path) -> None:
        """Save the map and its legend as a PNG; OSError with a plain message on failure."""
        size = self._export_size()
        write_file(path, png_bytes(self.picture(size.width(), size.height())))

    def export_svg(self, path: Path) -> None:
        """Save the map and its legend as an SVG; OSError with a plain message on failure."""

        def paint(painter: QPainter, rect: QRectF) -> None:
            self._paint_all(painter, rect, flatten=True)

        description = (
            f"Participants' status as of {self._scene.day.isoformat()}. "
            "Country shapes: Natural Earth (public domain)."
        )
        write_file(path, svg_bytes(self._export_size(), "World map", description, paint))

    # -- Painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._paint_all(
            painter,
            QRectF(self.rect()),
            legend=self._legend_layout(),
            top=self.controls_height(),
            cached=True,
        )
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.map_area().adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_all(
        self,
        painter: QPainter,
        rect: QRectF,
        *,
        legend: LegendLayout | None = None,
        flatten: bool = False,
        top: float = 0.0,
        cached: bool = False,
    ) -> None:
        if legend is None:
            legend = self._layout_for(rect.width())
        painter.fillRect(rect, paper_colour())
        area = QRectF(
            rect.left(), rect.top(), rect.width(), max(rect.height() - legend.height, 1.0)
        )
        view = self._view_for(area, top)
        if cached:
            # The ground (sea, countries taking no part) comes from a picture
            # kept until the view, the size or the accord changes: a new day
            # repaints only the participants.
            painter.drawPixmap(area.topLeft(), self._ground(area, view))
            self._scene.paint_day(painter, area, view)
        else:
            self._scene.paint(painter, area, view, flatten=flatten)
        paint_legend(painter, legend, QPointF(rect.left(), area.bottom()), self.font())

    def _ground(self, area: QRectF, view: MapView) -> QPixmap:
        ratio = self.devicePixelRatioF()
        t = view.transform(area)
        key = (
            (area.width(), area.height(), ratio),
            (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy()),
            self._scene.ground_generation,
        )
        if key != self._ground_key:
            pixmap = QPixmap(round(area.width() * ratio), round(area.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(paper_colour())
            painter = QPainter(pixmap)
            try:
                self._scene.paint_ground(painter, QRectF(0, 0, area.width(), area.height()), view)
            finally:
                painter.end()
            self._ground_pixmap, self._ground_key = pixmap, key
            self.ground_builds += 1
        return self._ground_pixmap

    def _view_for(self, area: QRectF, top: float = 0.0) -> MapView:
        """The view as shown, or, until the user moves the map, the fit for ``area``
        below its ``top`` pixels (a picture of another shape than the widget frames
        the same participants; a picture has no buttons to keep clear of)."""
        bounds = self._scene.participants_bounds()
        if not self._fitting or bounds.isNull():
            return self._view
        return self._view.fitted(area, bounds, top)

    def _legend_layout(self) -> LegendLayout:
        if self._legend is None:
            if self.legend_shown():
                self._legend = self._layout_for(self.width())
            else:  # the note of those not on the map stays: never silently dropped
                self._legend = layout_legend(
                    (), unplaced_note(self.unplaced()), self.width(), self.font()
                )
        return self._legend

    def _layout_for(self, width: float) -> LegendLayout:
        return layout_legend(self._entries, unplaced_note(self.unplaced()), width, self.font())

    def _export_size(self) -> QSize:
        if self.isVisible() and self.width() >= 480 and self.height() >= 320:
            return self.size()
        return EXPORT_SIZE

    # -- Events ------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._legend = None
        self._sync_legend_button()
        x = self.width() - 4
        buttons = (self.legend_button, self.fit_button, self.zoom_out_button, self.zoom_in_button)
        for button in buttons:
            hint = button.sizeHint()
            x -= max(hint.width(), hint.height())
            button.setGeometry(x, 4, max(hint.width(), hint.height()), hint.height())
            x -= 2
        if self._fitting:
            self.fit_to_participants()

    def event(self, event: QEvent) -> bool:
        return show_tooltip_at(self, event, self.text_at) or super().event(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120
        if notches:
            self._set_view(
                self.view().zoomed(self.map_area(), ZOOM_STEP**notches, event.position())
            )
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        area = self.map_area()
        steps = {
            Qt.Key.Key_Left: (area.width() * PAN_STEP, 0.0),
            Qt.Key.Key_Right: (-area.width() * PAN_STEP, 0.0),
            Qt.Key.Key_Up: (0.0, area.height() * PAN_STEP),
            Qt.Key.Key_Down: (0.0, -area.height() * PAN_STEP),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit_to_participants()
        elif key == Qt.Key.Key_L:
            self.show_legend(not self.legend_shown())
        elif key in steps:
            self.pan(*steps[Qt.Key(key)])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        if self._pressed_at is not None and event.buttons() & Qt.MouseButton.LeftButton:
            moved = position - self._pressed_at
            if self._dragged or moved.manhattanLength() >= QApplication.startDragDistance():
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self.pan(moved.x(), moved.y())
                self._pressed_at = position
            return
        hit = self._scene.hit(self.map_area(), self.view(), position)
        over_participant = hit is not None and hit.party is not None
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if over_participant else Qt.CursorShape.ArrowCursor
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._pressed_at is None:
            super().mouseReleaseEvent(event)
            return
        clicked = not self._dragged
        self._pressed_at = None
        self._dragged = False
        self.setCursor(Qt.CursorShape.ArrowCursor)
        if clicked:
            hit = self._scene.hit(self.map_area(), self.view(), event.position())
            if hit is not None and hit.party is not None:
                self.select_party(hit.party.key)
                self.partyChosen.emit(hit.party.key)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def _set_view(self, view: MapView) -> None:
        self._view = view
        self._fitting = False
        self.update()
