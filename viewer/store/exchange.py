"""The JSON exchange format: a lossless, versioned copy of the curated data.

An export lists every record of every kind in the order they were added,
each in its exchange form (:mod:`viewer.domain.serial`). The revision log is
this database's own history and stays with it.

An import reads the file (:mod:`viewer.store.exchange_reading`: bounded,
strict JSON) and checks it whole before writing anything: every problem is
reported with its JSON path, and if there is any, nothing changes. A record
that cannot be read whole still has every field that can be read checked, so
that one report lists everything. Names and keys are cleaned as they are read
(:func:`viewer.domain.names.cleaned`), and a participant that looks like
another (in the file or the database) is refused, naming it.
Both directions are linear: an export streams the rows out a page at a time
(:mod:`viewer.store.streams`) and writes the file as it goes; an import checks
references with set look-ups against the keys the file names, then writes in
bulk (:mod:`viewer.store.bulk`). Each reports its progress to an optional
``progress(done, total)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, func, select

from viewer.domain.enums import RecordKind
from viewer.domain.names import cleaned, skeleton
from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import RECORD_TYPES, Party, Record
from viewer.domain.serial import JsonValue, Problem, join_path, read_partly
from viewer.domain.validation import validate
from viewer.store.bulk import (
    existing_ids,
    party_names_and_codes,
    references,
    without_cycle_collection,
)
from viewer.store.exchange_reading import MAX_FILE_BYTES, read_file
from viewer.store.record_form import read_record
from viewer.store.store import WRITE_ORDER, Store
from viewer.store.streams import exchange_forms, table_of

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "ImportPlan",
    "apply_import",
    "dumps",
    "export_data",
    "export_json",
    "plan_import",
    "read_file",
    "records_in",
]

Progress = Callable[[int, int], None]

FORMAT_NAME = "accords-viewer"
FORMAT_VERSION = 2
SECTIONS = tuple(kind.section for kind in RecordKind)


@dataclass
class ImportPlan:
    """What a checked file would add, or the problems that stop it."""

    records: dict[RecordKind, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(records) for records in self.records.values())


def export_data(store: Store) -> dict[str, Any]:
    """The whole database in exchange form, as one JSON value (small databases and
    tests; :func:`export_json` writes a file without holding it all)."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    with store.engine.connect() as connection:
        for kind in RecordKind:
            data[kind.section] = [
                item for page in exchange_forms(connection, kind) for item in page
            ]
    return data


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_json(store: Store, path: Path, progress: Progress | None = None) -> None:
    """Write the whole database to ``path`` as :func:`dumps` would write
    :func:`export_data`, a page of records at a time, from one consistent read.

    The file appears whole or not at all; ``progress`` is told (records
    written, records in all) after each page.
    """
    temporary = _partial(path)
    try:
        # Not without the cycle collector, as the import and check are: each
        # json.dumps with an indent leaves a cycle of closures behind.
        with temporary.open("w", encoding="utf-8") as out, store.engine.connect() as connection:
            _write_export(connection, out, progress)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_export(connection: Connection, out: TextIO, progress: Progress | None) -> None:
    # The same text as json.dumps(indent=2) of the whole: each record is dumped
    # on its own and indented to its depth (JSON text holds no raw newline, so
    # every line break is the layout's).
    total = sum(_count(connection, kind) for kind in RecordKind)
    done = 0
    header = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    out.write(
        "{\n" + "".join(f"  {_dump(name)}: {_dump(value)},\n" for name, value in header.items())
    )
    for number, kind in enumerate(RecordKind):
        out.write(f"  {_dump(kind.section)}: [")
        first = True
        for page in exchange_forms(connection, kind):
            for item in page:
                text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n    ")
                out.write(("\n    " if first else ",\n    ") + text)
                first = False
            done += len(page)
            if progress is not None:
                progress(done, total)
        out.write("]" if first else "\n  ]")
        out.write(",\n" if number < len(RecordKind) - 1 else "\n")
    out.write("}\n")


def _dump(value: JsonValue) -> str:
    return json.dumps(value, ensure_ascii=False)


def _count(connection: Connection, kind: RecordKind) -> int:
    return connection.execute(select(func.count()).select_from(table_of(kind))).scalar() or 0


def plan_import(data: Any, store: Store, progress: Progress | None = None) -> ImportPlan:
    """Check ``data`` whole against itself and the database, as an import would.

    Linear in the file: the database is asked only about the keys the file
    names (and the participants, which are few). ``progress`` is told (items
    read, items in all) as it goes.
    """
    with without_cycle_collection():
        return _plan_import(data, store, progress)


@dataclass(frozen=True, slots=True)
class _Item:
    """One record of the file as checked: where it is, and which of its fields
    could not be read (held by stand-ins, so not checked further)."""

    kind: RecordKind
    record: Record
    path: str
    unread: frozenset[str]


def _plan_import(data: Any, store: Store, progress: Progress | None) -> ImportPlan:
    plan = ImportPlan()
    if not isinstance(data, dict):
        plan.problems.append(Problem("", "the file holds no JSON object"))
        return plan
    _check_header(data, plan.problems)
    for name in sorted(set(data) - set(SECTIONS) - {"format", "format_version"}, key=str):
        plan.problems.append(
            Problem(shortened(printable(str(name))), "is not a section of the exchange format")
        )
    paths: dict[tuple[RecordKind, str], str] = {}
    items_read: list[_Item] = []
    sections = {kind: data.get(kind.section, []) for kind in RecordKind}
    counter = _Counter(
        sum(len(items) for items in sections.values() if isinstance(items, list)), progress
    )
    for kind, items in sections.items():
        if not isinstance(items, list):
            plan.problems.append(Problem(kind.section, "must be a list"))
            continue
        plan.records[kind] = []
        for index, item in enumerate(items):
            counter.step()
            path = join_path(kind.section, index)
            read = _read_item(kind, item, path, plan.problems)
            if read is None:
                continue
            record = read.record
            if "key" not in read.unread:
                if (kind, record.key) in paths:
                    plan.problems.append(
                        Problem(
                            join_path(path, "key"),
                            f"{quoted(record.key)} is also used by {paths[(kind, record.key)]}",
                        )
                    )
                # A record that cannot be read is still known by its key, so
                # that references to it are not reported as a second,
                # misleading problem.
                paths.setdefault((kind, record.key), path)
            items_read.append(read)
            if not read.unread:
                plan.records[kind].append(record)
    counter.finish()
    _check_against_database(plan, items_read, paths, store)
    plan.problems = _in_words(plan.problems, {item.path: item for item in items_read})
    return plan


_RECORD_PATH = re.compile(r"([a-z_]+)\[(\d+)\]")
_KINDS = {kind.section: kind for kind in RecordKind}


def _in_words(problems: list[Problem], items: Mapping[str, _Item]) -> list[Problem]:
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


def _read_item(kind: RecordKind, item: Any, path: str, problems: list[Problem]) -> _Item | None:
    """The record ``item`` holds, cleaned (:func:`cleaned`) and checked on its
    own; with every field that can be read when some cannot."""
    # The fast reader takes what is plainly right; read_partly explains the rest.
    record: Record | None = read_record(RECORD_TYPES[kind], item)
    unread: frozenset[str] = frozenset()
    if record is None:
        record, unread = read_partly(RECORD_TYPES[kind], item, path, problems)
        if record is None:
            return None
    record = cleaned(record)
    problems.extend(
        Problem(join_path(path, p.path), p.message)
        for p in validate(record)
        if not unread or _field(p.path) not in unread
    )
    return _Item(kind, record, path, unread)


def _field(path: str) -> str:
    """The record's field a problem's path starts with: "citations[0].source" -> "citations"."""
    return path.split(".", 1)[0].split("[", 1)[0]


def apply_import(plan: ImportPlan, store: Store, progress: Progress | None = None) -> int:
    """Add what ``plan`` holds, in one transaction; ``progress`` is told (records
    written, records in all) after each batch."""
    if plan.problems:
        raise ValueError("an import with problems cannot be applied")
    return store.add_all(plan.records, progress)


class _Counter:
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


def _check_header(data: Mapping[str, Any], problems: list[Problem]) -> None:
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


def _check_against_database(
    plan: ImportPlan,
    items: Sequence[_Item],
    paths: Mapping[tuple[RecordKind, str], str],
    store: Store,
) -> None:
    mentioned: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    for item in items:
        if "key" not in item.unread:
            mentioned[item.kind].add(item.record.key)
        for ref_path, ref_kind, key in references(item.record):
            if not item.unread or _field(ref_path) not in item.unread:
                mentioned[ref_kind].add(key)
    with store.engine.connect() as connection:
        existing = existing_ids(connection, mentioned)
        has_parties = any(item.kind is RecordKind.PARTY for item in items)
        parties = party_names_and_codes(connection) if has_parties else []
    order = {kind: number for number, kind in enumerate(WRITE_ORDER)}
    for item in sorted(items, key=lambda item: order[item.kind]):
        record, path = item.record, item.path
        if "key" not in item.unread and record.key in existing[item.kind]:
            plan.problems.append(
                Problem(join_path(path, "key"), f"{quoted(record.key)} is already in the database")
            )
        for ref_path, ref_kind, key in references(record):
            if item.unread and _field(ref_path) in item.unread:
                continue
            if (ref_kind, key) not in paths and key not in existing[ref_kind]:
                plan.problems.append(
                    Problem(
                        join_path(path, ref_path),
                        f"no {ref_kind.label} has the key {quoted(key)}",
                    )
                )
    _check_unique_parties(plan, items, parties)


def _check_unique_parties(
    plan: ImportPlan,
    items: Sequence[_Item],
    in_database: Sequence[tuple[str, str, str | None]],
) -> None:
    """A participant whose name looks the same as another's (in the database or
    earlier in the file: :func:`skeleton`), or with the same ISO code, is refused.

    One pass: each name's skeleton is looked up in a dict of those seen.
    """
    seen_names: dict[str, tuple[str, str, str]] = {}  # skeleton -> name, key, where
    seen_codes: dict[str, str] = {}
    for key, name, code in in_database:
        seen_names.setdefault(skeleton(name), (name, key, "in the database"))
        if code:
            seen_codes[code] = f"the participant with key {quoted(key)} in the database"
    for item in items:
        party = item.record
        if not isinstance(party, Party):
            continue
        if "name" not in item.unread and party.name:
            look = skeleton(party.name)
            if look in seen_names:
                plan.problems.append(
                    Problem(join_path(item.path, "name"), _same_look(party, *seen_names[look]))
                )
            seen_names.setdefault(look, (party.name, party.key, f"at {item.path}"))
        code = party.iso_code
        if code and "iso_code" not in item.unread:
            if code in seen_codes:
                plan.problems.append(
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


def _partial(path: Path) -> Path:
    """Where a file is written before it takes its name, so that a crash leaves
    the old file or the new, never half of one."""
    return path.with_name(f".{path.name}.partial")


def records_in(plan: ImportPlan) -> Sequence[tuple[RecordKind, int]]:
    return [(kind, len(records)) for kind, records in plan.records.items() if records]
