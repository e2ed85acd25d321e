"""The search language, explained in a window of its own (F1 in the search field)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from viewer.domain.query import FILTERS
from viewer.domain.search_limits import MAX_FILTERS, MAX_QUERY_CHARS, MAX_TERMS

EXAMPLES = (
    ("israel signing", "both words, each as the start of a word"),
    ('"signing ceremony"', "the exact phrase"),
    ("visit -salman", "visit, but not salman"),
    ("morocco OR sudan", "either word"),
    ("kind:event party:UAE", "events with the United Arab Emirates in them"),
    ("-kind:event", "a minus before a filter excludes what it names"),
)


def search_help_text() -> str:
    lines = [
        "Type words, phrases and filters: the list narrows as you type, and",
        "All results (Ctrl+Shift+F) shows what matches in every kind of record.",
        "Case and accents do not matter: emirats finds Émirats, STRASSE finds Straße.",
        "",
        "Examples",
    ]
    lines += [f"  {example:<22} {meaning}" for example, meaning in EXAMPLES]
    lines += ["", 'Filters (a value with spaces goes in quotes: party:"Saudi Arabia")']
    lines += [f"  {name + ':':<11} {meaning}" for name, meaning in FILTERS.items()]
    lines += [
        "",
        "after: and before: take any date the forms take (2021, 2020-09, 15 Sep 2020).",
        "A word of one letter matches only that word; longer words match word starts.",
        "% _ and * are ordinary characters, not wildcards.",
        f"A search holds at most {MAX_QUERY_CHARS:,} characters; past {MAX_TERMS} words or",
        f"{MAX_FILTERS} filters the first ones are used.",
        "What the search could not use is said in the search field's tooltip.",
    ]
    return "\n".join(lines)


class SearchHelpDialog(QDialog):
    """The language's words, examples and filters, as plain text to read or copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchHelp")
        self.setWindowTitle("How to search")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("searchHelpText")
        self.text.setAccessibleName("How to search")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(search_help_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self.text.setFocus()


def show_search_help(parent: QWidget) -> None:
    dialog = SearchHelpDialog(parent)
    dialog.exec()
    dialog.deleteLater()
