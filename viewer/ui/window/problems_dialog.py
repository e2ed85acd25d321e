"""Every problem that stopped an action, in a list the user can scroll and copy."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

# Problems listed at most: a file with a million bad lines must not make a
# million-line text box. The command line (`import --dry-run`) lists them all.
SHOWN_PROBLEMS = 1_000


class ProblemsDialog(QDialog):
    """A summary line above the problems, one a line, as plain text.

    Text from the file is never read as markup: both the summary and the
    list are plain text. Copy puts the summary and the list on the clipboard.

    Signals: none beyond QDialog's.
    """

    def __init__(
        self, title: str, summary: str, problems: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        self._setup_widgets()
        self._fill(summary, problems)
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("problemsText")
        self.problems.setAccessibleName("Problems")
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton("&Copy", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setAccessibleName("Copy the problems")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def _fill(self, summary: str, problems: Sequence[str]) -> None:
        self.summary.setText(summary)
        lines = list(problems[:SHOWN_PROBLEMS])
        hidden = len(problems) - len(lines)
        if hidden > 0:
            lines.append(f"…and {hidden:,} more")
        self.problems.setPlainText("\n".join(lines))

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)

    def copy(self) -> None:
        text = f"{self.summary.text()}\n\n{self.problems.toPlainText()}\n"
        QApplication.clipboard().setText(text)
