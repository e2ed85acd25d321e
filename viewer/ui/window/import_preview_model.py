"""The rows of the import preview: each record of the file, how it stands
against the database, and what the import will do with it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.domain.display_text import one_line
from viewer.domain.field_labels import record_noun
from viewer.domain.import_merge import Choice, MergeEntry, Standing
from viewer.store.api import ImportPlan
from viewer.ui.widgets.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

KIND, RECORD, WHAT, CHANGES, CHOICE = range(5)
HEADERS = ("Kind", "Record", "What", "Changes (old -> new)", "Choice")
# The longest a cell's text runs; the tooltip shows the whole.
CELL_CHARACTERS = 200


def choice_text(entry: MergeEntry, choice: Choice) -> str:
    """ "Add", "Update", "Skip", "Add as new (report-2)"."""
    if choice is Choice.ADD_AS_NEW:
        return f"Add as new ({entry.fresh_key})"
    return choice.label.capitalize()


class ImportPreviewModel(QAbstractTableModel):
    """One row a record of ``plan`` (all, or with :meth:`set_only_changes`
    those that are new or changed), its choice held in ``plan.choices``.

    Rows are the plan's entries, looked up by position: a file of 100,000
    records is 100,000 rows of one list, drawn as they scroll into view.
    A choice is changed with :meth:`choose` (or ``setData`` on the Choice
    column, given a :class:`Choice`); a choice the record does not offer is
    refused.
    """

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._shown: list[int] = list(range(len(plan.entries)))

    # -- the rows --------------------------------------------------------------------

    def set_only_changes(self, only: bool) -> None:
        """Show only the records that are new or changed (True), or all of them."""
        self.beginResetModel()
        entries = self.plan.entries
        self._shown = [
            number
            for number, entry in enumerate(entries)
            if not only or entry.standing is not Standing.UNCHANGED
        ]
        self.endResetModel()

    def entry(self, row: int) -> MergeEntry:
        return self.plan.entries[self._shown[row]]

    def choice(self, row: int) -> Choice:
        return self.plan.choices[self._shown[row]]

    def choose(self, rows: Iterable[int], choice: Choice) -> int:
        """Give ``choice`` to each of ``rows`` that offers it; how many took it."""
        taken = 0
        for row in rows:
            number = self._shown[row]
            if choice in self.plan.entries[number].choices:
                self.plan.choices[number] = choice
                taken += 1
                cell = self.index(row, CHOICE)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
        return taken

    def choose_for_changed(self, choice: Choice) -> None:
        """Give every changed record ``choice`` (shown or not)."""
        self.plan.choose_for_changed(choice)
        if self._shown:
            self.dataChanged.emit(
                self.index(0, CHOICE),
                self.index(len(self._shown) - 1, CHOICE),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- QAbstractTableModel ---------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation is Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        entry = self.entry(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(self._text(entry, index.row(), index.column()), CELL_CHARACTERS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._text(entry, index.row(), index.column()))
        if role == Qt.ItemDataRole.EditRole and index.column() == CHOICE:
            return self.choice(index.row()).value
        return None

    def _text(self, entry: MergeEntry, row: int, column: int) -> str:
        match column:
            case 0:
                return record_noun(entry.kind).capitalize()
            case 1:
                return f"{entry.record.label} ({entry.record.key})"
            case 2:
                return entry.what
            case 3:
                return entry.changes_text
        return choice_text(entry, self.choice(row))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHOICE and len(self.entry(index.row()).choices) > 1:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != CHOICE
            or role != Qt.ItemDataRole.EditRole
            or value not in {choice.value for choice in Choice}
        ):
            return False
        return self.choose([index.row()], Choice(str(value))) == 1
