"""The participants table's rows on one day, as an item model."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from viewer.domain.enums import StatusKind
from viewer.domain.overview import AccordOverview, Standing, steps_by
from viewer.domain.overview_rows import (
    CITATION_NEEDED,
    ParticipantRow,
    headers,
    participant_row,
)
from viewer.domain.query import folded
from viewer.domain.records import StatusAction
from viewer.domain.status import AS_OF_RULE, RULE
from viewer.ui.timeline.status_colours import (
    action_fill,
    doubt_fill,
    frame_colour,
    hatch_brush,
    is_tentative,
    outline_pen,
)
from viewer.ui.widgets.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole  # the participant's key, on every cell of its row
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a tuple that orders the column by meaning
PARTICIPANT, STATUS, SINCE = 0, 1, 2
SWATCH = 12  # pixels: the status colour beside its words

_STEP_ORDER = {kind: index for index, kind in enumerate(StatusKind)}
# Dated steps first (by their first possible day), then undated ones, then empty cells.
_DATED, _UNDATED, _EMPTY = 0, 1, 2


class ParticipantsModel(QAbstractTableModel):
    """One row per participant of an accord, with its standing on :meth:`day`.

    The words are :mod:`viewer.domain.overview_rows`'s, so the table, its
    copies and the report read alike. Each cell also gives a sort key
    (:data:`SORT_ROLE`): dates sort by their first possible day (undated
    steps after dated ones, empty cells last) and statuses by the order
    steps happen in, never by their text. The Status column carries a swatch
    of the status colour (pale with a dashed edge while only expected,
    hatched while it may or may not have begun) and "citation needed" is
    drawn as a warning.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._overview: AccordOverview | None = None
        self._day = date.today()
        self._headers: tuple[str, ...] = ()
        self._kinds: tuple[StatusKind, ...] = ()
        self._rows: list[ParticipantRow] = []
        self._taken: list[dict[StatusKind, StatusAction]] = []
        self._warning = QColor("#b34700")
        self._swatches: dict[tuple[str, ...], QIcon] = {}

    # -- what it shows ---------------------------------------------------------------

    def set_overview(self, overview: AccordOverview | None, day: date) -> None:
        """Show ``overview``'s participants on ``day`` (None: no rows)."""
        self.beginResetModel()
        self._overview = overview
        self._day = day
        self._kinds = overview.step_kinds() if overview else ()
        self._headers = headers(self._kinds) if overview else ()
        self._read_rows()
        self.endResetModel()

    def set_day(self, day: date) -> None:
        """Say where each participant stood on ``day``; the rows stay (and so
        does the selection), their words change."""
        if day == self._day:
            return
        self._day = day
        self._read_rows()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, STATUS), last)

    def day(self) -> date:
        return self._day

    def overview(self) -> AccordOverview | None:
        return self._overview

    def headers(self) -> tuple[str, ...]:
        return self._headers

    def row(self, row: int) -> ParticipantRow:
        return self._rows[row]

    def key_at(self, row: int) -> str | None:
        return self._rows[row].party.key if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((n for n, found in enumerate(self._rows) if found.party.key == key), None)

    def set_warning_colour(self, colour: QColor) -> None:
        """The colour "citation needed" is drawn in (the theme's warning colour)."""
        self._warning = QColor(colour)
        if self._rows:
            column = len(self._headers) - 1
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _read_rows(self) -> None:
        overview = self._overview
        if overview is None:
            self._rows, self._taken = [], []
            return
        self._rows = [participant_row(party, self._kinds, self._day) for party in overview.parties]
        self._taken = [steps_by(party.actions, self._day) for party in overview.parties]

    # -- the model's answers ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == STATUS:
            return plain_tooltip(f"{RULE}\n{AS_OF_RULE}")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        found = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return found.cells()[column]
        if role == KEY_ROLE:
            return found.party.key
        if role == SORT_ROLE:
            return self._sort_key(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(index.row(), column))
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            return self._swatch(found.standing)
        if self._needs_citation(found, column):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(self._warning)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _needs_citation(self, found: ParticipantRow, column: int) -> bool:
        return column == len(self._headers) - 1 and found.citations == CITATION_NEEDED

    # -- sorting ---------------------------------------------------------------------

    def _sort_key(self, row: int, column: int) -> tuple[Any, ...]:
        found = self._rows[row]
        if column == PARTICIPANT:
            return (folded(found.party.name),)
        if column == STATUS:
            at = found.standing
            # No status first; then by the step reached; a step only perhaps
            # begun after the same step surely taken.
            rank = _STEP_ORDER[at.action.action] if at.action else -1
            maybe = _STEP_ORDER[at.pending.action] + 1 if at.pending else 0
            return (rank, maybe)
        if column == SINCE:
            return _date_key(found.standing.action)
        if column == len(self._headers) - 1:
            return (found.party.citation_count,)
        kind = self._kinds[column - 3]
        return _date_key(self._taken[row].get(kind))

    # -- words and pictures ----------------------------------------------------------

    def _tooltip(self, row: int, column: int) -> str:
        found = self._rows[row]
        day = _day_text(self._day)
        if column == PARTICIPANT:
            code = f" ({found.party.iso_code})" if found.party.iso_code else ""
            return f"{found.party.name}{code}\n{found.party.party_kind.label.capitalize()}"
        if column == STATUS:
            since = f"\nSince {found.since}" if found.since else ""
            shown = found.standing.shown
            pale = ""
            if shown is not None and is_tentative(shown):
                pale = "\nDrawn pale with a dashed edge: not done yet, or not firmly dated."
            return f"Status on {day}: {found.status}{since}{pale}\n\n{RULE}"
        if column == len(self._headers) - 1:
            if found.citations == CITATION_NEEDED:
                return (
                    f"No source backs {found.party.name}'s steps in this accord: "
                    "add a citation to its status actions."
                )
            return f"{found.citations} citation(s) back {found.party.name}'s steps in this accord."
        cell = found.cells()[column]
        title = self._headers[column]
        return f"{title}: {cell}" if cell else f"{title}: not by {day}"

    def _swatch(self, at: Standing) -> QIcon | None:
        shown = at.shown
        if shown is None:
            return None
        doubtful = at.action is None  # only perhaps begun: hatched, as on the timeline
        key = (shown.action.value, str(is_tentative(shown)), str(doubtful))
        icon = self._swatches.get(key)
        if icon is None:
            icon = self._swatches[key] = _draw_swatch(shown, doubtful)
        return icon


def _draw_swatch(action: StatusAction, doubtful: bool) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    box = QRectF(0.5, 0.5, SWATCH - 1, SWATCH - 1)
    if doubtful:
        painter.fillRect(box, doubt_fill(action))
        painter.fillRect(box, hatch_brush(action.action))
    else:
        painter.fillRect(box, action_fill(action))
    pen = outline_pen(action) if is_tentative(action) or doubtful else QPen(frame_colour(), 1)
    painter.setPen(pen)
    painter.drawRect(box)
    painter.end()
    return QIcon(pixmap)


def _date_key(action: StatusAction | None) -> tuple[int, date, date]:
    if action is None:
        return (_EMPTY, date.max, date.max)
    when = action.date
    if when is None or when.lower is None:
        return (_UNDATED, date.max, date.max)
    return (_DATED, when.lower, when.upper or date.max)


def _day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
