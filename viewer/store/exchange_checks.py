"""The checks of an exchange file that look at more than one record: its
header, participants that look like others, and the words that say which
record of the file a problem is about (:mod:`viewer.store.exchange`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.names import skeleton
from viewer.domain.quoting import quoted, shortened
from viewer.domain.records import Party, Record
from viewer.domain.serial import Problem, join_path

FORMAT_NAME = "accords-viewer"
FORMAT_VERSION = 2
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class FileItem:
    """One record of the file as checked: where it is, and which of its fields
    could not be read (held by stand-ins, so not checked further)."""

    kind: RecordKind
    record: Record
    path: str
    unread: frozenset[str]


_RECORD_PATH = re.compile(r"([a-z_]+)\[(\d+)\]")
_KINDS = {kind.section: kind for kind in RecordKind}


def in_words(problems: list[Problem], items: Mapping[str, FileItem]) -> list[Problem]:
    """Each problem of a record also says which record of the file it is, in
    words: "parties[1].name: is required (the 2nd participant in the file, key
    'oman')"."""
    said: list[Problem] = []
    for problem in problems:
        found = _RECORD_PATH.match(problem.path)
        kind = _KINDS.get(found.group(1)) if found else None
        if found is None or kind is None:
            said.append(problem)
            continue
        item = items.get(found.group(0))
        key = (
            f", key {quoted(item.record.key)}"
            if item is not None and "key" not in item.unread and item.record.key
            else ""
        )
        words = f"the {ordinal(int(found.group(2)) + 1)} {kind.label} in the file{key}"
        said.append(Problem(problem.path, f"{problem.message} ({words})"))
    return said


def ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``, ``1,002nd``."""
    if number % 100 in (11, 12, 13):
        return f"{number:,}th"
    return f"{number:,}{({1: 'st', 2: 'nd', 3: 'rd'}).get(number % 10, 'th')}"


class Counter:
    """Reports progress every ``every`` steps, and once at the end."""

    def __init__(self, total: int, progress: Progress | None, every: int = 1_000) -> None:
        self.total, self.done, self.every, self.progress = total, 0, every, progress

    def step(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % self.every == 0 and self.done < self.total:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None and self.total:
            self.progress(self.total, self.total)


def check_header(data: Mapping[str, Any], problems: list[Problem]) -> None:
    if data.get("format") != FORMAT_NAME:
        problems.append(
            Problem(
                "format", f"must be {FORMAT_NAME!r}: this is not an Accords Viewer exchange file"
            )
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        problems.append(Problem("format_version", "is missing or not a whole number"))
    elif version > FORMAT_VERSION:
        problems.append(
            Problem(
                "format_version",
                f"{shortened(str(version))} is newer than this app reads ({FORMAT_VERSION}); "
                "update Accords Viewer",
            )
        )
    elif version < 1:
        problems.append(
            Problem("format_version", f"{shortened(str(version))} is not a format version")
        )


def check_unique_parties(
    problems: list[Problem],
    items: Sequence[FileItem],
    in_database: Sequence[tuple[str, str, str | None]],
) -> None:
    """A participant whose name looks the same as another's (in the database or
    earlier in the file: :func:`skeleton`), or with the same ISO code, is refused.

    One pass: each name's skeleton is looked up in a dict of those seen.
    """
    seen_names: dict[str, tuple[str, str, str]] = {}  # skeleton -> name, key, where
    seen_codes: dict[str, str] = {}
    # A participant of the file with the key of one in the database is that
    # one (the import merges it): its own name and code are no clash.
    stored: dict[str, tuple[str, str | None]] = {}
    for key, name, code in in_database:
        seen_names.setdefault(skeleton(name), (name, key, "in the database"))
        stored[key] = (skeleton(name), code)
        if code:
            seen_codes[code] = f"the participant with key {quoted(key)} in the database"
    for item in items:
        party = item.record
        if not isinstance(party, Party):
            continue
        own_look, own_code = stored.get(party.key, ("", None))
        if "name" not in item.unread and party.name:
            look = skeleton(party.name)
            if look in seen_names and not (look == own_look and seen_names[look][1] == party.key):
                problems.append(
                    Problem(join_path(item.path, "name"), _same_look(party, *seen_names[look]))
                )
            seen_names.setdefault(look, (party.name, party.key, f"at {item.path}"))
        code = party.iso_code
        if code and "iso_code" not in item.unread:
            if code in seen_codes and code != own_code:
                problems.append(
                    Problem(
                        join_path(item.path, "iso_code"),
                        f"{quoted(code)} is also the code of {seen_codes[code]}",
                    )
                )
            seen_codes.setdefault(code, item.path)


def _same_look(party: Party, name: str, key: str, where: str) -> str:
    if party.name.casefold() == name.casefold():
        return (
            f"{quoted(party.name)} is also the name of the participant with key "
            f"{quoted(key)} {where}"
        )
    return (
        f"{quoted(party.name)} looks the same as the participant {quoted(name)} "
        f"(key {quoted(key)}) {where}"
    )
