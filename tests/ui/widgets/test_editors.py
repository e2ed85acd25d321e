"""CitationsEditor and RolesEditor: a claim's citations and an event's roles, edited in tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QTableWidget, QWidget

from tests.ui.children import child
from viewer.domain.enums import RoleKind
from viewer.domain.records import Citation, EventRole
from viewer.domain.validation import MAX_SHORT_TEXT
from viewer.ui.widgets.citations_editor import CITATION_NEEDED, CitationsEditor
from viewer.ui.widgets.roles_editor import RolesEditor

SOURCES = [
    ("fox-kz", "Kazakhstan joining Abraham Accords, US official confirms"),
    ("wh-remarks", "Remarks by President Trump"),
    ("reuters", "Kazakhstan to join"),
]
PARTIES = [("us", "United States"), ("kazakhstan", "Kazakhstan")]
PEOPLE = [("trump", "Donald Trump"), ("mbs", "Mohammed bin Salman")]
HOSTILE = "<b>x</b>"

# Typing opens the completion popup, which would grab the keyboard on a real screen.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


def _citations_editor(
    qtbot: QtBot, create_source: Callable[[], tuple[str, str] | None] | None = None
) -> CitationsEditor:
    editor = CitationsEditor("Citations of the name", create_source)
    qtbot.addWidget(editor)
    editor.set_source_choices(SOURCES)
    editor.resize(600, 250)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def roles_editor(qtbot: QtBot) -> RolesEditor:
    editor = RolesEditor()
    qtbot.addWidget(editor)
    editor.set_choices(PARTIES, PEOPLE)
    editor.resize(500, 250)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _cell_combo(table: QTableWidget, row: int, column: int = 0) -> QComboBox:
    combo = table.cellWidget(row, column)
    assert isinstance(combo, QComboBox)
    return combo


def _type_into(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    line = combo.lineEdit()
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, text)


def _click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    qtbot.mouseClick(child(parent, QPushButton, name), Qt.MouseButton.LeftButton)


def _click_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int) -> None:
    item = table.item(row, column)
    assert item is not None
    centre = table.visualItemRect(item).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)


# -- CitationsEditor ------------------------------------------------------------------


def test_set_citations_round_trips_source_locator_quote_and_note(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    citations = (
        Citation("fox-kz", "para. 3", "Kazakhstan will join", "as reported"),
        Citation("reuters"),
    )
    editor.set_citations(citations)
    assert editor.citations() == citations
    assert editor.problems() == []
    table = child(editor, QTableWidget, "citationsTable")
    assert _cell_combo(table, 0).currentText() == SOURCES[0][1]
    assert table.accessibleName() == "Citations of the name"


def test_citation_needed_is_shown_with_no_rows_and_hidden_after_add(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    label = child(editor, QLabel, "citationNeededLabel")
    assert label.isVisible()
    assert label.text() == CITATION_NEEDED
    assert label.textFormat() is Qt.TextFormat.PlainText
    _click(qtbot, editor, "addCitationButton")
    assert not label.isVisible()
    assert child(editor, QTableWidget, "citationsTable").rowCount() == 1


def test_typing_a_source_label_picks_its_key(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    _click(qtbot, editor, "addCitationButton")
    _type_into(qtbot, _cell_combo(child(editor, QTableWidget, "citationsTable"), 0), SOURCES[1][1])
    assert editor.citations() == (Citation("wh-remarks"),)
    assert editor.problems() == []


def test_unknown_source_text_is_a_problem_and_left_out(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_citations([Citation("fox-kz")])
    _click(qtbot, editor, "addCitationButton")
    _type_into(qtbot, _cell_combo(child(editor, QTableWidget, "citationsTable"), 1), "Le Monde")
    assert editor.problems() == ["citation 2: no source is called 'Le Monde'"]
    assert editor.citations() == (Citation("fox-kz"),)


def test_a_row_without_a_source_asks_for_one(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    _click(qtbot, editor, "addCitationButton")
    assert editor.problems() == ["citation 1: choose a source"]
    assert editor.citations() == ()


def test_an_over_long_locator_is_a_problem(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_citations([Citation("fox-kz", "p" * (MAX_SHORT_TEXT + 1))])
    assert editor.problems() == [
        f"citation 1: the locator is {MAX_SHORT_TEXT + 1:,} characters; at most {MAX_SHORT_TEXT:,}"
    ]


def test_sources_sharing_a_title_are_shown_with_their_keys(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_source_choices([*SOURCES, ("reuters-2", "Kazakhstan to join")])
    editor.set_citations([Citation("reuters-2")])
    combo = _cell_combo(child(editor, QTableWidget, "citationsTable"), 0)
    assert combo.currentText() == "Kazakhstan to join (reuters-2)"
    _type_into(qtbot, combo, "Kazakhstan to join")
    assert editor.problems() == [
        "citation 1: more than one source is called 'Kazakhstan to join'; choose one from the list"
    ]


def test_citations_set_before_their_choices_keep_their_sources(qtbot: QtBot) -> None:
    editor = CitationsEditor("Citations")
    qtbot.addWidget(editor)
    editor.set_citations([Citation("wh-remarks", "p. 1")])
    editor.set_source_choices(SOURCES)
    combo = _cell_combo(child(editor, QTableWidget, "citationsTable"), 0)
    assert combo.currentText() == "Remarks by President Trump"
    assert editor.citations() == (Citation("wh-remarks", "p. 1"),)


def test_new_source_adds_a_row_citing_the_created_source(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot, create_source=lambda: ("new-src", "A new source"))
    editor.set_citations([Citation("fox-kz")])
    _click(qtbot, editor, "newSourceButton")
    assert editor.citations() == (Citation("fox-kz"), Citation("new-src"))
    combo = _cell_combo(child(editor, QTableWidget, "citationsTable"), 1)
    assert combo.currentText() == "A new source"
    # The new source is now a choice for every row.
    assert _cell_combo(child(editor, QTableWidget, "citationsTable"), 0).findData("new-src") >= 0


def test_new_source_cancelled_changes_nothing(qtbot: QtBot) -> None:
    asked: list[bool] = []

    def cancel() -> tuple[str, str] | None:
        asked.append(True)
        return None

    editor = _citations_editor(qtbot, create_source=cancel)
    editor.set_citations([Citation("fox-kz")])
    with qtbot.assertNotEmitted(editor.changed):
        _click(qtbot, editor, "newSourceButton")
    assert asked == [True]
    assert editor.citations() == (Citation("fox-kz"),)
    assert _cell_combo(child(editor, QTableWidget, "citationsTable"), 0).count() == len(SOURCES)


def test_new_source_button_is_hidden_without_a_way_to_create_one(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    assert not child(editor, QPushButton, "newSourceButton").isVisible()
    assert child(editor, QPushButton, "addCitationButton").isVisible()


def test_remove_removes_the_selected_row(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_citations(
        [Citation("fox-kz", "a"), Citation("wh-remarks", "b"), Citation("reuters")]
    )
    table = child(editor, QTableWidget, "citationsTable")
    _click_cell(qtbot, table, 1, 1)
    _click(qtbot, editor, "removeCitationButton")
    assert editor.citations() == (Citation("fox-kz", "a"), Citation("reuters"))


def test_focusing_a_source_combo_selects_its_row_for_remove(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_citations([Citation("fox-kz"), Citation("wh-remarks")])
    editor.activateWindow()
    qtbot.mouseClick(
        _cell_combo(child(editor, QTableWidget, "citationsTable"), 0).lineEdit(),
        Qt.MouseButton.LeftButton,
    )
    _click(qtbot, editor, "removeCitationButton")
    assert editor.citations() == (Citation("wh-remarks"),)


def test_changed_is_emitted_by_edits_but_not_by_loading(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    with qtbot.assertNotEmitted(editor.changed):
        editor.set_citations([Citation("fox-kz", "p. 1")])
    table = child(editor, QTableWidget, "citationsTable")
    with qtbot.waitSignal(editor.changed, timeout=1000):
        _type_into(qtbot, _cell_combo(table, 0), "Remarks")
    with qtbot.waitSignal(editor.changed, timeout=1000):
        _click(qtbot, editor, "addCitationButton")
    locator = table.item(0, 1)
    assert locator is not None
    table.editItem(locator)
    cell_editor = table.viewport().findChild(QLineEdit)
    assert cell_editor is not None
    with qtbot.waitSignal(editor.changed, timeout=1000):
        qtbot.keyClick(cell_editor, Qt.Key.Key_End)
        qtbot.keyClicks(cell_editor, " onwards")
        qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    assert locator.text() == "p. 1 onwards"


def test_a_hostile_label_appears_literally(qtbot: QtBot) -> None:
    editor = _citations_editor(qtbot)
    editor.set_source_choices([("hostile", HOSTILE)])
    editor.set_citations([Citation("hostile", quote=HOSTILE)])
    table = child(editor, QTableWidget, "citationsTable")
    combo = _cell_combo(table, 0)
    assert combo.currentText() == HOSTILE
    assert combo.itemText(0) == HOSTILE
    quote = table.item(0, 2)
    assert quote is not None
    assert quote.text() == HOSTILE
    assert editor.citations() == (Citation("hostile", quote=HOSTILE),)


# -- RolesEditor ----------------------------------------------------------------------


def test_set_roles_round_trips_parties_and_people(roles_editor: RolesEditor) -> None:
    roles = (EventRole(RoleKind.HOST, party="us"), EventRole(RoleKind.GUEST, person="mbs"))
    roles_editor.set_roles(roles)
    assert roles_editor.roles() == roles
    assert roles_editor.problems() == []
    table = child(roles_editor, QTableWidget, "rolesTable")
    assert _cell_combo(table, 0).currentText() == "United States — participant"
    assert _cell_combo(table, 1).currentText() == "Mohammed bin Salman — person"
    assert _cell_combo(table, 1, 1).currentText() == RoleKind.GUEST.label


def test_typing_a_persons_label_chooses_that_person(
    qtbot: QtBot, roles_editor: RolesEditor
) -> None:
    _click(qtbot, roles_editor, "addRoleButton")
    table = child(roles_editor, QTableWidget, "rolesTable")
    _type_into(qtbot, _cell_combo(table, 0), "Donald Trump")
    assert roles_editor.roles() == (EventRole(RoleKind.PARTICIPANT, person="trump"),)


def test_choosing_a_completion_chooses_that_party(qtbot: QtBot, roles_editor: RolesEditor) -> None:
    _click(qtbot, roles_editor, "addRoleButton")
    combo = _cell_combo(child(roles_editor, QTableWidget, "rolesTable"), 0)
    _type_into(qtbot, combo, "kazak")
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentText() == "Kazakhstan — participant"
    assert roles_editor.roles() == (EventRole(RoleKind.PARTICIPANT, party="kazakhstan"),)


def test_a_role_with_nothing_chosen_is_a_problem(qtbot: QtBot, roles_editor: RolesEditor) -> None:
    roles_editor.set_roles([EventRole(RoleKind.HOST, party="us")])
    _click(qtbot, roles_editor, "addRoleButton")
    assert roles_editor.problems() == ["role 2: choose a party or person"]
    assert roles_editor.roles() == (EventRole(RoleKind.HOST, party="us"),)


def test_a_role_naming_no_one_known_is_a_problem(qtbot: QtBot, roles_editor: RolesEditor) -> None:
    _click(qtbot, roles_editor, "addRoleButton")
    _type_into(qtbot, _cell_combo(child(roles_editor, QTableWidget, "rolesTable"), 0), "Atlantis")
    assert roles_editor.problems() == ["role 1: no party or person is called 'Atlantis'"]
    assert roles_editor.roles() == ()


def test_changing_the_role_combo_changes_the_role(qtbot: QtBot, roles_editor: RolesEditor) -> None:
    roles_editor.set_roles([EventRole(RoleKind.HOST, party="us")])
    role_combo = _cell_combo(child(roles_editor, QTableWidget, "rolesTable"), 0, 1)
    assert not role_combo.isEditable()
    with qtbot.waitSignal(roles_editor.changed, timeout=1000):
        qtbot.keyClick(role_combo, Qt.Key.Key_Down)
    assert roles_editor.roles() == (EventRole(RoleKind.GUEST, party="us"),)


def test_remove_role_removes_the_focused_row(qtbot: QtBot, roles_editor: RolesEditor) -> None:
    roles_editor.set_roles(
        [EventRole(RoleKind.HOST, party="us"), EventRole(RoleKind.GUEST, person="mbs")]
    )
    roles_editor.activateWindow()
    table = child(roles_editor, QTableWidget, "rolesTable")
    qtbot.mouseClick(_cell_combo(table, 0).lineEdit(), Qt.MouseButton.LeftButton)
    _click(qtbot, roles_editor, "removeRoleButton")
    assert roles_editor.roles() == (EventRole(RoleKind.GUEST, person="mbs"),)
