"""The JSON exchange format: a lossless, versioned copy of the curated data.

An export lists every record of every kind in the order they were added,
each in its exchange form (:mod:`viewer.domain.serial`). The revision log is
this database's own history and stays with it.

An import reads and checks the whole file before writing anything: every
problem is reported with its JSON path, and if there is any, nothing changes.
Both directions are linear: an export streams the rows out a page at a time
(:mod:`viewer.store.streams`) and writes the file as it goes; an import checks
references with set look-ups against the keys the file names, then writes in
bulk (:mod:`viewer.store.bulk`). Each reports its progress to an optional
``progress(done, total)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, func, select

from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES, Party, Record
from viewer.domain.serial import JsonValue, Problem, from_json, join_path
from viewer.domain.validation import validate
from viewer.store.bulk import (
    existing_ids,
    party_names_and_codes,
    references,
    without_cycle_collection,
)
from viewer.store.record_form import read_record
from viewer.store.store import WRITE_ORDER, Store
from viewer.store.streams import exchange_forms, table_of

Progress = Callable[[int, int], None]

FORMAT_NAME = "accords-viewer"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 200 * 1024 * 1024
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


def read_file(path: Path) -> tuple[Any, list[Problem]]:
    """The parsed JSON of ``path``, or the problem that stops reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem("", f"{path} is {size} bytes; the limit is {MAX_FILE_BYTES}")]
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem("", f"{path} does not exist")]
    except UnicodeDecodeError as error:
        return None, [Problem("", f"{path} is not UTF-8 text (byte {error.start})")]
    except OSError as error:
        return None, [Problem("", f"cannot read {path}: {error.strerror}")]
    try:
        with without_cycle_collection():  # every object parsed stays alive
            return json.loads(text), []
    except json.JSONDecodeError as error:
        return None, [
            Problem(
                "",
                f"{path} is not valid JSON: {error.msg} at line "
                f"{error.lineno}, column {error.colno}",
            )
        ]
    except ValueError as error:  # e.g. an integer too long to convert
        return None, [Problem("", f"{path} cannot be read as JSON: {error}")]
    except RecursionError:
        return None, [Problem("", f"{path} nests too deeply to be an exchange file")]


def plan_import(data: Any, store: Store, progress: Progress | None = None) -> ImportPlan:
    """Check ``data`` whole against itself and the database, as an import would.

    Linear in the file: the database is asked only about the keys the file
    names. ``progress`` is told (items read, items in all) as it goes.
    """
    with without_cycle_collection():
        return _plan_import(data, store, progress)


def _plan_import(data: Any, store: Store, progress: Progress | None) -> ImportPlan:
    plan = ImportPlan()
    if not isinstance(data, dict):
        plan.problems.append(Problem("", "the file holds no JSON object"))
        return plan
    _check_header(data, plan.problems)
    for name in sorted(set(data) - set(SECTIONS) - {"format", "format_version"}, key=str):
        plan.problems.append(Problem(str(name), "is not a section of the exchange format"))
    paths: dict[tuple[RecordKind, str], str] = {}
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
            # The fast reader takes what is plainly right; from_json explains the rest.
            record = read_record(RECORD_TYPES[kind], item) or from_json(
                RECORD_TYPES[kind], item, path, plan.problems
            )
            if record is None:
                # Still known by its key, so that references to it are not
                # reported as a second, misleading problem.
                key = item.get("key") if isinstance(item, dict) else None
                if isinstance(key, str):
                    paths.setdefault((kind, key), path)
                continue
            plan.problems.extend(
                Problem(join_path(path, p.path), p.message) for p in validate(record)
            )
            if (kind, record.key) in paths:
                plan.problems.append(
                    Problem(
                        join_path(path, "key"),
                        f"{record.key!r} is also used by {paths[(kind, record.key)]}",
                    )
                )
            paths[(kind, record.key)] = path
            plan.records[kind].append(record)
    counter.finish()
    _check_against_database(plan, paths, store)
    return plan


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
                f"{version} is newer than this app reads ({FORMAT_VERSION}); update Accords Viewer",
            )
        )
    elif version < 1:
        problems.append(Problem("format_version", f"{version} is not a format version"))


def _check_against_database(
    plan: ImportPlan, paths: Mapping[tuple[RecordKind, str], str], store: Store
) -> None:
    mentioned: dict[RecordKind, set[str]] = {kind: set() for kind in RecordKind}
    for kind, records in plan.records.items():
        for record in records:
            mentioned[kind].add(record.key)
            for _, ref_kind, key in references(record):
                mentioned[ref_kind].add(key)
    with store.engine.connect() as connection:
        existing = existing_ids(connection, mentioned)
        parties = party_names_and_codes(connection) if plan.records.get(RecordKind.PARTY) else []
    for kind in WRITE_ORDER:
        for record in plan.records.get(kind, []):
            path = paths[(kind, record.key)]
            if record.key in existing[kind]:
                plan.problems.append(
                    Problem(join_path(path, "key"), f"{record.key!r} is already in the database")
                )
            for ref_path, ref_kind, key in references(record):
                if (ref_kind, key) not in paths and key not in existing[ref_kind]:
                    plan.problems.append(
                        Problem(
                            join_path(path, ref_path), f"no {ref_kind.label} has the key {key!r}"
                        )
                    )
    _check_unique_parties(plan, paths, parties)


def _check_unique_parties(
    plan: ImportPlan,
    paths: Mapping[tuple[RecordKind, str], str],
    in_database: Sequence[tuple[str, str, str | None]],
) -> None:
    seen_names: dict[str, str] = {}
    seen_codes: dict[str, str] = {}
    for key, name, code in in_database:
        seen_names[name.strip().casefold()] = f"participant {key!r} in the database"
        if code:
            seen_codes[code] = f"participant {key!r} in the database"
    for party in plan.records.get(RecordKind.PARTY, []):
        assert isinstance(party, Party)
        path = paths[(RecordKind.PARTY, party.key)]
        name = party.name.strip().casefold()
        if name in seen_names:
            plan.problems.append(
                Problem(join_path(path, "name"), f"is also the name of {seen_names[name]}")
            )
        seen_names.setdefault(name, path)
        code = party.iso_code
        if code:
            if code in seen_codes:
                plan.problems.append(
                    Problem(
                        join_path(path, "iso_code"),
                        f"{code} is also the code of {seen_codes[code]}",
                    )
                )
            seen_codes.setdefault(code, path)


def _partial(path: Path) -> Path:
    """Where a file is written before it takes its name, so that a crash leaves
    the old file or the new, never half of one."""
    return path.with_name(f".{path.name}.partial")


def records_in(plan: ImportPlan) -> Sequence[tuple[RecordKind, int]]:
    return [(kind, len(records)) for kind, records in plan.records.items() if records]
