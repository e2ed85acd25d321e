"""Pickers that find their choices as the user types, a few at a time."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidget

from viewer.domain.enums import RoleKind
from viewer.domain.records import Citation, EventRole
from viewer.ui.widgets.choice_lookup import ChoiceLookup
from viewer.ui.widgets.citations_editor import CitationsEditor
from viewer.ui.widgets.key_picker import KeyPicker
from viewer.ui.widgets.roles_editor import RolesEditor
from viewer.ui.widgets.searching_combo_box import SearchingComboBox

# Typing opens the completion popup, which would grab the keyboard on a real screen.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")

LIMIT = 5
# Many more than a picker shows: "Country 000" ... "Country 299", and a few named ones.
COUNTRIES = [(f"c{n:03d}", f"Country {n:03d}") for n in range(300)] + [
    ("kazakhstan", "Kazakhstan"),
    ("kz-old", "Kazakh SSR"),
    ("un", "UN"),
    ("un-2", "UN"),
    ("israel", "Israel"),
]


class CountingLookup:
    """A lookup over pairs in memory that counts what it hands out."""

    def __init__(self, pairs: Sequence[tuple[str, str]]) -> None:
        self._over = ChoiceLookup.over(pairs, LIMIT)
        self.rows = 0
        self.completions: list[str] = []
        self.label_lookups: list[set[str]] = []

    def complete(self, text: str, limit: int) -> list[tuple[str, str]]:
        found = list(self._over.complete(text, limit))
        self.completions.append(text)
        self.rows += len(found)
        return found

    def labels(self, keys: Collection[str]) -> dict[str, str]:
        found = self._over.labels(keys)
        self.label_lookups.append(set(keys))
        self.rows += len(found)
        return found

    def lookup(self) -> ChoiceLookup:
        return ChoiceLookup(self.complete, self.labels, LIMIT)


def _picker(qtbot: QtBot, counting: CountingLookup) -> KeyPicker:
    picker = KeyPicker("participant", "Participant", optional=True)
    qtbot.addWidget(picker)
    picker.set_lookup(counting.lookup())
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(row) for row in range(combo.count())]


def test_the_current_key_is_shown_with_one_label_look_up_and_nothing_else(qtbot: QtBot) -> None:
    counting = CountingLookup(COUNTRIES)
    picker = _picker(qtbot, counting)
    picker.set_key("israel")
    assert picker.currentText() == "Israel"
    assert picker.key() == "israel"
    assert _items(picker) == ["", "Israel"]
    assert counting.completions == []
    assert counting.label_lookups == [{"israel"}]
    assert counting.rows == 1


def test_typing_offers_the_first_matches_only_and_enter_chooses_one(qtbot: QtBot) -> None:
    counting = CountingLookup(COUNTRIES)
    picker = _picker(qtbot, counting)
    qtbot.keyClicks(picker.lineEdit(), "country 1")
    assert counting.completions[-1] == "country 1"
    assert _items(picker) == ["", *(f"Country {n:03d}" for n in range(100, 100 + LIMIT))]
    assert picker.key() is None
    assert picker.problem() == "no participant is called 'country 1'"
    completer = picker.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.currentText() == "Country 101"
    assert picker.key() == "c101"
    assert counting.rows <= LIMIT * len("country 1")


def test_a_whole_label_typed_or_set_as_text_names_its_record(qtbot: QtBot) -> None:
    counting = CountingLookup(COUNTRIES)
    picker = _picker(qtbot, counting)
    qtbot.keyClicks(picker.lineEdit(), "Kazakhstan")
    assert picker.key() == "kazakhstan"
    picker.setEditText("Country 250")  # no typing, so no completion yet: looked up once
    assert picker.key() == "c250"
    assert picker.key() == "c250"
    assert counting.completions.count("Country 250") == 1
    picker.setEditText("UN")
    assert picker.key() is None
    assert picker.problem() == "more than one participant is called 'UN'; choose one from the list"
    picker.setEditText("UN (un-2)")
    assert picker.key() == "un-2"


def test_dropping_the_list_down_offers_the_first_few_from_the_start(qtbot: QtBot) -> None:
    counting = CountingLookup(COUNTRIES)
    picker = _picker(qtbot, counting)
    picker.set_key("israel")
    qtbot.keyClick(picker, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: picker.view().isVisible())
    assert counting.completions == [""]
    assert len(_items(picker)) == LIMIT + 1
    assert picker.key() == "israel"  # the choice stays
    picker.hidePopup()


def test_citations_look_up_their_sources_and_complete_per_row(qtbot: QtBot) -> None:
    counting = CountingLookup(COUNTRIES)  # titles, as far as the editor cares
    editor = CitationsEditor("Citations")
    qtbot.addWidget(editor)
    editor.set_source_lookup(counting.lookup())
    editor.set_citations([Citation("israel", "p. 1"), Citation("c007")])
    assert counting.completions == []
    assert counting.label_lookups == [{"israel", "c007"}]
    assert editor.citations() == (Citation("israel", "p. 1"), Citation("c007"))
    table = editor.findChild(QTableWidget, "citationsTable")
    assert table is not None
    first = table.cellWidget(0, 0)
    assert isinstance(first, SearchingComboBox)
    assert _items(first) == ["Israel"]
    editor.show()
    qtbot.waitExposed(editor)
    first.search_line.selectAll()
    qtbot.keyClicks(first.search_line, "Kazakhstan")
    assert len(_items(first)) <= LIMIT
    assert editor.citations()[0].source == "kazakhstan"
    editor.add_citation()  # a new row offers the first few to choose from
    new_row = table.cellWidget(2, 0)
    assert isinstance(new_row, QComboBox)
    assert len(_items(new_row)) == LIMIT
    assert counting.rows <= LIMIT * (len("Kazakhstan") + 2) + 2


def test_roles_look_up_whom_they_name_and_complete_parties_and_people(qtbot: QtBot) -> None:
    parties = CountingLookup(COUNTRIES)
    people = CountingLookup([("trump", "Donald Trump"), ("kassym", "Kassym-Jomart Tokayev")])
    editor = RolesEditor()
    qtbot.addWidget(editor)
    editor.set_lookups(parties.lookup(), people.lookup())
    editor.set_roles([EventRole(RoleKind.SIGNATORY, party="israel")])
    assert parties.completions == [] and people.completions == []
    assert editor.roles() == (EventRole(RoleKind.SIGNATORY, party="israel"),)
    table = editor.findChild(QTableWidget, "rolesTable")
    assert table is not None
    who = table.cellWidget(0, 0)
    assert isinstance(who, SearchingComboBox)
    editor.show()
    qtbot.waitExposed(editor)
    who.search_line.selectAll()
    qtbot.keyClicks(who.search_line, "kas")
    assert _items(who) == ["Kassym-Jomart Tokayev — person"]
    who.setEditText("Kassym-Jomart Tokayev — person")
    assert editor.roles() == (EventRole(RoleKind.SIGNATORY, person="kassym"),)
    assert parties.rows + people.rows <= 2 * LIMIT * len("kas") + 1
