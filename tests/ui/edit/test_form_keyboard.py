"""The edit forms as a keyboard user meets them: where typing lands, where Tab goes, Enter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QWidget

from tests.ui.edit.forms_driver import FORMS, Forms, field_of, focused, press
from viewer.domain.enums import RecordKind
from viewer.domain.records import Source
from viewer.store.store import Store
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog


@pytest.fixture
def forms(qtbot: QtBot, seeded_store: Store) -> Iterator[Forms]:
    yield Forms(qtbot, seeded_store)


def tab_chain(qtbot: QtBot, limit: int = 80) -> list[QWidget]:
    """The widgets the keyboard visits as Tab is pressed, from where it starts."""
    seen: list[QWidget] = []
    for _ in range(limit):
        widget = focused()
        if widget in seen:
            break
        seen.append(widget)
        press(qtbot, Qt.Key.Key_Tab)
    return seen


@pytest.mark.parametrize("kind", list(FORMS))
def test_a_new_form_opens_with_the_keyboard_in_its_first_field(
    qtbot: QtBot, forms: Forms, kind: RecordKind
) -> None:
    dialog = forms.open(kind)
    first = next(iter(dialog.fields()))
    assert field_of(dialog, focused()) == first
    assert focused() is not dialog.cancel_button


@pytest.mark.parametrize("kind", list(FORMS))
def test_an_edit_form_opens_with_the_keyboard_in_its_first_field(
    qtbot: QtBot, forms: Forms, kind: RecordKind
) -> None:
    dialog = forms.open(kind, forms.seeded_key(kind))
    assert field_of(dialog, focused()) == next(iter(dialog.fields()))


def test_typing_a_title_with_spaces_lands_in_the_title(qtbot: QtBot, forms: Forms) -> None:
    # The case: New source, then typing. The spaces once pressed Cancel.
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    qtbot.keyClicks(focused(), "Fox News reports talks")
    assert dialog.title_edit.text() == "Fox News reports talks"
    assert dialog.isVisible()
    assert forms.discard_asked == 0


@pytest.mark.parametrize("kind", list(FORMS))
def test_tab_walks_the_fields_top_to_bottom_then_save_cancel_delete(
    qtbot: QtBot, forms: Forms, kind: RecordKind
) -> None:
    dialog = forms.open(kind, forms.seeded_key(kind))
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    chain = tab_chain(qtbot)
    assert chain[-3:] == [dialog.save_button, dialog.cancel_button, dialog.delete_button]
    in_fields = chain[:-3]
    found = [field_of(dialog, widget) for widget in in_fields]
    fields = [field for field in found if field is not None]
    assert len(fields) == len(found), [w.objectName() for w in in_fields]
    # Every field is visited, in the order the form shows them (top to bottom),
    # each in one run: a table's rows and buttons before the next field. (A
    # field disabled for now, a normal claim's Reason, is not in the chain.)
    visited = list(dict.fromkeys(fields))
    assert visited == [field for field, widget in dialog.fields().items() if widget.isEnabled()]
    order = [visited.index(field) for field in fields]
    assert order == sorted(order)
    tops = [dialog.fields()[field].mapTo(dialog, QPoint(0, 0)).y() for field in visited]
    assert tops == sorted(tops)


def test_a_new_form_skips_the_disabled_save_and_has_no_delete(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert not dialog.save_button.isEnabled()
    chain = tab_chain(qtbot)
    assert chain[-1] is dialog.cancel_button
    assert dialog.delete_button not in chain


def test_enter_in_a_one_line_field_saves_a_valid_form(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    qtbot.keyClicks(focused(), "Fox News reports talks")
    with qtbot.waitSignal(dialog.finished) as finished:
        press(qtbot, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted]
    assert [type(r) for r in forms.saved] == [Source]
    assert forms.saved[0].label == "Fox News reports talks"


def test_enter_on_a_form_with_problems_saves_nothing_and_says_why(
    qtbot: QtBot, forms: Forms
) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    press(qtbot, Qt.Key.Key_Tab)  # on to Kind, leaving the title empty…
    dialog.publisher_edit.setFocus()
    qtbot.keyClicks(dialog.publisher_edit, "Fox News")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert forms.saved == []
    assert dialog.fields()["title"] is dialog.title_edit
    assert dialog.summary.text() == "Cannot save yet: see Title above."
    assert forms.discard_asked == 0  # Enter never reaches Cancel


def test_escape_asks_before_throwing_away_what_was_typed(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.PARTY)
    qtbot.keyClicks(focused(), "Atlantis")
    forms.discard_answer = False
    press(qtbot, Qt.Key.Key_Escape)
    assert forms.discard_asked == 1
    assert dialog.isVisible()
    forms.discard_answer = True
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Escape)
    assert forms.discard_asked == 2


def test_escape_on_an_untouched_form_closes_it_without_asking(qtbot: QtBot, forms: Forms) -> None:
    dialog: RecordDialog = forms.open(RecordKind.PERSON)
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Escape)
    assert forms.discard_asked == 0
