"""The whole of a text a pane shows cut: read-only, plain, copyable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.display_text import characters_text, one_line
from viewer.ui.widgets.pieced_text_view import PIECE, PiecedTextView
from viewer.ui.widgets.window_text import title_part

COPY_ALL = "&Copy all"


class FullTextDialog(QDialog):
    """Shows ``text`` whole, as plain text in a read-only view that lays out
    only what is in view (a line of megabytes in pieces: see
    :class:`PiecedTextView`), with "Copy all" for the whole of it.

    Signals: none.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fullTextDialog")
        self._text = text
        self._setup_widgets(title)
        self._connect_signals()

    def _setup_widgets(self, title: str) -> None:
        self.setWindowTitle(title_part(title))
        self.viewer = PiecedTextView(self)
        self.viewer.setObjectName("fullText")
        self.viewer.setAccessibleName(one_line(title, 80))
        self.viewer.set_text(self._text)
        about = characters_text(len(self._text))
        if self.viewer.is_pieced():
            about += (
                f"; a line longer than {PIECE:,} characters is shown in pieces "
                "(what you copy is the text as it is)"
            )
        self.about = QLabel(about, self)
        self.about.setObjectName("fullTextLength")
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(COPY_ALL, self)
        self.copy_button.setObjectName("copyAllButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.viewer, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self.copy_all)
        self._buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return self._text

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
