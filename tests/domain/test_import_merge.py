"""How a change a file would make reads, and which choices a record offers."""

from __future__ import annotations

from viewer.domain.enums import RecordKind, RoleKind
from viewer.domain.import_merge import (
    Choice,
    FieldChange,
    MergeEntry,
    Standing,
    rekeyed,
    value_text,
)
from viewer.domain.records import Citation, Event, EventRole, Source


def test_values_read_as_people_say_them() -> None:
    assert value_text(None) == value_text("") == value_text([]) == "(empty)"
    assert value_text("Axios") == "'Axios'"
    assert value_text(["Ann Lee", "Bo Kim"]) == "'Ann Lee; Bo Kim'"
    assert (
        value_text([{"family": "van der Berg", "given": "Anna"}, {"literal": "Reuters"}])
        == "'van der Berg, Anna; Reuters'"
    )
    assert FieldChange("citations", [{}], [{}, {}]).text == "citations: 1 -> 2"
    assert FieldChange("title", "Old", "New").text == "title: 'Old' -> 'New'"


def test_each_standing_offers_its_choices() -> None:
    new = MergeEntry(Source("a", "A"), Standing.NEW)
    same = MergeEntry(Source("a", "A"), Standing.UNCHANGED, Source("a", "A"), matched_by="key")
    other = MergeEntry(Source("b", "B"), Standing.CHANGED, Source("a", "A"), matched_by="URL")
    assert (new.choices, new.default) == ((Choice.ADD,), Choice.ADD)
    assert (same.choices, same.default) == ((Choice.SKIP, Choice.ADD_AS_NEW), Choice.SKIP)
    assert other.default is Choice.UPDATE and Choice.ADD_AS_NEW in other.choices
    assert other.what == "changed (same URL as 'a')"


def test_rekeyed_changes_references_only() -> None:
    event = Event(
        "e",
        "E",
        accord="old-accord",
        roles=(EventRole(RoleKind.SIGNATORY, party="p"),),
        citations=(Citation("s1", "p. 2"), Citation("s2")),
    )
    keys = {RecordKind.SOURCE: {"s1": "db-source"}, RecordKind.PARTY: {"p": "q"}}
    moved = rekeyed(event, keys)
    assert isinstance(moved, Event)
    assert moved.key == "e" and moved.accord == "old-accord"
    assert moved.roles == (EventRole(RoleKind.SIGNATORY, party="q"),)
    assert moved.citations == (Citation("db-source", "p. 2"), Citation("s2"))
