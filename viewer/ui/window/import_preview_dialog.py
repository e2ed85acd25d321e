"""What an import would do, record by record, before it writes anything."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.import_merge import Choice, Standing
from viewer.store.api import ImportPlan
from viewer.ui.window.import_choice_delegate import ImportChoiceDelegate
from viewer.ui.window.import_preview_model import (
    CHANGES,
    CHOICE,
    KIND,
    RECORD,
    WHAT,
    ImportPreviewModel,
)

# The keys that set the choice of the selected rows.
CHOICE_KEYS = {
    Qt.Key.Key_A: Choice.ADD,
    Qt.Key.Key_U: Choice.UPDATE,
    Qt.Key.Key_S: Choice.SKIP,
    Qt.Key.Key_N: Choice.ADD_AS_NEW,
}
COLUMN_WIDTHS = {KIND: 80, RECORD: 230, WHAT: 150, CHANGES: 450, CHOICE: 130}


class ImportPreviewDialog(QDialog):
    """The records of a file against the database: counts at the top (new,
    changed, unchanged), a table of kind, record, what, changes and choice,
    and Import or Cancel. Nothing is written here: the caller imports
    :attr:`plan` (its choices as the user left them) when the dialog is
    accepted.

    Keyboard: the table has the focus; A, U, S and N give the selected rows
    Add, Update, Skip or Add as new (F2 on a Choice cell opens the list of
    its choices); "Update all" and "Skip all" decide every changed record;
    Enter imports, Escape cancels. Text from the file is shown as plain text.
    """

    def __init__(self, plan: ImportPlan, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(f"Import {file_name}")
        self.setObjectName("importPreview")
        self.model = ImportPreviewModel(plan, self)
        self._make_widgets()
        self._fill()
        self._connect_signals()

    def _make_widgets(self) -> None:
        self.counts = QLabel(self)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.counts.setObjectName("importCounts")
        self.outcome = QLabel(self)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.only_changes = QCheckBox("&Only what changes", self)
        self.only_changes.setToolTip("Hide the records the database already has as they are")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setItemDelegateForColumn(CHOICE, ImportChoiceDelegate(self.model, self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.setAccessibleName("Records of the file")
        self.update_all = QPushButton("&Update all", self)
        self.update_all.setToolTip("Every changed record takes the file's values")
        self.skip_all = QPushButton("S&kip all", self)
        self.skip_all.setToolTip("Every changed record keeps the database's values")
        keys = QLabel("Keys on the selected rows: A add, U update, S skip, N add as new", self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setDefault(True)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.only_changes)
        bulk = QHBoxLayout()
        bulk.addWidget(self.update_all)
        bulk.addWidget(self.skip_all)
        bulk.addWidget(keys, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bulk)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.resize(1080, 520)

    def _fill(self) -> None:
        counts = self.plan.counts()
        self.counts.setText(
            f"{counts[Standing.NEW]:,} new, {counts[Standing.CHANGED]:,} changed, "
            f"{counts[Standing.UNCHANGED]:,} unchanged"
        )
        self.only_changes.setChecked(True)
        self.model.set_only_changes(True)
        changed = counts[Standing.CHANGED] > 0
        self.update_all.setEnabled(changed)
        self.skip_all.setEnabled(changed)
        self._show_outcome()
        self._select_first()
        self.table.setFocus()

    def _connect_signals(self) -> None:
        self.only_changes.toggled.connect(self._filter)
        self.update_all.clicked.connect(lambda: self._decide_changed(Choice.UPDATE))
        self.skip_all.clicked.connect(lambda: self._decide_changed(Choice.SKIP))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._show_outcome)
        self.table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            choice = CHOICE_KEYS.get(Qt.Key(event.key()))
            plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if choice is not None and plain == Qt.KeyboardModifier.NoModifier:
                self.choose_selected(choice)
                return True
        return super().eventFilter(watched, event)

    def choose_selected(self, choice: Choice) -> int:
        """Give ``choice`` to the selected rows that offer it; how many took it."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return self.model.choose(rows, choice)

    def _decide_changed(self, choice: Choice) -> None:
        self.model.choose_for_changed(choice)
        self.table.setFocus()

    def _filter(self, only: bool) -> None:
        self.model.set_only_changes(only)
        self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _show_outcome(self) -> None:
        choices = self.plan.choices
        adds = sum(choice in (Choice.ADD, Choice.ADD_AS_NEW) for choice in choices)
        updates = sum(choice is Choice.UPDATE for choice in choices)
        self.outcome.setText(
            f"Import will add {adds:,} and update {updates:,} records; "
            f"{len(choices) - adds - updates:,} stay as they are."
            if adds or updates
            else "Import will change nothing: every record stays as it is."
        )
