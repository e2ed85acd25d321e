"""A participant's status over time: the timeline, an "as of" date and what held then.

The wording comes from :func:`viewer.domain.status.status_as_of`; this module
only says it, and states its rule in one line under the timeline.  "Now" is
the same rule asked about today.  A partial date is not rounded to its first
day: on 15 January 2021 a declaration dated "Jan 2021" is only *possibly*
signed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import StatusKind
from viewer.domain.records import StatusAction
from viewer.domain.status import RULE, StatusAsOf, status_as_of
from viewer.ui.timeline.as_of_edit import AsOfEdit
from viewer.ui.timeline.timeline_canvas import TimelineCanvas

NO_ACTIONS = "no status actions recorded"

# Kinds whose own name already says the step has not happened: adding the
# certainty ("expected to join (expected ...)") would only repeat it.
_SELF_QUALIFYING = frozenset({StatusKind.PROSPECTIVE, StatusKind.EXPECTED_TO_JOIN})


class StatusTimeline(QWidget):
    """The status timeline of one participant with an "as of" date.

    Clicking the timeline moves the "as of" date to the day clicked.

    Signals:
        asOfChanged(datetime.date): the "as of" date changed, by the user or
            through :meth:`set_as_of`.
    """

    asOfChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions: tuple[StatusAction, ...] = ()
        self._setup_widgets()
        self._refresh()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.current_label = _plain_label("currentStatus", "Current status", self)
        self.canvas = TimelineCanvas(self)
        self.canvas.setObjectName("statusTimelineCanvas")
        self.as_of_edit = AsOfEdit(date.today(), self)
        self.as_of_edit.setObjectName("asOfEdit")
        caption = QLabel("&As of", self)
        caption.setBuddy(self.as_of_edit.line_edit)
        self.as_of_label = _plain_label("asOfStatus", "Status on the chosen date", self)
        self.rule_label = _plain_label("statusRule", "How a status is worked out", self)
        self.rule_label.setText(RULE)
        # Secondary text in the palette's own muted colour, light or dark.
        self.rule_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = self.rule_label.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.rule_label.setFont(font)
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption, 0, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.as_of_edit, 0, 1, Qt.AlignmentFlag.AlignTop)
        # The status on the day under the field, across the pane: beside it,
        # a narrow pane wrapped the sentence a word a line.
        row.addWidget(self.as_of_label, 1, 0, 1, 3)
        row.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.current_label)
        layout.addWidget(self.canvas)
        layout.addLayout(row)
        layout.addWidget(self.rule_label)

    def _connect_signals(self) -> None:
        self.as_of_edit.dayChanged.connect(self._on_day_changed)
        self.canvas.dayClicked.connect(self.set_as_of)

    # Public API ----------------------------------------------------------

    def set_actions(self, actions: Sequence[StatusAction]) -> None:
        """Show these status actions (one party's, in any order)."""
        self._actions = tuple(actions)
        self.canvas.set_actions(self._actions)
        self._refresh()

    def shown_actions(self) -> tuple[StatusAction, ...]:
        """The status actions shown."""
        return self._actions

    def set_as_of(self, day: date) -> None:
        """Move the "as of" date; emits :attr:`asOfChanged` when it changes."""
        self.as_of_edit.set_day(day)

    def as_of(self) -> date:
        return self.as_of_edit.day()

    def as_of_text(self) -> str:
        """The sentence shown for the "as of" date, e.g. "As of 1 Jun 2021: no status yet"."""
        return self.as_of_label.text()

    def current_text(self) -> str:
        """The sentence shown for the current status, e.g. "Now: stalled"."""
        return self.current_label.text()

    # Reactions -----------------------------------------------------------

    def _on_day_changed(self, day: date) -> None:
        self._refresh()
        self.asOfChanged.emit(day)

    def _refresh(self) -> None:
        day = self.as_of()
        self.canvas.set_marker(day)
        self.as_of_label.setText(f"As of {_day_text(day)}: {self._status_on(day)}")
        # "Now" is the same rule asked about today.
        self.current_label.setText(f"Now: {self._status_on(date.today())}")

    def _status_on(self, day: date) -> str:
        if not self._actions:
            return NO_ACTIONS
        found = status_as_of(self._actions, day)
        return "no status yet" if found is None else describe_status(found)


def describe_status(found: StatusAsOf) -> str:
    """A status in words: "declaration signed (since Jan 2021)", "possibly …"."""
    action = found.action
    qualifiers = []
    if action.certainty.is_prospective and action.action not in _SELF_QUALIFYING:
        qualifiers.append(action.certainty.label)
    if action.date is None or action.date.lower is None:
        qualifiers.append("date not given" if action.date is None else action.date.display())
    elif found.settled:
        qualifiers.append(f"since {action.date.display()}")
    else:
        qualifiers.append(action.date.display())
    prefix = "" if found.settled else "possibly "
    return f"{prefix}{action.action.label} ({', '.join(qualifiers)})"


def _plain_label(name: str, accessible: str, parent: QWidget) -> QLabel:
    # Status text comes from the database: never let it be read as HTML.
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _day_text(day: date) -> str:
    # The domain's own display form, so dates read alike across the window.
    return FuzzyDate.parse(day.isoformat()).display()
