"""The citations of one claim, edited in place: a source, locator, quote and note per row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.limits import FIELD_LIMITS, too_long
from viewer.domain.records import Citation
from viewer.ui.widgets.choice_lookup import ChoiceLookup
from viewer.ui.widgets.plain_text import show_as_warning
from viewer.ui.widgets.searching_combo_box import SearchingComboBox
from viewer.ui.widgets.table_rows_editor import TableRowsEditor, table_button

CITATION_NEEDED = "citation needed — this claim has no citation yet"
SOURCE_PLACEHOLDER = "type a source's title"
_SOURCE, _LOCATOR, _QUOTE, _NOTE = range(4)
_HEADERS = ("Source", "Locator", "Quote", "Note")
# A click in a combo that already has focus brings no FocusIn, hence the press too.
# The text columns: what a problem calls each, and its length limit (as validation has it).
_TEXT_COLUMNS = {
    _LOCATOR: ("locator", FIELD_LIMITS["locator"]),
    _QUOTE: ("quote", FIELD_LIMITS["quote"]),
    _NOTE: ("note", FIELD_LIMITS["note"]),
}


class CitationsEditor(TableRowsEditor):
    """Edits the citations of one claim; a claim may be left with none.

    Each row cites one source, chosen by typing part of its title (completion
    offers the matches) or its key; locator, quote and note are plain text.
    A row whose source text names no source, or several, is kept as typed,
    left out of :meth:`citations` and reported by :meth:`problems`, so the
    dialog can refuse to save instead of dropping it silently.

    The sources are a list given whole (:meth:`set_source_choices`) or, for a
    database that grows, a :class:`ChoiceLookup` (:meth:`set_source_lookup`):
    each row's combo then holds the few sources that match what was typed.

    Signals:
        changed(): the person edited the citations (rows added or removed, a
            source or a cell changed). Not emitted by :meth:`set_citations`
            or :meth:`set_source_choices`, which load rather than edit.
    """

    def __init__(
        self,
        accessible_name: str,
        create_source: Callable[[], tuple[str, str] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._create_source = create_source
        # The sources offered; with a lookup, those found so far and those cited.
        self._choices: list[tuple[str, str]] = []
        self._shown: list[str] = []
        self._lookup: ChoiceLookup | None = None
        self._looked_up: set[str] = set()
        self._setup_widgets(accessible_name)
        self._fill()
        self._connect_signals()

    def _setup_widgets(self, accessible_name: str) -> None:
        self._needed_label = QLabel(CITATION_NEEDED, self)
        self._needed_label.setObjectName("citationNeededLabel")
        self._needed_label.setTextFormat(Qt.TextFormat.PlainText)
        self._table = QTableWidget(0, len(_HEADERS), self)
        self._table.setObjectName("citationsTable")
        # Tab leaves the table for the next field; the arrow keys move between cells.
        self._table.setTabKeyNavigation(False)
        self._table.setAccessibleName(accessible_name)
        self._table.setHorizontalHeaderLabels(list(_HEADERS))
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._table.setColumnWidth(_SOURCE, 180)
        self._table.setColumnWidth(_LOCATOR, 80)
        self._table.setColumnWidth(_QUOTE, 180)
        # Rows as tall as the source combos they hold, or the combos are clipped.
        rows = self._table.verticalHeader()
        rows.setDefaultSectionSize(
            max(
                rows.defaultSectionSize(),
                SearchingComboBox(SOURCE_PLACEHOLDER, 12).sizeHint().height(),
            )
        )

        self._add_button = table_button("Add citation", "addCitationButton", self)
        self._new_source_button = table_button("New source…", "newSourceButton", self)
        self._new_source_button.setVisible(self._create_source is not None)
        self._remove_button = table_button("Remove", "removeCitationButton", self)
        self._remove_button.setAccessibleName("Remove citation")
        buttons = QHBoxLayout()
        for button in (self._add_button, self._new_source_button, self._remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._needed_label)
        layout.addWidget(self._table, 1)
        layout.addLayout(buttons)

    def _fill(self) -> None:
        show_as_warning(self._needed_label)
        self._update_state()

    def _connect_signals(self) -> None:
        self._table.itemChanged.connect(self._on_edited)
        self._table.currentCellChanged.connect(self._update_state)
        self._add_button.clicked.connect(self._on_add_clicked)
        self._new_source_button.clicked.connect(self._on_new_source_clicked)
        self._remove_button.clicked.connect(self._on_remove_clicked)

    # -- public API ------------------------------------------------------------------

    def set_source_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Offer these (key, label) sources; rows keep the sources they cite."""
        kept = [self._row_key(row) for row in range(self._table.rowCount())]
        self._lookup = None
        self._choices = list(choices)
        self._shown = _shown_texts(self._choices)
        with self._loading():
            for row, key in enumerate(kept):
                combo = self._combo(row)
                combo.set_item_source(None)
                text = combo.currentText()
                combo.clear()
                self._add_items(combo)
                self._show_source(combo, key if key is not None else text)

    def set_source_lookup(self, lookup: ChoiceLookup) -> None:
        """Find sources with ``lookup`` as the user types; rows keep the sources they cite."""
        kept = [self._row_key(row) for row in range(self._table.rowCount())]
        self._lookup, self._looked_up = lookup, set()
        self._choices, self._shown = [], []
        self._learn_keys(key for key in kept if key is not None)
        with self._loading():
            for row, key in enumerate(kept):
                combo = self._combo(row)
                text = combo.currentText()
                combo.set_item_source(self._items_for)
                combo.replace_items(self._items_of([key] if key is not None else []))
                self._show_source(combo, key if key is not None else text)

    def set_citations(self, citations: Sequence[Citation]) -> None:
        """Show ``citations``, one row each; a key not among the choices is shown as typed."""
        self._learn_keys(citation.source for citation in citations)
        with self._loading():
            self._table.setRowCount(0)
            for citation in citations:
                self._append_row(citation)
        self._update_state()

    def focus_citation(self, row: int) -> bool:
        """Make citation ``row`` (counted from 0) current at its locator, with
        the keyboard focus; False if there is no such row."""
        if not 0 <= row < self._table.rowCount():
            return False
        self._table.setCurrentCell(row, _LOCATOR)
        self._table.scrollTo(self._table.model().index(row, _LOCATOR))
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def citations(self) -> tuple[Citation, ...]:
        """The rows, in order, that cite a known source (see :meth:`problems` for the rest)."""
        cited = []
        for row in range(self._table.rowCount()):
            key = self._row_key(row)
            if key is not None:
                locator, quote, note = (self._cell_text(row, column) for column in _TEXT_COLUMNS)
                cited.append(Citation(key, locator, quote, note))
        return tuple(cited)

    def problems(self) -> list[str]:
        """What stops a row from being saved: "citation 2: choose a source"…"""
        found = []
        for row in range(self._table.rowCount()):
            prefix = f"citation {row + 1}"
            text = self._combo(row).currentText().strip()
            matches = self._matches(text)
            if not text:
                found.append(f"{prefix}: choose a source")
            elif not matches:
                found.append(f"{prefix}: no source is called {_quoted(text)}")
            elif len(matches) > 1:
                found.append(
                    f"{prefix}: more than one source is called {_quoted(text)}; "
                    "choose one from the list"
                )
            for column, (name, limit) in _TEXT_COLUMNS.items():
                length = len(self._cell_text(row, column))
                if length > limit:
                    found.append(f"{prefix}: the {name} {too_long(length, limit)}")
        return found

    def add_citation(self, source_key: str | None = None) -> None:
        """Append a row citing ``source_key`` (or nothing yet) and make it current."""
        self._learn_keys([source_key] if source_key else [])
        with self._loading():
            row = self._append_row(Citation(source_key or ""))
        self._table.setCurrentCell(row, _SOURCE)
        self._combo(row).setFocus()
        self._update_state()
        self.changed.emit()

    # -- rows --------------------------------------------------------------------------

    def _append_row(self, citation: Citation) -> int:
        row = self._table.rowCount()
        self._table.insertRow(row)
        combo = SearchingComboBox(SOURCE_PLACEHOLDER, 12)
        if self._lookup is None:
            self._add_items(combo)
        else:
            # Its own source, or for a new row the first few to choose from.
            cited = self._items_of([citation.source]) if citation.source else self._items_for("")
            combo.replace_items(cited)
            combo.set_item_source(self._items_for)
        self._show_source(combo, citation.source)
        # Focusing or clicking a row's combo makes that row current, so Remove removes it.
        combo.installEventFilter(self)
        if (line := combo.lineEdit()) is not None:
            line.installEventFilter(self)
        # Row widgets come and go with the rows, so they are connected as they are made.
        combo.currentTextChanged.connect(self._on_edited)
        self._table.setCellWidget(row, _SOURCE, combo)
        texts = (citation.locator, citation.quote, citation.note)
        for column, text in zip(_TEXT_COLUMNS, texts, strict=True):
            self._table.setItem(row, column, QTableWidgetItem(text))
        self._name_rows()
        return row

    def _add_items(self, combo: QComboBox) -> None:
        for (key, _label), shown in zip(self._choices, self._shown, strict=True):
            combo.addItem(shown, key)

    def _show_source(self, combo: SearchingComboBox, key_or_text: str) -> None:
        combo.show_item(combo.findData(key_or_text) if key_or_text else -1, key_or_text)

    def _row_key(self, row: int) -> str | None:
        matches = self._matches(self._combo(row).currentText().strip())
        return matches[0] if len(matches) == 1 else None

    def _matches(self, text: str) -> list[str]:
        """The keys ``text`` may mean: as shown in the list, else by title, else by key."""
        wanted = text.casefold()
        if not wanted:
            return []
        if self._lookup is not None and wanted not in self._looked_up:
            # Text set without typing, or typed past the last look-up: look it up once.
            self._items_for(text)
        for spelling in (
            self._shown,
            [_one_line(label) for _, label in self._choices],
            [key for key, _ in self._choices],
        ):
            pairs = zip(self._choices, spelling, strict=True)
            keys = [key for (key, _), name in pairs if name.casefold() == wanted]
            if keys:
                return keys
        return []

    def _combo(self, row: int) -> SearchingComboBox:
        combo = self._table.cellWidget(row, _SOURCE)
        assert isinstance(combo, SearchingComboBox)  # every row is made with one
        return combo

    def _cell_text(self, row: int, column: int) -> str:
        item = self._table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _name_rows(self) -> None:
        for row in range(self._table.rowCount()):
            self._combo(row).setAccessibleName(f"Source of citation {row + 1}")
        self._order_tab_stops()

    def _update_state(self) -> None:
        self._needed_label.setVisible(self._table.rowCount() == 0)
        self._remove_button.setEnabled(self._table.currentRow() >= 0)

    # -- reactions ---------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        self.add_citation()

    def _on_new_source_clicked(self) -> None:
        created = self._create_source() if self._create_source is not None else None
        if created is None:
            return
        key, label = created
        if self._lookup is not None:
            self._learn([(key, label)])
        elif key not in (known for known, _ in self._choices):
            self.set_source_choices([*self._choices, (key, label)])
        self.add_citation(key)

    def _on_remove_clicked(self) -> None:
        self._remove_current_row(_LOCATOR)

    # -- sources found with a lookup ---------------------------------------------------

    def _items_for(self, text: str) -> list[tuple[str, object]]:
        """The combo items for typed ``text``: the sources the lookup finds for it."""
        assert self._lookup is not None  # an item source only while there is a lookup
        found = self._lookup.find(text)
        self._looked_up.add(text.strip().casefold())
        self._learn(found)
        return self._items_of([key for key, _ in found])

    def _items_of(self, keys: Iterable[str]) -> list[tuple[str, object]]:
        shown = dict(zip((key for key, _ in self._choices), self._shown, strict=True))
        return [(shown[key], key) for key in keys if key in shown]

    def _learn_keys(self, keys: Iterable[str]) -> None:
        """Learn the titles of the cited ``keys`` not known yet (one look-up for all)."""
        known = {key for key, _ in self._choices}
        unknown = {key for key in keys if key and key not in known}
        if self._lookup is not None and unknown:
            self._learn(self._lookup.labels(unknown).items())

    def _learn(self, pairs: Iterable[tuple[str, str]]) -> None:
        known = {key for key, _ in self._choices}
        added = [(key, label) for key, label in pairs if key not in known]
        if added:
            self._choices += dict(added).items()
            self._shown = _shown_texts(self._choices)


def _shown_texts(choices: Sequence[tuple[str, str]]) -> list[str]:
    """Each choice as the list shows it: its label, with its key when the label is not enough."""
    counts = Counter(_one_line(label).casefold() for _, label in choices)
    shown = []
    for key, label in choices:
        title = _one_line(label)
        if not title:
            shown.append(key)
        elif counts[title.casefold()] > 1:
            shown.append(f"{title} ({key})")  # two sources with one title, told apart
        else:
            shown.append(title)
    return shown


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
