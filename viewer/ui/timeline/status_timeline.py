"""A participant's status over time: the timeline, an "as of" date and what held then.

The wording comes from :func:`viewer.domain.status.status_as_of`; this module
only says it.  A partial date is not rounded to its first day: on 15 January
2021 a declaration dated "Jan 2021" is only *possibly* signed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import StatusKind
from viewer.domain.records import StatusAction
from viewer.domain.status import StatusAsOf, status_as_of
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
        self._fill(date.today())
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.current_label = _plain_label("currentStatus", "Current status", self)
        self.canvas = TimelineCanvas(self)
        self.canvas.setObjectName("statusTimelineCanvas")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("asOfDate")
        self.date_edit.setAccessibleName("Status as of date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        # Focus goes to the edit's inner line edit, so screen readers announce that one.
        inner = self.date_edit.findChild(QLineEdit)
        if inner is not None:
            inner.setAccessibleName(self.date_edit.accessibleName())
        caption = QLabel("&As of", self)
        caption.setBuddy(self.date_edit)
        self.as_of_label = _plain_label("asOfStatus", "Status on the chosen date", self)
        row = QGridLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption, 0, 0)
        row.addWidget(self.date_edit, 0, 1)
        row.addWidget(self.as_of_label, 0, 2)
        row.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.current_label)
        layout.addWidget(self.canvas)
        layout.addLayout(row)

    def _fill(self, day: date) -> None:
        self.date_edit.setDate(_qdate(day))
        self._refresh()

    def _connect_signals(self) -> None:
        self.date_edit.dateChanged.connect(self._on_date_changed)
        self.canvas.dayClicked.connect(self.set_as_of)

    # Public API ----------------------------------------------------------

    def set_actions(self, actions: Sequence[StatusAction]) -> None:
        """Show these status actions (one party's, in any order)."""
        self._actions = tuple(actions)
        self.canvas.set_actions(self._actions)
        self._refresh()

    def set_as_of(self, day: date) -> None:
        """Move the "as of" date; emits :attr:`asOfChanged` when it changes."""
        self.date_edit.setDate(_qdate(day))

    def as_of(self) -> date:
        edited = self.date_edit.date()
        return date(edited.year(), edited.month(), edited.day())

    def as_of_text(self) -> str:
        """The sentence shown for the "as of" date, e.g. "As of 1 Jun 2021: no status yet"."""
        return self.as_of_label.text()

    def current_text(self) -> str:
        """The sentence shown for the current status, e.g. "Now: stalled"."""
        return self.current_label.text()

    # Reactions -----------------------------------------------------------

    def _on_date_changed(self, _: QDate) -> None:
        self._refresh()
        self.asOfChanged.emit(self.as_of())

    def _refresh(self) -> None:
        day = self.as_of()
        self.canvas.set_marker(day)
        self.as_of_label.setText(f"As of {_day_text(day)}: {self._status_on(day)}")
        self.current_label.setText(f"Now: {self._status_on(None)}")

    def _status_on(self, day: date | None) -> str:
        if not self._actions:
            return NO_ACTIONS
        found = status_as_of(self._actions, day)
        if found is None:
            dated = any(a.date is not None and a.date.lower is not None for a in self._actions)
            return "no status yet" if dated else "not known (no action has a date)"
        return describe_status(found)


def describe_status(found: StatusAsOf) -> str:
    """A status in words: "declaration signed (since Jan 2021)", "possibly …"."""
    action = found.action
    qualifiers = []
    if action.certainty.is_prospective and action.action not in _SELF_QUALIFYING:
        qualifiers.append(action.certainty.label)
    if action.date is None:
        qualifiers.append("date not given")
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


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day_text(day: date) -> str:
    # The domain's own display form, so dates read alike across the window.
    return FuzzyDate.parse(day.isoformat()).display()
