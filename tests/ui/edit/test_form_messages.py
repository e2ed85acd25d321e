"""The edit forms hold still while problems come and go, say each once, and in the
user's words: the form's labels and records' names, never the model's field names."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QTableWidget, QWidget

from tests.ui.edit.forms_driver import Forms, focused, press, shown_texts
from viewer.domain.enums import RecordKind
from viewer.store.store import Store
from viewer.ui.edit.forms.event_dialog import EventDialog
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.person_dialog import PersonDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog
from viewer.ui.edit.record_editor import RecordEditor

# A model field name (iso_code, party_kind) or a path (citations[0].source).
INTERNAL = re.compile(r"\b[a-z]+_[a-z_]+\b|\w\[\d+\]|\burl:")


@pytest.fixture
def forms(qtbot: QtBot, seeded_store: Store) -> Iterator[Forms]:
    yield Forms(qtbot, seeded_store)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into ``widget``, replace its text and type ``text``, as a user would."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    if text:
        qtbot.keyClicks(widget, text)


def places(dialog: RecordDialog) -> dict[str, QRect]:
    """Where each field's widget is in the dialog."""
    return {
        field: QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())
        for field, widget in dialog.fields().items()
    }


def everything_said(dialog: RecordDialog) -> list[str]:
    """All a person reads about problems: labels shown, the summary, Save's reasons."""
    return [*shown_texts(dialog), *dialog.problem_texts()]


def assert_in_their_words(texts: list[str]) -> None:
    for text in texts:
        assert not INTERNAL.search(text), text


# -- holding still -------------------------------------------------------------------


def test_fields_do_not_move_as_problems_come_and_go(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    before = places(dialog)
    type_into(qtbot, dialog.title_edit, "A title")
    type_into(qtbot, dialog.published_edit.line_edit, "2021-02-30")
    type_into(qtbot, dialog.url_edit, "javascript:alert(1) is a long address " * 4)
    press(qtbot, Qt.Key.Key_Tab)
    type_into(qtbot, dialog.title_edit, "")  # now required, and said so
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.fields()["title"] is dialog.title_edit
    assert "is required" in shown_texts(dialog)
    assert any("28 days" in text for text in shown_texts(dialog))
    with_problems = places(dialog)
    type_into(qtbot, dialog.title_edit, "A title")
    type_into(qtbot, dialog.published_edit.line_edit, "2021-02-03")
    type_into(qtbot, dialog.url_edit, "https://example.org")
    assert dialog.save_button.isEnabled()
    assert before == with_problems == places(dialog)


def test_a_failed_save_moves_no_field(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.PARTY)
    assert isinstance(dialog, PartyDialog)
    type_into(qtbot, dialog.name_edit, "kazakhstan")  # the store refuses a second one
    before = places(dialog)
    dialog.accept()
    assert dialog.isVisible()
    assert "Name" in dialog.summary.text() or "Name" in " ".join(shown_texts(dialog))
    assert places(dialog) == before


def test_a_bad_date_is_said_exactly_once(qtbot: QtBot, forms: Forms) -> None:
    for kind in (RecordKind.SOURCE, RecordKind.EVENT, RecordKind.STATUS_ACTION):
        dialog = forms.open(kind)
        date = dialog.fields()["published" if kind is RecordKind.SOURCE else "date"]
        type_into(qtbot, date.focusProxy() or date, "2021-02-30")
        press(qtbot, Qt.Key.Key_Tab)
        dialog.accept()  # Save tried: every problem is shown now
        saying = [text for text in shown_texts(dialog) if "28 days" in text]
        assert len(saying) == 1, shown_texts(dialog)
        assert "28 days" not in dialog.summary.text()
        dialog.done(0)


def test_a_date_after_another_is_said_on_the_dates_line(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.published_edit.line_edit, "2025-11-06")
    type_into(qtbot, dialog.accessed_edit.line_edit, "2025-11-01")
    said = [text for text in shown_texts(dialog) if "before the source was published" in text]
    assert len(said) == 1
    assert dialog.accessed_edit.reading_label().text() == said[0]


def test_is_required_waits_until_the_field_is_left(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.PARTY)
    assert isinstance(dialog, PartyDialog)
    assert "is required" not in everything_said(dialog)[: len(shown_texts(dialog))]
    assert dialog.summary.text() == ""
    assert not dialog.save_button.isEnabled()  # the reason is on Save's tooltip
    assert "Name: is required" in dialog.problem_texts()
    qtbot.keyClicks(focused(), "A")
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    assert "is required" not in shown_texts(dialog)  # still typing in it
    press(qtbot, Qt.Key.Key_Tab)
    assert "is required" in shown_texts(dialog)
    assert dialog.summary.text() == "Cannot save yet: see Name above."


def test_is_required_shows_when_save_is_tried(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.STATUS_ACTION)
    assert isinstance(dialog, StatusActionDialog)
    assert "is required" not in shown_texts(dialog)
    press(qtbot, Qt.Key.Key_Return)  # Enter in the participant's field: a save tried
    assert dialog.isVisible()
    assert shown_texts(dialog).count("is required") >= 1
    assert dialog.summary.text().startswith("Cannot save yet: see Participant")


# -- room for every column -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "table"),
    [
        (RecordKind.PARTY, "citationsTable"),
        (RecordKind.PERSON, "citationsTable"),
        (RecordKind.STATUS_ACTION, "citationsTable"),
        (RecordKind.EVENT, "citationsTable"),
        (RecordKind.EVENT, "rolesTable"),
    ],
)
def test_tables_show_every_column_at_the_default_size(
    qtbot: QtBot, forms: Forms, kind: RecordKind, table: str
) -> None:
    key = forms.seeded_key(kind)
    dialog = forms.open(kind, key)
    found = dialog.findChild(QTableWidget, table)
    assert found is not None
    assert isinstance(found, QAbstractScrollArea)
    assert not found.horizontalScrollBar().isVisible()
    header = found.horizontalHeader()
    assert header.stretchLastSection()
    last = header.count() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= found.viewport().width()
    for column in range(header.count()):
        assert header.sectionSize(column) >= 60, (column, header.sectionSize(column))


def test_a_form_remembers_its_size(qtbot: QtBot, seeded_store: Store, settings: QSettings) -> None:
    forms = Forms(qtbot, seeded_store)
    forms.editor = RecordEditor(seeded_store, forms.parent, settings=settings)
    first = forms.open(RecordKind.PERSON)
    default = first.size()
    first.resize(default.width() - 40, default.height() - 30)
    first.reject()
    second = forms.open(RecordKind.PERSON)
    assert second.size() == first.size() != default


# -- the user's words ----------------------------------------------------------------


def test_party_form_messages_use_its_labels(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.PARTY)
    assert isinstance(dialog, PartyDialog)
    type_into(qtbot, dialog.name_edit, "Atlantis")
    dialog.country_picker.set_code("KZ")  # Kazakhstan's code already
    dialog.accept()
    texts = everything_said(dialog)
    assert any(t.startswith("Country (ISO 3166): ") for t in dialog.problem_texts()), texts
    assert dialog.summary.text() == "Cannot save yet: see Country (ISO 3166) above."
    assert_in_their_words(texts)


def test_source_form_messages_use_its_labels(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.title_edit, "A source")
    type_into(qtbot, dialog.url_edit, "javascript:alert(1)")
    type_into(qtbot, dialog.published_edit.line_edit, "not a date")
    dialog.accept()
    texts = everything_said(dialog)
    assert any(t.startswith("Web address: ") for t in dialog.problem_texts()), texts
    assert "Web address" in dialog.summary.text() and "Published" in dialog.summary.text()
    assert_in_their_words(texts)


def test_person_form_messages_use_its_labels(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.PERSON)
    assert isinstance(dialog, PersonDialog)
    type_into(qtbot, dialog.name_edit, "Ada Example")
    type_into(qtbot, dialog.party_picker.search_line, "Nowhere Land")
    dialog.citations_editor.add_citation()
    dialog.accept()
    texts = everything_said(dialog)
    assert "Party: no participant is called 'Nowhere Land'" in dialog.problem_texts()
    assert "Citations: citation 1: choose a source" in dialog.problem_texts()
    assert_in_their_words(texts)


def test_status_form_messages_use_its_labels(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.STATUS_ACTION)
    assert isinstance(dialog, StatusActionDialog)
    type_into(qtbot, dialog.accord_picker.search_line, "")
    dialog.accept()
    texts = everything_said(dialog)
    assert "Participant: is required" in dialog.problem_texts()
    assert_in_their_words(texts)


def test_event_form_messages_use_its_labels(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.EVENT)
    assert isinstance(dialog, EventDialog)
    type_into(qtbot, dialog.accord_picker.search_line, "No such accord")
    dialog.accept()
    texts = everything_said(dialog)
    assert "Title: is required" in dialog.problem_texts()
    assert "Accord: no accord is called 'No such accord'" in dialog.problem_texts()
    assert_in_their_words(texts)


def test_pickers_ask_with_the_right_article(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.STATUS_ACTION)
    assert isinstance(dialog, StatusActionDialog)
    assert dialog.accord_picker.search_line.placeholderText() == "choose an accord"
    assert dialog.party_picker.search_line.placeholderText() == "choose a participant"
    event = forms.open(RecordKind.EVENT)
    assert isinstance(event, EventDialog)
    assert event.accord_picker.search_line.placeholderText() == "type part of an accord's name"


# -- web addresses -------------------------------------------------------------------


def test_a_www_address_gets_https_on_leaving_the_field(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.title_edit, "A source")
    type_into(qtbot, dialog.url_edit, "www.example.org/x")
    # While typed, the line under the field says what it will become.
    assert "https://www.example.org/x" in dialog.findChild(QWidget, "urlProblem").text()  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.url_edit.text() == "https://www.example.org/x"
    assert dialog.save_button.isEnabled()


def test_enter_in_a_www_address_saves_it_with_https(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.title_edit, "A source")
    type_into(qtbot, dialog.url_edit, "www.example.org/x")
    with qtbot.waitSignal(dialog.finished):
        press(qtbot, Qt.Key.Key_Return)
    assert [getattr(r, "url", None) for r in forms.saved] == ["https://www.example.org/x"]


def test_text_that_is_no_address_is_left_as_typed(qtbot: QtBot, forms: Forms) -> None:
    dialog = forms.open(RecordKind.SOURCE)
    assert isinstance(dialog, SourceDialog)
    type_into(qtbot, dialog.url_edit, "see the printed copy")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.url_edit.text() == "see the printed copy"
    assert not dialog.save_button.isEnabled()
