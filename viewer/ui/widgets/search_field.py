"""The search field: typed text read as the search language, explained as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QStyle, QWidget

from viewer.domain.query import Query, explain, parse
from viewer.domain.search_limits import MAX_QUERY_CHARS
from viewer.ui.widgets.plain_text import plain_tooltip, show_as_warning

SEARCH_DELAY_MS = 200
HINT = (
    "Type words to find records holding them all (each as the start of a word, "
    "any case or accent). Press F1 for the search language: phrases, -word, OR "
    "and filters such as kind:event or year:2025."
)


class SearchField(QLineEdit):
    """A line edit whose text is a query, read a moment after the last key.

    The tooltip says how the query was read (a filter it does not know, a
    quote left open, a date it cannot read); the text turns the warning
    colour while there is something to say. Nothing typed ever raises: the
    field holds at most the longest query the store searches (a longer
    paste is cut there, and the tooltip says so).

    Signals:
        queryChanged(object): the text settled; carries the parsed
            :class:`~viewer.domain.query.Query` (empty when the field is).
        helpRequested(): F1 in the field, or its "?" button.
        resultsRequested(): Down or Enter in the field: go to what it found.

    Esc clears the field (and so the search) at once.
    """

    queryChanged = Signal(object)
    helpRequested = Signal()
    resultsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setAccessibleName("Search")
        self.setPlaceholderText("Search (Ctrl+F)")
        self.setClearButtonEnabled(True)
        self.setMaxLength(MAX_QUERY_CHARS)
        self.setToolTip(plain_tooltip(HINT))
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion)
        self.help_action = QAction(icon, "How to search", self)
        self.help_action.setToolTip("How to search (F1)")
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(self.help_action, QLineEdit.ActionPosition.TrailingPosition)
        self._query = Query()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.settle)
        self.help_action.triggered.connect(self.helpRequested.emit)

    def query(self) -> Query:
        """The query as last read (at the last :meth:`settle`)."""
        return self._query

    def problems(self) -> list[str]:
        return explain(self._query)

    def settle(self) -> None:
        """Read the text now (rather than after the typing pause)."""
        self._timer.stop()
        # Never a QueryError: the field holds no longer text than a query may be.
        self._query = parse(self.text())
        problems = explain(self._query)
        if len(self.text()) >= MAX_QUERY_CHARS:
            problems.append(
                f"the search field holds at most {MAX_QUERY_CHARS:,} characters; "
                "a longer text is cut there"
            )
        show_as_warning(self, bool(problems))
        tooltip = "\n".join(f"• {problem}" for problem in problems) if problems else HINT
        self.setToolTip(plain_tooltip(tooltip))
        self.queryChanged.emit(self._query)

    def add_filter(self, text: str) -> None:
        """Add a filter (``status:withdrawn``) to the query and read it at once."""
        current = self.text().rstrip()
        if text in current.split():
            return
        self.setText(f"{current} {text}".strip())
        self.settle()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.settle()  # Enter searches at once, and goes to the results
            self.resultsRequested.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.resultsRequested.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()  # Esc clears the search, as in every search field
            self.settle()
            return
        super().keyPressEvent(event)
