"""The editable combo that every picker and table combo is made from."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from viewer.ui.widgets.searching_combo_box import SearchingComboBox


def _combo(qtbot: QtBot) -> SearchingComboBox:
    combo = SearchingComboBox("type a name", 12)
    qtbot.addWidget(combo)
    combo.addItem("", None)
    combo.addItem("Kazakhstan", "kz")
    combo.addItem("Kyrgyzstan", "kg")
    return combo


def test_typed_text_searches_any_part_in_any_case_and_never_adds_an_item(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    assert combo.isEditable()
    assert combo.search_line.placeholderText() == "type a name"
    assert combo.insertPolicy() is QComboBox.InsertPolicy.NoInsert
    completer = combo.completer()
    assert isinstance(completer, QCompleter)
    assert completer.filterMode() == Qt.MatchFlag.MatchContains
    assert completer.caseSensitivity() is Qt.CaseSensitivity.CaseInsensitive
    completer.setCompletionPrefix("STAN")
    found = [completer.completionModel().index(row, 0).data() for row in range(2)]
    assert found == ["Kazakhstan", "Kyrgyzstan"]
    completer.setCompletionPrefix("YRGYZ")
    assert completer.completionCount() == 1


def test_choose_data_picks_the_item_or_shows_unknown_data_as_typed_text(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    combo.choose_data("kg")
    assert (combo.currentIndex(), combo.currentText()) == (2, "Kyrgyzstan")
    combo.choose_data(None)
    assert (combo.currentIndex(), combo.currentText()) == (0, "")
    combo.choose_data("su")  # no such item: kept as text, for the owner to report
    assert combo.currentText() == "su"
    combo.choose_data("SU-X", typed="su-x as typed")
    assert combo.currentText() == "su-x as typed"


def test_show_item_shows_an_item_or_typed_text_from_its_beginning(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    combo.show_item(1, "ignored")
    assert (combo.currentIndex(), combo.currentText()) == (1, "Kazakhstan")
    assert combo.search_line.cursorPosition() == 0
    combo.show_item(-1, "A source not in the list")
    assert (combo.currentIndex(), combo.currentText()) == (-1, "A source not in the list")
    assert combo.search_line.cursorPosition() == 0
