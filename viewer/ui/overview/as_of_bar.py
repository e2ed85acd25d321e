"""The overview's one date: a field, a slider over the accord's span, steps and Play."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFontMetricsF, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.dates import FuzzyDate
from viewer.domain.overview import AccordOverview, next_change, previous_change
from viewer.domain.status import AS_OF_RULE, RULE
from viewer.ui.timeline.as_of_edit import AsOfEdit

PLAY_INTERVAL_MS = 800  # one change day shown this long while playing
# What the field says under it of a day from the slider (AsOfEdit's words).
READING = "Understood as {}"
NO_SPAN = "No step of this accord has a date: there is nothing for the slider to span."


class AsOfBar(QWidget):
    """The as-of date, in four ways that always agree: the field (any date
    the app reads; a partial one means its last day), a slider over every day
    from the accord's first to its last dated step, previous/next change
    buttons ([ and ]), and Play, which steps through the change days and
    stops at the last (Space on the slider plays or pauses).

    Signals:
        dayChanged(object): the ``datetime.date`` now in force.
    """

    dayChanged = Signal(object)

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = day
        self._days: tuple[date, ...] = ()
        self._start: date | None = None
        self._setup_widgets()
        self._connect_signals()
        self._update_controls()

    def _setup_widgets(self) -> None:
        self.field = AsOfEdit(self._day, self)
        self._fit_reading()
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("asOfSlider")
        self.slider.setAccessibleName("As-of date slider")
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setPageStep(30)
        self.previous_button = self._button("previousChange", "Previous change", "[")
        self.previous_button.setIcon(self._icon(QStyle.StandardPixmap.SP_MediaSeekBackward))
        self.play_button = self._button("play", "Play through the changes", "")
        self.next_button = self._button("nextChange", "Next change", "]")
        self.next_button.setIcon(self._icon(QStyle.StandardPixmap.SP_MediaSeekForward))
        # Keys for the steps, for whoever holds this bar to add where they apply
        # (a button's own shortcut clicks it only after an animation).
        self.previous_action = QAction("Previous Change", self)
        self.previous_action.setShortcut(QKeySequence("["))
        self.next_action = QAction("Next Change", self)
        self.next_action.setShortcut(QKeySequence("]"))
        self.span_label = QLabel(self)
        self.span_label.setObjectName("asOfSpan")
        self.span_label.setTextFormat(Qt.TextFormat.PlainText)
        self.span_label.setWordWrap(True)
        self.rule_label = QLabel(f"{RULE} {AS_OF_RULE}", self)
        self.rule_label.setObjectName("asOfRule")
        self.rule_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rule_label.setWordWrap(True)
        for label in (self.span_label, self.rule_label):
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            label.setFont(font)
        self._play_key = QAction("Play or pause", self.slider)
        self._play_key.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self._play_key.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.slider.addAction(self._play_key)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.slider, 1, Qt.AlignmentFlag.AlignTop)
        for button in (self.previous_button, self.play_button, self.next_button):
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.span_label)
        column.addWidget(self.rule_label)

    def _button(self, name: str, words: str, key: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAccessibleName(words)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Icons only, as media controls are: the pane may be narrow.
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setText(words)
        button.setToolTip(f"{words} ({key})" if key else words)
        return button

    def _fit_reading(self) -> None:
        """Make the field wide enough that the line under it names any day on
        one line. Were it to wrap for some days and not others, the bar would
        change height as the slider moves, and the table, the map (which fits
        itself again) and the timeline (whose picture is painted again) would
        be resized and jump up and down on every move."""
        metrics = QFontMetricsF(self.field.reading.font())
        digit = max("0123456789", key=metrics.horizontalAdvance)
        widest = max(
            metrics.horizontalAdvance(READING.format(re.sub(r"\d", digit, _shown(day))))
            for day in (date(2000, month, 28) for month in range(1, 13))
        )
        self.field.setMinimumWidth(math.ceil(widest) + 4)

    def changeEvent(self, event: QEvent) -> None:
        changed = event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if changed and hasattr(self, "field"):  # not before the field is made
            self._fit_reading()
        super().changeEvent(event)

    def _icon(self, which: QStyle.StandardPixmap) -> QIcon:
        return self.style().standardIcon(which)

    def _connect_signals(self) -> None:
        self.field.dayChanged.connect(self.set_day)
        self.slider.valueChanged.connect(self._slid)
        self.previous_button.clicked.connect(self.step_previous)
        self.next_button.clicked.connect(self.step_next)
        self.previous_action.triggered.connect(self.step_previous)
        self.next_action.triggered.connect(self.step_next)
        self.play_button.clicked.connect(self.toggle_play)
        self._play_key.triggered.connect(self.toggle_play)
        self.timer.timeout.connect(self._tick)

    # -- public API ------------------------------------------------------------------

    def day(self) -> date:
        return self._day

    def set_day(self, day: date) -> None:
        """Make ``day`` the as-of date everywhere; emits :attr:`dayChanged` if it changed."""
        changed = day != self._day
        self._day = day
        if self.field.day() != day:
            self.field.set_day(day)  # comes back here, changing nothing
        self._place_slider()
        self._update_controls()
        if changed:
            self.dayChanged.emit(day)

    def set_overview(self, overview: AccordOverview | None) -> None:
        """Span the slider over ``overview``'s dated steps, and step through its changes."""
        self.pause()
        self._days = overview.change_days() if overview else ()
        span = (self._days[0], self._days[-1]) if self._days else None
        self._start = span[0] if span else None
        self.slider.blockSignals(True)
        try:
            self.slider.setRange(0, (span[1] - span[0]).days if span else 0)
        finally:
            self.slider.blockSignals(False)
        if span is None:
            self.span_label.setText(NO_SPAN if overview is not None else "")
        else:
            self.span_label.setText(
                f"From {_text(span[0])} to {_text(span[1])}: "
                f"{len(self._days)} days on which a status may change."
            )
        self._place_slider()
        self._update_controls()

    def step_previous(self) -> None:
        found = previous_change(self._days, self._day)
        if found is not None:
            self.set_day(found)

    def step_next(self) -> None:
        found = next_change(self._days, self._day)
        if found is not None:
            self.set_day(found)

    def is_playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def play(self) -> None:
        """Step through the change days from the day shown (from the first
        when already at the last), one every :data:`PLAY_INTERVAL_MS`."""
        if not self._days:
            return
        if next_change(self._days, self._day) is None:
            self.set_day(self._days[0])
        self.timer.start()
        self._update_controls()

    def pause(self) -> None:
        self.timer.stop()
        self._update_controls()

    # -- reactions -------------------------------------------------------------------

    def _tick(self) -> None:
        self.step_next()
        if next_change(self._days, self._day) is None:
            self.pause()  # the last change reached: it stays shown

    def _slid(self, value: int) -> None:
        if self._start is not None:
            self.set_day(self._start + timedelta(days=value))

    def _place_slider(self) -> None:
        if self._start is None:
            return
        self.slider.blockSignals(True)
        try:
            offset = (self._day - self._start).days
            self.slider.setValue(min(max(offset, 0), self.slider.maximum()))
        finally:
            self.slider.blockSignals(False)

    def _update_controls(self) -> None:
        spanned = bool(self._days)
        self.slider.setEnabled(spanned)
        self.play_button.setEnabled(spanned)
        earlier = previous_change(self._days, self._day) is not None
        later = next_change(self._days, self._day) is not None
        for widget, usable in ((self.previous_button, earlier), (self.next_button, later)):
            widget.setEnabled(usable)
        self.previous_action.setEnabled(earlier)
        self.next_action.setEnabled(later)
        playing = self.is_playing()
        self.play_button.setText("Pause" if playing else "Play")
        pixmap = QStyle.StandardPixmap
        self.play_button.setIcon(
            self._icon(pixmap.SP_MediaPause if playing else pixmap.SP_MediaPlay)
        )
        doing = "Pause" if playing else "Play through the changes"
        self.play_button.setToolTip(f"{doing} (Space on the slider)")
        self.slider.setToolTip(f"As of {_text(self._day)}")


def _shown(day: date) -> str:
    """A day as the field shows it: the domain's display form ("1 Jun 2021")."""
    return FuzzyDate.parse(day.isoformat()).display()


def _text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
