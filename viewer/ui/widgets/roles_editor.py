"""The roles table of an event: which party or person took part, and as what."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from viewer.domain.enums import RecordKind, RoleKind
from viewer.domain.records import EventRole
from viewer.ui.widgets.choice_lookup import ChoiceLookup
from viewer.ui.widgets.searching_combo_box import SearchingComboBox
from viewer.ui.widgets.table_rows_editor import TableRowsEditor, table_button

WHO_PLACEHOLDER = "type a participant's or person's name"
_WHO, _ROLE = range(2)
_HEADERS = ("Party or person", "Role")
_DEFAULT_ROLE = RoleKind.PARTICIPANT
# A click in a combo that already has focus brings no FocusIn, hence the press too.

# A party or a person, as (kind, key): the two share no key space.
_Ref = tuple[RecordKind, str]


class RolesEditor(TableRowsEditor):
    """Edits the roles of one event: a party or a person, and the role each played.

    The party or person is chosen by typing part of its name (completion
    offers "Kazakhstan — participant", "Donald Trump — person"), its bare
    name when only one record bears it, or its key. A row naming no one, or
    several, is kept as typed, left out of :meth:`roles` and reported by
    :meth:`problems`.

    The parties and people are lists given whole (:meth:`set_choices`) or,
    for a database that grows, two :class:`ChoiceLookup` (:meth:`set_lookups`):
    each row's combo then holds the few that match what was typed.

    Signals:
        changed(): the person edited the roles (rows added or removed, a party,
            person or role changed). Not emitted by :meth:`set_roles` or
            :meth:`set_choices`, which load rather than edit.
    """

    LAST_COLUMN_WIDTH = 150  # the Role column: its longest role shown whole

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The parties and people offered; with lookups, those found so far and those named.
        self._refs: list[_Ref] = []
        self._names: list[str] = []
        self._shown: list[str] = []
        self._labels: list[str] = []
        self._lookups: dict[RecordKind, ChoiceLookup] = {}
        self._looked_up: set[str] = set()
        self._setup_widgets()
        self._fill()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self._table = QTableWidget(0, len(_HEADERS), self)
        self._table.setObjectName("rolesTable")
        # Tab leaves the table for the next field; the arrow keys move between cells.
        self._table.setTabKeyNavigation(False)
        self._table.setAccessibleName("Roles at the event")
        self._table.setHorizontalHeaderLabels(list(_HEADERS))
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._table.setColumnWidth(_WHO, 300)
        # Rows as tall as the combos they hold, or the combos are clipped.
        rows = self._table.verticalHeader()
        rows.setDefaultSectionSize(
            max(
                rows.defaultSectionSize(),
                SearchingComboBox(WHO_PLACEHOLDER, 16).sizeHint().height(),
            )
        )

        self._add_button = table_button("Add role", "addRoleButton", self)
        self._remove_button = table_button("Remove role", "removeRoleButton", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self._add_button)
        buttons.addWidget(self._remove_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._table, 1)
        layout.addLayout(buttons)

    def _fill(self) -> None:
        self._update_state()

    def _connect_signals(self) -> None:
        self._table.currentCellChanged.connect(self._update_state)
        self._add_button.clicked.connect(self._on_add_clicked)
        self._remove_button.clicked.connect(self._on_remove_clicked)

    # -- public API ------------------------------------------------------------------

    def set_choices(
        self, parties: Sequence[tuple[str, str]], people: Sequence[tuple[str, str]]
    ) -> None:
        """Offer these (key, label) parties and people; rows keep whom they name."""
        kept = [self._row_ref(row) for row in range(self._table.rowCount())]
        self._lookups = {}
        self._refs, self._labels = [], []
        self._learn(RecordKind.PARTY, parties)
        self._learn(RecordKind.PERSON, people)
        with self._loading():
            for row, ref in enumerate(kept):
                combo = self._who(row)
                combo.set_item_source(None)
                text = combo.currentText()
                combo.clear()
                self._add_items(combo)
                self._show_who(combo, ref, text)

    def set_lookups(self, parties: ChoiceLookup, people: ChoiceLookup) -> None:
        """Find parties and people with these lookups as the user types; rows keep whom
        they name."""
        kept = [self._row_ref(row) for row in range(self._table.rowCount())]
        self._lookups = {RecordKind.PARTY: parties, RecordKind.PERSON: people}
        self._looked_up = set()
        self._refs, self._labels = [], []
        self._learn_refs(ref for ref in kept if ref is not None)
        with self._loading():
            for row, ref in enumerate(kept):
                combo = self._who(row)
                text = combo.currentText()
                combo.set_item_source(self._items_for)
                combo.replace_items(self._items_of([ref] if ref is not None else []))
                self._show_who(combo, ref, text)

    def set_roles(self, roles: Sequence[EventRole]) -> None:
        """Show ``roles``, one row each; a key not among the choices is shown as typed."""
        self._learn_refs(_ref_of(role) for role in roles)
        with self._loading():
            self._table.setRowCount(0)
            for role in roles:
                self._append_row(role)
        self._update_state()

    def roles(self) -> tuple[EventRole, ...]:
        """The rows, in order, that name a known party or person (see :meth:`problems`)."""
        found = []
        for row in range(self._table.rowCount()):
            ref = self._row_ref(row)
            role = RoleKind(self._role(row).currentData())
            if ref is not None and ref[0] is RecordKind.PARTY:
                found.append(EventRole(role, party=ref[1]))
            elif ref is not None:
                found.append(EventRole(role, person=ref[1]))
        return tuple(found)

    def problems(self) -> list[str]:
        """What stops a row from being saved: "role 1: choose a party or person"…"""
        found = []
        for row in range(self._table.rowCount()):
            text = self._who(row).currentText().strip()
            matches = self._matches(text)
            if not text:
                found.append(f"role {row + 1}: choose a party or person")
            elif not matches:
                found.append(f"role {row + 1}: no party or person is called {_quoted(text)}")
            elif len(matches) > 1:
                found.append(
                    f"role {row + 1}: more than one party or person is called {_quoted(text)}; "
                    "choose one from the list"
                )
        return found

    # -- rows --------------------------------------------------------------------------

    def _append_row(self, role: EventRole) -> int:
        row = self._table.rowCount()
        self._table.insertRow(row)
        who = SearchingComboBox(WHO_PLACEHOLDER, 16)
        ref = _ref_of(role)
        if not self._lookups:
            self._add_items(who)
        else:
            # Whom it names, or for a new row the first few to choose from.
            who.replace_items(self._items_of([ref]) if ref else self._items_for(""))
            who.set_item_source(self._items_for)
        if role.party is not None:
            self._show_who(who, (RecordKind.PARTY, role.party), role.party)
        elif role.person is not None:
            self._show_who(who, (RecordKind.PERSON, role.person), role.person)
        else:
            self._show_who(who, None, "")
        what = QComboBox()
        for kind in RoleKind:
            what.addItem(kind.label, kind.value)
        what.setCurrentIndex(what.findData(role.role.value))
        # Focusing or clicking a row's combo makes that row current, so Remove removes it.
        for watched in (who, who.lineEdit(), what):
            if watched is not None:
                watched.installEventFilter(self)
        # Row widgets come and go with the rows, so they are connected as they are made.
        who.currentTextChanged.connect(self._on_edited)
        what.currentIndexChanged.connect(self._on_edited)
        self._table.setCellWidget(row, _WHO, who)
        self._table.setCellWidget(row, _ROLE, what)
        self._name_rows()
        return row

    def _add_items(self, combo: QComboBox) -> None:
        for index, shown in enumerate(self._shown):
            combo.addItem(shown, index)

    def _show_who(self, combo: SearchingComboBox, ref: _Ref | None, text: str) -> None:
        # An item carries its choice's number; with a lookup the combo holds a
        # few choices only, so the item is found by that number, not at it.
        number = self._refs.index(ref) if ref in self._refs else None
        combo.show_item(combo.findData(number) if number is not None else -1, text)

    def _row_ref(self, row: int) -> _Ref | None:
        matches = self._matches(self._who(row).currentText().strip())
        return matches[0] if len(matches) == 1 else None

    def _matches(self, text: str) -> list[_Ref]:
        """Whom ``text`` may mean: as shown in the list, else by name, else by key."""
        wanted = text.casefold()
        if not wanted:
            return []
        if self._lookups and wanted not in self._looked_up:
            # Text set without typing, or typed past the last look-up: look it up once.
            self._items_for(text)
        keys = [key for _, key in self._refs]
        for spelling in (self._shown, self._names, keys):
            pairs = zip(self._refs, spelling, strict=True)
            refs = [ref for ref, name in pairs if name.casefold() == wanted]
            if refs:
                return refs
        return []

    def _who(self, row: int) -> SearchingComboBox:
        combo = self._cell_combo(row, _WHO)
        assert isinstance(combo, SearchingComboBox)  # every row is made with one
        return combo

    def _role(self, row: int) -> QComboBox:
        return self._cell_combo(row, _ROLE)

    def _cell_combo(self, row: int, column: int) -> QComboBox:
        combo = self._table.cellWidget(row, column)
        assert isinstance(combo, QComboBox)  # every row is made with two
        return combo

    def _name_rows(self) -> None:
        for row in range(self._table.rowCount()):
            self._who(row).setAccessibleName(f"Party or person of role {row + 1}")
            self._role(row).setAccessibleName(f"Role {row + 1}")
        self._order_tab_stops()

    def _update_state(self) -> None:
        self._remove_button.setEnabled(self._table.currentRow() >= 0)

    # -- reactions ---------------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        row = self._append_row(EventRole(_DEFAULT_ROLE))
        self._table.setCurrentCell(row, _WHO)
        self._who(row).setFocus()
        self._update_state()
        self.changed.emit()

    def _on_remove_clicked(self) -> None:
        self._remove_current_row(_WHO)

    # -- choices -----------------------------------------------------------------------

    def _items_for(self, text: str) -> list[tuple[str, object]]:
        """The combo items for typed ``text``: the parties, then the people, found for it."""
        found: list[_Ref] = []
        for kind, lookup in self._lookups.items():
            pairs = lookup.find(text)
            self._learn(kind, pairs)
            found += [(kind, key) for key, _ in pairs]
        self._looked_up.add(text.strip().casefold())
        return self._items_of(found)

    def _items_of(self, refs: Sequence[_Ref]) -> list[tuple[str, object]]:
        index = {ref: number for number, ref in enumerate(self._refs)}
        return [(self._shown[index[ref]], index[ref]) for ref in refs if ref in index]

    def _learn_refs(self, refs: Iterable[_Ref | None]) -> None:
        """Learn the names of the named parties and people not known yet."""
        known = set(self._refs)
        named = [ref for ref in refs if ref is not None and ref not in known]
        for kind, lookup in self._lookups.items():
            unknown = {key for k, key in named if k is kind}
            if unknown:
                self._learn(kind, lookup.labels(unknown).items())

    def _learn(self, kind: RecordKind, pairs: Iterable[tuple[str, str]]) -> None:
        known = set(self._refs)
        for key, label in pairs:
            if (kind, key) not in known:
                known.add((kind, key))
                self._refs.append((kind, key))
                self._labels.append(label)
        self._names = [
            _one_line(label) or key
            for (_, key), label in zip(self._refs, self._labels, strict=True)
        ]
        choices = [
            (k, key, label) for (k, key), label in zip(self._refs, self._labels, strict=True)
        ]
        self._shown = _shown_texts(choices)


def _shown_texts(choices: Sequence[tuple[RecordKind, str, str]]) -> list[str]:
    """Each choice as the list shows it, "Kazakhstan — participant", with its key if needed."""
    plain = [f"{_one_line(label) or key} — {kind.label}" for kind, key, label in choices]
    counts = Counter(text.casefold() for text in plain)
    return [
        # Two parties (or two people) with one name are told apart by key.
        f"{text} ({key})" if counts[text.casefold()] > 1 else text
        for text, (_, key, _) in zip(plain, choices, strict=True)
    ]


def _ref_of(role: EventRole) -> _Ref | None:
    if role.party is not None:
        return (RecordKind.PARTY, role.party)
    if role.person is not None:
        return (RecordKind.PERSON, role.person)
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
