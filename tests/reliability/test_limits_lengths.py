"""Issue 10, length limits: one table (viewer.domain.limits), refused alike by
validation, the import and the store ("is N characters; at most M"), and in
the forms a one-line field stops at its limit and says so."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import String

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from viewer.domain import limits
from viewer.domain.enums import RecordKind
from viewer.domain.records import Author, Citation, Event, Party, Person, Record, Source
from viewer.domain.validation import validate
from viewer.store.errors import InvalidRecord
from viewer.store.exchange import plan_import
from viewer.store.lookups import new_key
from viewer.store.schema import Base
from viewer.store.store import Store
from viewer.ui.edit.forms.dialog_services import DialogServices
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.edit.forms.record_dialog import RecordDialog
from viewer.ui.edit.forms.source_dialog import SourceDialog
from viewer.ui.widgets.choice_lookup import ChoiceLookup

OVER: list[tuple[Record, str, int]] = [
    (Party(key="p", name="n" * 501), "name", 500),
    (Source(key="s", title="t" * 501), "title", 500),
    (Source(key="s", title="T", url="https://example.org/" + "x" * 1_981), "url", 2_000),
    (Source(key="s", title="T", authors=(Author("a" * 501),)), "authors[0].family", 500),
    (Source(key="s", title="T", publisher="p" * 501), "publisher", 500),
    (Person(key="h", name="H", office="o" * 501), "office", 500),
    (Party(key="p", name="P", notes="n" * 100_001), "notes", 100_000),
    (Event(key="e", title="E", summary="s" * 100_001), "summary", 100_000),
    (Event(key="e", title="E", location="l" * 501), "location", 500),
    (
        Party(key="p", name="P", citations=(Citation("s", quote="q" * 100_001),)),
        "citations[0].quote",
        100_000,
    ),
]


@pytest.mark.parametrize(("record", "path", "limit"), OVER)
def test_validation_refuses_text_over_its_limit(record: Record, path: str, limit: int) -> None:
    problems = {p.path: p.message for p in validate(record)}
    length = limit + 1
    assert problems == {path: f"is {length:,} characters; at most {limit:,}"}


@pytest.mark.parametrize(("record", "path", "limit"), OVER[:3])
def test_at_the_limit_is_accepted(record: Record, path: str, limit: int) -> None:
    field = path.split("[")[0]
    value = getattr(record, field)
    shortened = value[: len(value) - 1]
    assert validate(_replaced(record, field, shortened)) == []


def _replaced(record: Record, field: str, value: Any) -> Record:
    return dataclasses.replace(record, **{field: value})


def test_the_store_refuses_a_web_address_over_2000_characters(store: Store) -> None:
    long = Source(key="s", title="T", url="https://example.org/" + "x" * 1_981)
    with pytest.raises(InvalidRecord) as refused:
        store.add(long)
    assert "is 2,001 characters; at most 2,000" in str(refused.value)
    assert store.count(RecordKind.SOURCE) == 0
    store.add(_replaced(long, "url", long.url[:-1]))
    saved = store.get(RecordKind.SOURCE, "s")
    assert isinstance(saved, Source)
    with pytest.raises(InvalidRecord):
        store.update(_replaced(saved, "notes", "n" * 100_001))
    assert store.get(RecordKind.SOURCE, "s") == saved


def test_an_import_refuses_an_over_long_author_and_note(store: Store) -> None:
    data = {
        "format": "accords-viewer",
        "format_version": 1,
        "sources": [
            {"key": "s", "title": "T", "authors": ["ok", "a" * 501], "notes": "n" * 100_001}
        ],
    }
    problems = {p.path: p.message for p in plan_import(data, store).problems}
    assert problems == {
        "sources[0].authors[1].literal": (
            "is 501 characters; at most 500 (the 1st source in the file, key 's')"
        ),
        "sources[0].notes": (
            "is 100,001 characters; at most 100,000 (the 1st source in the file, key 's')"
        ),
    }


def test_the_table_agrees_with_the_schemas_column_lengths() -> None:
    checked = 0
    for table in Base.metadata.tables.values():
        if table.name in ("saved_searches", "revisions"):
            continue  # not records: no form or import writes them
        for column in table.columns:
            limit = limits.limit_of(column.name)
            if limit is not None and isinstance(column.type, String) and column.type.length:
                assert column.type.length == limit, f"{table.name}.{column.name}"
                checked += 1
    assert checked >= 8  # key in every table, names, titles, offices, locators...
    assert limits.KEY == 80


def _services(store: Store) -> DialogServices:
    return DialogServices(
        lookup=lambda kind: ChoiceLookup.over([]),
        new_key=lambda kind, label: new_key(store, kind, label),
        check=store.problems,
        create_source=lambda: None,
        confirm_discard=lambda _parent: True,
    )


def _open(qtbot: QtBot, dialog: RecordDialog) -> RecordDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_name_field_stops_at_500_and_says_so(qtbot: QtBot, store: Store) -> None:
    dialog = _open(qtbot, PartyDialog(None, _services(store), store.add))
    assert isinstance(dialog, PartyDialog)
    assert dialog.name_edit.maxLength() == 500
    QGuiApplication.clipboard().setText("n" * 600)
    dialog.name_edit.setFocus()
    dialog.name_edit.paste()
    assert len(dialog.name_edit.text()) == 500
    problem = dialog.findChild(QLabel, "nameProblem")  # the line kept under the field
    assert problem is not None
    assert problem.text() == "at most 500 characters: the rest was not taken"
    # A name within the limit saves: the note is only a note.
    assert dialog.save_button.isEnabled()


def test_a_web_address_field_stops_at_2000(qtbot: QtBot, store: Store) -> None:
    dialog = _open(qtbot, SourceDialog(None, _services(store), store.add))
    assert isinstance(dialog, SourceDialog)
    assert dialog.url_edit.maxLength() == 2_000
    assert dialog.title_edit.maxLength() == 500


def test_an_over_long_note_keeps_save_disabled_with_its_length(qtbot: QtBot, store: Store) -> None:
    dialog = _open(qtbot, PartyDialog(None, _services(store), store.add))
    assert isinstance(dialog, PartyDialog)
    dialog.name_edit.setText("Somewhere")
    dialog.notes_edit.setPlainText("n" * 100_001)
    assert not dialog.save_button.isEnabled()
    assert "is 100,001 characters; at most 100,000" in dialog.save_button.toolTip()


def test_a_stored_value_over_a_new_limit_is_shown_whole_to_be_shortened(
    qtbot: QtBot, store: Store
) -> None:
    # A record from before the limits: its name is not cut when shown.
    old = Party(key="old", name="o" * 600, version=1)
    dialog = _open(qtbot, PartyDialog(old, _services(store), store.update))
    assert isinstance(dialog, PartyDialog)
    assert dialog.name_edit.text() == "o" * 600
    assert "is 600 characters; at most 500" in dialog.save_button.toolTip()
