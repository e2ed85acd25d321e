"""The field-by-field rules shared by the conflict dialog and undo/redo."""

from __future__ import annotations

import dataclasses

import pytest

from tests.samples import STATE
from viewer.domain.merge import (
    ChangedBy,
    FieldsTaken,
    UnreadableFields,
    changed_by,
    differing_fields,
    merge_fields,
    reapply,
    rebuild,
)
from viewer.domain.records import Party, Source
from viewer.domain.serial import record_fields

BASE = dataclasses.replace(STATE, version=3)


def test_rebuild_gives_the_record_with_its_fields_key_and_version() -> None:
    rebuilt = rebuild(Party, "kazakhstan", record_fields(BASE), version=7)
    assert rebuilt == dataclasses.replace(BASE, version=7)


def test_rebuild_refuses_fields_that_make_no_record_and_says_why() -> None:
    fields = {**record_fields(BASE), "party_kind": "planet"}
    with pytest.raises(UnreadableFields) as raised:
        rebuild(Party, "kazakhstan", fields, version=1)
    assert raised.value.problems[0].path == "party_kind"
    with pytest.raises(UnreadableFields):
        rebuild(Source, "kazakhstan", record_fields(BASE), version=1)


def test_changed_by_names_who_moved_a_field_from_the_base() -> None:
    base = {"name": "A", "notes": "n", "iso_code": "KZ", "party_kind": "state"}
    mine = {**base, "name": "Mine", "notes": "mine"}
    theirs = {**base, "iso_code": "KG", "notes": "theirs"}
    assert changed_by(base, mine, theirs, "name") is ChangedBy.YOU
    assert changed_by(base, mine, theirs, "iso_code") is ChangedBy.THEM
    assert changed_by(base, mine, theirs, "notes") is ChangedBy.BOTH
    assert changed_by(base, mine, theirs, "party_kind") is ChangedBy.NOBODY


def test_merge_takes_theirs_except_the_fields_kept_from_mine_at_their_version() -> None:
    mine = dataclasses.replace(BASE, name="Qazaqstan", notes="my notes")
    theirs = dataclasses.replace(BASE, notes="their notes", iso_code="KG", version=4)
    assert differing_fields(mine, theirs) == ["name", "iso_code", "notes"]
    merged = merge_fields(mine, theirs, keep_mine=["name"])
    assert merged == dataclasses.replace(theirs, name="Qazaqstan")
    assert merged.version == 4
    assert merge_fields(mine, theirs, keep_mine=[]) == theirs


def test_merge_is_only_between_versions_of_one_record() -> None:
    other = dataclasses.replace(BASE, key="kyrgyzstan")
    with pytest.raises(ValueError, match="one record"):
        merge_fields(BASE, other, keep_mine=["name"])
    source = Source(key="kazakhstan", title="Kazakhstan")
    with pytest.raises(ValueError, match="one record"):
        merge_fields(BASE, source, keep_mine=["name"])


def test_reapply_moves_only_the_fields_of_the_step_and_keeps_another_writers() -> None:
    before = BASE
    after = dataclasses.replace(BASE, name="Qazaqstan")
    # Another writer changed the notes meanwhile; the step changes only the name.
    current = dataclasses.replace(BASE, notes="another writer", version=5)
    undone = reapply(after, before, dataclasses.replace(current, name="Qazaqstan"))
    assert undone == dataclasses.replace(current, name="Kazakhstan")
    redone = reapply(before, after, current)
    assert redone == dataclasses.replace(current, name="Qazaqstan")


def test_reapply_refuses_when_another_writer_changed_the_same_field() -> None:
    before = BASE
    after = dataclasses.replace(BASE, name="Qazaqstan")
    current = dataclasses.replace(BASE, name="Kazakstan", version=5)
    with pytest.raises(FieldsTaken) as raised:
        reapply(before, after, current)
    assert raised.value.fields == ("name",)
