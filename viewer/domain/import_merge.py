"""Merge on import, in plain values: how each record of a file stands against
the database, and what the user chose to do with it.

The store plans (:func:`viewer.store.exchange_merge.plan_merge`) and applies;
the window's preview and the command line read and change the choices here.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass

from viewer.domain.enums import LabelledEnum, RecordKind
from viewer.domain.quoting import quoted
from viewer.domain.records import Event, EventRole, Person, Record, Source, StatusAction
from viewer.domain.serial import JsonValue, record_fields

# The longest a value runs in a change's words before it is cut.
VALUE_LIMIT = 80
# Fields whose change is told as how many items they hold.
COUNTED = frozenset({"citations", "roles"})


class Standing(LabelledEnum):
    """How a record of the file stands against the database."""

    NEW = "new"  # nothing in the database matches it
    UNCHANGED = "unchanged"  # a match with the same fields (its version aside)
    CHANGED = "changed"  # a match whose fields differ


class Choice(LabelledEnum):
    """What the import does with one record of the file."""

    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    ADD_AS_NEW = "add_as_new"


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field a file would change, in exchange form (as the history logs it)."""

    field: str
    old: JsonValue
    new: JsonValue

    @property
    def text(self) -> str:
        """ "title: 'Old' -> 'New'", "citations: 1 -> 2"."""
        if self.field in COUNTED:
            return f"{self.field}: {_count(self.old)} -> {_count(self.new)}"
        return f"{self.field}: {value_text(self.old)} -> {value_text(self.new)}"


@dataclass(frozen=True, slots=True)
class MergeEntry:
    """One record of the file and its match in the database, if any.

    ``record`` is the file's record, its references already pointing at the
    keys they will have in the database (a source matched under another key
    is cited by the database's key); ``existing`` is the database's record it
    matches (None when new); ``matched_by`` says how ("key", "URL", "DOI",
    "title and date"); ``fresh_key`` is the unused key it gets if added as new.
    """

    record: Record
    standing: Standing
    existing: Record | None = None
    changes: tuple[FieldChange, ...] = ()
    matched_by: str = ""
    fresh_key: str = ""

    @property
    def kind(self) -> RecordKind:
        return self.record.kind

    @property
    def choices(self) -> tuple[Choice, ...]:
        """What may be done with it: a new record is added; a matched one
        updates its match (when anything changes), is skipped, or is added
        beside it under :attr:`fresh_key`."""
        if self.standing is Standing.NEW:
            return (Choice.ADD,)
        if self.standing is Standing.UNCHANGED:
            return (Choice.SKIP, Choice.ADD_AS_NEW)
        return (Choice.UPDATE, Choice.SKIP, Choice.ADD_AS_NEW)

    @property
    def default(self) -> Choice:
        """New: add; unchanged: skip; changed: update."""
        return {
            Standing.NEW: Choice.ADD,
            Standing.UNCHANGED: Choice.SKIP,
            Standing.CHANGED: Choice.UPDATE,
        }[self.standing]

    @property
    def what(self) -> str:
        """ "new", "unchanged", "changed (matched by URL: 'bbc-2020')"."""
        if self.existing is None or self.matched_by == "key":
            return self.standing.label
        return f"{self.standing.label} (same {self.matched_by} as {quoted(self.existing.key)})"

    @property
    def changes_text(self) -> str:
        return "; ".join(change.text for change in self.changes)


def field_changes(old: Record, new: Record) -> tuple[FieldChange, ...]:
    """The fields ``new`` holds differently from ``old``, in the order of the
    record's fields (the key and version aside)."""
    before, after = record_fields(old), record_fields(new)
    return tuple(
        FieldChange(name, before.get(name), value)
        for name, value in after.items()
        if name != "version" and before.get(name) != value
    )


def rekeyed(record: Record, keys: Mapping[RecordKind, Mapping[str, str]]) -> Record:
    """``record`` with every key it refers to replaced as ``keys`` says (kind
    -> old key -> new key); a key not named stays, and so does its own."""

    def new(kind: RecordKind, key: str) -> str:
        return keys.get(kind, {}).get(key, key)

    def maybe(kind: RecordKind, key: str | None) -> str | None:
        return None if key is None else new(kind, key)

    changed: dict[str, object] = {}
    if isinstance(record, StatusAction):
        changed.update(
            accord=new(RecordKind.ACCORD, record.accord), party=new(RecordKind.PARTY, record.party)
        )
    elif isinstance(record, Person):
        changed["party"] = maybe(RecordKind.PARTY, record.party)
    elif isinstance(record, Event):
        changed["accord"] = maybe(RecordKind.ACCORD, record.accord)
        changed["roles"] = tuple(
            EventRole(
                role.role,
                party=maybe(RecordKind.PARTY, role.party),
                person=maybe(RecordKind.PERSON, role.person),
            )
            for role in record.roles
        )
    if not isinstance(record, Source):
        changed["citations"] = tuple(
            dataclasses.replace(citation, source=new(RecordKind.SOURCE, citation.source))
            for citation in record.citations
        )
    return dataclasses.replace(record, **changed)  # type: ignore[arg-type]


def value_text(value: JsonValue) -> str:
    """A value of the exchange form as a person reads it in one line: text in
    quotes, nothing as "(empty)", a list of names joined, other lists counted."""
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, str):
        return quoted(value, VALUE_LIMIT)
    if isinstance(value, list) and all(isinstance(item, str) or _is_name(item) for item in value):
        names = (item if isinstance(item, str) else _name(item) for item in value)
        return quoted("; ".join(names), VALUE_LIMIT)
    if isinstance(value, list):
        return f"{len(value)} item{'' if len(value) == 1 else 's'}"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= VALUE_LIMIT else f"{text[: VALUE_LIMIT - 1]}…"


def _count(value: JsonValue) -> int:
    return len(value) if isinstance(value, list) else 0


_NAME_PARTS = ("literal", "family", "given")


def _is_name(item: JsonValue) -> bool:
    """Whether ``item`` is an author in exchange form: {"family", "given", "literal"}."""
    return isinstance(item, dict) and bool(item) and set(item) <= set(_NAME_PARTS)


def _name(item: Mapping[str, JsonValue]) -> str:
    """ "van der Berg, Anna", or a body's name as it is."""
    if item.get("literal"):
        return str(item["literal"])
    return ", ".join(str(item[part]) for part in ("family", "given") if item.get(part))
