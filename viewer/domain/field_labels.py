"""What a person calls each field: the forms' labels, for messages and history.

The model's field names (``iso_code``, ``party_kind``) are what the database
and the exchange files hold; a person reads "Country (ISO 3166)" and "Kind",
as the forms show them. Messages, the History tab and the status bar say
fields through :func:`field_label` and problems through :func:`problem_text`.
"""

from __future__ import annotations

import re

from viewer.domain.enums import RecordKind
from viewer.domain.serial import Problem

_COMMON = {
    "key": "Key",
    "name": "Name",
    "title": "Title",
    "notes": "Notes",
    "note": "Note",
    "citations": "Citations",
    "date": "Date",
    "certainty": "Certainty",
    "accord": "Accord",
}

FIELD_LABELS: dict[RecordKind, dict[str, str]] = {
    RecordKind.ACCORD: {"description": "Description", "first_signed": "First signed"},
    RecordKind.PARTY: {"party_kind": "Kind", "iso_code": "Country (ISO 3166)"},
    RecordKind.PERSON: {"office": "Office", "party": "Party"},
    RecordKind.SOURCE: {
        "source_kind": "Kind",
        "publisher": "Publisher",
        "container_title": "Published in",
        "doi": "DOI",
        "archived_text": "Archived text",
        "authors": "Authors",
        "published": "Published",
        "url": "Web address",
        "accessed": "Accessed",
    },
    RecordKind.STATUS_ACTION: {
        "party": "Participant",
        "action": "Status",
        "rank": "Rank",
        "rank_reason": "Reason",
        "alternative_of": "Competes with",
    },
    RecordKind.EVENT: {
        "event_kind": "Kind",
        "location": "Location",
        "summary": "Summary",
        "roles": "Roles",
    },
}

# The columns of a citation and of a role, as their tables head them.
PART_LABELS = {
    "citations": {"source": "Source", "locator": "Locator", "quote": "Quote", "note": "Note"},
    "roles": {"role": "Role", "party": "Party", "person": "Person"},
}

_STEP = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def field_label(kind: RecordKind, field: str) -> str:
    """The form's label of ``field`` on a ``kind`` ("iso_code" -> "Country (ISO 3166)")."""
    labels = FIELD_LABELS.get(kind, {})
    if field in labels:
        return labels[field]
    return _COMMON.get(field, field.replace("_", " ").capitalize())


def path_label(kind: RecordKind, path: str) -> str:
    """A problem's path as a person reads it.

    "citations[1].locator" -> "Citations, row 2, Locator".
    """
    if not path:
        return ""
    words: list[str] = []
    table = ""
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None:
            words.append(step)
            continue
        name, index = match.group(1), match.group(2)
        if not words:
            words.append(field_label(kind, name))
            table = name
        else:
            words.append(PART_LABELS.get(table, {}).get(name, name.replace("_", " ").capitalize()))
        if index is not None:
            words.append(f"row {int(index) + 1}")
    return ", ".join(words)


def problem_text(kind: RecordKind, problem: Problem) -> str:
    """A problem as a message names it: "Web address: … is not a web address"."""
    where = path_label(kind, problem.path)
    return f"{where}: {problem.message}" if where else problem.message


def record_noun(kind: RecordKind) -> str:
    """What a person calls a record of ``kind``: "participant", "status change"."""
    return _NOUNS[kind]


_NOUNS = {
    RecordKind.ACCORD: "accord",
    RecordKind.PARTY: "participant",
    RecordKind.PERSON: "person",
    RecordKind.SOURCE: "source",
    RecordKind.STATUS_ACTION: "status change",
    RecordKind.EVENT: "event",
}


def plural_noun(kind: RecordKind) -> str:
    """What a person calls several records of ``kind``: "participants", "people"."""
    return _PLURALS.get(kind, f"{_NOUNS[kind]}s")


_PLURALS = {RecordKind.PERSON: "people"}
