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

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from viewer.domain.enums import RecordKind
from viewer.domain.import_merge import Choice, MergeEntry, Standing
from viewer.domain.names import cleaned
from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import RECORD_TYPES, Record
from viewer.domain.serial import Problem, join_path, read_partly
from viewer.domain.validation import validate
from viewer.store.bulk import (
    existing_ids,
    party_names_and_codes,
    references,
    without_cycle_collection,
)
from viewer.store.exchange_checks import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Counter,
    FileItem,
    check_header,
    check_unique_parties,
    in_words,
    ordinal,
)
from viewer.store.exchange_export import (
    dumps,
    export_data,
    export_json,
)
from viewer.store.exchange_merge import MergeOutcome, apply_merge, plan_merge
from viewer.store.exchange_reading import MAX_FILE_BYTES, read_file
from viewer.store.record_form import read_record
from viewer.store.store import WRITE_ORDER, Store

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "ImportPlan",
    "MergeOutcome",
    "apply_import",
    "dumps",
    "export_data",
    "export_json",
    "merge_import",
    "ordinal",
    "plan_import",
    "read_file",
    "records_in",
]

Progress = Callable[[int, int], None]

SECTIONS = tuple(kind.section for kind in RecordKind)


@dataclass
class ImportPlan:
    """What a checked file holds, or the problems that stop it.

    Without problems, ``entries`` says how each record stands against the
    database (new, unchanged, changed: :class:`MergeEntry`) and ``choices``
    what the import does with it (one each, the defaults at first: add the
    new, update the changed, skip the unchanged); the preview changes them.
    """

    records: dict[RecordKind, list[Record]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    entries: list[MergeEntry] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(len(records) for records in self.records.values())

    def counts(self) -> dict[Standing, int]:
        """How many records are new, changed and unchanged."""
        found = dict.fromkeys(Standing, 0)
        for entry in self.entries:
            found[entry.standing] += 1
        return found

    def conflicts(self) -> list[MergeEntry]:
        """The records whose match in the database the file would change."""
        return [entry for entry in self.entries if entry.standing is Standing.CHANGED]

    def choose_for_changed(self, choice: Choice) -> None:
        """Give every changed record ``choice`` (update all, skip all)."""
        self.choices = [
            choice if entry.standing is Standing.CHANGED else current
            for entry, current in zip(self.entries, self.choices, strict=True)
        ]


def plan_import(data: Any, store: Store, progress: Progress | None = None) -> ImportPlan:
    """Check ``data`` whole against itself and the database, as an import would.

    Linear in the file: the database is asked only about the keys the file
    names (and the participants, which are few). ``progress`` is told (items
    read, items in all) as it goes.
    """
    with without_cycle_collection():
        return _plan_import(data, store, progress)


def _plan_import(data: Any, store: Store, progress: Progress | None) -> ImportPlan:
    plan = ImportPlan()
    if not isinstance(data, dict):
        plan.problems.append(Problem("", "the file holds no JSON object"))
        return plan
    check_header(data, plan.problems)
    for name in sorted(set(data) - set(SECTIONS) - {"format", "format_version"}, key=str):
        plan.problems.append(
            Problem(shortened(printable(str(name))), "is not a section of the exchange format")
        )
    paths: dict[tuple[RecordKind, str], str] = {}
    items_read: list[FileItem] = []
    sections = {kind: data.get(kind.section, []) for kind in RecordKind}
    counter = Counter(
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
    plan.problems = in_words(plan.problems, {item.path: item for item in items_read})
    if not plan.problems:
        plan.entries = plan_merge(plan.records, store)
        plan.choices = [entry.default for entry in plan.entries]
    return plan


def _read_item(kind: RecordKind, item: Any, path: str, problems: list[Problem]) -> FileItem | None:
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
    return FileItem(kind, record, path, unread)


def _field(path: str) -> str:
    """The record's field a problem's path starts with: "citations[0].source" -> "citations"."""
    return path.split(".", 1)[0].split("[", 1)[0]


def merge_import(plan: ImportPlan, store: Store, progress: Progress | None = None) -> MergeOutcome:
    """Import ``plan`` as its choices say, in one transaction
    (:func:`viewer.store.exchange_merge.apply_merge`); ``progress`` is told
    (records written, records to write) after each batch."""
    if plan.problems:
        raise ValueError("an import with problems cannot be applied")
    return apply_merge(plan.entries, plan.choices, store, progress)


def apply_import(plan: ImportPlan, store: Store, progress: Progress | None = None) -> int:
    """As :func:`merge_import`; how many records it added or updated."""
    outcome = merge_import(plan, store, progress)
    return len(outcome.added) + len(outcome.updated)


def _check_against_database(
    plan: ImportPlan,
    items: Sequence[FileItem],
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
    check_unique_parties(plan.problems, items, parties)


def records_in(plan: ImportPlan) -> Sequence[tuple[RecordKind, int]]:
    return [(kind, len(records)) for kind, records in plan.records.items() if records]
