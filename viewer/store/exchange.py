"""The JSON exchange format: a lossless, versioned copy of the curated data.

An export lists every record of every kind in the order they were added,
each in its exchange form (:mod:`viewer.domain.serial`). The revision log is
this database's own history and stays with it.

An import reads and checks the whole file before writing anything: every
problem is reported with its JSON path, and if there is any, nothing changes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.records import RECORD_TYPES, Event, Party, Person, Record, StatusAction
from viewer.domain.serial import Problem, from_json, join_path, to_json
from viewer.domain.validation import validate
from viewer.store.store import WRITE_ORDER, Store

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
    data: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION}
    for kind in RecordKind:
        data[kind.section] = [to_json(record) for record in store.all(kind)]
    return data


def dumps(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_json(store: Store, path: Path) -> None:
    _write_atomically(path, dumps(export_data(store)))


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


def plan_import(data: Any, store: Store) -> ImportPlan:
    """Check ``data`` whole against itself and the database, as an import would."""
    plan = ImportPlan()
    if not isinstance(data, dict):
        plan.problems.append(Problem("", "the file holds no JSON object"))
        return plan
    _check_header(data, plan.problems)
    for name in sorted(set(data) - set(SECTIONS) - {"format", "format_version"}, key=str):
        plan.problems.append(Problem(str(name), "is not a section of the exchange format"))
    paths: dict[tuple[RecordKind, str], str] = {}
    for kind in RecordKind:
        items = data.get(kind.section, [])
        if not isinstance(items, list):
            plan.problems.append(Problem(kind.section, "must be a list"))
            continue
        plan.records[kind] = []
        for index, item in enumerate(items):
            path = join_path(kind.section, index)
            record = from_json(RECORD_TYPES[kind], item, path, plan.problems)
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
    _check_against_database(plan, paths, store)
    return plan


def apply_import(plan: ImportPlan, store: Store) -> int:
    if plan.problems:
        raise ValueError("an import with problems cannot be applied")
    return store.add_all(plan.records)


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
    existing = {kind: store.keys(kind) for kind in RecordKind}
    for kind in WRITE_ORDER:
        for record in plan.records.get(kind, []):
            path = paths[(kind, record.key)]
            if record.key in existing[kind]:
                plan.problems.append(
                    Problem(join_path(path, "key"), f"{record.key!r} is already in the database")
                )
            for ref_path, ref_kind, key in _references(record):
                if (ref_kind, key) not in paths and key not in existing[ref_kind]:
                    plan.problems.append(
                        Problem(
                            join_path(path, ref_path), f"no {ref_kind.label} has the key {key!r}"
                        )
                    )
    _check_unique_parties(plan, paths, store)


def _references(record: Record) -> list[tuple[str, RecordKind, str]]:
    refs: list[tuple[str, RecordKind, str]] = []
    if isinstance(record, StatusAction):
        refs += [
            ("accord", RecordKind.ACCORD, record.accord),
            ("party", RecordKind.PARTY, record.party),
        ]
    if isinstance(record, Person) and record.party:
        refs.append(("party", RecordKind.PARTY, record.party))
    if isinstance(record, Event):
        if record.accord:
            refs.append(("accord", RecordKind.ACCORD, record.accord))
        for index, role in enumerate(record.roles):
            base = join_path("roles", index)
            if role.party:
                refs.append((join_path(base, "party"), RecordKind.PARTY, role.party))
            if role.person:
                refs.append((join_path(base, "person"), RecordKind.PERSON, role.person))
    for index, citation in enumerate(getattr(record, "citations", ())):
        refs.append(
            (join_path(join_path("citations", index), "source"), RecordKind.SOURCE, citation.source)
        )
    return refs


def _check_unique_parties(
    plan: ImportPlan, paths: Mapping[tuple[RecordKind, str], str], store: Store
) -> None:
    seen_names: dict[str, str] = {}
    seen_codes: dict[str, str] = {}
    for party in store.all(RecordKind.PARTY):
        assert isinstance(party, Party)
        seen_names[party.name.strip().casefold()] = f"participant {party.key!r} in the database"
        if party.iso_code:
            seen_codes[party.iso_code] = f"participant {party.key!r} in the database"
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


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash leaves the old file or the new, never half."""
    temporary = path.with_name(f".{path.name}.partial")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def records_in(plan: ImportPlan) -> Sequence[tuple[RecordKind, int]]:
    return [(kind, len(records)) for kind, records in plan.records.items() if records]
