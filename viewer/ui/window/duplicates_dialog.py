"""Tools ▸ Find Duplicates…: pairs of likely duplicate records, to open or merge."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from viewer.store.api import DuplicateCandidate, DuplicateGroup
from viewer.ui.window.duplicate_pair_view import DuplicatePairView
from viewer.ui.window.duplicates_model import DuplicatePair, DuplicatesModel

SEARCHING = "Searching for likely duplicates…"
NONE_FOUND = "No likely duplicates found."
# Merges the pair chosen in the list, after a confirmation.
MERGE_KEYS = "Ctrl+M"


class DuplicatesDialog(QDialog):
    """Lists pairs of likely duplicates (sources, participants, people) with
    why each pair is listed; the pair chosen is shown side by side below,
    with the choice of which record to keep. The dialog reads and writes
    nothing: it asks whoever listens.

    Keyboard: the list has the focus; Enter (or Open) opens the record to
    keep in the window, Ctrl+M (or Merge…) asks to merge, Alt+F / Alt+S
    choose the record to keep, Escape closes.

    Signals:
        openRequested(str, str): show this record (kind's value, key).
        mergeRequested(object, object): merge the second candidate into the first.
        searchRequested(): look for duplicates again.
    """

    openRequested = Signal(str, str)
    mergeRequested = Signal(object, object)
    searchRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle("Find Duplicates")
        self.model = DuplicatesModel(self)
        self._searching = False
        self._why_not: str | None = None
        self._setup_widgets()
        self._connect_signals()
        self._update()

    def _setup_widgets(self) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("duplicatesStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QTableView(self)
        self.list.setObjectName("duplicatesList")
        self.list.setAccessibleName("Likely duplicates")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTabKeyNavigation(False)
        self.list.setWordWrap(False)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.pair_view = DuplicatePairView(self)
        self.open_button = QPushButton("&Open", self)
        self.merge_button = QPushButton("&Merge…", self)
        self.merge_button.setToolTip(f"Merge the second record into the one kept ({MERGE_KEYS})")
        self.search_button = QPushButton("Search &Again", self)
        self.close_button = QPushButton("Close", self)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.merge_button, self.search_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in self._buttons():
            # Enter in the list opens (its `activated`): no button takes it too.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.merge_keys = QShortcut(QKeySequence(MERGE_KEYS), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.pair_view)
        layout.addLayout(buttons)
        self.resize(900, 560)
        chain: list[QWidget] = [
            self.list,
            self.pair_view.keep_first,
            self.pair_view.keep_second,
            *self._buttons(),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.list.setFocus()

    def _buttons(self) -> list[QPushButton]:
        return [self.open_button, self.merge_button, self.search_button, self.close_button]

    def _connect_signals(self) -> None:
        self.list.activated.connect(lambda _index: self._open())
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.model.modelReset.connect(self._show_current)
        self.open_button.clicked.connect(self._open)
        self.merge_button.clicked.connect(self._merge)
        self.merge_keys.activated.connect(self._merge)
        self.search_button.clicked.connect(self.searchRequested)
        self.close_button.clicked.connect(self.reject)

    # -- public API ----------------------------------------------------------------

    def show_searching(self) -> None:
        """Say the search is under way; the list empties until it answers."""
        self._searching = True
        self.model.clear()
        self._update()

    def show_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        """Show what the search found; the first pair is current."""
        self._searching = False
        self.model.set_groups(groups)
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
        self._update()

    def show_failure(self, reason: str) -> None:
        self._searching = False
        self.model.clear()
        self._update()
        self.status.setText(f"Could not look for duplicates: {reason}")

    def allow_merge(self, why_not: str | None) -> None:
        """Merging is offered only while the database may be written."""
        self._why_not = why_not
        self._update()

    def current_pair(self) -> DuplicatePair | None:
        return self.model.pair(self.list.currentIndex().row())

    def survivor(self) -> DuplicateCandidate | None:
        return self.pair_view.survivor()

    # -- reacting ------------------------------------------------------------------

    def _show_current(self) -> None:
        self.pair_view.set_pair(self.current_pair())
        self._update()

    def _update(self) -> None:
        chosen = self.current_pair() is not None
        self.open_button.setEnabled(chosen)
        self.merge_button.setEnabled(chosen and self._why_not is None)
        self.merge_button.setToolTip(
            f"Not available: {self._why_not}."
            if self._why_not
            else f"Merge the second record into the one kept ({MERGE_KEYS})"
        )
        self.search_button.setEnabled(not self._searching)
        if self._searching:
            self.status.setText(SEARCHING)
        elif not self.model.total():
            self.status.setText(NONE_FOUND)
        else:
            count = self.model.total()
            listed = self.model.rowCount()
            shown = f" (the first {listed:,} listed)" if listed < count else ""
            self.status.setText(
                f"{count:,} pair{'' if count == 1 else 's'} of likely duplicates{shown}. "
                "Choose the record to keep, then Merge."
            )

    def _open(self) -> None:
        survivor = self.pair_view.survivor()
        if survivor is not None:
            self.openRequested.emit(survivor.kind.value, survivor.key)

    def _merge(self) -> None:
        survivor, merged = self.pair_view.survivor(), self.pair_view.merged()
        if survivor is not None and merged is not None and self._why_not is None:
            self.mergeRequested.emit(survivor, merged)
