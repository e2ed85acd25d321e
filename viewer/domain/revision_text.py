"""The revision log as a person reads it.

The log holds what the database holds: keys (``kazakhstan-joined``), field
names (``party_kind``), enum values, EDTF dates and citations as JSON
objects. The History tab says the same in the app's words: records by name,
fields by the forms' labels, enums by their labels, dates as the app shows
them, citations as "+ Source title, para. 1".

Names come from the caller (the store looks them up off the GUI thread); a
key with no name, as a deleted record's, is shown in quotes.
"""

from __future__ import annotations

import calendar
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from types import UnionType
from typing import Any

from viewer.domain.authors import read_stored_authors
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind, RevisionAction, RoleKind, StatusKind
from viewer.domain.field_labels import PART_LABELS, field_label, record_noun
from viewer.domain.records import RECORD_TYPES, Author, Citation, EventRole, Revision

# Each record's name, by kind and key, as the forms and lists show it.
Names = Mapping[tuple[RecordKind, str], str]

EMPTY = "(empty)"
# A row wraps a text whole up to this many characters (any note people write);
# only a longer one is shortened there. The tooltip always shows all of it.
TEXT_LIMIT = 2000
# How many keys one reading names at most (the rest show as quoted keys).
NAMED_KEYS_LIMIT = 500

VERBS = {
    RevisionAction.CREATE: "Created",
    RevisionAction.UPDATE: "Edited",
    RevisionAction.DELETE: "Deleted",
}

# The fields that hold another record's key, and the kind of that record.
REFERENCES: dict[tuple[RecordKind, str], RecordKind] = {
    (RecordKind.PERSON, "party"): RecordKind.PARTY,
    (RecordKind.STATUS_ACTION, "party"): RecordKind.PARTY,
    (RecordKind.STATUS_ACTION, "accord"): RecordKind.ACCORD,
    (RecordKind.STATUS_ACTION, "alternative_of"): RecordKind.STATUS_ACTION,
    (RecordKind.EVENT, "accord"): RecordKind.ACCORD,
}

# The field a record's name is logged in, to name a record that is gone.
_NAME_FIELDS = ("name", "title")


@dataclass(frozen=True, slots=True)
class ChangeText:
    """One changed field: the row's text (wrapped, maybe several lines) and,
    for its tooltip, the whole value before and after."""

    text: str
    full: str


@dataclass(frozen=True, slots=True)
class RevisionText:
    """One revision in words: "Edited participant Kazakhstan — Kind", when and by whom."""

    revision_id: int
    headline: str
    byline: str
    changes: tuple[ChangeText, ...]


def when_text(at: datetime) -> str:
    """A moment as the app writes dates, in local time: "6 Nov 2025, 14:03"."""
    local = at.astimezone()
    return f"{local.day} {calendar.month_abbr[local.month]} {local.year}, {local:%H:%M}"


def mentioned_keys(
    revisions: Sequence[Revision], limit: int = NAMED_KEYS_LIMIT
) -> dict[RecordKind, set[str]]:
    """The keys ``revisions`` name (their records and every record their
    changes refer to), at most ``limit`` of them, the newest revisions' first."""
    found: dict[RecordKind, set[str]] = {}
    count = 0
    for revision in sorted(revisions, key=lambda r: r.id, reverse=True):
        for kind, key in _references(revision):
            if count >= limit:
                return found
            keys = found.setdefault(kind, set())
            if key not in keys:
                keys.add(key)
                count += 1
    return found


def describe_log(revisions: Sequence[Revision], names: Names) -> list[RevisionText]:
    """Each of ``revisions`` in words, in the order given.

    The log is read oldest first, so that a record the names do not know (a
    deleted one) is named as the log last named it, and a status change by
    its participant and status at that revision.
    """
    state: dict[tuple[RecordKind, str], dict[str, Any]] = {}
    described: dict[int, RevisionText] = {}
    for revision in sorted(revisions, key=lambda r: r.id):
        at = (revision.record_kind, revision.record_key)
        fields = state.setdefault(at, {})
        for name, (old, new) in revision.changes.items():
            # A deletion logs what the record held: it is named by that.
            fields[name] = old if revision.action is RevisionAction.DELETE else new
        described[revision.id] = _describe(revision, fields, names)
    return [described[revision.id] for revision in revisions]


def _describe(revision: Revision, fields: Mapping[str, Any], names: Names) -> RevisionText:
    kind = revision.record_kind
    title = f"{VERBS[revision.action]} {record_noun(kind)} {_record_name(revision, fields, names)}"
    changes = [
        change
        for field, (old, new) in revision.changes.items()
        if (change := _change(kind, revision.action, field, old, new, names)) is not None
    ]
    if revision.action is RevisionAction.UPDATE and revision.changes:
        # Which fields, so that a folded revision still says what it changed.
        title += " — " + ", ".join(field_label(kind, field) for field in revision.changes)
    byline = f"{when_text(revision.at)} · {revision.user}"
    return RevisionText(revision.id, title, byline, tuple(changes))


def _record_name(revision: Revision, fields: Mapping[str, Any], names: Names) -> str:
    kind, key = revision.record_kind, revision.record_key
    if kind is RecordKind.STATUS_ACTION and fields.get("party") and fields.get("action"):
        party = reference_name(RecordKind.PARTY, str(fields["party"]), names)
        return f"{party}: {_enum_label(StatusKind, fields['action'])}"
    if (kind, key) in names:
        return names[(kind, key)]
    logged = next((fields[f] for f in _NAME_FIELDS if isinstance(fields.get(f), str)), "")
    return str(logged) if logged.strip() else f"“{key}”"


def reference_name(kind: RecordKind, key: str, names: Names) -> str:
    """The name of the ``kind`` record ``key``, or the key in quotes if it has none."""
    return names.get((kind, key), f"“{key}”")


# -- one field's change -------------------------------------------------------------


def _change(
    kind: RecordKind, action: RevisionAction, field: str, old: Any, new: Any, names: Names
) -> ChangeText | None:
    label = field_label(kind, field)
    hint = _field_hint(kind, field)
    if hint in (Citation, EventRole):
        return _list_change(kind, field, label, hint, old, new, names)
    before, after = _value(kind, field, hint, old, names), _value(kind, field, hint, new, names)
    full = f"{label}\nbefore: {before}\nafter: {after}"
    if action is RevisionAction.UPDATE:
        return ChangeText(f"{label}: {_short(before)} → {_short(after)}", full)
    # A creation or deletion lists what the record held; an empty field says nothing.
    shown = after if action is RevisionAction.CREATE else before
    return None if shown == EMPTY else ChangeText(f"{label}: {_short(shown)}", full)


def _value(kind: RecordKind, field: str, hint: Any, value: Any, names: Names) -> str:
    if value is None or value == "" or value == []:
        return EMPTY
    if hint is FuzzyDate and isinstance(value, str):
        try:
            return FuzzyDate.parse(value).display()
        except DateError:
            return value
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return _enum_label(hint, value)
    if hint is Author and isinstance(value, list):  # a source's authors
        return "; ".join(_author_text(item) for item in value)
    target = REFERENCES.get((kind, field))
    if target is not None and isinstance(value, str):
        return reference_name(target, value, names)
    return value if isinstance(value, str) else str(value)


def _author_text(item: Any) -> str:
    """One author as logged: a name's parts, or (before names had parts) the name."""
    if isinstance(item, dict):
        return read_stored_authors([item])[0].display
    return str(item)


def _enum_label(enum: type[StrEnum], value: Any) -> str:
    try:
        member = enum(value)
    except ValueError:
        return str(value)  # a value no longer in the vocabulary: shown as logged
    return str(getattr(member, "label", member.value))


def _short(text: str) -> str:
    if len(text) <= TEXT_LIMIT:
        return text
    cut = text[:TEXT_LIMIT].rsplit(maxsplit=1)[0]
    return f"{cut} …"


def _list_change(
    kind: RecordKind,
    field: str,
    label: str,
    hint: type[Citation] | type[EventRole],
    old: Any,
    new: Any,
    names: Names,
) -> ChangeText | None:
    before = [item for item in (old or []) if isinstance(item, dict)]
    after = [item for item in (new or []) if isinstance(item, dict)]
    removed = [item for item in before if item not in after]
    added = [item for item in after if item not in before]
    lines: list[str] = []
    if hint is Citation:
        edited = _edited_citations(removed, added)
        for was, now in edited:
            removed.remove(was)
            added.remove(now)
            lines.append(f"± {_citation(now, names)} ({_what_changed(was, now)} edited)")
        lines[:0] = [f"+ {_citation(item, names)}" for item in added]
        lines += [f"− {_citation(item, names)}" for item in removed]
    else:
        lines += [f"+ {_role(item, names)}" for item in added]
        lines += [f"− {_role(item, names)}" for item in removed]
    if not lines:
        if before == after:
            return None
        lines.append("reordered")
    full = "\n".join(
        [
            label,
            "before:",
            *_full_items(hint, before, names),
            "after:",
            *_full_items(hint, after, names),
        ]
    )
    return ChangeText(f"{label}:\n" + "\n".join(lines), full)


def _edited_citations(
    removed: list[dict[str, Any]], added: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of a removed and an added citation of the same place in the same
    source: one citation whose quote or note was edited."""
    pairs = []
    free = list(added)
    for was in removed:
        place = (was.get("source"), was.get("locator"))
        now = next((c for c in free if (c.get("source"), c.get("locator")) == place), None)
        if now is not None:
            free.remove(now)
            pairs.append((was, now))
    return pairs


def _what_changed(was: Mapping[str, Any], now: Mapping[str, Any]) -> str:
    parts = [
        PART_LABELS["citations"][part].lower()
        for part in ("quote", "note")
        if was.get(part) != now.get(part)
    ]
    return " and ".join(parts) or "citation"


def _citation(item: Mapping[str, Any], names: Names) -> str:
    source = reference_name(RecordKind.SOURCE, str(item.get("source") or ""), names)
    locator = str(item.get("locator") or "").strip()
    return f"{source}, {locator}" if locator else source


def _role(item: Mapping[str, Any], names: Names) -> str:
    role = _enum_label(RoleKind, item.get("role"))
    if item.get("party"):
        return f"{role}: {reference_name(RecordKind.PARTY, str(item['party']), names)}"
    if item.get("person"):
        return f"{role}: {reference_name(RecordKind.PERSON, str(item['person']), names)}"
    return role


def _full_items(hint: Any, items: list[dict[str, Any]], names: Names) -> list[str]:
    if not items:
        return [EMPTY]
    if hint is EventRole:
        return [_role(item, names) for item in items]
    lines = []
    for item in items:
        line = _citation(item, names)
        if str(item.get("quote") or "").strip():
            line += f" — “{item['quote']}”"
        if str(item.get("note") or "").strip():
            line += f" ({item['note']})"
        lines.append(line)
    return lines


# -- what the log's values are ----------------------------------------------------------


def _field_hint(kind: RecordKind, field: str) -> Any:
    """The type of ``field``'s values, or of each item for a tuple; None if unknown."""
    hint = _hints(kind).get(field)
    if typing.get_origin(hint) in (UnionType, typing.Union):
        hint = next((arg for arg in typing.get_args(hint) if arg is not type(None)), None)
    if typing.get_origin(hint) is tuple:
        hint = typing.get_args(hint)[0]
    return hint


_HINTS: dict[RecordKind, dict[str, Any]] = {}


def _hints(kind: RecordKind) -> dict[str, Any]:
    if kind not in _HINTS:
        _HINTS[kind] = typing.get_type_hints(RECORD_TYPES[kind])
    return _HINTS[kind]


def _references(revision: Revision) -> Iterable[tuple[RecordKind, str]]:
    """The records ``revision`` names: its own, then those its changes refer to."""
    kind = revision.record_kind
    if kind is not RecordKind.STATUS_ACTION:  # named by its participant and status
        yield kind, revision.record_key
    for field, pair in revision.changes.items():
        target = REFERENCES.get((kind, field))
        hint = _field_hint(kind, field)
        for value in pair:
            if target is not None and isinstance(value, str) and value:
                yield target, value
            elif hint in (Citation, EventRole) and isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        yield from _item_references(item)


def _item_references(item: Mapping[str, Any]) -> Iterable[tuple[RecordKind, str]]:
    for part, target in (
        ("source", RecordKind.SOURCE),
        ("party", RecordKind.PARTY),
        ("person", RecordKind.PERSON),
    ):
        value = item.get(part)
        if isinstance(value, str) and value:
            yield target, value
