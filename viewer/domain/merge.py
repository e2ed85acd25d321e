"""Two writers, one record: the field-by-field rules for putting their changes together.

A record is compared as its fields in exchange form (:func:`record_fields`).
Both the conflict dialog (a save that found the record changed) and undo and
redo (which must not overwrite another writer) follow these rules, so they
agree on what "a field someone else changed" means.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import TypeVar

from viewer.domain.records import Record
from viewer.domain.serial import JsonValue, Problem, from_json, record_fields

R = TypeVar("R", bound=Record)
Fields = Mapping[str, JsonValue]


class UnreadableFields(ValueError):
    """Fields that do not make a record of the kind asked for; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(map(str, problems)))
        self.problems = tuple(problems)


class FieldsTaken(ValueError):
    """Another writer changed a field that this change means to change too."""

    def __init__(self, fields: Collection[str]) -> None:
        super().__init__("changed meanwhile: " + ", ".join(sorted(fields)))
        self.fields = tuple(sorted(fields))


class ChangedBy(StrEnum):
    """Who changed a field since the version both writers started from."""

    NOBODY = ""
    YOU = "you"
    THEM = "them"
    BOTH = "both"


def rebuild(kind: type[R], key: str, fields: Fields, version: int) -> R:
    """The record of type ``kind`` with ``key``, these fields and this save count.

    Raises :class:`UnreadableFields` when the fields do not make such a record
    (never for fields taken from whole records of the same kind).
    """
    problems: list[Problem] = []
    record = from_json(kind, {**fields, "key": key}, "", problems)
    if record is None:
        raise UnreadableFields(problems or [Problem("", f"not a {kind.__name__}")])
    return dataclasses.replace(record, version=version)


def changed_by(base: Fields, mine: Fields, theirs: Fields, name: str) -> ChangedBy:
    """Who changed field ``name`` from ``base``: this user, the other writer, both or nobody."""
    by_me = mine.get(name) != base.get(name)
    by_them = theirs.get(name) != base.get(name)
    if by_me and by_them:
        return ChangedBy.BOTH
    if by_me:
        return ChangedBy.YOU
    return ChangedBy.THEM if by_them else ChangedBy.NOBODY


def differing_fields(mine: Record, theirs: Record) -> list[str]:
    """The fields where two versions of one record differ, in the record's field order."""
    theirs_fields = record_fields(theirs)
    return [name for name, value in record_fields(mine).items() if value != theirs_fields.get(name)]


def merge_fields(mine: R, theirs: Record, keep_mine: Collection[str]) -> R:
    """``theirs`` with the fields named in ``keep_mine`` taken from ``mine``.

    The result carries the saved record's (``theirs``) version: storing it is
    a deliberate save over exactly that version, refused if a third save came
    in meanwhile.
    """
    if type(mine) is not type(theirs) or mine.key != theirs.key:
        raise ValueError("a merge is between two versions of one record")
    mine_fields = record_fields(mine)
    merged = {
        **record_fields(theirs),
        **{name: mine_fields[name] for name in keep_mine if name in mine_fields},
    }
    return rebuild(type(mine), mine.key, merged, theirs.version)


def reapply(was: R, wanted: Record, current: Record) -> R:
    """``current`` with the fields that going from ``was`` to ``wanted`` changes.

    This is how an undo or redo moves one step without overwriting anyone:
    another writer's change to another field is kept; one to a field this
    step changes raises :class:`FieldsTaken`. The result is at ``current``'s
    version.
    """
    before, after, now = record_fields(was), record_fields(wanted), record_fields(current)
    ours = [name for name in after if after[name] != before.get(name)]
    taken = [name for name in ours if now.get(name) != before.get(name)]
    if taken:
        raise FieldsTaken(taken)
    merged = {**now, **{name: after[name] for name in ours}}
    return rebuild(type(was), was.key, merged, current.version)
