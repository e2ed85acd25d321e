"""File > Backups…: the copies kept of the database, to restore one or take one now."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.sizes import readable_size
from viewer.store.api import BackupInfo
from viewer.ui.window.backup_text import local_time

NO_BACKUPS = (
    "No backups yet. Back Up Now takes one; one is also taken on the first launch of a day."
)


class BackupsDialog(QDialog):
    """Lists the backups of one database, newest first: when each was taken
    (local time), why, and its size; Restore…, Back Up Now and Show in Folder
    ask whoever listens to do the work (the dialog touches no file).

    The list has the focus when the dialog opens; Enter (or a double click)
    on a backup asks to restore it, Escape closes.

    Signals:
        restoreRequested(object): restore this :class:`BackupInfo` (not asked yet).
        backUpRequested(): take a backup now.
        showFolderRequested(): show the backups' folder.
    """

    restoreRequested = Signal(object)
    backUpRequested = Signal()
    showFolderRequested = Signal()

    def __init__(
        self, backups: Sequence[BackupInfo], where: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.setWindowTitle("Backups")
        self._backups: list[BackupInfo] = []
        self._why_not: str | None = None
        self._setup_widgets(where)
        self._connect_signals()
        self.set_backups(backups)

    def _setup_widgets(self, where: str) -> None:
        self.intro = QLabel(where, self)
        self.intro.setObjectName("backupsWhere")
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backupsList")
        self.list.setAccessibleName("Backups")
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(["Taken (local time)", "Reason", "Size"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(NO_BACKUPS, self)
        self.empty_label.setObjectName("noBackups")
        self.empty_label.setWordWrap(True)
        self.restore_button = QPushButton("&Restore…", self)
        self.back_up_button = QPushButton("&Back Up Now", self)
        self.folder_button = QPushButton("Show in &Folder", self)
        self.close_button = QPushButton("Close", self)
        buttons = QHBoxLayout()
        for button in (self.restore_button, self.back_up_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for button in self._buttons():
            # Enter in the list asks to restore (its `activated`): no button
            # may take Enter as the dialog's default too.
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        self.resize(640, 380)
        chain: list[QWidget] = [self.list, *self._buttons()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.list.setFocus()

    def _buttons(self) -> list[QPushButton]:
        return [self.restore_button, self.back_up_button, self.folder_button, self.close_button]

    def _connect_signals(self) -> None:
        self.list.activated.connect(lambda _index: self._ask_restore())
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.restore_button.clicked.connect(self._ask_restore)
        self.back_up_button.clicked.connect(self.backUpRequested)
        self.folder_button.clicked.connect(self.showFolderRequested)
        self.close_button.clicked.connect(self.reject)

    # -- public API ----------------------------------------------------------------

    def set_backups(self, backups: Sequence[BackupInfo]) -> None:
        """Show ``backups`` (newest first); the first one is current."""
        self._backups = list(backups)
        self.list.clear()
        for info in self._backups:
            item = QTreeWidgetItem(
                [local_time(info.taken_at), info.reason, readable_size(info.size)]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(info.path))
            self.list.addTopLevelItem(item)
        if self._backups:
            self.list.setCurrentIndex(self.list.model().index(0, 0, QModelIndex()))
        self.empty_label.setVisible(not self._backups)
        self._update_buttons()

    def allow_restore(self, why_not: str | None) -> None:
        """Restore is offered only while the database may be written (``why_not`` is None)."""
        self._why_not = why_not
        self.restore_button.setToolTip(f"Not available: {why_not}." if why_not else "")
        self._update_buttons()

    def allow_back_up(self, why_not: str | None) -> None:
        """Back Up Now is offered unless ``why_not`` (a tip, "Not available: …") says otherwise."""
        self.back_up_button.setEnabled(why_not is None)
        self.back_up_button.setToolTip(why_not or "")

    def current(self) -> BackupInfo | None:
        """The backup chosen in the list, if any."""
        row = self.list.currentIndex().row()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    # -- reacting ------------------------------------------------------------------

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.current() is not None and self._why_not is None)

    def _ask_restore(self) -> None:
        chosen = self.current()
        if chosen is not None and self._why_not is None:
            self.restoreRequested.emit(chosen)
