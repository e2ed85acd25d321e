"""What the editor says outside the forms: undo steps, delete questions and
refusals, store errors; every one names records and fields as people know them."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from viewer.domain.enums import PartyKind, RecordKind, StatusKind
from viewer.domain.records import Citation, Party, Source, StatusAction
from viewer.store.api import InvalidRecord
from viewer.store.store import Store
from viewer.ui.edit.conflict_dialog import ConflictDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.record_editor import RecordEditor

KZ_ACTION = "kazakhstan-expected-to-join-2025"
LONG_TITLE = "Fox News: Kazakhstan to join the Abraham Accords, officials say on Thursday"


class Editor:
    """A RecordEditor whose dialogs are filled by a test, and whose questions are noted."""

    def __init__(self, qtbot: QtBot, store: Store) -> None:
        self.store = store
        self.parent = QWidget()
        qtbot.addWidget(self.parent)
        self.asked: list[str] = []
        self.failures: list[str] = []
        self.fill: Callable[[RecordDialog], None] = lambda _dialog: None
        self.editor = RecordEditor(
            store,
            self.parent,
            confirm=self._confirm,
            confirm_discard=lambda _parent: True,
            run_dialog=self._run,
        )
        self.editor.failed.connect(self.failures.append)

    def _confirm(self, _parent: QWidget, _title: str, text: str) -> bool:
        self.asked.append(text)
        return True

    def _run(self, dialog: RecordDialog) -> int:
        self.fill(dialog)
        dialog.accept()
        return int(dialog.result())


@pytest.fixture
def editor(qtbot: QtBot, seeded_store: Store) -> Iterator[Editor]:
    yield Editor(qtbot, seeded_store)


def test_undo_steps_name_the_records(editor: Editor) -> None:
    stack = editor.editor.undo_stack

    def rename(dialog: RecordDialog) -> None:
        dialog.fields()["notes"].setPlainText("Edited.")  # type: ignore[attr-defined]

    editor.fill = rename
    assert editor.editor.edit(RecordKind.PARTY, "kazakhstan") is not None
    assert stack.undoText() == "Edit Kazakhstan"

    def title(dialog: RecordDialog) -> None:
        dialog.fields()["title"].setText(LONG_TITLE)  # type: ignore[attr-defined]

    editor.fill = title
    assert editor.editor.new(RecordKind.SOURCE) is not None
    assert stack.undoText() == "New source Fox News: Kazakhstan to join the…"

    def note(dialog: RecordDialog) -> None:
        dialog.fields()["note"].setPlainText("Seen in two reports.")  # type: ignore[attr-defined]

    editor.fill = note
    assert editor.editor.edit(RecordKind.STATUS_ACTION, KZ_ACTION) is not None
    assert stack.undoText() == "Change Kazakhstan status"
    for text in (stack.text(index) for index in range(stack.count())):
        assert "_" not in text and "-" not in text.split(" ")[-1], text


def test_a_new_participant_and_its_deletion_are_named(editor: Editor) -> None:
    added = editor.store.add(Party(key="atlantis", name="Atlantis", party_kind=PartyKind.STATE))
    assert editor.editor.delete(RecordKind.PARTY, added.key)
    assert editor.asked == ["Delete participant “Atlantis”?"]
    assert editor.editor.undo_stack.undoText() == "Delete participant Atlantis"


def test_deleting_a_status_action_names_its_participant(editor: Editor) -> None:
    assert editor.editor.delete(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert editor.asked[0].startswith("Delete status change “Kazakhstan: ")
    assert "kazakhstan" not in editor.asked[0]
    assert editor.editor.undo_stack.undoText() == "Delete Kazakhstan status"


def test_a_refused_delete_names_what_depends_on_the_record(editor: Editor) -> None:
    assert not editor.editor.delete(RecordKind.PARTY, "kazakhstan")
    message = editor.failures[0]
    assert message.startswith("“Kazakhstan” cannot be deleted while these depend on it:")
    assert "• status change “Kazakhstan: " in message
    assert KZ_ACTION not in message


def test_a_source_delete_lists_the_claims_by_name(editor: Editor) -> None:
    source = editor.store.add(Source(key="short-lived", title="A short-lived source"))
    action = editor.store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(action, StatusAction)
    citations = (*action.citations, dataclasses.replace(action.citations[0], source=source.key))
    editor.store.update(dataclasses.replace(action, citations=citations))
    assert editor.editor.delete(RecordKind.SOURCE, source.key)
    assert "citation on status change “Kazakhstan: expected to join”" in editor.asked[0]
    assert KZ_ACTION not in editor.asked[0]


def test_store_errors_name_fields_by_their_labels(seeded_store: Store) -> None:
    with pytest.raises(InvalidRecord) as refused:
        seeded_store.add(Party(key="narnia", name="Narnia", iso_code="ZZ"))
    assert str(refused.value).startswith("Country (ISO 3166): 'ZZ' is not")
    assert "iso_code" not in str(refused.value)
    with pytest.raises(InvalidRecord) as no_link:
        seeded_store.add(Source(key="bad-link", title="Bad", url="javascript:alert(1)"))
    assert str(no_link.value).startswith("Web address: ")
    with pytest.raises(InvalidRecord) as twice:
        seeded_store.add(Party(key="kazakhstan-2", name="Kazakhstan"))
    assert str(twice.value) == "Name: another participant is already called 'Kazakhstan'"


def test_a_record_gone_before_it_is_saved_is_said_plainly(editor: Editor) -> None:
    editor.store.add(Source(key="short-lived", title="A short-lived source"))
    action = StatusAction(
        key="kz-joined", accord="abraham-accords", party="kazakhstan", action=StatusKind.JOINED
    )
    editor.store.delete(RecordKind.SOURCE, "short-lived")
    with pytest.raises(InvalidRecord) as refused:
        editor.store.add(
            dataclasses.replace(action, citations=(Citation("short-lived", "p. 1"),)),
        )
    assert "no source has the key 'short-lived'" in str(refused.value)
    assert not str(refused.value).startswith("source:")


def test_the_conflict_dialog_names_fields_by_their_labels(qtbot: QtBot) -> None:
    base = Party(key="kazakhstan", name="Kazakhstan", party_kind=PartyKind.STATE, version=3)
    mine = dataclasses.replace(base, iso_code="KZ")
    theirs = dataclasses.replace(base, party_kind=PartyKind.ORGANISATION, version=4)
    dialog = ConflictDialog(mine, theirs, base=base)
    qtbot.addWidget(dialog)
    fields = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]  # type: ignore[union-attr]
    assert fields == ["Kind", "Country (ISO 3166)"]
    # Both kept, the mix is an organisation with a country code: said with the label.
    dialog.choose("iso_code", mine=True)
    dialog.choose("party_kind", mine=False)
    problem = dialog.problem_label.text()
    assert problem.startswith("This mix cannot be saved: Country (ISO 3166): ")
    assert "iso_code" not in problem
