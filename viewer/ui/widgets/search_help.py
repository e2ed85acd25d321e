"""The search language, explained in a window of its own (F1 in the search field)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.domain.query import FILTERS

EXAMPLES = (
    ("israel signing", "records holding both words (each as the start of a word)"),
    ('"signing ceremony"', "the exact phrase"),
    ("visit -salman", "visit, but not salman"),
    ("morocco OR sudan", "either word"),
    ("kind:event party:UAE", "events with the United Arab Emirates in a role"),
    ("-kind:event", "a filter with a minus excludes what it names"),
)


def search_help_text() -> str:
    lines = ["Case and accents do not matter: emirats finds Émirats.", "", "Examples:"]
    lines += [f"  {example:<24} {meaning}" for example, meaning in EXAMPLES]
    lines += ["", 'Filters (a value with spaces goes in quotes: party:"Saudi Arabia"):']
    lines += [f"  {name + ':':<11} {meaning}" for name, meaning in FILTERS.items()]
    lines += [
        "",
        "after: and before: take any date the forms take (2021, 2020-09, 15 Sep 2020).",
        "A word of one letter matches only that word; longer words match word starts.",
        "What the search cannot use is said in the search field's tooltip.",
    ]
    return "\n".join(lines)


def show_search_help(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setObjectName("searchHelp")
    box.setWindowTitle("How to search")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText("Type words, phrases and filters; the lists narrow as you type.")
    box.setInformativeText(search_help_text())
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    font = box.font()
    font.setFamily("monospace")
    box.setFont(font)
    box.exec()
    box.deleteLater()
