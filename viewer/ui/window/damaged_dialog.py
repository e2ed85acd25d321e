"""What to do with a damaged database: restore a backup, open another, read what can be read."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.quoting import printable
from viewer.store.api import BackupInfo
from viewer.ui.window.backup_text import described


class DamagedChoice(Enum):
    """What the user chose for a damaged database."""

    RESTORE = "restore"
    OPEN_OTHER = "open other"
    READ_ONLY = "read only"
    CANCEL = "cancel"


class DamagedDialog(QDialog):
    """Says, in words, what SQLite's check found in a database file, that
    nothing was written to it, and offers (one button each, top to bottom):
    restore the newest good backup (named by its date and size; disabled
    when there is none), open another file, open the damaged one read-only to
    export what can be read, and Quit (at start-up) or Cancel.

    The first offer that can be taken has the focus; Escape is Quit/Cancel.
    :meth:`choice` gives what was chosen once the dialog is closed.

    Signals: none beyond QDialog's.
    """

    def __init__(
        self,
        path: Path,
        findings: Sequence[str],
        backup: BackupInfo | None,
        *,
        at_start: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("damagedDialog")
        self.setWindowTitle("The database is damaged")
        self._choice = DamagedChoice.CANCEL
        self._setup_widgets(path, findings, backup, at_start)
        self._connect_signals()

    def _setup_widgets(
        self, path: Path, findings: Sequence[str], backup: BackupInfo | None, at_start: bool
    ) -> None:
        listed = "\n".join(f"• {printable(finding)}" for finding in findings) or (
            "• the file cannot be read"
        )
        self.message = QLabel(
            f"{path} is damaged. SQLite's check of the file found:\n{listed}\n\n"
            "Nothing was written to it, and nothing will be: the damaged file is kept "
            "as it is.",
            self,
        )
        self.message.setObjectName("damagedMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if backup is not None:
            restore_text = f"&Restore {described(backup)}"
        else:
            restore_text = "&Restore a backup (no good backup of this file was found)"
        self.restore_button = QPushButton(restore_text, self)
        self.restore_button.setObjectName("restoreBackup")
        self.restore_button.setEnabled(backup is not None)
        if backup is not None:
            self.restore_button.setToolTip(
                f"{backup.path}\nThe damaged file is first renamed beside it, and kept."
            )
        self.other_button = QPushButton("&Open another file…", self)
        self.other_button.setObjectName("openOther")
        self.read_only_button = QPushButton("Open it read-only, to &export what can be read", self)
        self.read_only_button.setObjectName("openReadOnly")
        self.cancel_button = QPushButton("&Quit" if at_start else "&Cancel", self)
        self.cancel_button.setObjectName("quitOrCancel")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        for button in self._buttons():
            button.setAutoDefault(True)
            layout.addWidget(button)
        self.setMinimumWidth(560)
        for first, second in pairwise(self._buttons()):
            QWidget.setTabOrder(first, second)
        first = self.restore_button if backup is not None else self.other_button
        first.setDefault(True)
        first.setFocus()

    def _buttons(self) -> list[QPushButton]:
        return [self.restore_button, self.other_button, self.read_only_button, self.cancel_button]

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(lambda: self._choose(DamagedChoice.RESTORE))
        self.other_button.clicked.connect(lambda: self._choose(DamagedChoice.OPEN_OTHER))
        self.read_only_button.clicked.connect(lambda: self._choose(DamagedChoice.READ_ONLY))
        self.cancel_button.clicked.connect(self.reject)

    def choice(self) -> DamagedChoice:
        """What was chosen (Cancel, also for Escape and the close button)."""
        return self._choice

    def _choose(self, choice: DamagedChoice) -> None:
        self._choice = choice
        self.accept()

    def reject(self) -> None:
        self._choice = DamagedChoice.CANCEL
        super().reject()
