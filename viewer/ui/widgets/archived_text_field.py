"""A source's archived text in a form: one line saying what is kept, and four buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.archived_text import (
    ArchivedTextError,
    html_to_text,
    summary,
    text_from_file,
    tidy,
)
from viewer.domain.limits import ARCHIVED_TEXT
from viewer.ui.widgets.plain_text import show_as_warning

FILE_FILTER = "Text or web pages (*.txt *.html *.htm);;All files (*)"

# Asks for a file to load; None when the user chose none.
FileChooser = Callable[[QWidget], Path | None]


def choose_file(parent: QWidget) -> Path | None:
    """The file dialog's choice of a text or HTML file, or None."""
    name, _ = QFileDialog.getOpenFileName(parent, "Load archived text", "", FILE_FILTER)
    return Path(name) if name else None


class ArchivedTextField(QWidget):
    """The text a source keeps for checking quotes, never shown whole in the
    form: a line says how long it is ("2,345 words" or "none"); "Paste" takes
    the clipboard's text (a copied web page's HTML reduced to text), "Load
    from file…" a .txt or .html file (UTF-8), "View…" shows it read-only and
    "Clear" drops it. A file or paste that cannot be kept leaves the text as
    it was and says why on the line.

    Signals:
        changed(): the text was replaced or cleared.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, chooser: FileChooser = choose_file) -> None:
        super().__init__(parent)
        self._text = ""
        self.chooser = chooser  # replaced in tests, which choose no file by dialog
        self._problem = ""
        self._setup_widgets()
        self._connect_signals()
        self._show_state()

    def _setup_widgets(self) -> None:
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("archivedTextSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        self.summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.paste_button = self._button("Past&e", "pasteArchivedButton", "Keep the copied text")
        self.load_button = self._button(
            "&Load from file…", "loadArchivedButton", "Keep the text of a .txt or .html file"
        )
        self.view_button = self._button("&View…", "viewArchivedButton", "Read the kept text")
        self.clear_button = self._button("Clea&r", "clearArchivedButton", "Keep no text")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.paste_button, self.load_button, self.view_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)  # Enter saves the form, never presses these
        return button

    def _connect_signals(self) -> None:
        self.paste_button.clicked.connect(self.paste)
        self.load_button.clicked.connect(self.load)
        self.view_button.clicked.connect(self.view)
        self.clear_button.clicked.connect(self.clear)

    # -- the value --------------------------------------------------------------

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Show ``text`` as the kept text (a record's, when the form is filled)."""
        self._problem = ""
        self._text = text
        self._show_state()

    def problem(self) -> str:
        """Why the last paste or file was not kept ("" when it was)."""
        return self._problem

    # -- commands ---------------------------------------------------------------

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasText() and mime.text().strip():
            self._take(tidy(mime.text()), "the copied text")
        elif mime is not None and mime.hasHtml():
            self._take(html_to_text(mime.html()), "the copied page")
        else:
            self._refuse("Nothing pasted: the clipboard holds no text.")

    def load(self) -> None:
        path = self.chooser(self)
        if path is None:
            return
        try:
            if path.stat().st_size > 4 * ARCHIVED_TEXT:  # not read at all: it cannot fit
                raise ArchivedTextError(
                    f"it is {path.stat().st_size:,} bytes; a source keeps at most "
                    f"{ARCHIVED_TEXT:,} characters"
                )
            text = text_from_file(path.name, path.read_bytes())
        except ArchivedTextError as error:
            self._refuse(f"{path.name} was not loaded: {error}.")
        except OSError as error:
            self._refuse(f"{path.name} could not be read: {error.strerror or error}.")
        else:
            self._take(text, path.name)

    def view(self) -> QDialog:
        """A read-only window over the kept text (closed with Escape)."""
        dialog = QDialog(self)
        dialog.setObjectName("archivedTextDialog")
        dialog.setWindowTitle("Archived text")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = QPlainTextEdit(dialog)
        view.setObjectName("archivedTextView")
        view.setReadOnly(True)
        view.setPlainText(self._text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        dialog.resize(640, 480)
        dialog.open()
        return dialog

    def clear(self) -> None:
        if self._text:
            self._problem = ""
            self._text = ""
            self._show_state()
            self.changed.emit()

    def _take(self, text: str, what: str) -> None:
        if not text:
            self._refuse(f"Nothing kept: {what} holds no text.")
        elif len(text) > ARCHIVED_TEXT:
            self._refuse(
                f"Not kept: {what} holds {len(text):,} characters; "
                f"a source keeps at most {ARCHIVED_TEXT:,}."
            )
        else:
            self._problem = ""
            self._text = text
            self._show_state()
            self.changed.emit()

    def _refuse(self, message: str) -> None:
        self._problem = message
        self._show_state()

    def _show_state(self) -> None:
        line = summary(self._text)
        line = line[:1].upper() + line[1:]
        if self._problem:
            line = f"{line}. {self._problem}"
        show_as_warning(self.summary_label, bool(self._problem))
        self.summary_label.setText(line)
        has_text = bool(self._text)
        self.view_button.setEnabled(has_text)
        self.clear_button.setEnabled(has_text)
